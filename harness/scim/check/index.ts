import { FedsimError } from '../../core/errors.js';
import type { HttpFetch } from '../../core/http.js';
import type { ScimAuth } from '../auth.js';
import { OktaScimClient } from '../client.js';
import { type CleanupOutcome, cleanUp } from './cleanup.js';
import { OKTA_CHECKS, OKTA_SEQUENCE } from './okta.js';
import { Probe, type ScimExchange } from './probe.js';
import { RFC_CHECKS } from './rfc.js';
import { SPEC_CHECKS } from './spec.js';
import {
  type CheckContext,
  type CheckState,
  type ScimCheck,
  type ScimCheckGroup,
  SkipCheck,
  type TestUser,
} from './types.js';

/**
 * Every check, in the order they run: Okta's lifecycle first (it leaves a user on the server,
 * which the SPEC test's first step needs), then the SPEC test, then the RFC rules.
 */
export const SCIM_CHECKS: readonly ScimCheck[] = [
  ...OKTA_CHECKS,
  OKTA_SEQUENCE,
  ...SPEC_CHECKS,
  ...RFC_CHECKS,
];

export type ScimCheckVerdict = 'pass' | 'fail' | 'skip';

export interface ScimCheckResult {
  id: string;
  group: ScimCheckGroup;
  title: string;
  expectation: string;
  verdict: ScimCheckVerdict;
  /** What differed (fail) or why it did not run (skip). */
  reasons: string[];
  observed: ScimExchange[];
  /** Only on a failure. */
  fix?: string;
}

export interface ScimCheckReport {
  url: string;
  results: ScimCheckResult[];
  cleanup: CleanupOutcome[];
  counts: Record<ScimCheckVerdict, number>;
}

export interface ScimCheckOptions {
  /** The SCIM base URL, e.g. http://127.0.0.1:3000/scim/v2. */
  url: string;
  auth: ScimAuth;
  fetch: HttpFetch;
  /** Milliseconds, for response times (spec.groups). */
  now: () => number;
  /** Random url-safe text for user names no server already holds. */
  random: () => string;
}

function testUser(random: () => string, label: string): TestUser {
  const tag = random().toLowerCase();
  return {
    userName: `fedsim-${label}-${tag}@example.com`,
    givenName: 'Ada',
    familyName: `Check${tag}`,
    email: `fedsim-${label}-${tag}@example.com`,
  };
}

async function runOne(check: ScimCheck, ctx: CheckContext): Promise<ScimCheckResult> {
  const { id, group, title, expectation } = check;
  let verdict: ScimCheckVerdict;
  let reasons: string[];
  try {
    reasons = await check.run(ctx);
    verdict = reasons.length ? 'fail' : 'pass';
  } catch (err) {
    if (!(err instanceof SkipCheck)) throw err;
    reasons = [err.message];
    verdict = 'skip';
  }
  const observed = ctx.probe.take();
  if (group === 'okta' && id !== OKTA_SEQUENCE.id) ctx.state.sequence.push(...observed);
  return {
    id,
    group,
    title,
    expectation,
    verdict,
    reasons,
    observed,
    ...(verdict === 'fail' ? { fix: check.fix } : {}),
  };
}

/** A server that cannot be checked at all: nothing answered, or the credential was refused. */
function unusable(first: ScimExchange | undefined, url: string): FedsimError | undefined {
  if (!first || first.status === 0) {
    return new FedsimError(
      'HTTP_FAILED',
      `No answer from ${url}: ${first?.response ?? 'no request was sent'}`,
      {
        hint: 'Start the SCIM server, or correct the URL (its base, ending e.g. in /scim/v2).',
      },
    );
  }
  if (first.status === 401 || first.status === 403) {
    return new FedsimError(
      'SCIM_CHECK_REFUSED',
      `${url} refused the credential on the first request (${first.request} → ${first.response})`,
      {
        actual: first.status,
        hint: "Pass the server's token with --token, and its scheme with --auth (bearer, basic or header:NAME).",
      },
    );
  }
  return undefined;
}

/** Runs every check against the server, then removes what it created; throws when the server cannot be checked. */
export async function runScimCheck(options: ScimCheckOptions): Promise<ScimCheckReport> {
  const url = options.url.replace(/\/+$/, '');
  const probe = new Probe(url, options.fetch, options.auth, options.now);
  const client = new OktaScimClient({
    baseUrl: url,
    token: options.auth.token,
    authScheme: options.auth.scheme,
    fetch: probe.fetch,
  });
  const state: CheckState = {
    okta: testUser(options.random, 'okta'),
    spec: testUser(options.random, 'spec'),
    extra: [],
    sequence: [],
  };
  const ctx: CheckContext = { probe, client, state, random: options.random };
  const results: ScimCheckResult[] = [];
  for (const check of SCIM_CHECKS) {
    results.push(await runOne(check, ctx));
    const refused = results.length === 1 ? unusable(probe.history[0], url) : undefined;
    if (refused) throw refused;
  }
  const cleanup = await cleanUp(probe, [state.okta, state.spec, ...state.extra]);
  const counts = { pass: 0, fail: 0, skip: 0 };
  for (const r of results) counts[r.verdict] += 1;
  return { url, results, cleanup, counts };
}

export type { CleanupOutcome, ScimExchange };
