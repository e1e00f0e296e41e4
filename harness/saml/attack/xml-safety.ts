import { withNameId } from './signature.js';
import type { AttackVariant } from './variant.js';

const withDoctype = (dtd: string, xml: string) => `<?xml version="1.0"?>${dtd}${xml}`;

/** One MiB: four times what fedsim's ACS reads (saml/xml.ts MAX_MESSAGE_BYTES), well past any real response. */
const OVERSIZED_BYTES = 1024 * 1024;
/** The ~140 kB response of 19,000 levels reported against XML parsers that recurse. */
const DEEP_LEVELS = 19_000;

/** Hostile XML: DTDs, entities, nesting, size, several roots. */
export const XML_SAFETY: AttackVariant[] = [
  {
    id: 'doctype-xxe',
    title: 'XXE: an external entity (file:///etc/passwd) as the NameID',
    reference: 'CWE-611 (XXE); OWASP XXE Cheat Sheet',
    build: (ctx) =>
      withDoctype(
        '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        withNameId(ctx.issue(), '&xxe;'),
      ),
  },
  {
    id: 'entity-expansion',
    title: 'entity expansion ("billion laughs") in the NameID',
    reference: 'CWE-776; CVE-2003-1564 (billion laughs)',
    build: (ctx) => {
      const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join(
        '',
      );
      return withDoctype(`<!DOCTYPE r [<!ENTITY l0 "lol">${lol}]>`, withNameId(ctx.issue(), '&l9;'));
    },
  },
  {
    id: 'doctype-internal-entity',
    title: "an internal entity naming the attacker's user in the NameID",
    reference: 'CWE-827 (DTD); SAML Bindings §3.5.4',
    build: (ctx) => withDoctype(`<!DOCTYPE r [<!ENTITY n "${ctx.evil}">]>`, withNameId(ctx.issue(), '&n;')),
  },
  {
    id: 'deep-nesting',
    title: `${DEEP_LEVELS.toLocaleString('en')} nested elements inside the Response`,
    reference: 'CWE-674 (recursion); XMLDSig Best Practices BP 1',
    build: (ctx) =>
      ctx
        .issue()
        .replace(
          '</saml2:Issuer>',
          `</saml2:Issuer>${'<a>'.repeat(DEEP_LEVELS)}${'</a>'.repeat(DEEP_LEVELS)}`,
        ),
  },
  {
    id: 'oversized',
    title: 'a valid response padded to 1 MiB with a comment after the root',
    reference: 'CWE-400 (resource consumption)',
    build: (ctx) => {
      const xml = ctx.issue();
      return `${xml}<!--${'x'.repeat(OVERSIZED_BYTES - xml.length)}-->`;
    },
  },
  {
    id: 'multiple-roots',
    title: "an unsigned Response for the attacker's user before the signed one (two roots)",
    reference: 'CVE-2022-39299 (passport-saml)',
    build: (ctx) => ctx.issue({ signed: 'none', fields: { nameId: ctx.evil } }) + ctx.issue(),
  },
];
