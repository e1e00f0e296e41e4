import { performance } from 'node:perf_hooks';
import { loopbackFetch } from '../../../harness/core/http.js';
import { createWorld, type World } from '../../../harness/world/world.js';
import { rssMb } from '../proc.js';
import { check, gc, measureInterleaved, type Stat } from '../stats.js';

/**
 * The directory table of issue 16, in one process: one world per size, its org2 holding N users
 * and its Dropbox team N members (build wall and CPU time, RSS growth per user), then each query
 * over real HTTP (org2's Users API, Dropbox's SCIM server) on a different user each call, the
 * sizes taking turns so machine load moves them alike and the ratios hold on a busy machine.
 * Prints one JSON line. Usage: node directories.js 1000,10000,100000
 */
const sizes = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
/** CPU seconds (user + system) since `from`: less bent by other processes' load than wall time. */
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
const login = (n: number) => `user${n}@org1.example`;

interface Built {
  world: World;
  size: number;
  build: Record<string, number>;
}

async function build(size: number): Promise<Built> {
  gc();
  const rssBefore = rssMb();
  // org2's rate limit out of the way: the bench times lookups, not 429s.
  const world = await createWorld({ seed: 'scale', org2: { rateLimit: { limit: 1e9 } } });
  let cpu = process.cpuUsage();
  let t = performance.now();
  for (let n = 0; n < size; n++) {
    const profile = { login: login(n), email: login(n), firstName: `First${n}`, lastName: `Last${n}` };
    world.org2.directory.create(profile);
  }
  const okta = { wall: (performance.now() - t) / 1000, cpu: cpuSince(cpu) };
  cpu = process.cpuUsage();
  t = performance.now();
  for (let n = 0; n < size; n++) {
    const member = {
      userName: login(n),
      externalId: `ext${n}`,
      givenName: `First${n}`,
      familyName: `Last${n}`,
    };
    world.dropbox.team.create({ ...member, email: login(n) });
  }
  const scim = { wall: (performance.now() - t) / 1000, cpu: cpuSince(cpu) };
  gc();
  const grown = rssMb() - rssBefore;
  return {
    world,
    size,
    build: {
      okta_build_s: okta.wall,
      okta_build_cpu_s: okta.cpu,
      scim_build_s: scim.wall,
      scim_build_cpu_s: scim.cpu,
      rss_growth_mb: grown,
      bytes_per_user: (grown * 2 ** 20) / size,
    },
  };
}

const worlds: Built[] = [];
for (const size of sizes) worlds.push(await build(size));

/** The queries of one world, each on a different user spread over the whole directory. */
function queries({ world, size }: Built): Record<string, () => Promise<unknown>> {
  let turn = 0;
  let created = 0;
  const pick = () => {
    turn += 1;
    return (turn * 7919) % size;
  };
  const oktaAuth = {
    headers: { Authorization: `SSWS ${world.tokens.superAdmin}`, Accept: 'application/json' },
  };
  const scimAuth = { headers: { Authorization: `Bearer ${world.tokens.scim}` } };
  async function json(url: string, init: RequestInit, count?: number): Promise<unknown> {
    const res = await loopbackFetch(url, init);
    check(res.status === 200, `${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const body = (await res.json()) as unknown;
    const items = Array.isArray(body) ? body : (body as { Resources?: unknown[] }).Resources;
    check(
      count === undefined || items?.length === count,
      `${url} returned ${items?.length} items, not ${count}`,
    );
    return body;
  }
  const okta = (query: string, count?: number) =>
    json(`${world.org2.url}/api/v1/users${query}`, oktaAuth, count);
  const scim = (query: string, count?: number) =>
    json(`${world.dropbox.scimUrl}/Users${query}`, scimAuth, count);
  const eq = (attr: string, value: string) => encodeURIComponent(`${attr} eq "${value}"`);
  const middleId = world.org2.directory.get(login(Math.floor(size / 2))).id;
  return {
    okta_get_by_login: () => okta(`/${login(pick())}`),
    okta_filter_login_eq: () => okta(`?filter=${eq('profile.login', login(pick()))}`, 1),
    okta_search_login_eq: () => okta(`?search=${eq('profile.login', login(pick()))}`, 1),
    okta_search_email_sw: () => okta(`?search=${encodeURIComponent(`profile.email sw "${login(pick())}"`)}`),
    okta_q_limit_10: () => okta(`?q=Last${pick()}&limit=10`),
    okta_first_page_200: () => okta('?limit=200', 200),
    okta_page_after_middle_200: () => okta(`?limit=200&after=${middleId}`),
    scim_create_one_in_process: async () => {
      created += 1;
      const userName = `new${created}@org1.example`;
      world.dropbox.team.create({ userName, givenName: 'New', familyName: `${created}`, email: userName });
    },
    scim_filter_username_eq: () => scim(`?filter=${eq('userName', login(pick()))}`, 1),
    scim_filter_external_id_eq: () => scim(`?filter=${eq('externalId', `ext${pick()}`)}`, 1),
    scim_first_page_100: () => scim('?count=100', 100),
    scim_page_middle_100: () => scim(`?startIndex=${Math.floor(size / 2)}&count=100`, 100),
  };
}

const perWorld = worlds.map(queries);
const names = Object.keys(perWorld[0] ?? {});
const stats: Record<string, Record<string, Stat>> = {};
for (const name of names) {
  process.stderr.write(`bench scale: ${name}\n`);
  const fns = Object.fromEntries(
    worlds.map((w, i) => [String(w.size), perWorld[i]?.[name] as () => unknown]),
  );
  stats[name] = await measureInterleaved(fns, { warmup: 10, min: 40, budgetMs: 2000 });
}
const rssTotal = rssMb();
await Promise.all(worlds.map((w) => w.world.close()));
process.stdout.write(
  `${JSON.stringify({ sizes, stats, build: Object.fromEntries(worlds.map((w) => [w.size, w.build])), rss_mb: rssTotal })}\n`,
);
