import type { Request, Response } from 'express';
import type { Clock } from '../core/clock.js';
import { FedsimError, toFedsimError } from '../core/errors.js';
import { sendError } from '../core/html.js';
import type { IdGenerator } from '../core/ids.js';
import { defined } from '../core/objects.js';
import type { CertInfo } from '../crypto/credential.js';
import { type ReceivedAuthnRequest, readRedirectRequest } from '../saml/authn-request.js';
import {
  type AppSigning,
  type IssuerSettings,
  issueResponse,
  postFormHtml,
  type ResponseRequest,
} from '../saml/issue.js';
import type { OktaUser } from './directory.js';
import { type OrgLook, systemLogLink } from './pages.js';
import { type SystemLog, userActor } from './syslog/log-store.js';

export interface AppSsoInput {
  /** The issuing org: its name and colour on error pages. */
  org: OrgLook;
  appLabel: string;
  /** The signed-in user, or undefined to send them to sign in first. */
  user: OktaUser | undefined;
  /** When that user signed in at this org (the session's start): the assertion's AuthnInstant. */
  authTime: Date | undefined;
  assigned: (user: OktaUser) => boolean;
  settings: IssuerSettings & AppSigning;
  acsUrl: string;
  audience: string;
  subject: (user: OktaUser) => Pick<ResponseRequest, 'nameId' | 'attributes'>;
  deps: { clock: Clock; ids: IdGenerator };
  /** The org's System Log and the app's id: each SSO attempt is a `user.authentication.sso` event. */
  log: { to: SystemLog; appId: string };
  /** SP-initiated: who may send AuthnRequests here, and the cert their redirect signature must verify with. */
  sp: { entityId: string; requestCert?: CertInfo; encryptionCert?: CertInfo };
}

/** Reads the SP's AuthnRequest (when the SSO URL carries one) and checks it came from the expected SP. */
function readRequest(req: Request, input: AppSsoInput): ReceivedAuthnRequest | undefined {
  const { acsUrl } = input;
  if (req.query.SAMLRequest === undefined) return undefined;
  const request = readRedirectRequest(req.originalUrl.split('?')[1] ?? '', input.sp.requestCert);
  const problems = [
    request.issuer !== input.sp.entityId &&
      `Issuer ${request.issuer} is not the app's SP ${input.sp.entityId}`,
    request.acsUrl !== '' &&
      request.acsUrl !== acsUrl &&
      `AssertionConsumerServiceURL ${request.acsUrl} is not the app's ACS ${acsUrl}`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) {
    throw new FedsimError(
      'SAML_REQUEST_INVALID',
      `AuthnRequest refused by ${input.appLabel}: ${problems.join('; ')}`,
      {
        hint: `Make the SP's entity id and ACS URL match ${input.appLabel}'s Audience URI and Single sign-on URL.`,
      },
    );
  }
  return request;
}

/**
 * `user.authentication.sso` ("User single sign on to app", Okta's event types catalogue), the app
 * as target; a refusal's fedsim code goes to debugData and is the reason (inferred).
 */
function logSso(input: AppSsoInput, user: OktaUser, result: 'SUCCESS' | 'FAILURE', code?: string): void {
  input.log.to.record({
    eventType: 'user.authentication.sso',
    displayMessage: 'User single sign on to app',
    actor: userActor(user),
    outcome: { result, reason: code ?? null },
    target: [
      { id: input.log.appId, type: 'AppInstance', alternateId: input.appLabel, displayName: input.appLabel },
    ],
    debugData: code === undefined ? {} : { fedsimCode: code },
  });
}

/** An Okta app's IdP-initiated SSO endpoint: session, assignment, then a signed response in an auto-post form. */
export function appSso(req: Request, res: Response, input: AppSsoInput): void {
  const { user } = input;
  let authnRequest: ReceivedAuthnRequest | undefined;
  try {
    authnRequest = readRequest(req, input);
  } catch (err) {
    sendError(res, toFedsimError(err), input.org.name, input.org.color);
    return;
  }
  if (!user) {
    res.redirect(`/login?fromURI=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  if (!input.assigned(user)) {
    logSso(input, user, 'FAILURE', 'APP_NOT_ASSIGNED');
    const err = new FedsimError(
      'APP_NOT_ASSIGNED',
      `403 App Not Assigned: ${user.profile.login} is not assigned to ${input.appLabel} in ${input.org.name}`,
      {
        hint: `Assign the user to ${input.appLabel} in ${input.org.name}.`,
      },
    );
    sendError(res, err, input.org.name, input.org.color, undefined, systemLogLink());
    return;
  }
  const { recipient, destination, inResponseTo } = input.settings;
  const request: ResponseRequest = {
    acsUrl: input.acsUrl,
    audience: input.audience,
    ...input.subject(user),
    inResponseTo: authnRequest?.id,
    authnInstant: input.authTime,
    overrides: defined({ recipient, destination, inResponseTo }),
  };
  const { encryptAssertion: algorithm } = input.settings;
  const encryptionCert = input.sp.encryptionCert;
  if (algorithm && !encryptionCert) {
    const err = new FedsimError(
      'CONFIG_INVALID',
      `${input.appLabel} is set to encrypt assertions but has no SP encryption certificate`,
    );
    sendError(res, err, input.org.name, input.org.color);
    return;
  }
  const encryption = algorithm && encryptionCert ? { algorithm, certPem: encryptionCert.pem } : undefined;
  const issued = issueResponse({ ...input.settings, encryption }, request, input.deps);
  logSso(input, user, 'SUCCESS');
  const relayState = authnRequest
    ? authnRequest.relayState
    : typeof req.query.RelayState === 'string'
      ? req.query.RelayState
      : undefined;
  res.type('html').send(postFormHtml(request.acsUrl, issued.base64, relayState));
}
