import { performance } from 'node:perf_hooks';
import { Agent } from '../../harness/agent/index.js';
import { SystemClock } from '../../harness/core/clock.js';
import { signInAndClick } from '../../harness/scenario/browse.js';
import { createWorld } from '../../harness/world/world.js';
import { check, gc, summarise } from './stats.js';

/**
 * `fedsim serve` memory: a world on the real clock with the seed's finished setup, then N
 * sequential sign-ins, each a new browser going org1 → org2 → dropbox. Prints one JSON line.
 */
const SARAH = 'sarah@org1.example';
const signIns = Number(process.argv[2] ?? 1000);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
/** After two full collections and a pause (closed sockets, finalizers), so the reading is what stays. */
const reading = async (n: number) => {
  gc();
  await new Promise((done) => setTimeout(done, 50));
  gc();
  const m = process.memoryUsage();
  return { signIns: n, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
};

const world = await createWorld({}, { clock: new SystemClock() });
try {
  await world.org1.assign(SARAH);
  await world.org2.assignDropbox(SARAH);
  await world.settle();
  const password = world.org1.directory.find(SARAH)?.password ?? '';
  const samples = [await reading(0)];
  const times: number[] = [];
  for (let i = 1; i <= signIns; i++) {
    const agent = new Agent({ fetch: world.fetch, parties: world.parties() });
    const t = performance.now();
    const page = await signInAndClick(world, agent, {
      login: SARAH,
      password,
      tiles: ['Org2Org', 'Dropbox Business'],
      confirm: true,
      start: 'org1',
    });
    times.push(performance.now() - t);
    check(page.url.startsWith(world.dropbox.url), `sign-in ${i} ended at dropbox, not ${page.url}`);
    if (i % 100 === 0) samples.push(await reading(i));
  }
  const first = samples[0] as (typeof samples)[number];
  const last = samples.at(-1) as (typeof samples)[number];
  const warm = samples.find((s) => s.signIns === 100) ?? first;
  process.stdout.write(
    `${JSON.stringify({
      signIns,
      rssBeforeMb: first.rssMb,
      rssAfterMb: last.rssMb,
      rssGrowthMb: Math.round((last.rssMb - first.rssMb) * 10) / 10,
      rssGrowthAfterWarmupMb: Math.round((last.rssMb - warm.rssMb) * 10) / 10,
      heapUsedBeforeMb: first.heapUsedMb,
      heapUsedAfterMb: last.heapUsedMb,
      signInMs: summarise(times),
      samples,
    })}\n`,
  );
} finally {
  await world.close();
}
