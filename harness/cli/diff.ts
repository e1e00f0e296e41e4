import { readFileSync, statSync } from 'node:fs';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { diffTraces, type FieldDiff, type TraceDiff } from '../trace/diff.js';
import type { TraceDocument } from '../trace/document.js';
import { readTrace } from '../trace/read.js';
import type { CliIo } from './io.js';

export interface DiffArgs {
  a: string;
  b: string;
  json: boolean;
}

/** Traces of long scenarios carry every message twice (base64 and pretty XML): allow more than explain. */
const MAX_TRACE_BYTES = 64 * 1024 * 1024;

function readTraceFile(file: string): TraceDocument {
  let text: string;
  try {
    if (statSync(file).size > MAX_TRACE_BYTES) {
      throw new FedsimError('TRACE_INVALID', `${file} is larger than ${MAX_TRACE_BYTES} bytes`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw code ? new FedsimError('TRACE_INVALID', `${file}: cannot read (${code})`) : err;
  }
  const read = readTrace(text);
  if (!read) throw new FedsimError('TRACE_INVALID', `${file} is not a trace from \`fedsim run --trace\``);
  return read.doc;
}

const show = (v: unknown) => (v === undefined ? '(absent)' : typeof v === 'string' ? v : JSON.stringify(v));

function fieldLines(title: string, diffs: FieldDiff[]): string[] {
  if (diffs.length === 0) return [];
  return [
    `  ${title}`,
    ...diffs.flatMap((d) => [
      `    ${d.field.padEnd(32)} a: ${show(d.a)}`,
      `    ${''.padEnd(32)} b: ${show(d.b)}`,
    ]),
  ];
}

function humanDiff(diff: TraceDiff, args: DiffArgs, docs: [TraceDocument, TraceDocument]): string {
  const head = docs.map((d, i) => {
    const name = d.scenario?.name ? `${d.scenario.name}, ` : '';
    return `${i ? 'b' : 'a'}  ${i ? args.b : args.a}  (${name}${d.hops.length} hops)`;
  });
  const first = diff.first;
  if (!first) return [...head, '', `Result: equal (${diff.hops.a} hops)`].join('\n');
  const step =
    first.step !== undefined ? ` (step ${first.step}${first.stepName ? `, ${first.stepName}` : ''})` : '';
  const only = first.onlyIn
    ? [`  only in ${first.onlyIn}: the other trace ends after hop ${first.n - 1}`]
    : [];
  return [
    ...head,
    '',
    `First difference at hop ${first.n}${step}: ${first.method} ${first.url}`,
    ...only,
    ...fieldLines('SAML message', first.saml),
    ...fieldLines('HTTP exchange', first.http),
    '',
    'Result: the traces differ',
  ].join('\n');
}

/** `fedsim diff a.json b.json`: exit 0 when equal, 1 when they differ, 2 on unreadable input. */
export async function diffCommand(args: DiffArgs, io: CliIo): Promise<number> {
  try {
    const docs: [TraceDocument, TraceDocument] = [readTraceFile(args.a), readTraceFile(args.b)];
    const diff = diffTraces(...docs);
    io.stdout(
      `${args.json ? JSON.stringify({ a: args.a, b: args.b, ...diff }, null, 2) : humanDiff(diff, args, docs)}\n`,
    );
    return diff.equal ? 0 : 1;
  } catch (err) {
    const e = toFedsimError(err);
    if (args.json) io.stdout(`${JSON.stringify({ error: { code: e.code, message: e.message } })}\n`);
    io.stderr(`fedsim diff: ${e.code}: ${e.message}\n`);
    return 2;
  }
}
