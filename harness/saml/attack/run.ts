import type { HttpFetch } from '../../core/http.js';
import { type Answer, describeAnswer, type Signals, sameAs, signalsMatch } from './answer.js';
import { ATTACKS } from './catalogue.js';
import type { AttackContext } from './context.js';
import type { AttackVariant } from './variant.js';

/** One variant's line of the report. */
export interface AttackResult {
  id: string;
  title: string;
  reference: string;
  expected: 'refused';
  observed: string;
  verdict: 'refused' | 'accepted';
}

export interface AttackReport {
  acsUrl: string;
  /** What the SP answered the valid response, and whether that reads as an acceptance. */
  control: { observed: string; accepted: boolean; reason?: string };
  /** The signals a variant must match to count as accepted (given, or learned from the control). */
  accepted: Signals;
  results: AttackResult[];
  /** 0 every variant refused, 1 one was accepted, 2 the control was refused (nothing else posted). */
  exitCode: 0 | 1 | 2;
}

export interface AttackRun {
  acsUrl: string;
  fetch: HttpFetch;
  /** What an acceptance looks like; absent, learned from the control's answer. */
  success?: Signals;
  variants?: readonly AttackVariant[];
  /** Each result as it is judged (progress on a terminal). */
  onResult?(result: AttackResult): void;
}

async function post(run: AttackRun, xml: string): Promise<Answer> {
  const body = new URLSearchParams({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') });
  try {
    const res = await run.fetch(run.acsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    });
    return { status: res.status, location: res.headers.get('location') ?? undefined, body: await res.text() };
  } catch (err) {
    return { status: 0, body: '', error: String((err as Error).cause ?? (err as Error).message) };
  }
}

/** Not a SAML response at all: whatever the SP answers this is what refusal looks like. */
const PROBE = '<nothing-to-see/>';

/** The signals an acceptance shows: those given, else the control's own answer. */
function acceptance(control: Answer, given: Signals | undefined): Signals {
  return given ?? sameAs(control);
}

/** Why the control does not read as accepted, or undefined when it does. */
function controlRefused(
  control: Answer,
  probe: Answer,
  signals: Signals,
  given: boolean,
): string | undefined {
  if (given)
    return signalsMatch(control, signals) ? undefined : 'it does not match the given success signals';
  if (control.status === 0 || control.status >= 400) return `it answered ${describeAnswer(control)}`;
  if (signalsMatch(probe, signals))
    return 'it answers a non-SAML probe the same way: give --success-status, --success-location or --success-body';
  return undefined;
}

/**
 * Posts a control (a valid response), learns what acceptance looks like, then every variant, each
 * built from fresh responses so the SP's replay cache never decides for it.
 */
export async function runAttack(base: AttackContext, run: AttackRun): Promise<AttackReport> {
  const controlXml = base.issue();
  const control = await post(run, controlXml);
  const probe = await post(run, PROBE);
  const signals = acceptance(control, run.success);
  const reason = controlRefused(control, probe, signals, run.success !== undefined);
  const report: AttackReport = {
    acsUrl: run.acsUrl,
    control: { observed: describeAnswer(control), accepted: reason === undefined, reason },
    accepted: signals,
    results: [],
    exitCode: 2,
  };
  if (reason) return report;
  const ctx = { ...base, control: controlXml };
  for (const variant of run.variants ?? ATTACKS) {
    const answer = await post(run, variant.build(ctx));
    const result: AttackResult = {
      id: variant.id,
      title: variant.title,
      reference: variant.reference,
      expected: 'refused',
      observed: describeAnswer(answer),
      verdict: signalsMatch(answer, signals) ? 'accepted' : 'refused',
    };
    report.results.push(result);
    run.onResult?.(result);
  }
  report.exitCode = report.results.some((r) => r.verdict === 'accepted') ? 1 : 0;
  return report;
}
