import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readStat } from '../proc.js';
import { signIn, startServe } from '../serve-client.js';
import { summarise } from '../stats.js';

/**
 * Concurrent browsers on one `fedsim serve` (its own process, started as a user starts it): at
 * each level, that many browsers complete Sarah-style journeys (org1 sign-in → Org2Org → Dropbox
 * home) back to back for `seconds`. Journeys per second, p50/p99 and errors per level. Prints one
 * JSON line. Usage: node concurrent.js CLI 1,8,32 SECONDS [HEAP] (`fedsim serve --heap`, default footprint)
 */
const [cli, levelsArg, secondsArg, heap] = process.argv.slice(2);
const levels = (levelsArg ?? '1,8,32').split(',').map(Number);
const seconds = Number(secondsArg ?? 10);
const r2 = (x: number) => Math.round(x * 100) / 100;
const serveCpuS = (pid: number) => readStat(`/proc/${pid}/stat`).cpuS;
/** Each thread of the serve process and its CPU seconds so far (a thread gone since reads 0). */
const threadCpuS = (pid: number) =>
  new Map(
    readdirSync(`/proc/${pid}/task`).map((tid) => {
      try {
        return [tid, readStat(`/proc/${pid}/task/${tid}/stat`).cpuS] as const;
      } catch {
        return [tid, 0] as const;
      }
    }),
  );
/** The machine's idle and total clock ticks (the first line of /proc/stat). */
const machineTicks = () => {
  const ticks = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  return { idle: (ticks[3] ?? 0) + (ticks[4] ?? 0), total: ticks.reduce((a, b) => a + b, 0) };
};

const { child, facts } = await startServe(cli as string, heap ? ['--heap', heap] : []);
const parties = { [facts.org1.url]: 'org1', [facts.org2.url]: 'org2', [facts.dropbox.url]: 'dropbox' };
const journey = async () => {
  const page = await signIn(facts, parties);
  if (!page.url.startsWith(facts.dropbox.url)) throw new Error(`ended at ${page.url}`);
};

async function level(browsers: number) {
  const times: number[] = [];
  const errors: string[] = [];
  const pid = child.pid as number;
  const cpuBefore = serveCpuS(pid);
  const threadsBefore = threadCpuS(pid);
  const machineBefore = machineTicks();
  const clientBefore = process.cpuUsage();
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  const browser = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await journey();
        times.push(performance.now() - t);
      } catch (err) {
        errors.push(err instanceof Error ? err.message : String(err));
      }
    }
  };
  await Promise.all(Array.from({ length: browsers }, browser));
  const wall = (performance.now() - started) / 1000;
  const cpu = serveCpuS(pid) - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  const machine = machineTicks();
  // The world's thread is serve's busiest: it runs the three parties; the others are V8's helpers.
  const busiest = Math.max(
    ...[...threadCpuS(pid)].map(([tid, used]) => used - (threadsBefore.get(tid) ?? 0)),
  );
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)] ?? NaN;
  return {
    browsers,
    journeys: times.length,
    journeys_per_s: r2(times.length / wall),
    p50_ms: r2(summarise(times).median),
    p99_ms: r2(p99),
    errors: errors.length,
    /** What one journey costs the server in CPU: its ceiling on one core is 1000 ÷ this, whatever the load. */
    serve_cpu_ms_per_journey: r2((cpu * 1000) / times.length),
    /** The same for this process's browsers (fedsim's agent), which share the machine's cores with serve. */
    client_cpu_ms_per_journey: r2((client.user + client.system) / 1000 / times.length),
    /** CPU of serve's world thread per journey: one thread, so 1000 ÷ this journeys/s at most. */
    world_thread_cpu_ms_per_journey: r2((busiest * 1000) / times.length),
    /** How much of the machine's CPU time nobody used during the level (/proc/stat idle + iowait). */
    machine_idle_pct: r2((100 * (machine.idle - machineBefore.idle)) / (machine.total - machineBefore.total)),
    first_error: errors[0],
  };
}

try {
  await journey(); // warm-up: JIT and keys
  const results = [];
  for (const browsers of levels) results.push(await level(browsers));
  process.stdout.write(`${JSON.stringify(results)}\n`);
} finally {
  child.kill('SIGTERM');
}
