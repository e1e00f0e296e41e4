import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED_FILES, generatedReadme, README_SECTIONS } from './generated.js';

/** `npm run generate` (from the repository root): rewrites README's generated sections and the generated files. */
async function main(): Promise<void> {
  for (const [file, text] of Object.entries(GENERATED_FILES)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text());
  }
  writeFileSync('README.md', await generatedReadme(readFileSync('README.md', 'utf8')));
  console.log(
    `wrote ${Object.keys(GENERATED_FILES).join(', ')} and README.md's ${Object.keys(README_SECTIONS).join(', ')} sections`,
  );
}

await main();
