import type { Request, Response } from 'express';
import type { Clock } from '../core/clock.js';
import { FedsimError } from '../core/errors.js';
import { sendError } from '../core/html.js';
import type { IdGenerator } from '../core/ids.js';
import { defined } from '../core/objects.js';
import {
  type AppSigning,
  type IssuerSettings,
  issueResponse,
  postFormHtml,
  type ResponseRequest,
} from '../saml/issue.js';
import type { OktaUser } from './directory.js';
import { OKTA_COLOR } from './pages.js';

export interface AppSsoInput {
  orgName: string;
  appLabel: string;
  /** The signed-in user, or undefined to send them to sign in first. */
  user: OktaUser | undefined;
  assigned: (user: OktaUser) => boolean;
  settings: IssuerSettings & AppSigning;
  request: (user: OktaUser) => ResponseRequest;
  deps: { clock: Clock; ids: IdGenerator };
}

/** An Okta app's IdP-initiated SSO endpoint: session, assignment, then a signed response in an auto-post form. */
export function appSso(req: Request, res: Response, input: AppSsoInput): void {
  const { user } = input;
  if (!user) {
    res.redirect(`/login?fromURI=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  if (!input.assigned(user)) {
    const err = new FedsimError(
      'APP_NOT_ASSIGNED',
      `403 App Not Assigned: ${user.profile.login} is not assigned to ${input.appLabel} in ${input.orgName}`,
      {
        status: 403,
        hint: `Assign the user to ${input.appLabel} in ${input.orgName}.`,
      },
    );
    sendError(res, err, input.orgName, OKTA_COLOR);
    return;
  }
  const { recipient, destination } = input.settings;
  const request = { ...input.request(user), overrides: defined({ recipient, destination }) };
  const issued = issueResponse(input.settings, request, input.deps);
  const relayState = typeof req.query.RelayState === 'string' ? req.query.RelayState : undefined;
  res.type('html').send(postFormHtml(request.acsUrl, issued.base64, relayState));
}
