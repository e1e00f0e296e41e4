import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../harness/core/errors.js';
import { closestName, didYouMean } from '../../harness/core/suggest.js';
import { STEP_KINDS } from '../../harness/scenario/steps/index.js';

describe('did you mean', () => {
  it('names the code a shortened one ends with', () => {
    expect(closestName('USER_NOT_FOUND', ERROR_CODES)).toBe('IDP_USER_NOT_FOUND');
    expect(closestName('E0000001', ERROR_CODES)).toBe('OKTA_E0000001');
  });

  it('names the step kind a typo is closest to, swaps and case included', () => {
    expect(closestName('lgoin', STEP_KINDS)).toBe('login');
    expect(closestName('expct', STEP_KINDS)).toBe('expect');
    expect(closestName('advanceclock', STEP_KINDS)).toBe('advanceClock');
    expect(closestName('setGroup', STEP_KINDS)).toBe('setGroups');
  });

  it('prefers the nearest of several candidates', () => {
    expect(closestName('tilez', ['tiles', 'title', 'user'])).toBe('tiles');
    expect(closestName('SAML_EXPIRD', ERROR_CODES)).toBe('SAML_EXPIRED');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(closestName('banana', STEP_KINDS)).toBeUndefined();
    expect(closestName('ab', ['login', 'user'])).toBeUndefined();
    expect(didYouMean('banana', STEP_KINDS)).toBe('');
  });

  it('phrases a suggestion to append to a message', () => {
    expect(didYouMean('lgoin', STEP_KINDS)).toBe('; did you mean login?');
  });
});
