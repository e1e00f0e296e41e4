import express, { type Request, type Response, type Router } from 'express';
import { toFedsimError } from '../../core/errors.js';
import { sendError } from '../../core/html.js';
import { spInitiatedRedirect } from '../../saml/authn-request.js';
import type { ConsumeResult } from '../../saml/consume.js';
import { OKTA_COLOR, signInPage } from '../pages.js';
import { acsPathOf, audienceOf } from './inbound-idp.js';
import type { Org2 } from './org2.js';
import { enrollPage } from './pages.js';

const HOME = '/app/UserHome';

/** A relay target inside org2 only: never an absolute or protocol-relative URL (open redirect). */
export function safeRelay(relay: unknown): string {
  return typeof relay === 'string' && /^\/(?![/\\])/.test(relay) ? relay : HOME;
}

/** SP-initiated: a signed AuthnRequest to org1 over the Redirect binding, remembered for InResponseTo. */
function startSso(org2: Org2, req: Request, res: Response, relay: string): void {
  const { idp, options } = org2;
  const { id, url } = spInitiatedRedirect(
    {
      spEntityId: audienceOf(idp),
      idpSsoUrl: idp.ssoUrl,
      acsUrl: org2.acsUrl,
      relayState: relay,
      signing: { key: options.spCredential.privateKey, algorithm: idp.signatureAlgorithm },
    },
    options,
  );
  org2.outstanding.add(req, res, id);
  res.redirect(url);
}

/** Okta accepts a signature from an expired IdP certificate and only flags it; so does fedsim. */
function expiredCertWarnings(org2: Org2, result: ConsumeResult): string[] {
  const now = org2.options.clock.now();
  const used = new Set([
    result.message.signatures.response.verifiedBy,
    result.message.signatures.assertion.verifiedBy,
  ]);
  return org2.idp.trustedCerts
    .filter((c) => used.has(c.sha256) && c.notAfter < now)
    .map(
      (c) =>
        `IdP signing certificate ${c.subject} (SHA-256 ${c.sha256.slice(0, 23)}…) expired on ${c.notAfter.toISOString()}`,
    );
}

function acs(org2: Org2, req: Request, res: Response): void {
  const at = org2.options.clock.now().toISOString();
  try {
    const { assertion, result } = org2.sp.accept(req.body?.SAMLResponse, org2.outstanding.of(req));
    org2.outstanding.consume(
      req,
      res,
      assertion.subjectConfirmations.find((c) => c.inResponseTo)?.inResponseTo,
    );
    const outcome = org2.policy.resolve(assertion);
    org2.directory.recordLogin(outcome.user);
    org2.recordSignIn({
      at,
      ok: true,
      outcome: outcome.action,
      login: outcome.user.profile.login,
      warnings: expiredCertWarnings(org2, result),
    });
    org2.sessions.set(req, res, { userId: outcome.user.id });
    const relay = safeRelay(req.body?.RelayState);
    if (!org2.enrolled.has(outcome.user.id)) {
      res.type('html').send(enrollPage(org2.options.name, outcome.user.profile.login, relay));
      return;
    }
    res.redirect(303, relay);
  } catch (err) {
    const e = toFedsimError(err);
    org2.recordSignIn({ at, ok: false, error: { code: e.code, message: e.message }, warnings: [] });
    sendError(res, e, org2.options.name, OKTA_COLOR);
  }
}

/** The browser side of org2's inbound IdP: sign-in routing, SP-initiated start, ACS, enrollment. */
export function idpRoutes(org2: Org2): Router {
  const router = express.Router();
  const acsPath = acsPathOf(org2.idp);
  router.get('/login', (req, res) => {
    const fromUri = req.query.fromURI;
    // IdP routing rule: every sign-in goes to Org1 IDP.
    if (org2.options.idpRouting && fromUri !== undefined) return startSso(org2, req, res, safeRelay(fromUri));
    return res.type('html').send(signInPage(org2.options.name, { note: `Sign in with ${org2.idp.name}.` }));
  });
  router.get(acsPath, (req, res) =>
    startSso(org2, req, res, safeRelay(req.query.RelayState ?? req.query.fromURI)),
  );
  // Deep link: /sso/saml2/{idpId}/app/… signs in through the IdP and lands on that app.
  router.get(`${acsPath}/app/*rest`, (req, res) =>
    startSso(org2, req, res, safeRelay(req.path.slice(acsPath.length))),
  );
  router.post(acsPath, (req, res) => acs(org2, req, res));
  router.post('/signin/enroll', (req, res) => {
    const user = org2.sessionUser(req);
    if (!user) return res.redirect('/login');
    org2.enrolled.add(user.id);
    return res.redirect(303, safeRelay(req.body?.RelayState));
  });
  router.get(HOME, (req, res, next) => {
    const user = org2.sessionUser(req);
    if (!user) return res.redirect(`/login?fromURI=${HOME}`);
    if (!org2.enrolled.has(user.id))
      return res.type('html').send(enrollPage(org2.options.name, user.profile.login, HOME));
    return next();
  });
  return router;
}
