import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSection } from '../../harness/cli/generated.js';
import { expectSchema } from '../../harness/scenario/schema-expect.js';
import { STEP_KINDS } from '../../harness/scenario/steps/index.js';

const readme = readFileSync('README.md', 'utf8');

/** Every key path of a zod object, nested objects included (`dropbox.familyName`). */
function keyPaths(schema: unknown, prefix = ''): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape) return [];
  return Object.entries(shape).flatMap(([k, v]) => {
    const inner = (v as { unwrap?: () => unknown }).unwrap?.() ?? v;
    return [`${prefix}${k}`, ...keyPaths(inner, `${prefix}${k}.`)];
  });
}

describe("README's generated tables", () => {
  it('lists every step kind', () => {
    const section = readSection(readme, 'steps') ?? '';
    for (const kind of STEP_KINDS) expect(section).toContain(`| \`${kind}\``);
  });

  it('lists every expect key', () => {
    const section = readSection(readme, 'expect-keys') ?? '';
    const paths = keyPaths(expectSchema);
    expect(paths).toContain('dropbox.familyName');
    for (const path of paths) expect(section).toContain(`| \`${path}\` |`);
  });
});
