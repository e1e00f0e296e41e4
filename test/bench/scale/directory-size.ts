import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loopbackFetch } from '../../../harness/core/http.js';
import { createWorld } from '../../../harness/world/world.js';
import { check, gc, measure, type Stat } from '../stats.js';

/**
 * One directory size of the scale table, in a process of its own (so RSS is this size's alone):
 * a world whose org2 holds N users and whose Dropbox team holds N members, then the issue's
 * queries over real HTTP (org2's Users API, Dropbox's SCIM server), each on a different user.
 * Prints one JSON line. Usage: node directory-size.js N
 */
const size = Number(process.argv[2] ?? 1000);
const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;

gc();
const rssStart = rssMb();
// org2's rate limit out of the way: the bench times lookups, not 429s.
const world = await createWorld({ seed: 'scale', org2: { rateLimit: { limit: 1e9 } } });
gc();
const rssWorld = rssMb();

const login = (n: number) => `user${n}@org1.example`;
/** CPU seconds (user + system) since `from`: less bent by other processes' load than wall time. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
let cpu = process.cpuUsage();
let t = performance.now();
for (let n = 0; n < size; n++) {
  world.org2.directory.create({
    login: login(n),
    email: login(n),
    firstName: `First${n}`,
    lastName: `Last${n}`,
  });
}
const oktaBuildMs = performance.now() - t;
const oktaBuildCpuS = cpuSince(cpu);
cpu = process.cpuUsage();
t = performance.now();
for (let n = 0; n < size; n++) {
  world.dropbox.team.create({
    userName: login(n),
    externalId: `ext${n}`,
    givenName: `First${n}`,
    familyName: `Last${n}`,
    email: login(n),
  });
}
const scimBuildMs = performance.now() - t;
const scimBuildCpuS = cpuSince(cpu);
gc();
const rssBuilt = rssMb();

/** A different user each call, spread over the whole directory. */
let turn = 0;
const pick = () => {
  turn += 1;
  return (turn * 7919) % size;
};
const org2 = world.org2.url;
const oktaAuth = {
  headers: { Authorization: `SSWS ${world.tokens.superAdmin}`, Accept: 'application/json' },
};
const scimAuth = { headers: { Authorization: `Bearer ${world.tokens.scim}` } };
async function json(url: string, init: RequestInit, count?: number): Promise<unknown> {
  const res = await loopbackFetch(url, init);
  check(res.status === 200, `${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const body = (await res.json()) as unknown;
  if (count !== undefined) {
    const items = Array.isArray(body) ? body : (body as { Resources: unknown[] }).Resources;
    check(items.length === count, `${url} returned ${items.length} items, expected ${count}`);
  }
  return body;
}
const okta = (query: string, count?: number) => json(`${org2}/api/v1/users${query}`, oktaAuth, count);
const scim = (query: string, count?: number) =>
  json(`${world.dropbox.scimUrl}/Users${query}`, scimAuth, count);
const eq = (attr: string, value: string) => encodeURIComponent(`${attr} eq "${value}"`);
const middleId = (world.org2.directory.find(login(Math.floor(size / 2))) as { id: string }).id;

let created = 0;
const options = { warmup: 20, min: 40, budgetMs: 1500 };
const stats: Record<string, Stat> = {
  okta_get_by_login: await measure(() => okta(`/${login(pick())}`), options),
  okta_filter_login_eq: await measure(
    () => okta(`?filter=${eq('profile.login', login(pick()))}`, 1),
    options,
  ),
  okta_search_login_eq: await measure(
    () => okta(`?search=${eq('profile.login', login(pick()))}`, 1),
    options,
  ),
  okta_q_limit_10: await measure(() => okta(`?q=Last${pick()}&limit=10`), options),
  okta_first_page_200: await measure(() => okta('?limit=200', 200), options),
  okta_page_after_middle_200: await measure(() => okta(`?limit=200&after=${middleId}`), options),
  scim_create_one_in_process: await measure(() => {
    created += 1;
    const n = size + created;
    world.dropbox.team.create({
      userName: `new${n}@org1.example`,
      givenName: 'New',
      familyName: `${n}`,
      email: `new${n}@org1.example`,
    });
  }, options),
  scim_filter_username_eq: await measure(() => scim(`?filter=${eq('userName', login(pick()))}`, 1), options),
  scim_first_page_100: await measure(() => scim('?count=100', 100), options),
  scim_page_middle_100: await measure(() => scim(`?startIndex=${Math.floor(size / 2)}&count=100`), options),
};
await world.close();
process.stdout.write(
  `${JSON.stringify({
    size,
    stats,
    okta_build_ms: oktaBuildMs,
    scim_build_ms: scimBuildMs,
    okta_build_cpu_s: oktaBuildCpuS,
    scim_build_cpu_s: scimBuildCpuS,
    rss_mb: rssBuilt,
    rss_world_mb: rssWorld,
    rss_start_mb: rssStart,
    bytes_per_user: ((rssBuilt - rssWorld) * 2 ** 20) / size,
  })}\n`,
);
