import type { CertSummary, RequestSummary, ResponseSummary, SignatureSummary } from './summary.js';

/** `urn:…:Success` → `Success`, `…#rsa-sha256` → `rsa-sha256`. */
export const short = (uri: string | undefined) => (uri ? (uri.split(/[#:]/).pop() ?? uri) : '—');
const day = (iso: string) => iso.slice(0, 10);

/** Long base64 runs (a SignatureValue in an error text) shortened for people; JSON keeps them whole. */
export const elide = (s: string) => s.replace(/[A-Za-z0-9+/]{48,}={0,2}/g, (b) => `${b.slice(0, 12)}…`);

export function line(label: string, value: unknown, indent = '  '): string {
  return `${indent}${label.padEnd(14)} ${value === undefined || value === '' ? '—' : String(value)}`;
}

function signatureLine(s: SignatureSummary): string {
  if (!s.present) return `${s.element} unsigned`;
  const mark = s.valid ? '✓' : '✗';
  return `${s.element} ${mark} ${short(s.algorithm)}/${short(s.digestAlgorithm)} ${s.references.join(' ')}`;
}

function certLines(cert: CertSummary & { trusted: boolean | null }, trusted: CertSummary[]): string[] {
  const out = [
    line('KeyInfo cert', cert.subject),
    line('', `valid ${day(cert.notBefore)} → ${day(cert.notAfter)}`),
    line('', `SHA-1   ${cert.sha1}`),
    line('', `SHA-256 ${cert.sha256}`),
  ];
  if (cert.trusted === null) out.push(line('', 'no trusted certificate configured to compare with'));
  else if (cert.trusted) out.push(line('', '= the trusted certificate'));
  else {
    out.push(line('', '≠ the trusted certificate(s):'));
    for (const t of trusted) {
      out.push(line('', `  ${t.subject}, valid ${day(t.notBefore)} → ${day(t.notAfter)}`));
      out.push(line('', `  SHA-1 ${t.sha1}`), line('', `  SHA-256 ${t.sha256}`));
    }
  }
  return out;
}

/** The decoded Response: what it says, what is signed and by which certificate. */
export function responseLines(s: ResponseSummary): string[] {
  const a = s.assertion;
  const bearer = a?.subjectConfirmations ?? [];
  const out = [
    line('IssueInstant', s.issueInstant),
    line('Issuer', s.issuer),
    line('Destination', s.destination),
    line('InResponseTo', s.inResponseTo ?? '— (IdP-initiated)'),
    line('Status', `${short(s.status)}${s.statusMessage ? ` (${s.statusMessage})` : ''}`),
    line(
      'Assertion',
      `${a?.id ?? 'none'} · ${s.assertionCount} in the message · read from ${s.assertionReadFrom.replace('-', ' ')}`,
    ),
  ];
  if (a) {
    out.push(
      line('Issuer', a.issuer),
      line('NameID', `${a.nameId ?? '—'} (${short(a.nameIdFormat)})`),
      line('Audience', a.audiences.join(', ')),
      line('Recipient', bearer.map((c) => `${c.recipient ?? '—'} (${short(c.method)})`).join(', ')),
      line('NotBefore', a.notBefore),
      line('NotOnOrAfter', a.notOnOrAfter),
    );
    const subjectEnds = bearer.map((c) => c.notOnOrAfter).filter(Boolean);
    if (subjectEnds.length) out.push(line('Subject until', subjectEnds.join(', ')));
    const attrs = Object.entries(a.attributes).map(([k, v]) => `${k}=${v.join('|')}`);
    out.push(line('Attributes', attrs.join(' · ')));
  }
  out.push(line('Signed', s.signatures.map(signatureLine).join(' · ')));
  for (const sig of s.signatures)
    if (sig.problem) out.push(line('', elide(`${sig.element}: ${sig.problem}`)));
  const cert = s.signatures.find((x) => x.keyInfoCert)?.keyInfoCert;
  if (cert) out.push(...certLines(cert, s.trustedCerts));
  else if (s.trustedCerts.length) out.push(line('KeyInfo cert', 'none in the message'));
  return out;
}

export function requestLines(s: RequestSummary): string[] {
  return [
    line('IssueInstant', s.issueInstant),
    line('Issuer', s.issuer),
    line('Destination', s.destination),
    line('ACS URL', s.assertionConsumerServiceUrl),
    line('Binding', short(s.protocolBinding)),
    line('NameIDPolicy', short(s.nameIdPolicyFormat)),
  ];
}
