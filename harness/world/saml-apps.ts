import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FedsimError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { defined } from '../core/objects.js';
import { type CertInfo, parseCertificate } from '../crypto/credential.js';
import { loadCredential } from '../crypto/store.js';
import type { AppSp, SamlApp } from '../okta/org2/saml-app.js';
import { parseSpMetadata } from '../saml/metadata.js';
import type { SamlAppConfig } from './config.js';
import { WORLD_DEFAULTS as D } from './defaults.js';
import { retrySettings, userNameSettings } from './settings.js';

/** A file of the scenario (relative to its folder), read now; a missing one names what was asked for. */
export function readConfigFile(file: string, baseDir: string, what: string): string {
  const path = resolve(baseDir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new FedsimError('CONFIG_INVALID', `Cannot read ${what} ${path}: ${(err as Error).message}`, {
      cause: err,
      hint: 'Give a path relative to the scenario file (or an http(s) URL where a URL is allowed).',
    });
  }
}

export const isHttpUrl = (ref: string) => /^https?:\/\//i.test(ref);

export function readCertFile(file: string, baseDir: string, what: string): CertInfo {
  return parseCertificate(readConfigFile(file, baseDir, what));
}

/** Okta names an AIW app `{org}_{label, lower-case letters and digits}_1` (e.g. `acme_customsaml20app_1`). */
export function oktaAppName(orgName: string, label: string): string {
  return `${orgName}_${label.toLowerCase().replace(/[^a-z0-9]/g, '')}_1`;
}

/** An app of world.org2.apps, built; when its SP metadata is a URL, how to finish it once read. */
export interface ConfiguredApp<T = SamlApp> {
  app: T;
  /** The SP's metadata URL, read once the world listens (it may be served by one of its parties). */
  metadataUrl?: string;
  applyMetadata: (xml: string) => void;
}

/** An app's settings: all of it but the ids an app keeps for life. */
export type SamlAppSettings = Omit<SamlApp, 'id' | 'key'>;

/** The App Integration Wizard defaults, then the SP's metadata, then the fields the config sets. */
export function samlAppSettingsOf(
  c: SamlAppConfig,
  deps: { orgName: string; baseDir: string },
): ConfiguredApp<SamlAppSettings> {
  const s = c.saml;
  const file = (name: string | undefined, what: string) =>
    name === undefined ? undefined : readCertFile(name, deps.baseDir, what);
  const fields = defined({
    acsUrl: s.acsUrl,
    audience: s.audience,
    requestCert: file(s.requestCertificateFile, `${c.name}'s request-signing certificate`),
    encryptionCert: file(s.encryption?.certificateFile, `${c.name}'s encryption certificate`),
  });
  let sp: AppSp = { acsUrl: '', audience: '', ...fields };
  const applyMetadata = (xml: string) => {
    const md = parseSpMetadata(xml);
    sp = {
      acsUrl: md.acsUrl,
      audience: md.entityId,
      // Okta checks request signatures only when told to (Signed Requests): when the SP says it signs.
      requestCert: md.authnRequestsSigned ? md.signingCert : undefined,
      encryptionCert: md.encryptionCert,
      ...fields,
    };
  };
  const remote = s.metadata !== undefined && isHttpUrl(s.metadata);
  if (s.metadata !== undefined && !remote)
    applyMetadata(readConfigFile(s.metadata, deps.baseDir, `${c.name}'s SP metadata`));
  const signing = s.signing ?? 'both';
  const p = c.provisioning;
  const app: SamlAppSettings = {
    ...D.samlApp,
    name: oktaAppName(deps.orgName, c.name),
    label: c.name,
    credential: loadCredential(s.certificate ?? D.samlApp.certificate),
    signResponse: signing !== 'assertion',
    signAssertion: signing !== 'response',
    ...defined({ signatureAlgorithm: s.signatureAlgorithm, nameIdFormat: s.nameIdFormat }),
    ...userNameSettings(s),
    attributeStatements: { ...s.attributeStatements },
    encryptAssertion: s.encryption && (s.encryption.algorithm ?? 'aes256-cbc'),
    sp: () => sp,
    provisioning: {
      ...D.samlApp.provisioning,
      ...(p ? defined({ ...p, scim: undefined, retry: undefined }) : { enabled: false }),
      ...retrySettings(p?.retry),
      scim: () => p && { url: p.scim.url, token: p.scim.token, authScheme: p.scim.authScheme ?? 'bearer' },
    },
    silentProvisioning: false,
  };
  return { app, ...(remote ? { metadataUrl: s.metadata } : {}), applyMetadata };
}

/** A new app: its settings, and an id and key of its own. */
export function samlAppOf(
  c: SamlAppConfig,
  deps: { ids: IdGenerator; orgName: string; baseDir: string },
): ConfiguredApp {
  const id = deps.ids.okta('0oa');
  const key = deps.ids.okta('exk');
  const configured = samlAppSettingsOf(c, deps);
  return { ...configured, app: { id, key, ...configured.app } };
}
