import { parse, Tester } from 'scim2-parse-filter';
import { describe, expect, it } from 'vitest';
import { filterPredicate, type PredicateRules } from '../../harness/scim/filter-predicate.js';

/**
 * The compiled predicate answers as scim2-parse-filter's own Tester wherever that one answers:
 * with every comparison case-exact (no folding), on resources whose strings are all lower case,
 * so folding could not tell them apart either.
 */
const library = new Tester();
const EXACT: PredicateRules = { split: (p) => library.attrPath(p), caseExact: () => true };
const FOLDING: PredicateRules = { split: (p) => library.attrPath(p), caseExact: () => false };

const RESOURCES: unknown[] = [
  {
    userName: 'ada@example.com',
    name: { givenName: 'ada', familyName: 'lovelace' },
    emails: [
      { value: 'ada@example.com', type: 'work', primary: true },
      { value: 'ada@home.example', type: 'home', primary: false },
    ],
    active: true,
    logins: 3,
    meta: { created: '2026-01-15t09:00:00.000z' },
  },
  { userName: 'grace@navy.mil', name: { givenName: 'grace' }, emails: [], active: false, logins: 0 },
  { userName: 'alan', emails: 'alan@example.com', active: null, meta: {} },
  {},
];

const FILTERS = [
  'userName eq "ada@example.com"',
  'USERNAME eq "ada@example.com"',
  'userName ne "ada@example.com"',
  'userName sw "a"',
  'userName ew ".mil"',
  'userName co "navy"',
  'name.familyName co "love"',
  'name.familyName pr',
  'emails pr',
  'emails.value ew "home.example"',
  'emails[type eq "work" and value sw "ada"]',
  'emails[type eq "home"] or userName eq "alan"',
  'emails.primary eq true',
  'active eq true',
  'active eq false',
  'active eq null',
  'logins gt 1',
  'logins ge 0',
  'logins lt 3',
  'logins le 3',
  'meta.created gt "2026-01-01"',
  'meta.created lt "2026-01-01"',
  'not (active eq true)',
  'not (userName sw "a") and active pr',
  '(userName sw "a" or userName sw "g") and not (emails.type eq "home")',
];

describe('filterPredicate', () => {
  it.each(FILTERS)('%s: as the library tests every resource', (expression) => {
    const ast = parse(expression);
    const predicate = filterPredicate(ast, EXACT);
    for (const resource of RESOURCES) expect(predicate(resource)).toBe(Boolean(library.test(resource, ast)));
  });

  it('folds case on both sides unless the attribute is caseExact', () => {
    const user = { userName: 'Ada@Example.COM', id: 'Abc' };
    const folded = (f: string) => filterPredicate(parse(f), FOLDING)(user);
    const exact = (f: string) => filterPredicate(parse(f), EXACT)(user);
    expect([
      folded('userName eq "ada@EXAMPLE.com"'),
      folded('userName co "EXAMPLE"'),
      folded('id sw "ab"'),
    ]).toEqual([true, true, true]);
    expect([exact('userName eq "ada@EXAMPLE.com"'), exact('id sw "ab"'), exact('id sw "Ab"')]).toEqual([
      false,
      false,
      true,
    ]);
  });

  it('matches nothing on an attribute present but unset, where the library threw', () => {
    const member = { userName: 'x@example.com', externalId: undefined };
    for (const f of ['externalId co "u"', 'externalId sw "u"', 'externalId ew "d"', 'externalId pr']) {
      expect(filterPredicate(parse(f), FOLDING)(member)).toBe(false);
    }
    expect(() => library.test(member, parse('externalId co "u"'))).toThrow(TypeError);
  });
});
