import type { SigningCredential } from '../../crypto/credential.js';
import type { Scheduler } from '../../provisioning/scheduler.js';
import type { AdminRole } from '../api/auth.js';
import type { OrgBaseOptions } from '../org-options.js';
import type { InboundIdp } from './inbound-idp.js';
import type { SamlApp } from './saml-app.js';

export interface Org2Options extends OrgBaseOptions {
  idp: InboundIdp;
  jitEnabled: boolean;
  tokens: ReadonlyMap<string, AdminRole>;
  /** The Dropbox Business app instance: the first of the org's SAML apps. */
  dropbox: SamlApp;
  /** The org's other SAML apps (world.org2.apps). */
  apps?: SamlApp[];
  /** Signs org2's AuthnRequests (SP-initiated sign-in through the IdP). */
  spCredential: SigningCredential;
  /** How background work waits between retries. */
  scheduler: Scheduler;
  /** A routing rule sends every sign-in to the inbound IdP (Okta's "IdP routing"). */
  idpRouting: boolean;
}
