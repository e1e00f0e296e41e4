import { FixedClock } from '../../harness/core/clock.js';
import { SeededIds } from '../../harness/core/ids.js';
import { loadCredential } from '../../harness/crypto/store.js';
import {
  ISSUER_DEFAULTS,
  type IssuerSettings,
  issueResponse,
  type ResponseRequest,
} from '../../harness/saml/issue.js';
import type { SpProfile } from '../../harness/saml/profile.js';

export const NOW = new Date('2026-01-15T09:00:00.000Z');
export const ISSUER = 'http://www.okta.com/exk1fixture0000000';
export const ACS = 'http://127.0.0.1:9/sso/saml2/0oa1fixture00000000';
export const AUDIENCE = 'https://www.okta.com/saml2/service-provider/spfixture0000000000';

export function issuerSettings(overrides: Partial<IssuerSettings> = {}): IssuerSettings {
  return { ...ISSUER_DEFAULTS, issuer: ISSUER, credential: loadCredential('org1-org2org'), ...overrides };
}

export function profile(overrides: Partial<SpProfile> = {}): SpProfile {
  return {
    idpIssuer: ISSUER,
    trustedCerts: [loadCredential('org1-org2org').cert],
    audience: AUDIENCE,
    acsUrl: ACS,
    signatureScope: 'ANY',
    minSignatureAlgorithm: 'SHA-256',
    maxClockSkewMs: 120_000,
    allowUnsolicited: true,
    labels: { idpApp: "org1's Org2Org app", sp: "org2's IdP 'Org1 IDP'" },
    ...overrides,
  };
}

export function issue(
  request: Partial<ResponseRequest> = {},
  settings: Partial<IssuerSettings> = {},
  seed = 'fixture',
) {
  return issueResponse(
    issuerSettings(settings),
    {
      acsUrl: ACS,
      audience: AUDIENCE,
      nameId: 'sarah@org1.example',
      attributes: { firstName: 'Sarah', lastName: 'Connor', email: 'sarah@org1.example' },
      ...request,
    },
    { clock: new FixedClock(NOW), ids: new SeededIds(seed) },
  );
}
