import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { journeyRunner } from './fedsim.js';

/**
 * Where a journey spends its time: runs `count` focused journeys (after a warm-up) under the V8
 * sampling profiler, writes the .cpuprofile (open it in Chrome DevTools) and prints the top
 * self-time and inclusive-time functions and the time per package.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function where(frame: CallFrame, root: string): string {
  if (!frame.url) return '';
  const path = frame.url.startsWith('file://') ? relative(root, new URL(frame.url).pathname) : frame.url;
  return `${path}:${frame.lineNumber + 1}`;
}

function group(frame: CallFrame): string {
  const url = frame.url;
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node: (core)';
  const harness = /\/harness\/([^/]+)\//.exec(url);
  if (harness) return `harness/${harness[1]}`;
  return url.includes('/test/bench/') ? 'bench' : url;
}

interface Row {
  name: string;
  ms: number;
  pct: number;
}

export function summariseProfile(profile: CpuProfile, root: string, top = 10) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((a, [, v]) => a + v, 0);
  const label = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${where(f, root)}`.trim();
  const selfByFn = new Map<string, number>();
  const byGroup = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    selfByFn.set(label(frame), (selfByFn.get(label(frame)) ?? 0) + ms);
    byGroup.set(group(frame), (byGroup.get(group(frame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = (byId.get(cur) as ProfileNode).callFrame;
      if (!f.url.includes('/harness/')) continue;
      const key = label(f);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      seen.add(key);
    }
  }
  const rows = (m: Map<string, number>, n: number): Row[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }));
  return {
    totalMs: Math.round(total),
    idlePct: Math.round((idle / total) * 1000) / 10,
    self: rows(selfByFn, top),
    groups: rows(byGroup, 15),
    inclusiveHarness: rows(inclusive, 25),
  };
}

export function printProfile(s: ReturnType<typeof summariseProfile>, journeys: number): void {
  const line = (r: Row) => `  ${r.pct.toFixed(1).padStart(5)} %  ${String(r.ms).padStart(6)} ms  ${r.name}`;
  console.log(
    `\nprofile of ${journeys} journeys: ${s.totalMs} ms sampled, ${s.idlePct} % idle (waiting on loopback I/O)`,
  );
  console.log(`\ntop ${s.self.length} functions by self time (% of all samples):`);
  for (const r of s.self) console.log(line(r));
  console.log('\nself time by package:');
  for (const r of s.groups) console.log(line(r));
  console.log('\nharness functions by inclusive time:');
  for (const r of s.inclusiveHarness) console.log(line(r));
}

export async function profileJourneys(root: string, count = 50): Promise<void> {
  const journey = journeyRunner();
  for (let i = 0; i < 5; i++) await journey();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  for (let i = 0; i < count; i++) await journey();
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  const file = join(tmpdir(), 'fedsim-bench-journeys.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  printProfile(summariseProfile(profile, root), count);
  console.log(`\nfull profile: ${file} (Chrome DevTools > Performance > Load profile)`);
}
