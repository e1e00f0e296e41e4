import { type ExplainedMessage, type ExplainResult, type ExplainRow, unusableReason } from './explain.js';
import { elide, line, requestLines, responseLines } from './render-summary.js';

const text = (v: unknown) => elide(typeof v === 'string' ? v : JSON.stringify(v));
const MARK = { true: '✓', false: '✗', null: '–' } as const;

function rowLines(row: ExplainRow): string[] {
  const head = `  ${MARK[String(row.ok) as keyof typeof MARK]} ${row.check.padEnd(24)}`;
  if (row.ok === true) return [`${head} ${text(row.actual)}`];
  const out = [`${head} ${row.ok === null ? text(row.expected) : row.code}`];
  if (row.ok === false) out.push(line('expected', text(row.expected), '      '));
  out.push(line('actual', text(row.actual), '      '));
  if (row.detail) out.push(line('detail', text(row.detail), '      '));
  out.push(line('fix', row.hint, '      '));
  return out;
}

function messageLines(m: ExplainedMessage, index: number, total: number): string[] {
  const n = total > 1 ? `[${index + 1}/${total}] ` : '';
  const where = `${m.source}${m.binding === 'redirect' ? ', Redirect binding (deflated)' : ''}`;
  if (m.kind === 'Unusable')
    return [`${n}✗ unusable message (${where})`, `  ${m.error.code}: ${m.error.message}`];
  if (m.kind === 'Request') {
    return [`${n}${m.summary.kind} ${m.summary.id ?? ''} (${where}) — no checks`, ...requestLines(m.summary)];
  }
  const out = [
    `${n}Response ${m.summary.id ?? ''} (${where})`,
    line('Judged by', `${m.judgedBy.sp} — ${m.judgedBy.why} (${m.judgedBy.source})`),
    ...responseLines(m.summary),
  ];
  if (m.relayState) out.push(line('RelayState', m.relayState));
  for (const note of m.notes) out.push(line('Note', note));
  const when = m.nowSource === 'recorded' ? "the SP's clock when it arrived" : m.nowSource;
  out.push('', `  Checks (judged at ${m.now}, ${when})`, ...m.checks.flatMap(rowLines));
  const failed = m.checks.filter((c) => c.ok === false);
  const skipped = m.checks.filter((c) => c.ok === null).length;
  const tail = skipped ? `, ${skipped} not checked` : '';
  out.push(
    failed.length
      ? `  ✗ ${failed.length} check(s) failed: ${failed.map((c) => c.code).join(', ')}${tail}`
      : `  ✓ every check passed${tail}`,
  );
  return out;
}

/** The report for people: the profile, then per message its decoded summary and every check. */
export function humanReport(result: ExplainResult, inputName: string): string {
  const out = [
    `Input      ${inputName} (${result.input.format}, ${result.input.messages} message${result.input.messages === 1 ? '' : 's'})`,
    ...result.profiles.flatMap((p, i) => [
      `${i ? '          ' : 'Profile   '} ${p.sp}: ${p.source}`,
      ...p.notes.map((n) => `           ${n}`),
    ]),
    '',
  ];
  result.messages.forEach((m, i) => {
    out.push(...messageLines(m, i, result.messages.length), '');
  });
  const skipped = result.messages.reduce(
    (n, m) => n + (m.kind === 'Response' ? m.checks.filter((c) => c.ok === null).length : 0),
    0,
  );
  const verdict = [
    'Result: ✓ every check passed',
    'Result: ✗ the SP would refuse this sign-in',
    'Result: nothing could be checked',
  ];
  out.push(
    result.exitCode === 0 && skipped
      ? `Result: ✓ no check failed, but ${skipped} could not be checked (no expected value): give a profile to check them`
      : verdict[result.exitCode],
  );
  return out.join('\n');
}

function jsonMessage(m: ExplainedMessage) {
  if (m.kind !== 'Response') return m;
  const checks = m.checks.map(({ check, code, ok, expected, actual, hint, detail }) => ({
    check,
    code,
    ok,
    expected,
    actual,
    hint,
    ...(detail ? { detail } : {}),
  }));
  return { ...m, checks };
}

/**
 * `{ input, profiles, summary, checks, ok, exitCode, messages }`: summary and checks are those of
 * the first Response; `messages` lists every message of the input (a HAR can hold several).
 */
export function jsonReport(result: ExplainResult, inputName: string) {
  const messages = result.messages.map(jsonMessage);
  const first = messages.find((m) => m.kind === 'Response');
  const error = unusableReason(result);
  return {
    input: { name: inputName, ...result.input },
    profiles: result.profiles,
    ...(first?.kind === 'Response'
      ? { summary: first.summary, checks: first.checks, now: first.now, notes: first.notes }
      : {}),
    ok: result.ok,
    exitCode: result.exitCode,
    ...(error ? { error } : {}),
    messages,
  };
}
