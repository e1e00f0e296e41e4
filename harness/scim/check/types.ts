import type { OktaScimClient } from '../client.js';
import type { Answer, Probe, ScimExchange } from './probe.js';

/**
 * `fedsim scim-check`: a SCIM 2.0 server driven as Okta drives it. Each check is one row of a
 * table (id, what Okta expects, the fix); it sends its requests through the probe, which keeps
 * them as the row's observed exchanges, and returns what differed (nothing: pass).
 */
export type ScimCheckGroup = 'okta' | 'spec' | 'rfc';

/** A user the checker creates; `id` once the server has answered with one. */
export interface TestUser {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  id?: string;
}

/** What checks hand on to later ones. */
export interface CheckState {
  /** Okta's lifecycle user (okta.*). */
  okta: TestUser;
  /** The SPEC test's "realistic values" user (spec.create). */
  spec: TestUser;
  /** The id spec.users-list found first. */
  listedId?: string;
  /** Users the server created where it should have refused (a duplicate): removed with the others. */
  extra: TestUser[];
  /** The exchanges of the okta.* checks, for okta.sequence. */
  sequence: ScimExchange[];
}

export interface CheckContext {
  probe: Probe;
  /** Okta's own SCIM client, over the probe: the requests Okta sends, exactly. */
  client: OktaScimClient;
  state: CheckState;
  /** A fresh random token, for names that cannot clash with the server's users. */
  random(): string;
}

export interface ScimCheck {
  id: string;
  group: ScimCheckGroup;
  /** The check's name (for spec.*, the SPEC test step it reproduces). */
  title: string;
  /** What a server Okta can provision answers. */
  expectation: string;
  /** What to change on the server when it fails. */
  fix: string;
  /** Resolves to what differed from the expectation (empty: pass); throws SkipCheck when it cannot run. */
  run(ctx: CheckContext): Promise<string[]>;
}

/** A check that cannot run, e.g. because the user an earlier check should have created is missing. */
export class SkipCheck extends Error {}

/** The id an earlier check left in the state, or a skip naming that check. */
export function needId(user: TestUser, by: string): string {
  if (user.id === undefined) throw new SkipCheck(`needs the user ${by} creates, and it has no id`);
  return user.id;
}

export type { Answer };
