import express, { type Express } from 'express';

/**
 * An express app as every party runs it. No X-Powered-By and no ETag: Okta and Dropbox send
 * neither on these routes, fedsim's SCIM server declares ETags unsupported, and the weak ETag
 * would hash every page (the SAML auto-post ones are ~10 kB) for nothing.
 */
export function partyApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  return app;
}
