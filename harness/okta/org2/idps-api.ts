import { Router } from 'express';
import { apiAuth, apiFront, type OktaApiOptions } from '../api/common.js';
import { oktaErrorHandler } from '../api/errors.js';
import { notFound } from '../errors.js';
import { type InboundIdp, toOktaIdpJson } from './inbound-idp.js';
import type { IdpLink, IdpLinks } from './links.js';

/** What org2's `/api/v1/idps` serves: its one inbound IdP and the users linked to it. */
export interface IdpsApiOptions extends OktaApiOptions {
  idp: () => InboundIdp;
  links: IdpLinks;
  /** The IdP's SP metadata (`_links.metadata`). */
  metadataXml: () => string;
}

/** Okta's IdentityProviderApplicationUser (management spec, `/api/v1/idps/{idpId}/users/{userId}`). */
function serializeLink(link: IdpLink, idpId: string, baseUrl: string) {
  const idp = `${baseUrl}/api/v1/idps/${idpId}`;
  return {
    id: link.userId,
    externalId: link.externalId,
    created: link.created.toISOString(),
    lastUpdated: link.lastUpdated.toISOString(),
    profile: link.profile,
    _links: {
      self: { href: `${idp}/users/${link.userId}` },
      idp: { href: idp },
      user: { href: `${baseUrl}/api/v1/users/${link.userId}` },
    },
  };
}

/**
 * org2's `/api/v1/idps`, behind the same front as the Users API: X-Okta-Request-Id, the rate
 * limit (bucket `idps`), the SSWS token, and Okta's JSON errors. The caller mounts it at `/api/v1`.
 */
export function createIdpsRouter(options: IdpsApiOptions): Router {
  const { links, ids } = options;
  const idpOf = (idpId: string): InboundIdp => {
    const idp = options.idp();
    if (idpId !== idp.id) throw notFound(idpId, 'IdentityProvider');
    return idp;
  };
  const router = Router();
  router.use('/idps', apiFront('idps', options));
  // Before the token check: the SP metadata is what the IdP's admin downloads (inferred, see
  // docs/decisions/idps-api-behind-ssws.md).
  router.get('/idps/:idpId/metadata.xml', (req, res) => {
    idpOf(req.params.idpId);
    res.type('application/xml').send(options.metadataXml());
  });
  router.use('/idps', apiAuth(options));

  router.get('/idps/:idpId', (req, res) => {
    res.json(toOktaIdpJson(idpOf(req.params.idpId), options.baseUrl()));
  });

  router.get('/idps/:idpId/users', (req, res) => {
    const idp = idpOf(req.params.idpId);
    res.json(links.all().map((l) => serializeLink(l, idp.id, options.baseUrl())));
  });

  // Any other path under /idps is Okta's JSON 404, never express's HTML page.
  router.use('/idps', (req) => {
    throw notFound(req.originalUrl, 'Resource');
  });
  router.use('/idps', oktaErrorHandler(ids));
  return router;
}
