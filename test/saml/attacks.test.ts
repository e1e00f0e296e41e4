import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { loadCredential } from '../../harness/crypto/store.js';
import { attackVariant } from '../../harness/saml/attack/catalogue.js';
import { attackContext } from '../../harness/saml/attack/context.js';
import { childNamed, element, mutate, setNameId, unsignedClone } from '../../harness/saml/attack/mutate.js';
import { readRedirectRequest } from '../../harness/saml/authn-request.js';
import { NS } from '../../harness/saml/constants.js';
import { consumeResponse } from '../../harness/saml/consume.js';
import { readInboundXml } from '../../harness/saml/message.js';
import { EMPTY_SP_STATE } from '../../harness/saml/profile.js';
import { inflateMessage } from '../../harness/saml/request-encoding.js';
import { ServiceProvider } from '../../harness/saml/sp.js';
import { MAX_MESSAGE_BYTES } from '../../harness/saml/xml.js';
import { b64, failing, type RunOptions, spState } from './checks/helpers.js';
import { ACS, AUDIENCE, ISSUER, issue, NOW, profile } from './helpers.js';

const LEGIT = 'sarah@org1.example';
const EVIL = 'admin@org1.example';
const EVIL_ID = 'id9999999999999999999999999';
const REQ = 'id1111111111111111111111111';

/** Signed only on the Response (XSW1/2 target) and only on the Assertion (XSW3–8 target). */
const responseSigned = () => issue({}, { signAssertion: false }).xml;
const assertionSigned = () => issue({}, { signResponse: false }).xml;

interface Verdict {
  codes: string[];
  /** The NameID the message exposes from signed bytes (undefined when nothing verified). */
  signedNameId?: string;
  /** The NameID an ACS would act on: ServiceProvider.accept, undefined when it refused. */
  accepted?: string;
  /** Why each signature (Response, Assertion) did not verify. */
  errors: string;
}

function judge(xml: string, o: RunOptions = {}): Verdict {
  const p = profile(o.profile);
  const message = readInboundXml(xml, p);
  const sp = new ServiceProvider(() => p, new FixedClock(o.now ?? NOW));
  let accepted: string | undefined;
  try {
    accepted = sp.accept(b64(xml), o.state?.outstandingRequestIds).assertion.nameId;
  } catch {
    accepted = undefined;
  }
  return {
    // Schema verdicts are the schema suite's business; here only what the check table concludes.
    codes: failing(xml, o).filter((c) => c !== 'SAML_SCHEMA_INVALID'),
    signedNameId: message.assertionSource === 'unsigned' ? undefined : message.assertion?.nameId,
    accepted,
    errors: [message.signatures.response.error, message.signatures.assertion.error]
      .filter(Boolean)
      .join('; '),
  };
}

type Scope = 'RESPONSE' | 'TOKEN' | 'ANY';

/** Refused by the table with exactly these codes, and under every given scope; never reads EVIL. */
function expectRefused(
  xml: string,
  codes: string[],
  o: RunOptions = {},
  scopes: Scope[] = ['RESPONSE', 'TOKEN', 'ANY'],
) {
  const v = judge(xml, o);
  // Compared as sets: the table's order decides only which failure is reported first.
  expect([...v.codes].sort()).toEqual([...codes].sort());
  expect(v.accepted).toBeUndefined();
  expect(v.signedNameId).not.toBe(EVIL);
  for (const signatureScope of scopes) {
    expect(
      judge(xml, { ...o, profile: { ...o.profile, signatureScope } }).accepted,
      signatureScope,
    ).toBeUndefined();
  }
  return v;
}

describe('controls', () => {
  it('the unmutated responses are accepted as Sarah', () => {
    for (const xml of [issue().xml, responseSigned(), assertionSigned()]) {
      expect(judge(xml)).toEqual({ codes: [], signedNameId: LEGIT, accepted: LEGIT, errors: '' });
    }
  });
});

/** The catalogue `fedsim attack` posts, built for the SP these tests judge with. */
const catalogue = () =>
  attackContext(
    { issuer: ISSUER, credential: loadCredential('org1-org2org') },
    { acsUrl: ACS, audience: AUDIENCE, nameId: LEGIT },
    { clock: new FixedClock(NOW), ids: new SeededIds('attacks'), attacker: loadCredential('attacker') },
  );
const built = (id: string) => attackVariant(id).build(catalogue());

const WRAPPED = ['SAML_SIGNATURE_INVALID', 'SAML_ASSERTION_COUNT', 'SAML_SIGNED_ELEMENT_MISMATCH'];
const UNSIGNED_FIRST = ['SAML_SIGNATURE_MISSING', 'SAML_ASSERTION_COUNT', 'SAML_SIGNED_ELEMENT_MISMATCH'];

describe('signature wrapping (XSW), numbered as SAML Raider: the attack catalogue', () => {
  it.each([
    ['xsw1', WRAPPED, /must reference #id\d+ only/],
    ['xsw2', WRAPPED, undefined],
    ['xsw3', UNSIGNED_FIRST, undefined],
    ['xsw4', UNSIGNED_FIRST, undefined],
    ['xsw5', WRAPPED, /must reference #id\d+ only/],
    ['xsw6', WRAPPED, undefined],
    ['xsw7', WRAPPED, /multiple elements with the same value/],
    ['xsw8', WRAPPED, /multiple elements with the same value/],
    ['xsw-advice', UNSIGNED_FIRST, undefined],
    ['xsw-subject-confirmation', UNSIGNED_FIRST, undefined],
  ])('%s is refused with %j', (id, codes, error) => {
    const v = expectRefused(built(id), codes);
    if (error) expect(v.errors).toMatch(error);
  });

  it('XSW7 (SAML Raider order): the signed original hidden in Extensions, the edited copy in its place', () => {
    const xml = mutate(assertionSigned(), ({ doc, response, assertion }) => {
      const ext = element(doc, NS.protocol, 'saml2p:Extensions');
      response.replaceChild(setNameId(unsignedClone(assertion), EVIL), assertion);
      ext.appendChild(assertion);
      response.insertBefore(ext, childNamed(response, 'Status'));
    });
    expectRefused(xml, ['SAML_SIGNATURE_MISSING', 'SAML_ASSERTION_COUNT', 'SAML_SIGNED_ELEMENT_MISMATCH']);
  });

  it('two Assertions: the signed one first, an edited unsigned one after it', () => {
    const v = expectRefused(built('two-assertions'), ['SAML_ASSERTION_COUNT']);
    expect(v.signedNameId).toBe(LEGIT);
  });
});

describe('comments and duplicated signature parts', () => {
  const evilUser = 'sarah@org1.example.evil.test';
  const inject = (xml: string) =>
    xml.replace(`>${evilUser}</saml2:NameID>`, '>sarah@org1.example<!---->.evil.test</saml2:NameID>');

  it.each([
    ['Response and Assertion', {}],
    ['the Assertion only', { signResponse: false }],
    ['the Response only', { signAssertion: false }],
  ] as const)(
    'comment in NameID (signed %s): signature still valid, fedsim reads the full text',
    (_l, settings) => {
      const xml = inject(issue({ nameId: evilUser }, settings).xml);
      expect(xml).toContain('<!---->');
      const v = judge(xml);
      expect(v.codes).toEqual([]);
      expect(v.signedNameId).toBe(evilUser);
      expect(v.accepted).toBe(evilUser);
      expect(v.accepted).not.toBe(LEGIT);
    },
  );

  it('comment in NameID of an unsigned message: even the raw read joins the text nodes', () => {
    const xml = inject(issue({ nameId: evilUser }, { signResponse: false, signAssertion: false }).xml);
    expect(readInboundXml(xml, profile()).assertion?.nameId).toBe(evilUser);
    expectRefused(xml, ['SAML_SIGNATURE_MISSING', 'SAML_SIGNED_ELEMENT_MISMATCH']);
  });

  it('DigestValue comment (CVE-2025-29775): <!--digest of the edit-->real digest', () => {
    const xml = built('digest-comment');
    expect(xml).toMatch(/<ds:DigestValue><!--[^-]+-->/);
    const v = expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH']);
    expect(v.errors).toBeTruthy();
  });

  it('multiple SignedInfo (CVE-2025-29774): a second SignedInfo referencing the edited assertion', () => {
    const evilSignedInfo = /<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/.exec(
      issue({ nameId: EVIL }, { signResponse: false, credential: loadCredential('attacker') }).xml,
    )?.[0];
    expect(evilSignedInfo).toBeTruthy();
    for (const where of ['before', 'after'] as const) {
      const xml = assertionSigned()
        .replace(`>${LEGIT}</saml2:NameID>`, `>${EVIL}</saml2:NameID>`)
        .replace(where === 'before' ? '<ds:SignedInfo>' : '</ds:SignedInfo>', (m) =>
          where === 'before' ? `${evilSignedInfo}${m}` : `${m}${evilSignedInfo}`,
        );
      const v = expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH']);
      expect(v.errors).toContain('multiple SignedInfo');
    }
  });
});

describe('signature exclusion and certificate faking', () => {
  const stripResponseSig = (xml: string) =>
    mutate(xml, ({ response, responseSignature }) => {
      if (responseSignature) response.removeChild(responseSignature);
    });
  const stripAssertionSig = (xml: string) =>
    mutate(xml, ({ assertion, assertionSignature }) => {
      if (assertionSignature) assertion.removeChild(assertionSignature);
    });
  const editNameId = (xml: string) => xml.replace(`>${LEGIT}</saml2:NameID>`, `>${EVIL}</saml2:NameID>`);

  it('both signatures removed and the NameID edited', () => {
    expectRefused(built('exclusion-both'), ['SAML_SIGNATURE_MISSING', 'SAML_SIGNED_ELEMENT_MISMATCH']);
  });

  it('scope TOKEN: the Assertion signature removed (the Response signature covered it, so it breaks)', () => {
    const xml = stripAssertionSig(issue().xml);
    expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH'], {
      profile: { signatureScope: 'TOKEN' },
    });
  });

  it('scope TOKEN: the only (Assertion) signature removed and the NameID edited', () => {
    const xml = editNameId(stripAssertionSig(assertionSigned()));
    expectRefused(xml, ['SAML_SIGNATURE_MISSING', 'SAML_SIGNED_ELEMENT_MISMATCH'], {
      profile: { signatureScope: 'TOKEN' },
    });
  });

  it('scope RESPONSE: the Response signature removed, leaving a valid signed Assertion', () => {
    const xml = stripResponseSig(issue().xml);
    const v = expectRefused(xml, ['SAML_SIGNATURE_MISSING'], { profile: { signatureScope: 'RESPONSE' } }, [
      'RESPONSE',
    ]);
    expect(v.signedNameId).toBe(LEGIT);
    // Under TOKEN or ANY what is left is a properly signed assertion: accepted, and as Sarah.
    expect(judge(xml, { profile: { signatureScope: 'TOKEN' } }).accepted).toBe(LEGIT);
  });

  it('scope RESPONSE: Response signature removed and Destination rewritten', () => {
    const xml = stripResponseSig(issue().xml).replace(
      `Destination="${ACS}"`,
      'Destination="https://evil.test/acs"',
    );
    expectRefused(xml, ['SAML_SIGNATURE_MISSING', 'SAML_DESTINATION_MISMATCH'], {
      profile: { signatureScope: 'RESPONSE' },
    });
    expect(judge(xml, { profile: { signatureScope: 'TOKEN' } }).codes).toEqual(['SAML_DESTINATION_MISMATCH']);
  });

  it('certificate faking: re-signed with the attacker key, attacker cert in KeyInfo', () => {
    const xml = built('attacker-key');
    expect(xml).toContain(loadCredential('attacker').cert.base64);
    const v = expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH']);
    expect(v.errors).toMatch(/^invalid signature: the signature value /);
  });

  it('certificate faking: the trusted cert swapped into KeyInfo of an attacker signature changes nothing', () => {
    const xml = built('attacker-key-trusted-keyinfo');
    expect(xml).not.toContain(loadCredential('attacker').cert.base64);
    expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_SIGNED_ELEMENT_MISMATCH']);
  });
});

describe('signed-element confusion: valid Assertion signature, tampered unsigned Response', () => {
  it('Destination rewritten to another URL is refused', () => {
    expectRefused(built('destination-unsigned-edit'), ['SAML_DESTINATION_MISMATCH']);
  });

  it('a response for another SP with Destination rewritten to this ACS: the signed Recipient and Audience still refuse it', () => {
    const other = 'http://127.0.0.1:9/sso/saml2/0oaother000000000';
    const xml = issue(
      { acsUrl: other, audience: 'https://other.example/sp' },
      { signResponse: false },
    ).xml.replace(`Destination="${other}"`, `Destination="${ACS}"`);
    expectRefused(xml, ['SAML_RECIPIENT_MISMATCH', 'SAML_AUDIENCE_MISMATCH']);
  });

  it('InResponseTo added to an unsigned IdP-initiated Response is ignored: still unsolicited', () => {
    const xml = assertionSigned().replace(' IssueInstant=', ` InResponseTo="${REQ}" IssueInstant=`);
    expectRefused(xml, ['SAML_UNSOLICITED_NOT_ALLOWED'], {
      profile: { allowUnsolicited: false },
      state: spState({ outstanding: [REQ] }),
    });
  });

  it('InResponseTo of an unsigned Response rewritten to the outstanding id: the signed value still decides', () => {
    const stale = 'id3333333333333333333333333';
    const xml = issue({ inResponseTo: stale }, { signResponse: false }).xml.replace(
      `InResponseTo="${stale}" IssueInstant`,
      `InResponseTo="${REQ}" IssueInstant`,
    );
    expect(xml).toContain(`InResponseTo="${REQ}"`);
    expectRefused(xml, ['SAML_IN_RESPONSE_TO_MISMATCH'], { state: spState({ outstanding: [REQ] }) });
  });

  it('Status rewritten to a failure is refused', () => {
    expectRefused(built('status-unsigned-edit'), ['SAML_STATUS_NOT_SUCCESS']);
  });

  it('on a signed Response the same tampering breaks the Response signature', () => {
    const xml = issue().xml.replace(`Destination="${ACS}"`, 'Destination="https://evil.test/acs"');
    expectRefused(xml, ['SAML_SIGNATURE_INVALID', 'SAML_DESTINATION_MISMATCH']);
  });
});

describe('replay', () => {
  it('the same response twice: the second is refused', () => {
    const sp = new ServiceProvider(() => profile(), new FixedClock(NOW));
    const { base64 } = issue();
    expect(sp.accept(base64).assertion.nameId).toBe(LEGIT);
    expect(() => sp.accept(base64)).toThrow(expect.objectContaining({ code: 'SAML_REPLAY' }));
  });

  it('the same signed Assertion in a fresh unsigned Response: the assertion ID is what counts', () => {
    const sp = new ServiceProvider(() => profile(), new FixedClock(NOW));
    const first = assertionSigned();
    sp.accept(b64(first));
    const rewrapped = first.replace(/ ID="[^"]*"/, ` ID="${EVIL_ID}"`);
    expect(rewrapped).not.toBe(first);
    expect(() => sp.accept(b64(rewrapped))).toThrow(expect.objectContaining({ code: 'SAML_REPLAY' }));
  });
});

describe('XML safety', () => {
  const consume = (base64: string) => consumeResponse(base64, profile(), EMPTY_SP_STATE, NOW);
  const refuses = (base64: string, code: string) => {
    expect(() => consume(base64)).toThrow(expect.objectContaining({ code }));
    expect(() => new ServiceProvider(() => profile(), new FixedClock(NOW)).accept(base64)).toThrow(
      expect.objectContaining({ code }),
    );
  };
  const withDoctype = (dtd: string, xml: string) => `<?xml version="1.0"?>${dtd}${xml}`;

  it('XXE: an external entity in NameID', () => {
    const xml = withDoctype(
      '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      issue().xml.replace(`>${LEGIT}<`, '>&xxe;<'),
    );
    refuses(b64(xml), 'SAML_XML_DOCTYPE');
  });

  it('entity expansion ("billion laughs")', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = withDoctype(
      `<!DOCTYPE r [<!ENTITY l0 "lol">${lol}]>`,
      issue().xml.replace(`>${LEGIT}<`, '>&l9;<'),
    );
    refuses(b64(xml), 'SAML_XML_DOCTYPE');
  });

  it('a DOCTYPE at all, in any case', () => {
    refuses(b64(withDoctype('<!DOCTYPE Response>', issue().xml)), 'SAML_XML_DOCTYPE');
    refuses(b64(withDoctype('<!doctype Response>', issue().xml)), 'SAML_XML_DOCTYPE');
  });

  it('multiple root elements (CVE-2022-39299): evil Response before or after the signed one', () => {
    const legit = issue().xml;
    const evil = issue({ nameId: EVIL }, { signResponse: false, signAssertion: false }).xml;
    refuses(b64(legit + evil), 'SAML_XML_INVALID');
    refuses(b64(evil + legit), 'SAML_XML_INVALID');
  });

  it('oversized body: refused above MAX_MESSAGE_BYTES, accepted at exactly the limit', () => {
    const legit = issue().xml;
    const padded = (total: number) => `${legit}<!--${'x'.repeat(total - legit.length - 7)}-->`;
    expect(Buffer.byteLength(padded(MAX_MESSAGE_BYTES))).toBe(MAX_MESSAGE_BYTES);
    expect(consume(b64(padded(MAX_MESSAGE_BYTES))).ok).toBe(true);
    refuses(b64(padded(MAX_MESSAGE_BYTES + 1)), 'SAML_XML_TOO_LARGE');
    refuses(b64(padded(4 * MAX_MESSAGE_BYTES)), 'SAML_XML_TOO_LARGE');
    expect(() => readInboundXml(padded(MAX_MESSAGE_BYTES + 1), profile())).toThrow(
      expect.objectContaining({ code: 'SAML_XML_TOO_LARGE' }),
    );
  });

  it('deflate bomb on the Redirect binding: inflateMessage refuses with SAML_XML_TOO_LARGE', () => {
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20)).toString('base64');
    expect(bomb.length).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(() => inflateMessage(bomb)).toThrow(expect.objectContaining({ code: 'SAML_XML_TOO_LARGE' }));
    expect(() => readRedirectRequest(`SAMLRequest=${encodeURIComponent(bomb)}`)).toThrow(
      expect.objectContaining({ code: 'SAML_XML_TOO_LARGE' }),
    );
    const edge = (n: number) => deflateRawSync(Buffer.alloc(n, 0x20)).toString('base64');
    expect(inflateMessage(edge(MAX_MESSAGE_BYTES))).toHaveLength(MAX_MESSAGE_BYTES);
    expect(() => inflateMessage(edge(MAX_MESSAGE_BYTES + 1))).toThrow(
      expect.objectContaining({ code: 'SAML_XML_TOO_LARGE' }),
    );
  });

  it('invalid base64', () => {
    for (const bad of ['not base64!!', 'abc', 'QUJD=A==', '%ZZ', '<samlp:Response/>'])
      refuses(bad, 'SAML_BASE64_INVALID');
    refuses('   ', 'SAML_INPUT_MISSING');
  });

  it('base64 with line breaks or URL-encoding is still read (controls)', () => {
    const { base64 } = issue();
    expect(consume(base64.replace(/(.{76})/g, '$1\r\n')).ok).toBe(true);
    expect(consume(encodeURIComponent(base64)).ok).toBe(true);
  });

  it('non-UTF-8: Latin-1 and UTF-16 bytes', () => {
    const latin1 = Buffer.from(issue({ nameId: 'séverine@org1.example' }).xml, 'latin1').toString('base64');
    refuses(latin1, 'SAML_XML_INVALID');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(issue().xml, 'utf16le')]).toString(
      'base64',
    );
    refuses(utf16, 'SAML_XML_INVALID');
  });

  it('not a Response at all', () => {
    refuses(b64(`<saml2:Assertion xmlns:saml2="${NS.assertion}" ID="x"/>`), 'SAML_NOT_A_RESPONSE');
  });
});
