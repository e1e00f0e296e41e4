import express, { type Router } from 'express';
import type { Clock } from '../../core/clock.js';
import type { FedsimError } from '../../core/errors.js';
import { errorMetas, sendError } from '../../core/html.js';
import type { IdGenerator } from '../../core/ids.js';
import { safeRelay } from '../../core/relay.js';
import { sameOrigin } from '../../core/request-guard.js';
import type { SessionStore } from '../../core/sessions.js';
import type { SigningCredential } from '../../crypto/credential.js';
import type { ConsumeResult } from '../../saml/consume.js';
import type { OutstandingRequests } from '../../saml/outstanding.js';
import type { ServiceProvider, SpDecision } from '../../saml/sp.js';
import { acsHandler, type SpEndpoint, startSignIn } from '../../saml/sp-routes.js';
import type { Directory } from '../directory.js';
import { type OrgLook, signInPage, systemLogLink } from '../pages.js';
import type { OktaSession, OktaSessions } from '../sessions.js';
import { acsPathOf, audienceOf, type InboundIdp } from './inbound-idp.js';
import { enrollPage } from './pages.js';
import type { InboundPolicy } from './policy.js';
import type { SignInOutcome } from './policy-finish.js';

const HOME = '/app/UserHome';

/**
 * Okta's end-user page for a refused inbound sign-in: a generic 400 with GENERAL_NONSUCCESS, the
 * reason only in the System Log (support.okta.com, "Unable to transform email to username"
 * Failure on Inbound SSO); with no match and the IdP's "If no match is found" set to "Redirect to
 * Okta sign-in page" (provisioning DISABLED), the sign-in page. fedsim's code stays in the page's
 * meta tags. See docs/decisions/inbound-failure-page.md.
 */
const GENERIC_REFUSAL = { status: 400, heading: '400 Bad Request', text: 'Error Code: GENERAL_NONSUCCESS' };

/** The policy's action in a trace's words: found through an existing link, linked now, or created. */
const DECISIONS = {
  'already-linked': 'matched',
  'linked-existing': 'linked',
  'jit-created': 'jit-created',
} as const satisfies Record<SignInOutcome['action'], SpDecision['outcome']>;

/** Something that happened at org2's ACS, for reports and expectations. */
export interface SignInEvent {
  at: string;
  ok: boolean;
  outcome?: SignInOutcome['action'];
  login?: string;
  error?: { code: string; message: string };
  /** Things Okta flags without refusing, e.g. an expired IdP signing certificate. */
  warnings: string[];
}

/** What the routes use of org2 (org2.ts passes itself). */
export interface InboundSignIn {
  readonly options: OrgLook & {
    clock: Clock;
    ids: IdGenerator;
    spCredential: SigningCredential;
    /** A routing rule sends every sign-in to the inbound IdP (Okta's "IdP routing"). */
    idpRouting: boolean;
  };
  readonly idp: InboundIdp;
  readonly acsUrl: string;
  readonly sp: ServiceProvider;
  readonly outstanding: OutstandingRequests;
  readonly sessions: OktaSessions;
  readonly directory: Directory;
  readonly policy: InboundPolicy;
  readonly enrolled: Set<string>;
  /** The refusal a browser was sent to the sign-in page with (its meta tags keep fedsim's code). */
  readonly refusals: SessionStore<FedsimError>;
  recordSignIn(event: SignInEvent): void;
}

/** Okta accepts a signature from an expired IdP certificate and only flags it; so does fedsim. */
function expiredCertWarnings(org2: InboundSignIn, result: ConsumeResult): string[] {
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

/** org2 as the SP of its inbound IdP: sign-in resolves the user by the IdP's policy, then enrollment. */
function inboundEndpoint(org2: InboundSignIn): SpEndpoint<OktaSession> {
  const { options } = org2;
  const at = () => options.clock.now().toISOString();
  return {
    party: { name: options.name, color: options.color },
    sp: org2.sp,
    outstanding: org2.outstanding,
    sessions: org2.sessions,
    deps: options,
    authnRequest: () => ({
      spEntityId: audienceOf(org2.idp),
      idpSsoUrl: org2.idp.ssoUrl,
      acsUrl: org2.acsUrl,
      signing: { key: options.spCredential.privateKey, algorithm: org2.idp.signatureAlgorithm },
    }),
    signIn: ({ assertion, result }, req) => {
      const outcome = org2.policy.resolve(assertion);
      const { user } = outcome;
      org2.directory.recordLogin(user);
      const warnings = expiredCertWarnings(org2, result);
      org2.recordSignIn({ at: at(), ok: true, outcome: outcome.action, login: user.profile.login, warnings });
      const relay = safeRelay(req.body?.RelayState, HOME);
      return {
        session: { userId: user.id, authTime: options.clock.now() },
        decision: { outcome: DECISIONS[outcome.action], userId: user.id, login: user.profile.login },
        respond: (res) => {
          if (org2.enrolled.has(user.id)) res.redirect(303, relay);
          else res.type('html').send(enrollPage(options, user.profile.login, relay));
        },
      };
    },
    refuse: (e, req, res) => {
      if (e.code === 'IDP_USER_NOT_FOUND' && org2.idp.provisioning === 'DISABLED') {
        org2.refusals.start(req, res, e);
        res.redirect(303, '/login');
      } else sendError(res, e, options.name, options.color, GENERIC_REFUSAL, systemLogLink());
    },
    onRefused: (e) =>
      org2.recordSignIn({ at: at(), ok: false, error: { code: e.code, message: e.message }, warnings: [] }),
  };
}

/** The browser side of org2's inbound IdP: sign-in routing, SP-initiated start, ACS, enrollment. */
export function idpRoutes(org2: InboundSignIn): Router {
  const router = express.Router();
  const endpoint = inboundEndpoint(org2);
  const acsPath = acsPathOf(org2.idp);
  router.get('/login', (req, res) => {
    const refusal = org2.refusals.get(req);
    const note = `Sign in with ${org2.idp.name}.`;
    if (refusal) {
      org2.refusals.end(req, res);
      return res.type('html').send(signInPage(org2.options, { note, head: errorMetas(refusal) }));
    }
    const fromUri = req.query.fromURI;
    // IdP routing rule: every sign-in goes to Org1 IDP.
    // The rule covers the apps, not the Admin Console: an admin signs in with org2's own password.
    if (org2.options.idpRouting && fromUri !== undefined && !String(fromUri).startsWith('/admin'))
      return startSignIn(endpoint, req, res, safeRelay(fromUri, HOME));
    const idp = { name: org2.idp.name, href: acsPath };
    const from = typeof fromUri === 'string' ? safeRelay(fromUri, HOME) : undefined;
    return res.type('html').send(signInPage(org2.options, { idp, fromUri: from }));
  });
  router.get(acsPath, (req, res) =>
    startSignIn(endpoint, req, res, safeRelay(req.query.RelayState ?? req.query.fromURI, HOME)),
  );
  // Deep link: /sso/saml2/{idpId}/app/… signs in through the IdP and lands on that app.
  router.get(`${acsPath}/app/*rest`, (req, res) =>
    startSignIn(endpoint, req, res, safeRelay(req.path.slice(acsPath.length), HOME)),
  );
  router.post(acsPath, acsHandler(endpoint));
  router.post('/signin/enroll', sameOrigin, (req, res) => {
    const user = org2.sessions.user(req);
    if (!user) return res.redirect('/login');
    org2.enrolled.add(user.id);
    return res.redirect(303, safeRelay(req.body?.RelayState, HOME));
  });
  router.get(HOME, (req, res, next) => {
    const user = org2.sessions.user(req);
    if (!user) return res.redirect(`/login?fromURI=${HOME}`);
    if (!org2.enrolled.has(user.id))
      return res.type('html').send(enrollPage(org2.options, user.profile.login, HOME));
    return next();
  });
  return router;
}
