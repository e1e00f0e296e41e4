import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { Agent } from '../../../harness/agent/index.js';
import { loopbackFetch } from '../../../harness/core/http.js';
import { batchedWorld } from '../../generated-world.js';
import type { ServeFacts } from '../../serve/serve-process.js';
import { rssMb } from '../proc.js';
import { signIn, startServe } from '../serve-client.js';
import { summarise } from '../stats.js';

/**
 * `fedsim serve` of a world of N generated org1 users, provisioned into org2 and Dropbox: how long
 * it takes to be ready, its RSS, and what each admin page, API list and a sign-in journey cost
 * (median of REPEATS, and the page's size). Every page a person clicks must stay a page's cost,
 * whatever the directory. Prints one JSON line. Usage: node served-world.js CLI N
 */
const [cli, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 100_000);
const REPEATS = 7;

const scenario = join(mkdtempSync(join(tmpdir(), 'fedsim-served-world-')), 'served-world.yaml');
const steps = [{ expect: { org2: { user: 'user1@org1.example', status: 'PROVISIONED' } } }];
writeFileSync(scenario, stringify({ name: `${count} provisioned users`, world: batchedWorld(count), steps }));

const started = performance.now();
const { child, facts: served } = await startServe(cli as string, [scenario]);
const readyS = (performance.now() - started) / 1000;
const facts = served as ServeFacts;
const parties = { [facts.org1.url]: 'org1', [facts.org2.url]: 'org2', [facts.dropbox.url]: 'dropbox' };

/** Median ms and the size in bytes of `fetch` done REPEATS times. */
async function timed(fetch: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now();
    bytes = await fetch();
    times.push(performance.now() - t);
  }
  return { ms: Math.round(summarise(times).median * 10) / 10, bytes };
}

async function adminPages(org: 'org1' | 'org2' | 'dropbox', paths: string[]) {
  const admin = facts.admins.find((a) => a.org === org);
  if (!admin) throw new Error(`no ${org} admin`);
  const agent = new Agent({ fetch: loopbackFetch, parties });
  const form = await agent.goto(admin.url);
  const fields: Record<string, string> =
    org === 'dropbox'
      ? { email: admin.login, password: admin.password }
      : { username: admin.login, password: admin.password };
  await agent.submit(form, fields, org === 'dropbox' ? {} : { formId: 'sign-in' });
  const origin = facts[org].url;
  const rows: Record<string, { ms: number; bytes: number }> = {};
  for (const path of paths) {
    rows[`${org} ${path}`] = await timed(async () => {
      const page = await agent.goto(`${origin}${path}`);
      if (page.status !== 200) throw new Error(`${org} ${path}: HTTP ${page.status}`);
      return page.html.length;
    });
  }
  return rows;
}

async function api(name: string, url: string, authorization: string) {
  return {
    [name]: await timed(async () => {
      const res = await loopbackFetch(url, { headers: { authorization } });
      if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
      return (await res.text()).length;
    }),
  };
}

const org1Api = (path: string) => `${facts.org1.url}/api/v1${path}`;
const ssws = `SSWS ${facts.org1.apiToken}`;
/** Dropbox's SCIM Users, 100 a page, with `filter` when given. */
const scimUsers = (filter?: string) =>
  api(
    `dropbox GET /scim/v2/Users${filter ? `?filter=${filter}` : ''}`,
    `${facts.dropbox.url}/scim/v2/Users?count=100${filter ? `&filter=${encodeURIComponent(filter)}` : ''}`,
    `Bearer ${facts.dropbox.scimToken}`,
  );
const groups = (await (
  await loopbackFetch(org1Api('/groups'), { headers: { authorization: ssws } })
).json()) as {
  id: string;
}[];
const group = groups[0]?.id ?? '';
const pages = {
  ...(await adminPages('org1', [
    '/admin/people',
    '/admin/people?q=user99999',
    '/admin/groups',
    `/admin/groups/${group}`,
    '/admin/apps/org2org/assignments',
    '/admin/tasks',
  ])),
  ...(await adminPages('org2', [
    '/admin/people',
    `/admin/apps/${facts.org2.dropboxAppId}/assignments`,
    '/admin/tasks',
  ])),
  ...(await adminPages('dropbox', ['/admin/members', `/admin/members?page=${Math.ceil(count / 100)}`])),
  ...(await api('org1 GET /users?q=User', org1Api('/users?q=User'), ssws)),
  ...(await api('org1 GET /apps/{id}/users', org1Api(`/apps/${facts.org1.org2orgAppId}/users`), ssws)),
  ...(await api('org1 GET /groups/{id}/users', org1Api(`/groups/${group}/users`), ssws)),
  ...(await scimUsers()),
  // Filters no index answers: each member tested (userName eq, externalId eq and id eq use one).
  ...(await scimUsers('active eq true')),
  ...(await scimUsers('name.familyName co "999"')),
  ...(await scimUsers('emails.value co "user9"')),
};
const journey = await timed(async () => (await signIn(facts, parties)).html.length);
const slowest = Object.entries(pages).sort(([, a], [, b]) => b.ms - a.ms)[0];
const largest = Math.max(...Object.values(pages).map((p) => p.bytes));
const rss = rssMb(child.pid as number);
child.kill('SIGTERM');
process.stdout.write(
  `${JSON.stringify({
    users: count,
    ready_s: Math.round(readyS * 100) / 100,
    serve_rss_mb: Math.round(rss),
    journey_ms: journey.ms,
    slowest_page: slowest?.[0],
    slowest_page_ms: slowest?.[1].ms,
    largest_page_bytes: largest,
    pages,
  })}\n`,
);
process.exit(0);
