import { generateServiceProviderMetadata, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { InMemoryCacheProvider } from '@node-saml/node-saml/lib/in-memory-cache-provider.js';
import { DOMParser } from '@xmldom/xmldom';
import express from 'express';
import { escapeHtml } from '../../harness/core/html.js';
import { type Listening, listen } from '../../harness/core/listen.js';
import { readPair } from '../../harness/crypto/store.js';

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const SP_ENTITY_ID = 'urn:example:node-saml-sp';

/** What node-saml needs of an IdP, read from the IdP's metadata alone (no fedsim code involved). */
function idpFromMetadata(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const entity = doc.getElementsByTagNameNS(MD, 'EntityDescriptor')[0];
  const sso = Array.from(doc.getElementsByTagNameNS(MD, 'SingleSignOnService')).find(
    (s) => s.getAttribute('Binding') === REDIRECT,
  );
  const cert = doc.getElementsByTagNameNS(DS, 'X509Certificate')[0]?.textContent ?? '';
  return {
    idpIssuer: entity?.getAttribute('entityID') ?? '',
    entryPoint: sso?.getAttribute('Location') ?? '',
    idpCert: cert.replace(/\s+/g, ''),
  };
}

export interface NodeSamlSp {
  url: string;
  acsUrl: string;
  metadataUrl: string;
  /** Trusts the IdP its metadata describes (fetched from `idpMetadataUrl`). */
  trust: (idpMetadataUrl: string) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A SaaS app's SP written with @node-saml/node-saml (passport-saml's core) in its default secure
 * configuration: signed responses and assertions required, InResponseTo checked on SP-initiated
 * sign-ins, AuthnRequests signed, assertions decrypted with its own key. It shows who signed in.
 */
export async function startNodeSamlSp(): Promise<NodeSamlSp> {
  const { privateKeyPem, certPem } = readPair('dropbox-sp');
  let saml: SAML | undefined;
  // node-saml deflates POST-binding requests unless told not to; the binding says base64 only
  // (SAML bindings §3.5.4), so POST sign-ins use a second instance sharing the request cache.
  let samlPost: SAML | undefined;
  const cacheProvider = new InMemoryCacheProvider({});
  let base = '';
  const options = () => ({
    issuer: SP_ENTITY_ID,
    callbackUrl: `${base}/acs`,
    audience: SP_ENTITY_ID,
    privateKey: privateKeyPem,
    decryptionPvk: privateKeyPem,
    signatureAlgorithm: 'sha256' as const,
    validateInResponseTo: ValidateInResponseTo.ifPresent,
    cacheProvider,
  });
  const sp = (): SAML => {
    if (!saml) throw new Error('the SP trusts no IdP yet');
    return saml;
  };
  const app = express();
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.get('/metadata', (_req, res) => {
    res
      .type('application/xml')
      .send(generateServiceProviderMetadata({ ...options(), publicCerts: certPem, decryptionCert: certPem }));
  });
  app.get('/login', async (req, res) => {
    const relay = typeof req.query.RelayState === 'string' ? req.query.RelayState : '';
    res.redirect(await sp().getAuthorizeUrlAsync(relay, undefined, {}));
  });
  app.get('/login-post', async (_req, res) => {
    res.type('html').send(await (samlPost ?? sp()).getAuthorizeFormAsync('', undefined, {}));
  });
  app.post('/acs', async (req, res) => {
    try {
      const { profile } = await sp().validatePostResponseAsync(req.body as Record<string, string>);
      const attributes = { ...(profile?.attributes as Record<string, unknown>) };
      res
        .type('html')
        .send(
          `<html><head><title>Signed in</title></head><body><p id="nameid">${escapeHtml(profile?.nameID ?? '')}</p>` +
            `<p id="format">${escapeHtml(profile?.nameIDFormat ?? '')}</p>` +
            `<pre id="attributes">${escapeHtml(JSON.stringify(attributes))}</pre>` +
            `<p id="encrypted">${Buffer.from(String(req.body.SAMLResponse), 'base64').includes('EncryptedAssertion')}</p>` +
            `<p id="relay">${escapeHtml(String(req.body.RelayState ?? ''))}</p></body></html>`,
        );
    } catch (err) {
      res
        .status(403)
        .type('text')
        .send(`node-saml refused: ${(err as Error).message}`);
    }
  });
  const listening: Listening = await listen(app);
  base = listening.url;
  return {
    url: base,
    acsUrl: `${base}/acs`,
    metadataUrl: `${base}/metadata`,
    trust: async (idpMetadataUrl) => {
      const xml = await (await fetch(idpMetadataUrl)).text();
      saml = new SAML({ ...options(), ...idpFromMetadata(xml), wantAssertionsSigned: true });
      samlPost = new SAML({ ...options(), ...idpFromMetadata(xml), skipRequestCompression: true });
    },
    close: () => listening.close(),
  };
}
