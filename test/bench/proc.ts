import { readFileSync } from 'node:fs';

/**
 * What the benches read of a process or a thread from Linux's /proc: its `stat` line (parent and
 * CPU seconds, utime + stime in clock ticks of 1/100 s) and its resident set.
 */
export function readStat(path: string): { ppid: number; cpuS: number } {
  const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return { ppid: Number(fields[1]), cpuS: (Number(fields[11]) + Number(fields[12])) / 100 };
}

/** Resident set in MB, as the kernel counts it (what `ps` and container limits see). */
export function rssMb(pid: number | 'self' = 'self'): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}
