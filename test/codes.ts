import { expect } from 'vitest';
import { FedsimError } from '../harness/core/errors.js';

/** The code of the FedsimError `fn` throws; fails the test when it throws nothing or something else. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FedsimError);
    return (err as FedsimError).code;
  }
  throw new Error('expected a FedsimError to be thrown');
}
