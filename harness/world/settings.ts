import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FedsimError } from '../core/errors.js';
import { defined } from '../core/objects.js';
import { loadCredential } from '../crypto/store.js';
import { appUserNameFormat } from '../okta/app-username.js';
import type { Org2OrgApp } from '../okta/org1/org2org-app.js';
import { NO_GROUP_POLICY } from '../okta/org2/group-actions.js';
import { readOktaIdp } from '../okta/org2/idp-json.js';
import type { InboundIdp } from '../okta/org2/inbound-idp.js';
import type { SamlApp } from '../okta/org2/saml-app.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../provisioning/retry.js';
import type { AppSigning } from '../saml/issue.js';
import type { WorldConfig } from './config.js';

/**
 * Scenario config → component settings. Each function returns only the keys the config sets,
 * so the same mapping builds a world (over the defaults) and reconfigures a running one.
 */
type Org1Config = NonNullable<NonNullable<WorldConfig['org1']>['org2org']>;
type IdpConfig = NonNullable<NonNullable<WorldConfig['org2']>['idp']>;
type DropboxAppConfig = NonNullable<NonNullable<WorldConfig['org2']>['dropbox']>;
type SigningConfig = Omit<
  DropboxAppConfig,
  'provisioning' | 'userNameFormat' | 'userNameExpression' | 'silentProvisioning'
>;
type RetryConfig = NonNullable<NonNullable<DropboxAppConfig['provisioning']>['retry']>;

const seconds = (s: number | undefined) => (s === undefined ? undefined : s * 1000);

function signingSettings(
  c: SigningConfig,
): Partial<AppSigning & { acsUrl: string; audience: string; recipient: string; destination: string }> {
  return defined({
    signResponse: c.signResponse,
    signAssertion: c.signAssertion,
    signatureAlgorithm: c.signatureAlgorithm,
    nameIdFormat: c.nameIdFormat,
    credential: c.certificate === undefined ? undefined : loadCredential(c.certificate),
    acsUrl: c.acsUrl,
    audience: c.audience,
    recipient: c.recipient,
    destination: c.destination,
    inResponseTo: c.inResponseTo,
    encryptAssertion: c.encryptAssertion,
    notBeforeOffsetMs: seconds(c.notBeforeSeconds),
    validityMs: seconds(c.validitySeconds),
  });
}

/** The app's username format; a custom expression is compiled here so a bad one fails when set. */
export function userNameSettings(c: Pick<DropboxAppConfig, 'userNameFormat' | 'userNameExpression'>) {
  const { userNameFormat, userNameExpression } = c;
  if (userNameFormat === 'CUSTOM') appUserNameFormat({ userNameFormat, userNameExpression });
  return defined({ userNameFormat, userNameExpression });
}

/** A scenario's retry settings (seconds) over the current policy (ms). */
export function retrySettings(c: RetryConfig | undefined, current: RetryPolicy = DEFAULT_RETRY) {
  if (!c) return {};
  const policy: RetryPolicy = {
    ...current,
    ...defined({
      maxAttempts: c.maxAttempts,
      baseDelayMs: seconds(c.backoffSeconds),
      maxDelayMs: seconds(c.maxBackoffSeconds),
      maxRateLimitWaitMs: seconds(c.maxRateLimitWaitSeconds),
    }),
  };
  return { retry: policy };
}

export function org2orgSettings(
  c: Org1Config,
  current: Org2OrgApp['provisioning'],
  tokens: Record<'super-admin' | 'read-only' | 'invalid', string>,
): Partial<Org2OrgApp> {
  const {
    provisioning,
    clockOffsetSeconds,
    issuer,
    groupsAttribute,
    pushGroups: _pushGroups,
    fromMetadata: _fromMetadata,
    userNameFormat,
    userNameExpression,
    ...signing
  } = c;
  return defined({
    ...signingSettings(signing),
    ...userNameSettings({ userNameFormat, userNameExpression }),
    issuer,
    groupsAttribute,
    clockOffsetMs: seconds(clockOffsetSeconds),
    provisioning: provisioning && {
      ...current,
      ...defined({ ...provisioning, token: undefined, retry: undefined }),
      ...(provisioning.token ? { token: tokens[provisioning.token] } : {}),
      ...retrySettings(provisioning.retry, current.retry),
    },
  });
}

export function idpSettings(c: IdpConfig): Partial<InboundIdp> {
  const {
    trust,
    maxClockSkewSeconds,
    groups,
    fromMetadata: _fromMetadata,
    oktaJson: _oktaJson,
    // An external IdP's files and metadata are read by the world (world/external-idp.ts).
    metadata: _metadata,
    certificateFile: _certificateFile,
    certificatePem: _certificatePem,
    ...rest
  } = c;
  return defined({
    ...rest,
    groups: groups && { ...NO_GROUP_POLICY, ...defined(groups) },
    trustedCerts: trust?.map((name) => loadCredential(name).cert),
    maxClockSkewMs: seconds(maxClockSkewSeconds),
  });
}

export function dropboxAppSettings(c: DropboxAppConfig, current: SamlApp['provisioning']): Partial<SamlApp> {
  const { provisioning, userNameFormat, userNameExpression, silentProvisioning, ...signing } = c;
  return defined({
    ...signingSettings(signing),
    silentProvisioning,
    ...userNameSettings({ userNameFormat, userNameExpression }),
    provisioning: provisioning && {
      ...current,
      ...defined({ ...provisioning, retry: undefined }),
      ...retrySettings(provisioning.retry, current.retry),
    },
  });
}

/** org2's API rate limit from a scenario (windowSeconds → ms); empty when not set. */
export function rateLimitSettings(c: NonNullable<WorldConfig['org2']>['rateLimit']) {
  return c ? defined({ limit: c.limit, windowMs: seconds(c.windowSeconds) }) : {};
}

/** An exported Okta IdP object (`oktaJson`, relative to the scenario's folder) as IdP settings. */
export function loadOktaIdp(file: string | undefined, baseDir: string): Partial<InboundIdp> {
  if (file === undefined) return {};
  const path = resolve(baseDir, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new FedsimError(
      'CONFIG_INVALID',
      `${path}: cannot read an Okta IdP object (${err instanceof Error ? err.message : String(err)})`,
      { cause: err },
    );
  }
  return readOktaIdp(json, path).settings;
}
