import type { Request, RequestHandler, Response } from 'express';
import type { Clock } from '../core/clock.js';
import { type FedsimError, toFedsimError } from '../core/errors.js';
import { sendError } from '../core/html.js';
import type { IdGenerator } from '../core/ids.js';
import type { SessionStore } from '../core/sessions.js';
import { type SpInitiatedOptions, spInitiatedRedirect } from './authn-request.js';
import type { OutstandingRequests } from './outstanding.js';
import type { Accepted, ServiceProvider, SpDecision } from './sp.js';

/**
 * The browser side of a SAML SP, shared by org2's inbound IdP and Dropbox: SP-initiated start,
 * ACS and session creation are the same steps; each party supplies only what it decides.
 */
export interface SpEndpoint<Session> {
  /** Names the party on its error pages. */
  party: { name: string; color: string };
  sp: ServiceProvider;
  outstanding: OutstandingRequests;
  sessions: SessionStore<Session>;
  deps: { clock: Clock; ids: IdGenerator };
  /** The AuthnRequest this SP sends; the RelayState is per sign-in. */
  authnRequest(): Omit<SpInitiatedOptions, 'relayState'>;
  /**
   * The party's decision on an accepted assertion: the session to start and the page that
   * follows. Throws a FedsimError to refuse the sign-in.
   */
  signIn(
    accepted: Accepted,
    req: Request,
  ): { session: Session; respond(res: Response): void; decision: SpDecision };
  /** Sees every refusal before its error page is sent (org2 logs failed sign-ins). */
  onRefused?(error: FedsimError): void;
  /** The party's answer to a refusal (not to an INTERNAL error); default: fedsim's detailed page. */
  refuse?(error: FedsimError, req: Request, res: Response): void;
}

/** SP-initiated sign-in: a signed AuthnRequest over the Redirect binding, remembered for InResponseTo. */
export function startSignIn<S>(
  endpoint: SpEndpoint<S>,
  req: Request,
  res: Response,
  relayState?: string,
): void {
  const { id, url } = spInitiatedRedirect({ ...endpoint.authnRequest(), relayState }, endpoint.deps);
  endpoint.outstanding.add(req, res, id);
  res.redirect(url);
}

/** The ACS: run the check table, mark the AuthnRequest answered, let the party decide, start the session. */
export function acsHandler<S>(endpoint: SpEndpoint<S>): RequestHandler {
  return (req, res) => {
    try {
      const accepted = endpoint.sp.accept(req.body?.SAMLResponse, endpoint.outstanding.of(req));
      const answered = accepted.assertion.subjectConfirmations.find((c) => c.inResponseTo)?.inResponseTo;
      endpoint.outstanding.consume(req, res, answered);
      const { session, respond, decision } = endpoint.signIn(accepted, req);
      endpoint.sp.arrived(req.body?.SAMLResponse, decision);
      endpoint.sessions.start(req, res, session);
      respond(res);
    } catch (err) {
      const error = toFedsimError(err);
      endpoint.sp.arrived(req.body?.SAMLResponse, {
        outcome: 'refused',
        code: error.code,
        message: error.message,
      });
      endpoint.onRefused?.(error);
      // A bug in fedsim is never dressed as the party's page: it must read as fedsim's.
      if (error.code !== 'INTERNAL' && endpoint.refuse) endpoint.refuse(error, req, res);
      else sendError(res, error, endpoint.party.name, endpoint.party.color);
    }
  };
}
