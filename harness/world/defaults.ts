import { NO_GROUP_POLICY } from '../okta/org2/group-actions.js';
import { DEFAULT_RETRY } from '../provisioning/retry.js';
import { ISSUER_DEFAULTS } from '../saml/issue.js';
import type { SeedUserConfig } from './config.js';

/** An app's To-App provisioning as fedsim's seed sets it: every toggle on, updates with PUT. */
const TO_APP_PROVISIONING = {
  enabled: true,
  create: true,
  update: true,
  deactivate: true,
  updateMethod: 'PUT',
  retry: DEFAULT_RETRY,
} as const;

/** Every default of the simulated world, in one place: the seed walkthrough's finished setup. */
export const WORLD_DEFAULTS = {
  clock: '2026-01-15T09:00:00.000Z',
  org1Name: 'org1',
  org2Name: 'org2',
  /** Header colours: Okta's navy for org1, a violet for org2, so a person sees which org a page is. */
  org1Color: '#00297a',
  org2Color: '#5a2d91',
  org1Users: [
    {
      login: 'sarah@org1.example',
      email: 'sarah@org1.example',
      firstName: 'Sarah',
      lastName: 'Miller',
      password: 'Sarah-Passw0rd!',
    },
    {
      login: 'david@org1.example',
      email: 'david@org1.example',
      firstName: 'David',
      lastName: 'Okafor',
      password: 'David-Passw0rd!',
    },
  ] satisfies SeedUserConfig[],
  org2org: {
    label: 'Org2Org',
    certificate: 'org1-org2org',
    ...ISSUER_DEFAULTS,
    /** The seed walkthrough selects "Okta username": org2 logins equal org1 usernames. */
    userNameFormat: 'OKTA_USERNAME',
    provisioning: {
      enabled: true,
      create: true,
      update: true,
      deactivate: true,
      token: 'super-admin',
      /** Okta's push fails on an existing login (E0000001) unless told to match and link. */
      matchExisting: false,
      /** Inferred default: what fedsim always did (activated, no password: PROVISIONED in org2). */
      initialStatus: 'active_without_pass',
      retry: DEFAULT_RETRY,
    },
  },
  idp: {
    name: 'Org1 IDP',
    /** The management spec's default (IdentityProviderIssuerMode). */
    issuerMode: 'DYNAMIC',
    trust: ['org1-org2org'],
    signatureScope: 'ANY',
    signatureAlgorithm: 'SHA-256',
    userNameTemplate: 'idpuser.subjectNameId',
    subjectFilter: '',
    matchType: 'USERNAME',
    matchAttribute: null,
    accountLink: 'AUTO',
    accountLinkGroups: [],
    accountLinkExcludeUsers: [],
    accountLinkExcludeAdmins: false,
    trustClaims: false,
    groups: NO_GROUP_POLICY,
    provisioning: 'AUTO',
    profileMaster: false,
    honorPersistentNameId: true,
    maxClockSkewMs: 120_000,
    allowUnsolicited: true,
    requireEncryptedAssertion: false,
    deprovisionedAction: 'NONE',
    suspendedAction: 'NONE',
  },
  jitEnabled: true,
  org2SpCertificate: 'org2-sp',
  dropboxApp: {
    label: 'Dropbox Business',
    /** Okta's catalog name of the Dropbox Business app. */
    name: 'dropbox_for_business',
    certificate: 'org2-dropbox',
    ...ISSUER_DEFAULTS,
    userNameFormat: 'OKTA_USERNAME',
    nameIdFormat: 'emailAddress',
    attributeStatements: { givenName: 'user.firstName', surname: 'user.lastName', email: 'user.email' },
    provisioning: TO_APP_PROVISIONING,
    silentProvisioning: false,
  },
  /**
   * An App Integration Wizard "SAML 2.0" app as the wizard leaves it (Okta's AIW SAML settings):
   * NameID Unspecified, Okta username, Response and Assertion signed with RSA-SHA256, no
   * attribute statements, unencrypted; To-App provisioning updates with PUT.
   */
  samlApp: {
    certificate: 'org2-apps',
    ...ISSUER_DEFAULTS,
    userNameFormat: 'OKTA_USERNAME',
    nameIdFormat: 'unspecified',
    provisioning: TO_APP_PROVISIONING,
  },
  dropbox: {
    teamName: 'Acme Team',
    entityId: 'Dropbox',
    deactivation: 'suspend',
    maxClockSkewMs: 180_000,
    spCertificate: 'dropbox-sp',
  },
} as const;
