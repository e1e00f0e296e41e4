import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../harness/core/clock.js';
import { ReplayCache } from '../../../harness/saml/replay-cache.js';
import { ServiceProvider } from '../../../harness/saml/sp.js';
import { issue, NOW, profile } from '../helpers.js';
import { build, failing, row, spState } from './helpers.js';

const REQ = 'id1111111111111111111111111';
const OTHER_REQ = 'id2222222222222222222222222';

describe('in-response-to: SP-initiated answers name an outstanding request', () => {
  const solicited = issue({ inResponseTo: REQ }).xml;

  it('passes when the outstanding set contains the id', () => {
    const r = row('in-response-to', solicited, { state: spState({ outstanding: [OTHER_REQ, REQ] }) });
    expect(r).toMatchObject({ ok: true, code: 'SAML_IN_RESPONSE_TO_MISMATCH', actual: REQ });
    expect(r.expected).toBe(`one of ${OTHER_REQ}, ${REQ}`);
  });

  it('fails when the outstanding set lacks the id', () => {
    const r = row('in-response-to', solicited, {
      state: spState({ outstanding: [OTHER_REQ] }),
      profile: { allowUnsolicited: false },
    });
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_IN_RESPONSE_TO_MISMATCH',
      expected: `one of ${OTHER_REQ}`,
      actual: REQ,
    });
    expect(r.hint).toContain('start the sign-in again');
  });

  it('fails an InResponseTo when no request is outstanding, even if unsolicited is allowed', () => {
    const r = row('in-response-to', solicited, { profile: { allowUnsolicited: true } });
    expect(r).toMatchObject({
      ok: false,
      code: 'SAML_IN_RESPONSE_TO_MISMATCH',
      expected: 'no InResponseTo: no request is outstanding',
    });
  });

  it('reads the signed SubjectConfirmationData value, not the Response attribute of an unsigned Response', () => {
    const xml = build({
      request: { inResponseTo: REQ },
      settings: { signResponse: false },
      editResponse: (x) => x.replace(`InResponseTo="${REQ}"`, `InResponseTo="${OTHER_REQ}"`),
    }).xml;
    expect(xml).toContain(`InResponseTo="${OTHER_REQ}"`);
    const r = row('in-response-to', xml, { state: spState({ outstanding: [OTHER_REQ] }) });
    expect(r).toMatchObject({ ok: false, actual: REQ });
  });

  it('uses the Response InResponseTo when the Response is signed and the assertion carries none', () => {
    const xml = build({
      request: { inResponseTo: REQ },
      editAssertion: (x) => x.replace(/ InResponseTo="[^"]*"/, ''),
    }).xml;
    expect(row('in-response-to', xml, { state: spState({ outstanding: [REQ] }) })).toMatchObject({
      ok: true,
      actual: REQ,
    });
  });

  describe('IdP-initiated (no InResponseTo)', () => {
    const unsolicited = issue().xml;

    it('passes when the SP allows unsolicited responses', () => {
      const r = row('in-response-to', unsolicited, { profile: { allowUnsolicited: true } });
      expect(r).toMatchObject({
        ok: true,
        code: 'SAML_UNSOLICITED_NOT_ALLOWED',
        expected: 'unsolicited response allowed',
        actual: 'no InResponseTo (IdP-initiated)',
      });
    });

    it('fails with allowUnsolicited false, listing what was expected and how to fix it', () => {
      const r = row('in-response-to', unsolicited, {
        profile: { allowUnsolicited: false },
        state: spState({ outstanding: [REQ] }),
      });
      expect(r).toMatchObject({
        ok: false,
        code: 'SAML_UNSOLICITED_NOT_ALLOWED',
        expected: `InResponseTo one of: ${REQ}`,
        actual: 'no InResponseTo (IdP-initiated)',
      });
      expect(r.hint).toContain('does not accept IdP-initiated sign-in');
      expect(failing(unsolicited, { profile: { allowUnsolicited: false } })).toEqual([
        'SAML_UNSOLICITED_NOT_ALLOWED',
      ]);
    });

    it('says no outstanding request when there is none', () => {
      expect(row('in-response-to', unsolicited, { profile: { allowUnsolicited: false } }).expected).toBe(
        'InResponseTo one of: no outstanding request',
      );
    });
  });
});

describe('replay: an assertion ID is accepted once', () => {
  const issued = issue();

  it('passes a fresh assertion ID', () => {
    const r = row('replay', issued.xml);
    expect(r).toMatchObject({
      ok: true,
      code: 'SAML_REPLAY',
      expected: 'an assertion ID not seen before',
      actual: issued.fields.assertionId,
    });
  });

  it('fails an ID already used', () => {
    const r = row('replay', issued.xml, { state: spState({ used: [issued.fields.assertionId] }) });
    expect(r).toMatchObject({ ok: false, code: 'SAML_REPLAY', actual: issued.fields.assertionId });
    expect(r.hint).toContain('fresh response');
  });

  it('the SP remembers accepted IDs until NotOnOrAfter + skew, then forgets them', () => {
    const clock = new FixedClock(NOW);
    const sp = new ServiceProvider(() => profile(), clock);
    expect(sp.accept(issued.base64).assertion.nameId).toBe('sarah@org1.example');
    expect(() => sp.accept(issued.base64)).toThrow(
      expect.objectContaining({ code: 'SAML_REPLAY', status: 403 }),
    );
    expect(sp.replay.has(issued.fields.assertionId)).toBe(true);
    // Another response later prunes the cache: the first id expired at NotOnOrAfter + skew.
    clock.advance(5 * 60_000 + 120_000);
    sp.replay.add('other', clock.now().getTime() + 1, clock.now().getTime());
    expect(sp.replay.has(issued.fields.assertionId)).toBe(false);
  });

  it('remembers the id for the longest window: Conditions without NotOnOrAfter, SubjectConfirmationData 5 min', () => {
    // Regression: sp.ts used only Conditions NotOnOrAfter and otherwise kept the id for the skew alone,
    // so the same response was accepted again 3 minutes later once any other sign-in pruned the cache.
    const { base64 } = build({
      editAssertion: (x) => x.replace(/(<saml2:Conditions [^>]*) NotOnOrAfter="[^"]*"/, '$1'),
    });
    const clock = new FixedClock(NOW);
    const sp = new ServiceProvider(() => profile(), clock);
    sp.accept(base64);
    clock.advance(3 * 60_000);
    sp.accept(issue({}, {}, 'another-sign-in').base64);
    expect(() => sp.accept(base64)).toThrow(expect.objectContaining({ code: 'SAML_REPLAY' }));
  });

  it('a refused response is not remembered', () => {
    const sp = new ServiceProvider(() => profile({ allowUnsolicited: false }), new FixedClock(NOW));
    expect(() => sp.accept(issued.base64)).toThrow(
      expect.objectContaining({ code: 'SAML_UNSOLICITED_NOT_ALLOWED' }),
    );
    expect(sp.replay.size).toBe(0);
  });

  it('the cache is bounded', () => {
    const cache = new ReplayCache(2);
    for (const id of ['a', 'b', 'c']) cache.add(id, 1e15, 0);
    expect(cache.size).toBe(2);
    expect(cache.has('a')).toBe(false);
    expect(cache.has('c')).toBe(true);
  });
});
