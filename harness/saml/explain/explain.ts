import { type ErrorCode, FedsimError, toFedsimError } from '../../core/errors.js';
import { NS } from '../constants.js';
import { isResponse } from '../parse.js';
import { parseUntrustedXml } from '../xml.js';
import { type Choice, chooseProfile } from './choose.js';
import type { ExplainInput, InputFormat, InputMessage } from './input.js';
import { DEFAULT_LABELS, type LoadedProfile } from './profile.js';
import { type ExplainedResponse, type ExplainRow, explainResponse } from './response.js';
import { type RequestSummary, requestSummary } from './summary.js';

export type { ExplainRow } from './response.js';

export interface ExplainOptions {
  /** Judge time conditions at this instant; default: each message's IssueInstant. */
  now?: Date;
  /** AuthnRequest IDs the SP sent (SP-initiated sign-in), for the InResponseTo check. */
  requestIds?: string[];
}

/** The SP that judged a Response: its name, where its profile came from, and why it was picked. */
export interface JudgedBy {
  sp: string;
  source: string;
  why: string;
}

/** One message of the input: a checked Response, a request (summarised), or why it was unusable. */
export type ExplainedMessage = {
  source: string;
  binding: InputMessage['binding'];
  relayState?: string;
} & (
  | ({ kind: 'Response'; judgedBy: JudgedBy } & ExplainedResponse)
  | { kind: 'Request'; summary: RequestSummary; ok: null }
  | { kind: 'Unusable'; error: { code: ErrorCode; message: string }; ok: false }
);

export interface ExplainResult {
  input: { format: InputFormat; messages: number };
  /** The profiles that judged a Response (or, when none did, those given). */
  profiles: Array<{ sp: string; source: string; notes: string[] }>;
  messages: ExplainedMessage[];
  ok: boolean;
  /** 0 every check passed, 1 a check failed or a message was unusable, 2 nothing could be checked. */
  exitCode: 0 | 1 | 2;
}

const RECORDED = 'as the input recorded it when the message arrived';

function profileOf(m: InputMessage, root: Element, profiles: readonly LoadedProfile[]): Choice {
  return m.recorded ? { loaded: m.recorded.loaded, why: RECORDED } : chooseProfile(root, profiles);
}

function judgedAt(options: ExplainOptions, m: InputMessage) {
  if (options.now) return { instant: options.now, source: '--now' as const };
  return m.recorded?.now && { instant: m.recorded.now, source: 'recorded' as const };
}

function listed(used: readonly LoadedProfile[]): ExplainResult['profiles'] {
  const distinct = used.filter((p, i) => used.findIndex((q) => q.source === p.source) === i);
  return distinct.map((p) => ({
    sp: p.spec.labels?.sp ?? DEFAULT_LABELS.sp,
    source: p.source,
    notes: p.notes,
  }));
}

/**
 * Explains every message of the input, each Response against the SP it reached: the profile the
 * input recorded with it, else the one of `profiles` it is addressed to. Messages are taken in
 * order, as the SPs saw them: an AuthnRequest makes its ID outstanding, an accepted assertion is
 * remembered (so a HAR that posts one response twice shows the replay).
 */
export function explainInput(
  input: ExplainInput,
  profiles: readonly LoadedProfile[],
  options: ExplainOptions = {},
): ExplainResult {
  const outstanding = new Set(options.requestIds ?? []);
  const used = new Set<string>();
  const judges: LoadedProfile[] = [];
  const messages = input.messages.map((m): ExplainedMessage => {
    const base = {
      source: m.source,
      binding: m.binding,
      ...(m.relayState ? { relayState: m.relayState } : {}),
    };
    try {
      if (m.error) throw m.error;
      const root = parseUntrustedXml(m.xml ?? '').documentElement as Element;
      if (!isResponse(root)) {
        if (root.namespaceURI !== NS.protocol) {
          throw new FedsimError('SAML_NOT_A_RESPONSE', `Not a SAML protocol message: ${root.localName}`, {
            expected: `{${NS.protocol}}Response`,
            actual: `{${root.namespaceURI ?? ''}}${root.localName}`,
          });
        }
        const summary = requestSummary(root);
        if (summary.kind === 'AuthnRequest' && summary.id) outstanding.add(summary.id);
        return { ...base, kind: 'Request', summary, ok: null };
      }
      const { loaded, why } = profileOf(m, root, profiles);
      judges.push(loaded);
      const state = {
        outstandingRequestIds: new Set([...outstanding, ...(m.recorded?.outstandingRequestIds ?? [])]),
        usedAssertionIds: new Set(used),
      };
      const explained = explainResponse(m.xml ?? '', root, loaded, state, judgedAt(options, m));
      const id = explained.summary.assertion?.id;
      if (explained.ok && id) used.add(id);
      const judgedBy = { sp: loaded.spec.labels?.sp ?? DEFAULT_LABELS.sp, source: loaded.source, why };
      return { ...base, kind: 'Response', judgedBy, ...explained };
    } catch (err) {
      const e = toFedsimError(err);
      return { ...base, kind: 'Unusable', error: { code: e.code, message: e.message }, ok: false };
    }
  });
  const responses = messages.filter((m) => m.kind === 'Response');
  const ok = responses.length > 0 && messages.every((m) => m.ok !== false);
  return {
    input: { format: input.format, messages: messages.length },
    profiles: listed(judges.length ? judges : profiles),
    messages,
    ok,
    exitCode: responses.length === 0 ? 2 : ok ? 0 : 1,
  };
}

/** The failing check codes of every response, in table order, for tests and CI. */
export function failingCodes(result: ExplainResult): string[] {
  return result.messages.flatMap((m) =>
    m.kind === 'Response' ? m.checks.filter((c: ExplainRow) => c.ok === false).map((c) => c.code) : [],
  );
}

/** Why nothing could be checked: the first unusable message, or that only requests were found. */
export function unusableReason(result: ExplainResult): { code: ErrorCode; message: string } | undefined {
  if (result.exitCode !== 2) return undefined;
  const bad = result.messages.find((m) => m.kind === 'Unusable');
  if (bad?.kind === 'Unusable') return bad.error;
  const kinds = result.messages.map((m) => (m.kind === 'Request' ? m.summary.kind : m.kind)).join(', ');
  return { code: 'SAML_NOT_A_RESPONSE', message: `No SAML Response to check (found: ${kinds || 'nothing'})` };
}
