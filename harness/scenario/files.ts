import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/**
 * Scenario files as paths, apart from parsing them (load.ts): the schema's module graph is every
 * step's, so what only lists or names files (`fedsim run`'s main thread) does not load it.
 */

/** Expands files and folders into a sorted list of *.yaml / *.yml scenario files. */
export function findScenarioFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      out.push(p);
      continue;
    }
    if (!isDir) out.push(p);
    else {
      for (const name of readdirSync(p).sort()) {
        if (['.yaml', '.yml'].includes(extname(name))) out.push(join(p, name));
      }
    }
  }
  return out;
}

export function scenarioStem(file: string): string {
  return basename(file, extname(file));
}
