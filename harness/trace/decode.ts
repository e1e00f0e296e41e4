import type { Hop } from '../agent/index.js';
import { toFedsimError } from '../core/errors.js';
import { decodeSamlValue } from '../saml/explain/decode.js';
import {
  type RequestSummary,
  type ResponseSummary,
  requestSummary,
  responseSummary,
} from '../saml/explain/summary.js';
import { type InboundMessage, readInboundXml } from '../saml/message.js';
import type { SpProfile } from '../saml/profile.js';
import { parseUntrustedXml } from '../saml/xml.js';

/** A SAML message seen on a hop, decoded for people: raw base64, pretty XML, and a summary. */
export interface TracedSaml {
  kind: 'Response' | 'AuthnRequest';
  base64: string;
  xml: string;
  decoded: ResponseSummary | RequestSummary | { error: { code: string; message: string } };
}

export interface TracedHop extends Hop {
  saml?: TracedSaml;
}

/**
 * The SP that received messages posted to this URL: its profile (so signatures can be reported)
 * and the messages it already read, which the trace reuses rather than verifying them again.
 */
export type SpLookup = (
  url: string,
) => { profile: SpProfile; seen(samlResponse: string): InboundMessage | undefined } | undefined;

/**
 * Indents XML one element per line; attributes are left as they are. A value broken over lines
 * (a signature or certificate wrapped at 64 or 76 characters) keeps its lines, indented, and
 * never leaves an empty one.
 */
export function prettyXml(xml: string): string {
  let depth = 0;
  return xml
    .replace(/>\s*</g, '>\n<')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      if (/^<\//.test(line)) depth = Math.max(0, depth - 1);
      const out = `${'  '.repeat(depth)}${line}`;
      if (/^<[^!?/](?:[^>]*[^/>])?>$/.test(line) && !/<\/[^>]+>$/.test(line)) depth += 1;
      return out;
    })
    .join('\n');
}

function samlOf(hop: Hop): { param: 'SAMLResponse' | 'SAMLRequest'; value: string } | undefined {
  for (const param of ['SAMLResponse', 'SAMLRequest'] as const) {
    const fromForm = hop.formFields?.[param];
    if (fromForm) return { param, value: fromForm };
    const fromQuery = URL.canParse(hop.url) ? new URL(hop.url).searchParams.get(param) : null;
    if (fromQuery) return { param, value: fromQuery };
  }
  return undefined;
}

/** Decodes the SAML message a hop carried; never throws (a broken message is traced as such). */
export function decodeHop(hop: Hop, spFor: SpLookup): TracedSaml | undefined {
  const found = samlOf(hop);
  if (!found) return undefined;
  const kind = found.param === 'SAMLRequest' ? 'AuthnRequest' : 'Response';
  try {
    const { xml } = decodeSamlValue(found.value);
    const sp = kind === 'Response' ? spFor(hop.url.split('?')[0] ?? hop.url) : undefined;
    const message = sp && (sp.seen(found.value) ?? readInboundXml(xml, sp.profile));
    const decoded = message
      ? responseSummary(message, sp.profile.trustedCerts, true)
      : requestSummary(parseUntrustedXml(xml).documentElement as Element);
    return { kind, base64: found.value, xml: prettyXml(xml), decoded };
  } catch (err) {
    const e = toFedsimError(err);
    return { kind, base64: found.value, xml: '', decoded: { error: { code: e.code, message: e.message } } };
  }
}

export function traceHops(hops: readonly Hop[], spFor: SpLookup): TracedHop[] {
  return hops.map((hop) => {
    const saml = decodeHop(hop, spFor);
    return saml ? { ...hop, saml } : { ...hop };
  });
}

/** The fields a person looks at first, for reports and the trace page. */
export function samlSummary(saml: TracedSaml): Record<string, unknown> {
  const d = saml.decoded as Record<string, unknown>;
  if ('error' in d) return { error: d.error };
  const a = (d.assertion ?? {}) as Record<string, unknown>;
  const sigs =
    (d.signatures as
      | { element: string; present: boolean; valid: boolean; algorithm?: string; verifiedBy?: string }[]
      | undefined) ?? [];
  return {
    ID: d.id,
    IssueInstant: d.issueInstant,
    Issuer: d.issuer,
    Destination: d.destination ?? d.assertionConsumerServiceUrl,
    InResponseTo: d.inResponseTo,
    Status: d.status,
    NameID: a.nameId && `${String(a.nameId)} (${String(a.nameIdFormat ?? '')})`,
    Audience: a.audiences,
    Recipient: (a.subjectConfirmations as { recipient?: string }[] | undefined)?.map((c) => c.recipient),
    NotBefore: a.notBefore,
    NotOnOrAfter: a.notOnOrAfter,
    Attributes: a.attributes,
    Signatures: sigs.map(
      (s) =>
        `${s.element}: ${s.present ? `${s.valid ? 'valid' : 'INVALID'} ${s.algorithm ?? ''} ${s.verifiedBy ? `cert ${s.verifiedBy.slice(0, 23)}…` : ''}` : 'unsigned'}`,
    ),
  };
}
