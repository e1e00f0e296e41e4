import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO_START, FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { hasInvisibleCharacter, skeleton } from '../../harness/okta/confusables.js';
import { Directory } from '../../harness/okta/directory.js';
import { LOOKALIKE_EVENT } from '../../harness/okta/org2/idp-log.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { errorCodeOf, org1Org2Response } from '../routes-helpers.js';

/**
 * A signed NameID that reads as an existing login. Okta's login rules (okta-login-rules.md:
 * email format, unique regardless of case and diacritics) leave other scripts' letters legal, so
 * a JIT of `sаrah@…` (Cyrillic а) creates a second user; invisible and bidi characters are never
 * part of a username, and an email domain has no trailing dot.
 */
const SARAH = 'sarah@org1.example';
let world: World;

beforeEach(async () => {
  world = await createWorld({
    org1: { org2org: { provisioning: { enabled: false } } },
    org2: {
      users: [{ login: SARAH, firstName: 'Sarah', lastName: 'Miller' }],
      idp: { accountLink: 'DISABLED' },
    },
  });
});

afterEach(async () => {
  await world?.close();
});

/** org1's Org2Org app signs `nameId` for org2's ACS; what org2 answers. */
async function signInAs(nameId: string) {
  const { base64 } = org1Org2Response(world, nameId);
  const res = await request(world.org2.url)
    .post(new URL(world.org2.acsUrl).pathname)
    .type('form')
    .send({ SAMLResponse: base64 });
  return { status: res.status, code: errorCodeOf(res), users: world.org2.directory.all().length };
}

const lookalikeEvents = () => world.org2.log.events.filter((e) => e.eventType === LOOKALIKE_EVENT);

describe('a NameID with an invisible or bidi character, or a trailing dot, creates nobody', () => {
  it.each([
    ['a zero-width space', 'sa\u200brah@org1.example'],
    ['a right-to-left override', '\u202esarah@org1.example'],
    ['a left-to-right mark', 'sarah\u200e@org1.example'],
    ['a soft hyphen', 'sa\u00adrah@org1.example'],
    ['a trailing dot', 'sarah@org1.example.'],
  ])('%s', async (_, nameId) => {
    const before = world.org2.directory.all().length;
    const outcome = await signInAs(nameId);
    expect(outcome.status).toBe(400);
    expect(outcome.code).toBe('OKTA_E0000001');
    expect(outcome.users).toBe(before);
    expect(lookalikeEvents()).toEqual([]);
  });
});

describe('a visible lookalike is a second user, and org2 logs a warning naming the one it imitates', () => {
  it.each([
    ['a Cyrillic а', 's\u0430rah@org1.example'],
    ['a fullwidth ｓ', '\uff53arah@org1.example'],
    ['a long ſ', '\u017farah@org1.example'],
    ['a Greek ο in the domain', 'sarah@\u03bfrg1.example'],
  ])('%s', async (_, nameId) => {
    const before = world.org2.directory.all().length;
    const outcome = await signInAs(nameId);
    expect(outcome.users).toBe(before + 1);
    const [warning, ...more] = lookalikeEvents();
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ severity: 'WARN', outcome: { result: 'SUCCESS' } });
    expect(warning?.target.map((t) => t.alternateId)).toEqual([nameId, SARAH]);
  });

  it('an unrelated new login logs no warning (control)', async () => {
    await signInAs('erin@org1.example');
    expect(world.org2.directory.find('erin@org1.example')).toBeDefined();
    expect(lookalikeEvents()).toEqual([]);
  });
});

describe('the skeleton', () => {
  it('folds lookalikes together and keeps different logins apart', () => {
    const same = [
      's\u0430rah@org1.example',
      'ＳＡＲＡＨ@org1.example',
      '\u017farah@org1.example',
      'sarah@org1.example.',
    ];
    for (const login of same) expect(skeleton(login)).toBe(skeleton(SARAH));
    expect(skeleton('sara@org1.example')).not.toBe(skeleton(SARAH));
    expect(hasInvisibleCharacter('sa\u2066rah@org1.example')).toBe(true);
    expect(hasInvisibleCharacter(SARAH)).toBe(false);
  });
});

describe('lookalikeOf answers from an index kept current', () => {
  const directory = () => new Directory(new FixedClock(DEFAULT_SCENARIO_START), new SeededIds('lookalikes'));
  const add = (d: Directory, login: string) =>
    d.create({ login, email: login, firstName: 'A', lastName: 'B' }, { activate: false });

  it('names the earliest-created other user, follows login changes and forgets deleted users', () => {
    const d = directory();
    const sarah = add(d, SARAH);
    const imitator = add(d, 's\u0430rah@org1.example');
    expect(d.lookalikeOf(imitator)?.id).toBe(sarah.id);
    expect(d.lookalikeOf(sarah)?.id).toBe(imitator.id);
    const second = add(d, '\uff53arah@org1.example');
    expect(d.lookalikeOf(second)?.id).toBe(sarah.id);

    d.update(sarah.id, { login: 'sarah.miller@org1.example' });
    expect(d.lookalikeOf(second)?.id).toBe(imitator.id);
    expect(d.lookalikeOf(sarah)).toBeUndefined();

    d.deactivate(imitator.id);
    d.delete(imitator.id);
    expect(d.lookalikeOf(second)).toBeUndefined();
  });
});
