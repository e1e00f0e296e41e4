import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_FILES,
  generatedReadme,
  README_SECTIONS,
  readSection,
} from '../../harness/cli/generated.js';

describe('generated documentation is current (on a difference: npm run generate)', () => {
  const readme = readFileSync('README.md', 'utf8');

  it.each(Object.keys(README_SECTIONS))("README's %s section", async (name) => {
    expect(readSection(readme, name), `README has <!-- ${name}:start/end --> markers`).toBeDefined();
    const fresh = readSection(await generatedReadme(readme), name);
    expect(readSection(readme, name), `README's ${name} section is out of date: npm run generate`).toBe(
      fresh,
    );
  });

  it.each(Object.keys(GENERATED_FILES))('%s', (file) => {
    expect(readFileSync(file, 'utf8'), `${file} is out of date: npm run generate`).toBe(
      GENERATED_FILES[file]?.(),
    );
  });
});
