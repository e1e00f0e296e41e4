import { SignedXml } from 'xml-crypto';
import type { SigningCredential } from '../../../harness/crypto/credential.js';
import { CHECKS, type CheckResult, runChecks } from '../../../harness/saml/checks/index.js';
import { ALGORITHMS, type SignatureAlgorithmName } from '../../../harness/saml/constants.js';
import type { IssuerSettings, ResponseRequest } from '../../../harness/saml/issue.js';
import { type InboundMessage, readInboundXml } from '../../../harness/saml/message.js';
import type { SpProfile, SpState } from '../../../harness/saml/profile.js';
import { assertionXml, responseXml } from '../../../harness/saml/response-xml.js';
import { issue, issuerSettings, NOW, profile } from '../helpers.js';

/** Every check name the unit tests under test/saml/checks/ cover with a pass and a fail case. */
export const COVERED_CHECKS = [
  'version',
  'signature',
  'signature-algorithm',
  'assertion-count',
  'signed-element',
  'encryption',
  'schema',
  'issuer',
  'status',
  'destination',
  'subject-confirmation',
  'recipient',
  'audience',
  'issue-instant',
  'not-before',
  'not-on-or-after',
  'subject-not-on-or-after',
  'name-id',
  'in-response-to',
  'replay',
] as const;

export const b64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64');

export const at = (ms: number) => new Date(NOW.getTime() + ms);

export function spState(o: { outstanding?: string[]; used?: string[] } = {}): SpState {
  return { outstandingRequestIds: new Set(o.outstanding ?? []), usedAssertionIds: new Set(o.used ?? []) };
}

export interface BuildOptions {
  request?: Partial<ResponseRequest>;
  settings?: Partial<IssuerSettings>;
  /** Edits the Assertion XML before it is signed. */
  editAssertion?: (xml: string) => string;
  /** Edits the Response XML (assertion included) before the Response is signed. */
  editResponse?: (xml: string) => string;
  /** Reference digest, when it should differ from the signature algorithm. */
  digest?: SignatureAlgorithmName;
}

/**
 * An enveloped signature as sign.ts makes it (after the Issuer, exclusive C14N, KeyInfo), but also
 * when the element has no Issuer (then as first child) and with any signature/digest pair.
 */
export function sign(
  xml: string,
  id: string,
  localName: 'Response' | 'Assertion',
  credential: SigningCredential,
  algorithm: SignatureAlgorithmName,
  digest: SignatureAlgorithmName = algorithm,
): string {
  const element = `//*[local-name(.)='${localName}' and @ID='${id}']`;
  const attempt = (location: { reference: string; action: 'after' | 'prepend' }) => {
    const sig = new SignedXml({
      privateKey: credential.privateKeyPem,
      publicCert: credential.cert.pem,
      signatureAlgorithm: ALGORITHMS[algorithm].signature,
      canonicalizationAlgorithm: ALGORITHMS.exclusiveC14n,
    });
    sig.addReference({
      xpath: element,
      transforms: [ALGORITHMS.envelopedSignature, ALGORITHMS.exclusiveC14n],
      digestAlgorithm: ALGORITHMS[digest].digest,
    });
    sig.computeSignature(xml, { prefix: 'ds', location });
    return sig.getSignedXml();
  };
  try {
    return attempt({ reference: `${element}/*[local-name(.)='Issuer']`, action: 'after' });
  } catch {
    return attempt({ reference: element, action: 'prepend' }); // no Issuer to sign after
  }
}

/**
 * Like issue(), but lets a test change the XML *before* signing, so a malformed message still
 * carries valid signatures (missing Destination, no bearer confirmation, empty NameID, …).
 */
export function build(o: BuildOptions = {}) {
  const s = issuerSettings(o.settings);
  const { fields } = issue(o.request, o.settings);
  let assertion = (o.editAssertion ?? ((x) => x))(assertionXml(fields));
  if (s.signAssertion) {
    assertion = sign(
      assertion,
      fields.assertionId,
      'Assertion',
      s.credential,
      s.signatureAlgorithm,
      o.digest,
    );
  }
  let xml = (o.editResponse ?? ((x) => x))(responseXml(fields, assertion));
  if (s.signResponse) {
    xml = sign(xml, fields.responseId, 'Response', s.credential, s.signatureAlgorithm, o.digest);
  }
  return { xml, base64: b64(xml), fields };
}

export interface RunOptions {
  profile?: Partial<SpProfile>;
  state?: SpState;
  now?: Date;
}

export function read(xml: string, p: Partial<SpProfile> = {}): InboundMessage {
  return readInboundXml(xml, profile(p));
}

/** The whole table for one message. */
export function table(xml: string, o: RunOptions = {}): CheckResult[] {
  const p = profile(o.profile);
  return runChecks({
    message: readInboundXml(xml, p),
    profile: p,
    state: o.state ?? spState(),
    now: o.now ?? NOW,
  });
}

/** One row of the table, by check name. */
export function row(name: string, xml: string, o: RunOptions = {}): CheckResult {
  const check = CHECKS.find((c) => c.name === name);
  if (!check) throw new Error(`no check named ${name}`);
  const p = profile(o.profile);
  const [result] = runChecks(
    { message: readInboundXml(xml, p), profile: p, state: o.state ?? spState(), now: o.now ?? NOW },
    [check],
  );
  return result as CheckResult;
}

/** Codes of the failing rows, restricted to the checks these tests know (a new check is caught by coverage.test.ts). */
export function failing(xml: string, o: RunOptions = {}): string[] {
  return table(xml, o)
    .filter((r) => !r.ok && (COVERED_CHECKS as readonly string[]).includes(r.check))
    .map((r) => r.code);
}
