import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * `relative` inside fedsim's package root (the first folder at or above `from` with a package.json
 * and `relative` in it): data files (certs/, the XSDs) that tsc does not copy, found the same way
 * from the sources, from dist/ and from the bundles (dist/harness/bundle/), whatever the depth.
 */
export function packageFolder(relative: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, relative);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`fedsim's ${relative} not found above ${from}`);
  }
}
