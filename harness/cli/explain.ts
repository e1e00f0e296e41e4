import { readFileSync, statSync } from 'node:fs';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { explainInput, unusableReason } from '../saml/explain/explain.js';
import { type ExplainInput, MAX_INPUT_BYTES, readInput } from '../saml/explain/input.js';
import { namesSource, type ProfileOptions, refineProfile } from '../saml/explain/load-profile.js';
import { humanReport, jsonReport } from '../saml/explain/report.js';
import { traceInput } from '../trace/explain-input.js';
import { loadProfiles } from './explain-profiles.js';
import type { CliIo } from './io.js';

export interface ExplainArgs {
  /** A file, or `-` for stdin. */
  file: string;
  profile: ProfileOptions;
  /** Only this hop of a trace. */
  hop?: number;
  now?: Date;
  requestIds?: string[];
  json: boolean;
}

async function readStdin(io: CliIo): Promise<string> {
  const text = await io.readStdin(MAX_INPUT_BYTES);
  if (text === undefined) {
    throw new FedsimError(
      'SAML_INPUT_MISSING',
      "no input: name a file, or pipe a message into - ('fedsim explain --help' lists the formats)",
    );
  }
  return text;
}

function readInputFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new FedsimError(
      'SAML_INPUT_MISSING',
      `${file}: cannot read (${(err as NodeJS.ErrnoException).code})`,
    );
  }
  if (size > MAX_INPUT_BYTES) {
    throw new FedsimError('SAML_XML_TOO_LARGE', `${file} is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * A trace (each Response with the SP that received it), else any other input. A profile named on
 * the command line replaces the recorded ones; the flags refine either.
 */
function inputOf(text: string, args: ExplainArgs): ExplainInput {
  const trace = traceInput(text, args.hop);
  if (!trace) {
    if (args.hop !== undefined)
      throw new FedsimError('CLI_USAGE', '--hop applies to a trace from `fedsim run --trace`');
    return readInput(text);
  }
  const replaced = namesSource(args.profile);
  return {
    ...trace,
    messages: trace.messages.map(({ recorded, ...m }) =>
      recorded && !replaced
        ? { ...m, recorded: { ...recorded, loaded: refineProfile(recorded.loaded, args.profile) } }
        : m,
    ),
  };
}

/** `fedsim explain`: exit 0 when every check passes, 1 when one fails, 2 on unusable input. */
export async function explainCommand(args: ExplainArgs, io: CliIo): Promise<number> {
  try {
    const profiles = await loadProfiles(args.profile);
    const input = inputOf(args.file === '-' ? await readStdin(io) : readInputFile(args.file), args);
    const result = explainInput(input, profiles, { now: args.now, requestIds: args.requestIds });
    const name = args.file === '-' ? 'stdin' : args.file;
    io.stdout(
      `${args.json ? JSON.stringify(jsonReport(result, name), null, 2) : humanReport(result, name)}\n`,
    );
    const reason = unusableReason(result);
    if (reason) io.stderr(`fedsim explain: ${reason.code}: ${reason.message}\n`);
    return result.exitCode;
  } catch (err) {
    const e = toFedsimError(err);
    if (args.json)
      io.stdout(
        `${JSON.stringify({ error: { code: e.code, message: e.message }, ok: false, exitCode: 2 })}\n`,
      );
    io.stderr(`fedsim explain: ${e.code}: ${e.message}\n`);
    return 2;
  }
}
