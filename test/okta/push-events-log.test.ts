import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../harness/world/world.js';

// Provisioning pushes on the pushing org's System Log (GET /api/v1/logs). Event types and display
// messages: Okta's event types catalogue (okta/okta-developer-docs,
// packages/@okta/vuepress-site/data/event-types.json); see docs/decisions/provisioning-push-events.md.

const SARAH = 'sarah@org1.example';
let world: World | undefined;
afterEach(() => world?.close());

async function logs(url: string, token: string, filter: string) {
  const res = await request(url)
    .get(`/api/v1/logs?filter=${encodeURIComponent(filter)}`)
    .set('Authorization', `SSWS ${token}`)
    .expect(200);
  return res.body;
}

describe('provisioning pushes in the System Log', () => {
  it("an Org2Org create: org1's push and push_new_user_success, as JOB events by Okta's system principal", async () => {
    const w = await createWorld();
    world = w;
    await w.org1.assign(SARAH);
    const sarah = w.org1.directory.get(SARAH);
    const events = await logs(w.org1.url, w.tokens.superAdmin, 'eventType sw "app"');
    expect(events.map((e: { eventType: string }) => e.eventType)).toEqual([
      'application.provision.user.push',
      'app.user_management.push_new_user_success',
    ]);
    expect(events[0]).toMatchObject({
      displayMessage: 'Push new user to external application',
      severity: 'INFO',
      outcome: { result: 'SUCCESS', reason: null },
      actor: { type: 'SystemPrincipal' },
      transaction: { type: 'JOB' },
      debugContext: { debugData: { attempts: '1' } },
      target: [
        { id: sarah.id, type: 'User', alternateId: SARAH },
        { type: 'AppUser', alternateId: SARAH },
        { id: w.org1.app.id, type: 'AppInstance', alternateId: w.org1.app.label },
      ],
    });
    // The pushing org logs the push; org2 logs what its Users API did (user.lifecycle.create).
    expect(await logs(w.org2.url, w.tokens.superAdmin, 'eventType sw "application.provision"')).toEqual([]);
  });

  it('a Dropbox create failing with 5xx past its retries: FAILURE with the code, status and attempts', async () => {
    const w = await createWorld({
      org2: { dropbox: { provisioning: { retry: { maxAttempts: 2, backoffSeconds: 1 } } } },
    });
    world = w;
    await w.org1.assign(SARAH);
    w.faults.dropbox.inject({ fault: 'error5xx', count: 2 });
    await w.org2.assignDropbox(SARAH);
    const [event, ...rest] = await logs(w.org2.url, w.tokens.superAdmin, 'eventType sw "app"');
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      eventType: 'application.provision.user.push',
      severity: 'WARN',
      outcome: { result: 'FAILURE', reason: expect.stringContaining('500') },
      debugContext: { debugData: { attempts: '2', httpStatus: '500', fedsimCode: 'PROVISIONING_FAILED' } },
    });
    expect(event.target[2]).toMatchObject({ id: w.org2.options.dropbox.id, type: 'AppInstance' });
  });

  it('a skipped push (Create Users off) logs nothing', async () => {
    const w = await createWorld({ org1: { org2org: { provisioning: { create: false } } } });
    world = w;
    await w.org1.assign(SARAH);
    expect(w.org1.connector.tasks.at(-1)?.status).toBe('skipped');
    expect(await logs(w.org1.url, w.tokens.superAdmin, 'eventType sw "app"')).toEqual([]);
  });
});
