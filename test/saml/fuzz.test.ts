import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../harness/core/clock.js';
import { ERROR_CODES, FedsimError } from '../../harness/core/errors.js';
import type { ParsedAssertion } from '../../harness/saml/parse.js';
import { ServiceProvider } from '../../harness/saml/sp.js';
import { b64 } from './checks/helpers.js';
import { applyMutations, mutation } from './fuzz/mutations.js';
import { issue, NOW, profile } from './helpers.js';

/**
 * Property: whatever is done to a valid signed response, the ACS path (ServiceProvider.accept:
 * decode, parse, verify, the check table) either refuses it with a registered code other than
 * INTERNAL, or accepts exactly the identity and attributes that were signed. Never a crash and
 * never a stall. `FUZZ_RUNS` sets the number of cases (`npm run fuzz`: 10,000); `FUZZ_SEED`
 * replays a run (fast-check prints the seed and the shrunk case of a failure).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED =
  process.env.FUZZ_SEED === undefined
    ? process.env.FUZZ_RUNS
      ? undefined
      : 13
    : Number(process.env.FUZZ_SEED);
/** A stall detector, not a performance test: `npm run bench` measures. */
const STALL_MS = 1000;
const KNOWN = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));

const TEMPLATES = {
  'both signed': issue().xml,
  'Response signed': issue({}, { signAssertion: false }).xml,
  'Assertion signed': issue({}, { signResponse: false }).xml,
};

/** What an accepted sign-in acts on: who, and what the IdP said about them. */
const identity = (a: ParsedAssertion) => ({
  issuer: a.issuer,
  nameId: a.nameId,
  nameIdFormat: a.nameIdFormat,
  attributes: a.attributes,
});

function acs(xml: string) {
  return new ServiceProvider(() => profile(), new FixedClock(NOW)).accept(b64(xml)).assertion;
}

const ORIGINAL = identity(acs(TEMPLATES['both signed']));

describe('fuzz: mutated signed responses at the ACS', () => {
  it(
    `${RUNS} mutated responses are refused with a known code or accepted as signed`,
    () => {
      const outcomes = new Map<string, number>();
      let slowest = 0;
      const started = performance.now();
      fc.assert(
        fc.property(
          fc.constantFrom(...(Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[])),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (template, mutations) => {
            const xml = applyMutations(TEMPLATES[template], mutations);
            const t0 = performance.now();
            let outcome: string;
            try {
              expect(identity(acs(xml))).toEqual(ORIGINAL);
              outcome = 'accepted';
            } catch (err) {
              if (!(err instanceof FedsimError)) throw err;
              expect(KNOWN, `${err.code}: ${err.message}`).toContain(err.code);
              outcome = err.code;
            }
            const ms = performance.now() - t0;
            slowest = Math.max(slowest, ms);
            expect(ms).toBeLessThan(STALL_MS);
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
      // Not vacuous: mutations both break and spare the signed content.
      expect(outcomes.get('accepted') ?? 0).toBeGreaterThan(0);
      expect(outcomes.size).toBeGreaterThan(3);
      if (process.env.FUZZ_RUNS) {
        const total = Math.round(performance.now() - started);
        console.log(
          `fuzz: ${RUNS} cases in ${total} ms, slowest ${slowest.toFixed(1)} ms`,
          Object.fromEntries(outcomes),
        );
      }
    },
    20_000 + RUNS * 100,
  );
});
