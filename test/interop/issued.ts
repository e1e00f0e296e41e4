import { beforeAll, expect, it } from 'vitest';
import type { CredentialName } from '../../harness/crypto/store.js';
import { appSsoPathOf } from '../../harness/okta/org2/saml-app.js';
import { signInAndClick } from '../../harness/scenario/browse.js';
import { WORLD_DEFAULTS as D } from '../../harness/world/defaults.js';
import { createWorld, type World } from '../../harness/world/world.js';
import { browser } from './browser.js';
import type { SignedElement, Verifier } from './issuer-cases.js';

/**
 * Every kind of response fedsim's two IdPs issue (org1's Org2Org app to org2, org2's Dropbox app
 * to Dropbox), as they post them over HTTP in a world: each signing choice of an Okta app
 * (Response, Assertion, both) with each algorithm. A verifier checks each with the signer's
 * certificate only, and must refuse it with another.
 */
const SIGNING = {
  response: { signResponse: true, signAssertion: false },
  assertion: { signResponse: false, signAssertion: true },
  both: { signResponse: true, signAssertion: true },
} as const;
type Signing = keyof typeof SIGNING;
type Idp = 'org1' | 'org2';

const TRUSTED: Record<Idp, CredentialName> = { org1: D.org2org.certificate, org2: D.dropboxApp.certificate };
const ELEMENTS: Record<Signing, SignedElement[]> = {
  response: ['Response'],
  assertion: ['Assertion'],
  both: ['Response', 'Assertion'],
};
const VARIANTS = (['org1', 'org2'] as const).flatMap((idp) =>
  (Object.keys(SIGNING) as Signing[]).flatMap((signing) =>
    (['SHA-256', 'SHA-1'] as const).map((algorithm) => [idp, signing, algorithm] as const),
  ),
);
type Variant = (typeof VARIANTS)[number];

/**
 * Without the KeyInfo of the signature checked, so the verifier can only use the certificate it
 * is given. A Response's signature comes first and covers the Assertion's, which must then stay.
 */
function withoutKeyInfo(xml: string, element: SignedElement): string {
  const keyInfo = /<ds:KeyInfo>[\s\S]*?<\/ds:KeyInfo>/;
  return element === 'Response' ? xml.replace(keyInfo, '') : xml.replace(new RegExp(keyInfo, 'g'), '');
}

/** Sarah's browser, signed in at org1, org2 and Dropbox: each SSO URL then answers with a response. */
async function signedInWorld(): Promise<{ world: World; sso: (idp: Idp) => Promise<string> }> {
  const world = await createWorld();
  const sarah = D.org1Users[0];
  await world.org1.assign(sarah.login);
  await world.settle();
  await world.org2.assignDropbox(sarah.login);
  await world.settle();
  const agent = browser(world);
  const tiles = ['Org2Org', D.dropboxApp.label];
  await signInAndClick(world, agent, {
    login: sarah.login,
    password: sarah.password,
    tiles,
    confirm: true,
    start: 'org1',
  });
  const urls = {
    org1: `${world.org1.url}/app/okta_org2org/${world.org1.app.key}/sso/saml`,
    org2: `${world.org2.url}${appSsoPathOf(world.org2.options.dropbox)}`,
  };
  const sso = async (idp: Idp) => {
    await agent.goto(urls[idp]);
    // What the IdP's auto-post page sent, whatever the SP made of it (org2 refuses SHA-1, for one).
    const posted = agent.hops.findLast((h) => h.method === 'POST' && h.formFields?.SAMLResponse);
    return Buffer.from(posted?.formFields?.SAMLResponse ?? '', 'base64').toString('utf8');
  };
  return { world, sso };
}

/** The cases every verifier runs over the responses one world issues. */
export function issuedResponseCases(verify: Verifier): void {
  const issued = new Map<string, string>();
  const keyOf = (v: Variant) => v.join(' ');
  beforeAll(async () => {
    const { world, sso } = await signedInWorld();
    try {
      for (const v of VARIANTS) {
        const [idp, signing, signatureAlgorithm] = v;
        const settings = { ...SIGNING[signing], signatureAlgorithm };
        world.configure(idp === 'org1' ? { org1: { org2org: settings } } : { org2: { dropbox: settings } });
        issued.set(keyOf(v), await sso(idp));
      }
    } finally {
      await world.close();
    }
  });

  it.each(VARIANTS)(
    "%s's response signed on %s with %s verifies with the signer's certificate only",
    async (...v: Variant) => {
      const [idp, signing, algorithm] = v;
      const xml = issued.get(keyOf(v)) ?? '';
      const uri = algorithm === 'SHA-1' ? 'rsa-sha1' : 'rsa-sha256';
      expect(xml.match(new RegExp(`xmldsig[^"]*#${uri}"`, 'g'))).toHaveLength(ELEMENTS[signing].length);
      for (const element of ELEMENTS[signing]) {
        const checked = withoutKeyInfo(xml, element);
        expect(await verify(checked, TRUSTED[idp], element), element).toBe(true);
        expect(await verify(checked, 'attacker', element), element).toBe(false);
      }
    },
  );
}
