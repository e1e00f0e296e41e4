import type { CertInfo } from '../../crypto/credential.js';
import { type CheckResult, runChecks } from '../checks/index.js';
import { NS } from '../constants.js';
import { readInboundXml } from '../message.js';
import type { SpState } from '../profile.js';
import { attr, descendants } from '../xml.js';
import { loopbackAcsOf } from './choose.js';
import { openingKey } from './decrypt.js';
import { completeProfile, type ExpectedField, type LoadedProfile, type ProfileSpec } from './profile.js';
import { type ResponseSummary, responseSummary } from './summary.js';

/** A check-table row as explain reports it: `ok` is null when there was nothing to compare with. */
export interface ExplainRow extends Omit<CheckResult, 'ok'> {
  ok: boolean | null;
  /** More on a failure, e.g. the Reference URI whose digest does not match. */
  detail?: string;
}

export type NowSource = '--now' | 'recorded' | 'IssueInstant' | 'real time';

export interface ExplainedResponse {
  summary: ResponseSummary;
  checks: ExplainRow[];
  now: string;
  /** `recorded`: the SP's clock when the message arrived, as the input recorded it. */
  nowSource: NowSource;
  notes: string[];
  ok: boolean;
}

const NOT_CHECKED = 'not checked (no expected value)';

/** Which expectation each check compares with, and how to supply it. */
const NEEDS: Record<string, ExpectedField> = {
  issuer: 'idpIssuer',
  audience: 'audience',
  destination: 'acsUrl',
  recipient: 'acsUrl',
  signature: 'trustedCerts',
  'signed-element': 'trustedCerts',
};
const HOW: Record<ExpectedField, string> = {
  idpIssuer: 'Pass --issuer, IdP metadata, or a profile that names the IdP entity id.',
  audience: "Pass --audience, SP metadata, or a profile that names the SP's entity id.",
  acsUrl: "Pass --acs, SP metadata, or a profile that names the SP's ACS URL.",
  trustedCerts: "Pass --cert with the IdP's signing certificate (or IdP metadata) to check the signature.",
};

const instant = (v: string | undefined) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v) : undefined);
/** A scenario's SPs listen on ephemeral ports: a loopback URL with the ACS path is that ACS. */
function adoptLoopbackAcs(loaded: LoadedProfile, root: Element, notes: string[]): ProfileSpec {
  const candidates = [
    attr(root, 'Destination'),
    ...descendants(root, NS.assertion, 'SubjectConfirmationData').map((d) => attr(d, 'Recipient')),
  ];
  for (const value of candidates) {
    const acsUrl = value && loopbackAcsOf(loaded, value);
    if (acsUrl) {
      notes.push(`The port changes every run: ACS origin ${new URL(acsUrl).origin} taken from the message.`);
      return { ...loaded.spec, acsUrl };
    }
  }
  return loaded.spec;
}

/** The spec with the SP key that opens the EncryptedAssertion, if the message has one. */
function withKey(loaded: LoadedProfile, root: Element, notes: string[], spec: ProfileSpec): ProfileSpec {
  const own = spec.decryptionKey && {
    key: spec.decryptionKey,
    name: `the key of ${spec.labels?.sp ?? 'the SP'}`,
  };
  const key = openingKey(root, loaded.spKeys ?? (own ? [own] : []));
  if (!key) return spec;
  notes.push(`EncryptedAssertion opened with ${key.name}.`);
  return { ...spec, decryptionKey: key.key };
}

function adjust(row: CheckResult, missing: ReadonlySet<ExpectedField>, state: SpState): ExplainRow {
  const field = NEEDS[row.check];
  if (field && missing.has(field)) {
    const actual =
      field === 'trustedCerts' ? `${String(row.actual)} (against the KeyInfo certificate only)` : row.actual;
    return { ...row, ok: null, expected: NOT_CHECKED, actual, hint: HOW[field] };
  }
  if (row.code === 'SAML_IN_RESPONSE_TO_MISMATCH' && state.outstandingRequestIds.size === 0) {
    return {
      ...row,
      ok: null,
      expected: 'not checked (the AuthnRequest ID the SP sent is unknown)',
      hint: 'Pass --request-id with the AuthnRequest ID, or a HAR that includes the AuthnRequest.',
    };
  }
  return row;
}

/** Reads one Response the way the ACS does and runs the whole check table on it. */
export function explainResponse(
  xml: string,
  root: Element,
  loaded: LoadedProfile,
  state: SpState,
  at: { instant: Date; source: '--now' | 'recorded' } | undefined,
): ExplainedResponse {
  const notes: string[] = [];
  const { profile, missing } = completeProfile(
    withKey(loaded, root, notes, adoptLoopbackAcs(loaded, root, notes)),
  );
  let readWith = profile;
  if (missing.has('trustedCerts')) {
    // No trusted cert: read the signed content as if KeyInfo were trusted, and say so on the rows.
    const { signatures } = readInboundXml(xml, profile);
    const keyInfo = [signatures.response.keyInfoCert, signatures.assertion.keyInfoCert].filter(
      (c): c is CertInfo => c !== undefined,
    );
    readWith = {
      ...profile,
      trustedCerts: keyInfo.filter((c, i) => keyInfo.findIndex((k) => k.sha256 === c.sha256) === i),
    };
    notes.push('No trusted certificate: signatures were verified against the KeyInfo certificate only.');
  }
  const message = readInboundXml(xml, readWith);
  const issued = instant(message.response.issueInstant) ?? instant(message.assertion?.issueInstant);
  const now = at?.instant ?? issued ?? new Date();
  const nowSource: NowSource = at?.source ?? (issued ? 'IssueInstant' : 'real time');
  if (nowSource === 'IssueInstant') {
    notes.push(
      `Time conditions judged at the message's IssueInstant ${now.toISOString()}, not the real time: pass --now to judge at another instant.`,
    );
  }
  const summary = responseSummary(message, profile.trustedCerts, !missing.has('trustedCerts'));
  const problems = summary.signatures.filter((s) => s.problem).map((s) => `${s.element}: ${s.problem}`);
  const checks = runChecks({ message, profile: readWith, state, now }).map((row) => {
    const out = adjust(row, missing, state);
    return row.check === 'signature' && problems.length ? { ...out, detail: problems.join('; ') } : out;
  });
  return {
    summary,
    checks,
    now: now.toISOString(),
    nowSource,
    notes,
    ok: checks.every((c) => c.ok !== false),
  };
}
