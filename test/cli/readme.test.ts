import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMMANDS } from '../../harness/cli/commands/index.js';
import { fedsim } from './in-process.js';

const BEGIN = "<!-- generated from each command's --help: test/cli/readme.test.ts checks it -->";
const END = '<!-- end of generated help -->';

/** README's Commands block: `fedsim --help`, then each command's --help, as the CLI prints them. */
async function generated(): Promise<string> {
  const blocks: string[] = [];
  for (const argv of [[], ...COMMANDS.map((c) => [c.name])]) {
    const { stdout } = await fedsim([...argv, '--help']);
    blocks.push(`$ npx fedsim ${[...argv, '--help'].join(' ')}\n${stdout.trimEnd()}`);
  }
  return `${BEGIN}\n\`\`\`text\n${blocks.join('\n\n')}\n\`\`\`\n${END}`;
}

it("README's Commands section is the help every command prints", async () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END) + END.length;
  expect(start, 'README has the generated block').toBeGreaterThan(-1);
  // On a difference, paste the expected block (printed below) into README.md.
  expect(readme.slice(start, end)).toBe(await generated());
});
