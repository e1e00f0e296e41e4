import type { Clock } from '../core/clock.js';
import type { HttpFetch } from '../core/http.js';
import type { IdGenerator } from '../core/ids.js';
import type { SecretSource } from '../core/secrets.js';
import type { CertInfo } from '../crypto/credential.js';
import { loadCredential } from '../crypto/store.js';
import { Dropbox } from '../dropbox/dropbox.js';
import type { AdminRole } from '../okta/api/auth.js';
import { Org1 } from '../okta/org1/org1.js';
import { issuerOf } from '../okta/org1/org2org-app.js';
import { audienceOf, type InboundIdp } from '../okta/org2/inbound-idp.js';
import { Org2 } from '../okta/org2/org2.js';
import { appIssuerOf, appSsoPathOf, type SamlApp } from '../okta/org2/saml-app.js';
import type { Scheduler } from '../provisioning/scheduler.js';
import type { WorldConfig } from './config.js';
import { WORLD_DEFAULTS as D } from './defaults.js';
import { dropboxAppSettings, idpSettings, org2orgSettings } from './settings.js';

export interface WorldTokens {
  superAdmin: string;
  readOnly: string;
  scim: string;
}

export type TokenFor = Record<'super-admin' | 'read-only' | 'invalid', string>;

/** What every party of one world shares; `parties` is read lazily (URLs exist once they listen). */
export interface PartyContext {
  config: WorldConfig;
  clock: Clock;
  ids: IdGenerator;
  /** Session (and SSO-state) cookie ids of every party. */
  sessionSecrets: SecretSource;
  fetch: HttpFetch;
  scheduler: Scheduler;
  tokens: WorldTokens;
  parties: () => { org1: Org1; org2: Org2; dropbox: Dropbox };
}

/** The world's super and read-only admin API tokens. */
function adminTokens(tokens: WorldTokens): ReadonlyMap<string, AdminRole> {
  return new Map<string, AdminRole>([
    [tokens.superAdmin, 'SUPER_ADMIN'],
    [tokens.readOnly, 'READ_ONLY_ADMIN'],
  ]);
}

/** The Dropbox Business app: Dropbox's defaults over the SAML app model, the SP and SCIM server dropbox serves. */
function dropboxApp(ctx: PartyContext): SamlApp {
  const { ids, config, tokens } = ctx;
  const provisioning: SamlApp['provisioning'] = {
    ...D.dropboxApp.provisioning,
    scim: () => ({ url: ctx.parties().dropbox.scimUrl, token: tokens.scim, authScheme: 'bearer' }),
  };
  return {
    ...D.dropboxApp,
    id: ids.okta('0oa'),
    key: ids.okta('exk'),
    credential: loadCredential(D.dropboxApp.certificate),
    attributeStatements: { ...D.dropboxApp.attributeStatements },
    sp: () => {
      const { dropbox } = ctx.parties();
      const cert = loadCredential(D.dropbox.spCertificate).cert;
      return {
        acsUrl: dropbox.acsUrl,
        audience: dropbox.options.entityId,
        requestCert: cert,
        encryptionCert: cert,
      };
    },
    provisioning,
    ...dropboxAppSettings(config.org2?.dropbox ?? {}, provisioning),
  };
}

/** org2: the inbound IdP trusting org1's Org2Org app (`appKey`), the Dropbox app, then `apps`. */
export function buildOrg2(
  ctx: PartyContext,
  appKey: string,
  fromJson: Partial<InboundIdp>,
  apps: (ids: PartyContext['ids']) => SamlApp[],
): Org2 {
  const { config, ids, tokens } = ctx;
  return new Org2({
    name: D.org2Name,
    color: D.org2Color,
    clock: ctx.clock,
    ids,
    secrets: ctx.sessionSecrets,
    fetch: ctx.fetch,
    idp: {
      ...D.idp,
      id: ids.okta('0oa'),
      spId: ids.okta('spa'),
      issuer: issuerOf({ key: appKey }),
      ssoUrl: '',
      trustedCerts: D.idp.trust.map((name) => loadCredential(name).cert),
      created: ctx.clock.now(),
      lastUpdated: ctx.clock.now(),
      ...fromJson,
      ...idpSettings(config.org2?.idp ?? {}),
    },
    jitEnabled: config.org2?.jit ?? D.jitEnabled,
    spCredential: loadCredential(D.org2SpCertificate),
    idpRouting: true,
    scheduler: ctx.scheduler,
    tokens: adminTokens(tokens),
    // Drawn in this order from the seeded ids: Dropbox's, then the other apps'.
    dropbox: dropboxApp(ctx),
    apps: apps(ids),
  });
}

/** org1: Sarah's home org with the Org2Org app (`appKey`) pointing at org2. */
export function buildOrg1(ctx: PartyContext, appKey: string, tokenFor: TokenFor): Org1 {
  const provisioning = { ...D.org2org.provisioning, token: tokenFor[D.org2org.provisioning.token] };
  return new Org1({
    name: D.org1Name,
    color: D.org1Color,
    clock: ctx.clock,
    ids: ctx.ids,
    secrets: ctx.sessionSecrets,
    fetch: ctx.fetch,
    scheduler: ctx.scheduler,
    // Inferred: the world's admin tokens are valid at both orgs (a real org issues its own).
    tokens: adminTokens(ctx.tokens),
    app: {
      ...D.org2org,
      id: ctx.ids.okta('0oa'),
      key: appKey,
      credential: loadCredential(D.org2org.certificate),
      clockOffsetMs: 0,
      provisioning,
      ...org2orgSettings(ctx.config.org1?.org2org ?? {}, provisioning, tokenFor),
    },
    target: () => {
      const { org2 } = ctx.parties();
      return {
        url: org2.url,
        acsUrl: org2.acsUrl,
        audience: audienceOf(org2.idp),
        requestCert: loadCredential(D.org2SpCertificate).cert,
      };
    },
  });
}

/** dropbox: the downstream SP; `trust` is what its SSO settings trust right now. */
export function buildDropbox(
  ctx: PartyContext,
  trust: () => { issuer?: string; certs: CertInfo[] },
  retrust: (trust: { issuer?: string; certs: CertInfo[] }) => void,
): Dropbox {
  const { config } = ctx;
  return new Dropbox({
    ...D.dropbox,
    clock: ctx.clock,
    ids: ctx.ids,
    secrets: ctx.sessionSecrets,
    teamName: config.dropbox?.teamName ?? D.dropbox.teamName,
    deactivation: config.dropbox?.deactivation ?? D.dropbox.deactivation,
    silentProvisioning: () => ctx.parties().org2.options.dropbox.silentProvisioning,
    scimToken: ctx.tokens.scim,
    idp: () => {
      const { org2 } = ctx.parties();
      return {
        issuer: trust().issuer ?? appIssuerOf(org2.options.dropbox),
        certs: trust().certs,
        ssoUrl: `${org2.url}${appSsoPathOf(org2.options.dropbox)}`,
      };
    },
    spCredential: loadCredential(D.dropbox.spCertificate),
    // Dropbox trusts one certificate: an upload replaces it (the issuer read from metadata stays).
    trustCertificate: (cert) => retrust({ ...trust(), certs: [cert] }),
  });
}
