import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, type Page } from '../../../harness/agent/index.js';
import { SystemClock } from '../../../harness/core/clock.js';
import { loopbackFetch } from '../../../harness/core/http.js';
import { systemLogReportHtml } from '../../../harness/okta/syslog/report-page.js';
import { confirmPrompts } from '../../../harness/scenario/browse.js';
import { readTrace } from '../../../harness/trace/read.js';
import { WORLD_DEFAULTS } from '../../../harness/world/defaults.js';
import { createWorld, type World } from '../../../harness/world/world.js';
import { fedsim } from '../../cli/in-process.js';

const [SARAH, DAVID] = WORLD_DEFAULTS.org1Users;
const dir = mkdtempSync(join(tmpdir(), 'fedsim-live-trace-'));
let world: World;

/** Sarah, in a fresh scripted browser: org1 sign-in → Org2Org tile → org2 → Dropbox tile. */
async function signIn(): Promise<Page> {
  const agent = new Agent({ fetch: loopbackFetch, parties: world.parties() });
  let page = await agent.goto(`${world.org1.url}/app/UserHome`);
  page = await agent.submit(page, { username: SARAH.login, password: SARAH.password }, { formId: 'sign-in' });
  page = await confirmPrompts(agent, await agent.clickLink(page, 'Org2Org'), true);
  return confirmPrompts(agent, await agent.clickLink(page, 'Dropbox Business'), true);
}

const traceJson = async (url: string) => (await request(url).get('/_fedsim/trace.json').expect(200)).body;

beforeAll(async () => {
  world = await createWorld({}, { clock: new SystemClock(), liveTrace: true });
  await world.org1.assign(SARAH.login);
  await world.org2.assignDropbox(SARAH.login);
  await world.settle();
  const page = await signIn();
  expect(page.url.startsWith(world.dropbox.url)).toBe(true);
});

afterAll(() => world?.close());

describe('a served world records every exchange into one trace', () => {
  it('serves the same document on every party, browser hops and party calls once each', async () => {
    const doc = await traceJson(world.org1.url);
    expect(await traceJson(world.org2.url)).toEqual(doc);
    expect(await traceJson(world.dropbox.url)).toEqual(doc);
    expect(readTrace(JSON.stringify(doc))?.legacy).toBe(false);
    const schema = JSON.parse(readFileSync('schema/trace.schema.json', 'utf8'));
    const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const users = doc.hops.filter(
      (h: { url: string; method: string }) =>
        h.method === 'POST' && h.url.startsWith(`${world.org2.url}/api/v1/users?`),
    );
    expect(users.map((h: { channel: string; from: string }) => [h.channel, h.from])).toEqual([
      ['api', 'org1'],
    ]);
    const acs = doc.hops.filter((h: { checks?: unknown }) => h.checks);
    expect(acs.map((h: { to: string; decision: { outcome: string } }) => [h.to, h.decision.outcome])).toEqual(
      [
        ['org2', 'linked'],
        ['dropbox', 'signed-in'],
      ],
    );
    expect(acs[0].initiator).toBe('org1');
    expect(doc.hops.some((h: { url: string }) => h.url.includes('/_fedsim/'))).toBe(false);
  });

  it('redacts as --trace does: no token, password or session id in the document', async () => {
    const text = JSON.stringify(await traceJson(world.org1.url));
    // The world's list names every password its users hold (each once), and the tokens.
    expect(world.secretValues()).toEqual(expect.arrayContaining([SARAH.password, world.tokens.superAdmin]));
    for (const secret of world.secretValues()) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('ties each hop to the request id its party sent, which System Log events carry', async () => {
    const doc = await traceJson(world.org1.url);
    const acs = doc.hops.find((h: { to: string; checks?: unknown }) => h.to === 'org2' && h.checks);
    expect(acs.requestId).toMatch(/^[\w-]{20}$/);
    const event = world.org2.log.events.find((e) => e.eventType === 'user.authentication.auth_via_IDP');
    expect(event?.transaction).toEqual({ type: 'WEB', id: acs.requestId, detail: null });
    const res = await request(world.org2.url).get('/login').expect(200);
    expect(res.headers['x-okta-request-id']).toMatch(/^[\w-]{20}$/);
  });

  it('is read by fedsim explain (one hop) and fedsim diff (two downloads)', async () => {
    const first = join(dir, 'first.json');
    const doc = await traceJson(world.org1.url);
    writeFileSync(first, JSON.stringify(doc));
    const acs = doc.hops.find((h: { to: string; checks?: unknown }) => h.to === 'dropbox' && h.checks);
    const explained = await fedsim(['explain', first, '--hop', String(acs.n)]);
    expect(explained.stderr).toBe('');
    expect(explained.stdout).toContain('dropbox');
    expect(explained.code).toBe(0);
    await signIn();
    const second = join(dir, 'second.json');
    writeFileSync(second, JSON.stringify(await traceJson(world.org1.url)));
    const diffed = await fedsim(['diff', first, second]);
    expect(diffed.stderr).toBe('');
    expect(diffed.stdout.length).toBeGreaterThan(0);
  });

  it('shows the page with a stable anchor per hop, the check table and the download link', async () => {
    const doc = await traceJson(world.dropbox.url);
    const res = await request(world.dropbox.url).get('/_fedsim/trace').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    for (const hop of doc.hops) expect(res.text).toContain(`id="hop-${hop.n}"`);
    expect(res.text).toContain('href="/_fedsim/trace.json"');
    expect(res.text).toContain('Check table: all');
    // Newest first.
    const last = doc.hops.at(-1).n;
    expect(res.text.indexOf(`id="hop-${last}"`)).toBeLessThan(res.text.indexOf(`id="hop-${doc.hops[0].n}"`));
  });

  it('refuses another Host, like every party page', async () => {
    await request(world.org2.url).get('/_fedsim/trace').set('Host', 'evil.example').expect(421);
  });

  it('streams each new exchange as a Server-Sent Event', async () => {
    const after = (await traceJson(world.org1.url)).hops.at(-1).n;
    const event = new Promise<string>((resolve, reject) => {
      const req = get(`${world.org2.url}/_fedsim/trace/events?after=${after}`, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        res.setEncoding('utf8');
        res.once('data', (chunk: string) => {
          resolve(chunk);
          req.destroy();
        });
      });
      req.once('error', reject);
    });
    await request(world.org1.url).get('/login').expect(200);
    const chunk = await event;
    expect(chunk).toMatch(new RegExp(`^id: ${after + 1}\nevent: hop\ndata: `));
    expect(JSON.parse(chunk.split('data: ')[1] as string).html).toContain(`id="hop-${after + 1}"`);
  });
});

describe('a refused sign-in leads from its error page to its System Log entry and its exchange', () => {
  it('org2 refuses a replayed response: the page links the entry, which shows the check table', async () => {
    const doc = await traceJson(world.org1.url);
    const acs = doc.hops.find((h: { to: string; checks?: unknown }) => h.to === 'org2' && h.checks);
    const res = await request(world.org2.url)
      .post(new URL(acs.url).pathname)
      .type('form')
      .send({ SAMLResponse: acs.formFields.SAMLResponse })
      .expect(400);
    const id = res.headers['x-okta-request-id'] as string;
    expect(res.text).toContain(`href="/admin/reports/syslog?transaction=${id}">See the System Log entry</a>`);
    const hop = world.trace?.hopOf(id);
    expect(hop?.decision?.outcome).toBe('refused');
    const report = systemLogReportHtml(world.org2.log.events, { transaction: id }, world.org2.log.exchangeOf);
    expect(report).toContain('1 of ');
    expect(report).toContain('<details open><summary>Why it failed</summary>');
    expect(report).toContain('Failed checks (1)');
    expect(report).toContain(`<a href="/_fedsim/trace#hop-${hop?.n}">Open in trace`);
    expect(report).toContain('Pretty XML');
  });

  it("org1 refuses David's Org2Org sign-in (not assigned): the page links the entry", async () => {
    const agent = new Agent({ fetch: loopbackFetch, parties: world.parties() });
    const signInPage = await agent.goto(`${world.org1.url}/app/UserHome`);
    await agent.submit(
      signInPage,
      { username: DAVID.login, password: DAVID.password },
      { formId: 'sign-in' },
    );
    const page = await agent.goto(`${world.org1.url}/app/okta_org2org/${world.org1.app.key}/sso/saml`);
    expect(page.status).toBe(403);
    const id = /transaction=([\w-]+)/.exec(page.html)?.[1] as string;
    const event = world.org1.log.events.find((e) => e.transaction.id === id);
    expect(event?.outcome).toEqual({ result: 'FAILURE', reason: 'APP_NOT_ASSIGNED' });
    const report = systemLogReportHtml(world.org1.log.events, { transaction: id }, world.org1.log.exchangeOf);
    expect(report).toContain('Assign the user');
    expect(report).toContain(`#hop-${world.trace?.hopOf(id)?.n}`);
  });
});

describe('a world not served records nothing', () => {
  it('has no trace routes', async () => {
    const plain = await createWorld();
    try {
      await request(plain.org1.url).get('/_fedsim/trace').expect(404);
      expect(plain.trace).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
