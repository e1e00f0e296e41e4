import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Agent, type Page } from '../../harness/agent/index.js';
import { loopbackFetch } from '../../harness/core/http.js';
import { confirmPrompts } from '../../harness/scenario/browse.js';
import { check, summarise } from './stats.js';

/**
 * `fedsim serve` memory, measured on the real thing: `fedsim serve --json` is started as its own
 * process, as a user starts it, and this process is only the browser, doing N sequential
 * sign-ins (each a new browser going org1 → org2 → dropbox). The server's RSS is read from
 * /proc before the first sign-in and after every 100. Prints one JSON line.
 */
interface Facts {
  org1: { url: string };
  org2: { url: string };
  dropbox: { url: string };
  users: { login: string; password: string }[];
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
/** Resident set of a process, from the kernel (what `ps` and container limits see). */
const rssMb = (pid: number) =>
  mb(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]));

function startServe(cli: string): Promise<{ child: ChildProcess; facts: Facts }> {
  const child = spawn(process.execPath, [cli, 'serve', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`fedsim serve exited ${code} before it was ready`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, facts: JSON.parse(line) as Facts });
    });
  });
}

async function signIn(facts: Facts, parties: Record<string, string>): Promise<Page> {
  const user = facts.users[0] as Facts['users'][number];
  const agent = new Agent({ fetch: loopbackFetch, parties });
  let page = await agent.goto(`${facts.org1.url}/app/UserHome`);
  page = await agent.submit(page, { username: user.login, password: user.password }, { formId: 'sign-in' });
  page = await confirmPrompts(agent, page, true);
  page = await confirmPrompts(agent, await agent.clickLink(page, 'Org2Org'), true);
  return confirmPrompts(agent, await agent.clickLink(page, 'Dropbox Business'), true);
}

const [cli, count] = process.argv.slice(2);
const signIns = Number(count ?? 1000);
const { child, facts } = await startServe(cli as string);
try {
  const pid = child.pid as number;
  const parties = { [facts.org1.url]: 'org1', [facts.org2.url]: 'org2', [facts.dropbox.url]: 'dropbox' };
  const samples = [{ signIns: 0, rssMb: rssMb(pid) }];
  const times: number[] = [];
  for (let i = 1; i <= signIns; i++) {
    const t = performance.now();
    const page = await signIn(facts, parties);
    times.push(performance.now() - t);
    check(page.url.startsWith(facts.dropbox.url), `sign-in ${i} ended at dropbox, not ${page.url}`);
    if (i % 100 === 0) samples.push({ signIns: i, rssMb: rssMb(pid) });
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
