import type { Clock } from '../../core/clock.js';
import { type FedsimError, toFedsimError } from '../../core/errors.js';
import { type CertInfo, parseCertificate } from '../../crypto/credential.js';
import { validationError } from '../errors.js';
import { API_ADMIN } from '../syslog/admin-events.js';
import type { LogActor, SystemLog } from '../syslog/log-store.js';
import { readOktaIdp } from './idp-json.js';
import type { IdpKeyStore } from './idp-keys.js';
import type { InboundIdp } from './inbound-idp.js';

/** What replacing the IdP touches in org2: the IdP itself, its key store, its policy and log. */
export interface EditableIdpOrg {
  readonly idp: InboundIdp;
  readonly idpKeys: IdpKeyStore;
  /** Recompiles the username template and subject filter (a bad one throws CONFIG_INVALID). */
  readonly policy: { refresh(): void };
  readonly log: SystemLog;
  readonly options: { clock: Clock };
}

/** Okta assigns these: a PUT that sends them is not changing them (Okta: `type` is immutable). */
const ASSIGNED = ['id', 'spId', 'created', 'lastUpdated', 'trustKids'] as const;

/** A PUT body's failure as Okta's E0000001, with the reason as its cause. */
function invalid(err: unknown): FedsimError {
  const e = toFedsimError(err);
  return e.code.startsWith('OKTA_') ? e : validationError([`idp: ${e.message}`], { actual: e.actual });
}

/** The certificates the body's `trust.kid` / `additionalKids` name, from the org's key store. */
function trustedCerts(keys: IdpKeyStore, kids: readonly string[]): CertInfo[] {
  if (kids.length > 2)
    throw validationError(['additionalKids: Okta trusts one certificate besides the primary (rollover)']);
  return kids.map((kid) => {
    const key = keys.get(kid);
    if (!key) throw validationError([`kid: No IdP key credential ${kid}; upload it first`], { actual: kid });
    return key.cert;
  });
}

/**
 * `PUT /api/v1/idps/{idpId}` (Okta's management spec, "Replace an IdP"): the body is the IdP
 * object as GET returns it, read with the same reader as an exported IdP. Fields Okta assigns stay;
 * fields the body leaves out keep their values (inferred, docs/decisions/idp-replace.md). A bad
 * username expression or filter leaves the IdP as it was. Writes `system.idp.lifecycle.update`.
 */
export function replaceIdp(org: EditableIdpOrg, json: unknown, actor: LogActor = API_ADMIN): InboundIdp {
  let read: ReturnType<typeof readOktaIdp>;
  try {
    read = readOktaIdp(json, 'IdP');
  } catch (err) {
    throw invalid(err);
  }
  const { settings, trustKids } = read;
  if (settings.id !== undefined && settings.id !== org.idp.id)
    throw validationError(['id: The id in the body differs from the IdP being replaced'], {
      expected: org.idp.id,
      actual: settings.id,
    });
  for (const key of ASSIGNED) delete settings[key];
  const certs = trustKids.length ? { trustedCerts: trustedCerts(org.idpKeys, trustKids) } : {};
  const before = { ...org.idp };
  Object.assign(org.idp, settings, certs, { lastUpdated: org.options.clock.now() });
  try {
    org.policy.refresh();
  } catch (err) {
    Object.assign(org.idp, before);
    org.policy.refresh();
    throw invalid(err);
  }
  org.log.record({
    eventType: 'system.idp.lifecycle.update',
    displayMessage: 'Update identity provider',
    actor,
    outcome: { result: 'SUCCESS', reason: null },
    target: [
      { id: org.idp.id, type: 'IdentityProvider', alternateId: org.idp.name, displayName: org.idp.name },
    ],
    transaction: 'WEB',
  });
  return org.idp;
}

/**
 * `POST /api/v1/idps/credentials/keys` (Okta: "Create an X.509 certificate public key"): the
 * certificate (`x5c[0]`, base64 DER, or PEM from the console) joins the key store; its kid is
 * what `trust.kid` then names. Uploading a known certificate returns its existing key.
 */
export function uploadIdpKey(keys: IdpKeyStore, certificate: string): string {
  let cert: CertInfo;
  try {
    cert = parseCertificate(certificate);
  } catch (err) {
    throw validationError([`x5c: ${toFedsimError(err).message}`]);
  }
  return keys.kidOf(cert);
}
