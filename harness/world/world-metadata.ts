import { parseIdpMetadata, parseSpMetadata } from '../saml/metadata.js';
import { idpFromMetadata } from './external-idp.js';
import type { PartyName, WorldInternals } from './world-internals.js';

/** Trust set up the way an admin imports metadata: fetched over HTTP from the other party. */
export async function wireFromMetadata(w: WorldInternals): Promise<void> {
  const { config, org1, org2 } = w;
  // Each import is a call of the party importing: org2 reads org1's, org1 org2's, dropbox org2's.
  const get = async (party: PartyName, url: string) => (await w.fetchAs(party)(url)).text();
  if (config.org2?.idp?.fromMetadata) {
    const md = parseIdpMetadata(await get('org2', `${org1.url}/app/${org1.app.key}/sso/saml/metadata`));
    Object.assign(org2.idp, { issuer: md.entityId, ssoUrl: md.ssoUrl, trustedCerts: md.signingCerts });
  }
  const external = w.externalIdp;
  if (external?.metadataUrl) {
    // The metadata first, then the fields the config sets (they win, as when the IdP is built).
    Object.assign(org2.idp, idpFromMetadata(await get('org2', external.metadataUrl)), external.settings);
  }
  await w.apps.readMetadata();
  if (config.org1?.org2org?.fromMetadata) {
    const md = parseSpMetadata(await get('org1', `${org2.url}/api/v1/idps/${org2.idp.id}/metadata.xml`));
    Object.assign(org1.app, { acsUrl: md.acsUrl, audience: md.entityId });
  }
  if (config.dropbox?.fromMetadata) {
    const dbx = org2.options.dropbox;
    const md = parseIdpMetadata(await get('dropbox', `${org2.url}/app/${dbx.key}/sso/saml/metadata`));
    w.trustAtDropbox({ issuer: md.entityId, certs: md.signingCerts });
  }
}
