import { NS } from '../saml/constants.js';
import { decodeSamlValue } from '../saml/explain/decode.js';
import { requestSummary } from '../saml/explain/summary.js';
import { isResponse, parseAssertionElement, parseResponseElement } from '../saml/parse.js';
import { attr, child, children, parseUntrustedXml } from '../saml/xml.js';
import type { TracedExchange } from './document.js';

/** The fields `fedsim diff` compares, flattened to `name → value` so two hops compare key by key. */
export type Fields = Record<string, unknown>;

const SAML_PARAMS = new Set(['SAMLResponse', 'SAMLRequest']);
/** Compared decoded (the message) or not at all (a Redirect-binding signature covers the port). */
const SIGNED_PARAMS = [...SAML_PARAMS, 'Signature'];

/** Nested JSON as dotted paths (`requestBody.profile.lastName`), so a diff names the field. */
function flatten(value: unknown, prefix: string, out: Fields): Fields {
  if (value && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  } else if (value !== undefined) out[prefix] = value;
  return out;
}

/** The URL without SAML parameters (a Redirect-binding message is compared decoded, not as bytes). */
function withoutSaml(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return url;
  const parsed = new URL(url);
  for (const p of SIGNED_PARAMS) parsed.searchParams.delete(p);
  return url.includes('?') ? parsed.href.replace(/\?$/, '') : url;
}

/** The HTTP side of an exchange: who, what, the answer, form fields, JSON bodies, and at an ACS the SP's verdict. */
export function httpFields(hop: TracedExchange): Fields {
  const out: Fields = {
    from: hop.from,
    to: hop.to,
    step: hop.stepName,
    method: hop.method,
    url: withoutSaml(hop.url),
    status: hop.status,
    error: (hop as { error?: string }).error,
    location: withoutSaml(hop.location),
    setCookies: hop.setCookies?.join(', ') || undefined,
    decision: hop.decision && [hop.decision.outcome, hop.decision.code].filter(Boolean).join(' '),
    failedChecks:
      hop.checks
        ?.filter((c) => !c.ok)
        .map((c) => c.code)
        .join(', ') || undefined,
  };
  for (const [k, v] of Object.entries(hop.formFields ?? {}))
    if (!SIGNED_PARAMS.includes(k)) out[`form.${k}`] = v;
  flatten(hop.requestBody, 'requestBody', out);
  flatten(hop.responseBody, 'responseBody', out);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The SAML value a hop carried: form field, query parameter, or the decoded message's base64. */
function samlValue(hop: TracedExchange): string | undefined {
  for (const p of SAML_PARAMS) {
    const v = hop.formFields?.[p] ?? (URL.canParse(hop.url) ? new URL(hop.url).searchParams.get(p) : null);
    if (v) return v;
  }
  return hop.saml?.base64;
}

/** Where an element is signed and how (values and digests differ whenever content does: not compared). */
function signature(el: Element | undefined): string {
  const signed = el && children(el, NS.dsig, 'Signature')[0];
  const info = child(signed, NS.dsig, 'SignedInfo');
  if (!info) return 'unsigned';
  const method = attr(child(info, NS.dsig, 'SignatureMethod'), 'Algorithm') ?? '?';
  const digest = attr(child(child(info, NS.dsig, 'Reference'), NS.dsig, 'DigestMethod'), 'Algorithm') ?? '?';
  return `${method.split('#').pop()} / ${digest.split('#').pop()}`;
}

function responseFields(root: Element): Fields {
  const r = parseResponseElement(root);
  const out: Fields = {
    kind: 'Response',
    ID: r.id,
    IssueInstant: r.issueInstant,
    Issuer: r.issuer,
    Destination: r.destination,
    InResponseTo: r.inResponseTo,
    Status: r.statusCode?.split(':').pop(),
    StatusMessage: r.statusMessage,
    'signature.Response': signature(root),
  };
  if (children(root, NS.assertion, 'EncryptedAssertion').length) out.Assertion = 'encrypted';
  const el = children(root, NS.assertion, 'Assertion')[0];
  if (!el) return out;
  const a = parseAssertionElement(el);
  const sc = a.subjectConfirmations[0];
  Object.assign(out, {
    'Assertion.ID': a.id,
    'Assertion.Issuer': a.issuer,
    NameID: a.nameId,
    'NameID.Format': a.nameIdFormat,
    'SubjectConfirmation.Method': sc?.method,
    'SubjectConfirmation.Recipient': sc?.recipient,
    'SubjectConfirmation.NotOnOrAfter': sc?.notOnOrAfter,
    'SubjectConfirmation.InResponseTo': sc?.inResponseTo,
    'Conditions.NotBefore': a.notBefore,
    'Conditions.NotOnOrAfter': a.notOnOrAfter,
    'Conditions.Audience': a.audiences.join(', '),
    AuthnInstant: a.authnInstant,
    SessionIndex: a.sessionIndex,
    'signature.Assertion': signature(el),
  });
  for (const [name, values] of Object.entries(a.attributes)) out[`attribute ${name}`] = values.join(', ');
  return out;
}

/**
 * The decoded SAML message of a hop as comparable fields (Issuer, NameID, conditions, audience,
 * attributes, where signatures sit and their algorithms, status), origins written `{party}` by
 * `normalise`; undefined when the hop carried none.
 */
export function samlFields(hop: TracedExchange, normalise: (s: string) => string): Fields | undefined {
  const value = samlValue(hop);
  if (!value) return undefined;
  try {
    const root = parseUntrustedXml(normalise(decodeSamlValue(value).xml)).documentElement as Element;
    const fields = isResponse(root) ? responseFields(root) : { ...requestSummary(root) };
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
  } catch (err) {
    return { unreadable: (err as Error).message };
  }
}
