import type { Clock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';
import type { CertInfo } from '../crypto/credential.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { WorldConfig } from './config.js';
import type { externalIdpSettings } from './external-idp.js';
import type { WorldOutbound } from './outbound.js';
import type { TokenFor } from './parties.js';
import type { WorldApps } from './world-apps.js';

export type PartyName = 'org1' | 'org2' | 'dropbox';

/** What dropbox's SSO settings trust: certificates and, when read from metadata, the issuer. */
export interface DropboxTrust {
  issuer?: string;
  certs: CertInfo[];
}

/** A world's parties and the state only world.ts holds, for the parts that change a built world. */
export interface WorldInternals {
  readonly config: WorldConfig;
  readonly clock: Clock;
  readonly org1: Org1;
  readonly org2: Org2;
  readonly dropbox: Dropbox;
  readonly tokenFor: TokenFor;
  /** Where relative file paths in the config are resolved: the scenario's folder. */
  readonly baseDir: string;
  /** Loopback and the hosts the config names (or the caller's fetch); closed with the world. */
  readonly outbound: WorldOutbound;
  /** world.org2.apps: built with the world, added or changed by `configure`. */
  readonly apps: WorldApps;
  /** The IdP org2 trusts in place of org1 (world.org2.idp metadata or fields), if any. */
  readonly externalIdp: ReturnType<typeof externalIdpSettings> | undefined;
  /** The fetch a party calls others with (recorded under the party's name when tracing). */
  fetchAs(party: PartyName): HttpFetch;
  /** Replaces what dropbox trusts (a rollover, or its import from org2's metadata). */
  trustAtDropbox(trust: DropboxTrust): void;
}
