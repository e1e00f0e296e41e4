import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { explainInput, unusableReason } from '../saml/explain/explain.js';
import { MAX_INPUT_BYTES, readInput } from '../saml/explain/input.js';
import { humanReport, jsonReport } from '../saml/explain/report.js';
import { loadProfile } from './explain-profiles.js';

export const EXPLAIN_USAGE =
  'fedsim explain [file|-] [--profile scenario.yaml|profile.json | --okta-idp idp.json | --sp-metadata sp.xml] [--idp-metadata idp.xml] [--cert pem]… [--issuer X] [--audience X] [--acs URL] [--request-id ID]… [--now ISO] [--lenient] [--json]';

/** Where the command reads and writes; tests pass their own. */
export interface ExplainIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new FedsimError(
      'SAML_INPUT_MISSING',
      `no input: name a file, or pipe a message into -\nusage: ${EXPLAIN_USAGE}`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_INPUT_BYTES)
      throw new FedsimError('SAML_XML_TOO_LARGE', `stdin exceeds ${MAX_INPUT_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const processIo: ExplainIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin,
};

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

function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new FedsimError('CONFIG_INVALID', `--now ${value} is not a date`, {
      expected: 'ISO 8601, e.g. 2026-01-15T09:00:00Z',
    });
  }
  return new Date(t);
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string' },
      'okta-idp': { type: 'string' },
      'sp-metadata': { type: 'string' },
      'idp-metadata': { type: 'string' },
      cert: { type: 'string', multiple: true },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      acs: { type: 'string' },
      'request-id': { type: 'string', multiple: true },
      now: { type: 'string' },
      lenient: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
}

/** `fedsim explain`: exit 0 when every check passes, 1 when one fails, 2 on unusable input. */
export async function explainCommand(args: string[], io: ExplainIo = processIo): Promise<number> {
  let json = args.includes('--json');
  try {
    let parsed: ReturnType<typeof parse>;
    try {
      parsed = parse(args);
    } catch (err) {
      throw new FedsimError('CONFIG_INVALID', `${(err as Error).message}\nusage: ${EXPLAIN_USAGE}`);
    }
    const { values, positionals } = parsed;
    json = values.json;
    const sources = [values.profile, values['okta-idp'], values['sp-metadata']].filter(Boolean);
    if (sources.length > 1 || positionals.length > 1) {
      throw new FedsimError(
        'CONFIG_INVALID',
        `one input and at most one of --profile, --okta-idp, --sp-metadata\nusage: ${EXPLAIN_USAGE}`,
      );
    }
    const now = parseNow(values.now);
    const file = positionals[0] ?? '-';
    const loaded = await loadProfile({
      profile: values.profile,
      oktaIdp: values['okta-idp'],
      spMetadata: values['sp-metadata'],
      idpMetadata: values['idp-metadata'],
      certs: values.cert,
      issuer: values.issuer,
      audience: values.audience,
      acs: values.acs,
      lenient: values.lenient,
    });
    const input = readInput(file === '-' ? await io.readStdin() : readInputFile(file));
    const result = explainInput(input, loaded, { now, requestIds: values['request-id'] });
    const name = file === '-' ? 'stdin' : file;
    io.stdout(`${json ? JSON.stringify(jsonReport(result, name), null, 2) : humanReport(result, name)}\n`);
    const reason = unusableReason(result);
    if (reason) io.stderr(`fedsim explain: ${reason.code}: ${reason.message}\n`);
    return result.exitCode;
  } catch (err) {
    const e = toFedsimError(err, 'SAML_XML_INVALID');
    if (json)
      io.stdout(
        `${JSON.stringify({ error: { code: e.code, message: e.message }, ok: false, exitCode: 2 })}\n`,
      );
    io.stderr(`fedsim explain: ${e.code}: ${e.message}\n`);
    return 2;
  }
}
