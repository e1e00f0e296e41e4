import express from 'express';
import samlify from 'samlify';
import { type Listening, listen } from '../../harness/core/listen.js';

/**
 * A deliberately weak SP: it trusts samlify alone (no Destination, replay or user checks of its
 * own) and signs in whoever the parsed response names.
 */
export async function weakSp(idp: {
  issuer: string;
  certPem: string;
}): Promise<Listening & { metadataUrl: string }> {
  samlify.setSchemaValidator({ validate: async () => 'skipped' });
  const app = express();
  let sp: ReturnType<typeof samlify.ServiceProvider> | undefined;
  const identityProvider = samlify.IdentityProvider({
    entityID: idp.issuer,
    signingCert: idp.certPem,
    singleSignOnService: [
      { Binding: samlify.Constants.namespace.binding.redirect, Location: 'http://127.0.0.1/sso' },
    ],
  });
  app.use(express.urlencoded({ extended: false, limit: '5mb' }));
  app.get('/metadata', (_req, res) => {
    res.type('application/xml').send(sp?.getMetadata());
  });
  app.post('/acs', async (req, res) => {
    try {
      const { extract } = await (sp as NonNullable<typeof sp>).parseLoginResponse(
        identityProvider,
        'post',
        req,
      );
      res.redirect(302, `/home?user=${encodeURIComponent(String(extract.nameID))}`);
    } catch {
      res.status(401).type('html').send('<title>Sign-in failed</title>');
    }
  });
  const listening = await listen(app, 0, '127.0.0.1');
  sp = samlify.ServiceProvider({
    entityID: `${listening.url}/metadata`,
    assertionConsumerService: [
      { Binding: samlify.Constants.namespace.binding.post, Location: `${listening.url}/acs` },
    ],
    wantAssertionsSigned: true,
  });
  return Object.assign(listening, { metadataUrl: `${listening.url}/metadata` });
}
