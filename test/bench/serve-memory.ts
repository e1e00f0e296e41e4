import { performance } from 'node:perf_hooks';
import { rssMb } from './proc.js';
import { signIn, startServe } from './serve-client.js';
import { check, summarise } from './stats.js';

/**
 * `fedsim serve` memory, measured on the real thing: `fedsim serve --json` is started as its own
 * process, as a user starts it, and this process is only the browser, doing N sequential
 * sign-ins (each a new browser going org1 → org2 → dropbox). The server's RSS is read from
 * /proc before the first sign-in and after every 100. Prints one JSON line.
 */

/** The server's resident set, to 0.1 MB. */
const serveRssMb = (pid: number) => Math.round(rssMb(pid) * 10) / 10;

const [cli, count] = process.argv.slice(2);
const signIns = Number(count ?? 1000);
const { child, facts } = await startServe(cli as string);
try {
  const pid = child.pid as number;
  const parties = { [facts.org1.url]: 'org1', [facts.org2.url]: 'org2', [facts.dropbox.url]: 'dropbox' };
  const samples = [{ signIns: 0, rssMb: serveRssMb(pid) }];
  const times: number[] = [];
  for (let i = 1; i <= signIns; i++) {
    const t = performance.now();
    const page = await signIn(facts, parties);
    times.push(performance.now() - t);
    check(page.url.startsWith(facts.dropbox.url), `sign-in ${i} ended at dropbox, not ${page.url}`);
    if (i % 100 === 0) samples.push({ signIns: i, rssMb: serveRssMb(pid) });
  }
  const first = samples[0] as (typeof samples)[number];
  const last = samples.at(-1) as (typeof samples)[number];
  const warm = samples.find((s) => s.signIns === 100) ?? first;
  process.stdout.write(
    `${JSON.stringify({
      signIns,
      rssBeforeMb: first.rssMb,
      rssAfterMb: last.rssMb,
      rssPeakMb: Math.max(...samples.map((s) => s.rssMb)),
      rssGrowthMb: Math.round((last.rssMb - first.rssMb) * 10) / 10,
      rssGrowthAfterWarmupMb: Math.round((last.rssMb - warm.rssMb) * 10) / 10,
      signInMs: summarise(times),
      samples,
    })}\n`,
  );
} finally {
  child.kill('SIGTERM');
}
