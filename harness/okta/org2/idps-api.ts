import { Router } from 'express';
import { z } from 'zod';
import { apiAuth, apiFront, type OktaApiOptions, parseBody } from '../api/common.js';
import { oktaErrorHandler } from '../api/errors.js';
import { queryParam } from '../api/query.js';
import type { Directory } from '../directory.js';
import { malformedBody, notFound, validationError } from '../errors.js';
import { type IdpKeyStore, serializeKey } from './idp-keys.js';
import { uploadIdpKey } from './idp-replace.js';
import type { InboundIdp } from './inbound-idp.js';
import type { IdpLink, IdpLinks } from './links.js';

/** What org2's `/api/v1/idps` serves: its one inbound IdP, its key store and linked users. */
export interface IdpsApiOptions extends OktaApiOptions {
  idp: () => InboundIdp;
  /** The IdP object as served (`GET /api/v1/idps/{id}`). */
  idpJson: () => Record<string, unknown>;
  keys: IdpKeyStore;
  directory: Directory;
  links: IdpLinks;
  /** The IdP's SP metadata (`_links.metadata`). */
  metadataXml: () => string;
  /** `PUT /idps/{id}`: replaces the IdP's settings (org2 passes `replaceIdp`, as its console does). */
  replace: (json: unknown) => void;
}

const keySchema = z.object({ x5c: z.array(z.string().min(1)).min(1) });

const linkSchema = z.object({ externalId: z.string().min(1).max(512) });

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
      self: { href: `${idp}/users/${link.userId}`, hints: { allow: ['GET', 'DELETE'] } },
      idp: { href: idp },
      user: { href: `${baseUrl}/api/v1/users/${link.userId}` },
    },
  };
}

/** `q` searches the IdP's name (a case-insensitive prefix, as `q` does elsewhere); `type` is exact. */
function listed(idp: InboundIdp, q: string | undefined, type: string | undefined): boolean {
  return (
    (q === undefined || idp.name.toLowerCase().startsWith(q.toLowerCase())) &&
    (type === undefined || type === 'SAML2')
  );
}

/**
 * org2's `/api/v1/idps`, behind the same front as the Users API: X-Okta-Request-Id, the rate
 * limit (bucket `idps`), the SSWS token, and Okta's JSON errors. The caller mounts it at `/api/v1`.
 */
export function createIdpsRouter(options: IdpsApiOptions): Router {
  const { links, keys, ids } = options;
  const idpOf = (idpId: string): InboundIdp => {
    const idp = options.idp();
    if (idpId !== idp.id) throw notFound(idpId, 'IdentityProvider');
    return idp;
  };
  const linkOf = (userId: string): IdpLink => {
    const link = links.get(userId);
    if (!link) throw notFound(userId, 'IdpUser');
    return link;
  };
  // Every key the IdP trusts is in the store before the store is read.
  const trustedKeys = () => {
    for (const cert of options.idp().trustedCerts) keys.kidOf(cert);
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

  router.get('/idps', (req, res) => {
    const idp = options.idp();
    res.json(listed(idp, queryParam(req, 'q'), queryParam(req, 'type')) ? [options.idpJson()] : []);
  });

  router.get('/idps/credentials/keys', (_req, res) => {
    trustedKeys();
    res.json(keys.all().map((k) => serializeKey(k)));
  });

  router.post('/idps/credentials/keys', (req, res) => {
    const { x5c } = parseBody(keySchema, req.body);
    const key = keys.get(uploadIdpKey(keys, x5c[0] as string));
    res.json(key && serializeKey(key));
  });

  router.get('/idps/credentials/keys/:kid', (req, res) => {
    trustedKeys();
    const key = keys.get(req.params.kid);
    if (!key) throw notFound(req.params.kid, 'IdpKeyCredential');
    res.json(serializeKey(key));
  });

  router.get('/idps/:idpId', (req, res) => {
    idpOf(req.params.idpId);
    res.json(options.idpJson());
  });

  router.put('/idps/:idpId', (req, res) => {
    idpOf(req.params.idpId);
    if (typeof req.body !== 'object' || req.body === null) throw malformedBody();
    options.replace(req.body);
    res.json(options.idpJson());
  });

  router.get('/idps/:idpId/users', (req, res) => {
    const idp = idpOf(req.params.idpId);
    res.json(links.all().map((l) => serializeLink(l, idp.id, options.baseUrl())));
  });

  router.get('/idps/:idpId/users/:userId', (req, res) => {
    const idp = idpOf(req.params.idpId);
    res.json(serializeLink(linkOf(req.params.userId), idp.id, options.baseUrl()));
  });

  // The spec: linking needs honorPersistentNameId; the externalId is the persistent NameID.
  router.post('/idps/:idpId/users/:userId', (req, res) => {
    const idp = idpOf(req.params.idpId);
    const user = options.directory.get(req.params.userId);
    const { externalId } = parseBody(linkSchema, req.body);
    if (!idp.honorPersistentNameId) {
      throw validationError(['honorPersistentNameId: The IdP must honor persistent Name IDs to link users']);
    }
    res.json(serializeLink(links.link(user.id, externalId, {}), idp.id, options.baseUrl()));
  });

  router.delete('/idps/:idpId/users/:userId', (req, res) => {
    idpOf(req.params.idpId);
    links.unlink(linkOf(req.params.userId).userId);
    res.status(204).end();
  });

  // Any other path under /idps is Okta's JSON 404, never express's HTML page.
  router.use('/idps', (req) => {
    throw notFound(req.originalUrl, 'Resource');
  });
  router.use('/idps', oktaErrorHandler(ids));
  return router;
}
