import { afterEach, describe, expect, it } from 'vitest';
import { type HttpFetch, loopbackFetch } from '../../harness/core/http.js';
import { assignGroup } from '../../harness/okta/org1/group-assignment.js';
import { createWorld, type World } from '../../harness/world/world.js';

const USERS = 300;
const LIMIT = 100;
let world: World | undefined;

afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** org1's calls to org2's Users API that org2 let through, by rate-limit window (virtual minute), and its 429s. */
function countingFetch(now: () => number) {
  const perWindow = new Map<number, number>();
  let refused = 0;
  const fetch: HttpFetch = async (url, init) => {
    const res = await loopbackFetch(url, init);
    if (new URL(url).pathname.startsWith('/api/v1/users')) {
      if (res.status === 429) refused += 1;
      else {
        const window = Math.floor(now() / 60_000);
        perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
      }
    }
    return res;
  };
  return { fetch, perWindow, refused: () => refused };
}

describe('a group assigned to Org2Org under org2 rate limit', () => {
  it(`pushes ${USERS} members at most ${LIMIT} a virtual minute, waiting out each 429, all provisioned`, async () => {
    let clockNow = () => 0;
    const counter = countingFetch(() => clockNow());
    world = await createWorld(
      {
        org1: {
          users: [
            {
              generate: {
                count: USERS,
                template: { login: 'u{n}@org1.example', firstName: 'U', lastName: '{n}' },
                groups: { pattern: 'Everyone', every: USERS },
              },
            },
          ],
        },
        org2: { rateLimit: { limit: LIMIT, windowSeconds: 60 } },
      },
      { fetch: counter.fetch },
    );
    const w = world;
    clockNow = () => w.clock.now().getTime();
    const started = clockNow();
    const { queued, pushed, assignment } = assignGroup(w.org1, w.org1.group('Everyone').id);
    expect(queued).toBe(USERS);
    expect(assignment.priority).toBe(0);
    expect(w.org1.connector.log.counts().pending).toBe(USERS);
    const tasks = await pushed;

    expect(tasks.filter((t) => t.status === 'done')).toHaveLength(USERS);
    expect(counter.refused()).toBeGreaterThan(0);
    expect(Math.max(...counter.perWindow.values())).toBeLessThanOrEqual(LIMIT);
    expect([...counter.perWindow.values()].reduce((a, b) => a + b)).toBe(USERS);
    // 300 creates at 100 a minute: three windows, so the scenario clock moved at least two minutes.
    expect(clockNow() - started).toBeGreaterThanOrEqual(2 * 60_000);
    expect(w.org1.connector.log.counts()).toMatchObject({ done: USERS, pending: 0, failed: 0 });
    expect(w.org2.directory.all().filter((u) => u.status === 'PROVISIONED')).toHaveLength(USERS);
    const appUser = w.org1.appUsers.find(w.org1.app.id, w.org1.directory.get('u300@org1.example').id);
    expect(appUser).toMatchObject({ scope: 'GROUP', status: 'PROVISIONED', syncState: 'SYNCHRONIZED' });
  });
});
