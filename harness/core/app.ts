import express, { type Express, type RequestHandler } from 'express';
import { hostGuard } from './request-guard.js';

/**
 * What every response of every party carries: no framing (clickjacking a sign-in or an admin
 * form), no MIME sniffing, no Referer to another origin (Redirect-binding URLs carry SAML
 * messages), and no caching (pages carry SAML messages, sign-in forms and tokens). The CSP is
 * only `frame-ancestors`: the SAML POST pages submit from an inline `onload`, which a script
 * policy would block. See docs/decisions/serve-hardening.md.
 */
const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/**
 * An express app without X-Powered-By and ETag: Okta and Dropbox send neither on these routes,
 * fedsim's SCIM server declares ETags unsupported, and the weak ETag would hash every page (the
 * SAML auto-post ones are ~10 kB) for nothing.
 */
export function expressApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  return app;
}

/**
 * What a world puts in front of a party's own handlers (its fault injector, serve's live trace),
 * installed on the party's app itself: an app mounted in another app costs every request a second
 * dispatch (express swaps the request's and response's prototypes in and back out); org2's and
 * Dropbox's requests, behind one such app for their faults, cost ~45 µs more CPU than org1's.
 */
export type FrontHandlers = (app: Express) => void;

/**
 * An express app as every party runs it: `front` first, then answering only its own Host
 * (`origin()`: its URL once listening).
 */
export function partyApp(origin: () => string, front?: FrontHandlers): Express {
  const app = expressApp();
  front?.(app);
  app.use(securityHeaders, hostGuard(origin));
  return app;
}
