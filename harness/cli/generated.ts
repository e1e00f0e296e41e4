import { SCENARIO_SCHEMA_FILE, scenarioJsonSchemaText } from '../scenario/json-schema.js';
import { expectTable, stepTable } from '../scenario/reference.js';
import { codesTable } from './codes.js';
import { COMMANDS } from './commands/index.js';
import { captureIo } from './io.js';
import { runCli } from './program.js';

/**
 * What the repository keeps generated, so that it cannot drift from the code: README's tables
 * (steps, expect keys, every command's --help, every error code) and the scenario JSON Schema.
 * `npm run generate` writes them; test/docs/generated.test.ts fails while any is out of date.
 */

/** `fedsim --help`, then each command's --help, as the CLI prints them. */
async function commandsHelp(): Promise<string> {
  const blocks: string[] = [];
  for (const argv of [[], ...COMMANDS.map((c) => [c.name])]) {
    const io = captureIo();
    await runCli([...argv, '--help'], io);
    blocks.push(`$ npx fedsim ${[...argv, '--help'].join(' ')}\n${io.out.stdout.trimEnd()}`);
  }
  return `\`\`\`text\n${blocks.join('\n\n')}\n\`\`\``;
}

/** README's generated sections: `<!-- NAME:start -->` … `<!-- NAME:end -->`. */
export const README_SECTIONS: Record<string, () => string | Promise<string>> = {
  steps: stepTable,
  'expect-keys': expectTable,
  commands: commandsHelp,
  codes: codesTable,
};

export const GENERATED_FILES: Record<string, () => string> = {
  [SCENARIO_SCHEMA_FILE]: scenarioJsonSchemaText,
};

const markers = (name: string) => [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`] as const;

/** The text between a section's markers, or undefined when the markers are missing. */
export function readSection(text: string, name: string): string | undefined {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  return from < 0 || to < from ? undefined : text.slice(from + start.length, to).trim();
}

export function writeSection(text: string, name: string, body: string): string {
  const [start, end] = markers(name);
  if (readSection(text, name) === undefined) throw new Error(`README has no ${start} … ${end} markers`);
  return `${text.slice(0, text.indexOf(start) + start.length)}\n${body}\n${text.slice(text.indexOf(end))}`;
}

/** README with every generated section rewritten. */
export async function generatedReadme(readme: string): Promise<string> {
  let out = readme;
  for (const [name, section] of Object.entries(README_SECTIONS))
    out = writeSection(out, name, await section());
  return out;
}
