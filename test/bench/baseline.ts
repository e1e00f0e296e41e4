import { randomUUID } from 'node:crypto';
import samlify from 'samlify';
import { loadCredential } from '../../harness/crypto/store.js';
import { check } from './stats.js';

/**
 * The peer: bare samlify creating and parsing the two responses of Sarah's journey (org1 → org2
 * and org2 → dropbox), Response and Assertion both signed with RSA-SHA256, the same subject,
 * attributes, issuers, audiences and ACS URLs as fedsim's, parsed with a no-op schema validator.
 */

const { binding } = samlify.Constants.namespace;
const UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
const EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const ATTRNAME = 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified';

/** Shaped like Okta's (and fedsim's) IdP-initiated response: no InResponseTo, an AuthnStatement. */
const TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ' +
  'ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}"><saml:Issuer>{Issuer}</saml:Issuer>' +
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  '<saml:Issuer>{Issuer}</saml:Issuer><saml:Subject><saml:NameID Format="{NameIDFormat}">{NameID}</saml:NameID>' +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData ' +
  'NotOnOrAfter="{SubjectConfirmationDataNotOnOrAfter}" Recipient="{SubjectRecipient}"/></saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{ConditionsNotBefore}" NotOnOrAfter="{ConditionsNotOnOrAfter}"><saml:AudienceRestriction>' +
  '<saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{SessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>' +
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  '{AttributeStatement}</saml:Assertion></samlp:Response>';

interface Leg {
  idp: ReturnType<typeof samlify.IdentityProvider>;
  sp: ReturnType<typeof samlify.ServiceProvider>;
  values: Record<string, string>;
}

function leg(input: {
  credential: 'org1-org2org' | 'org2-dropbox';
  issuer: string;
  audience: string;
  acsUrl: string;
  nameIdFormat: string;
  attributes: Record<string, string>;
}): Leg {
  const cred = loadCredential(input.credential);
  const idp = samlify.IdentityProvider({
    entityID: input.issuer,
    privateKey: cred.privateKeyPem,
    signingCert: cred.cert.pem,
    nameIDFormat: [input.nameIdFormat],
    singleSignOnService: [{ Binding: binding.post, Location: `${input.issuer}/sso` }],
    singleLogoutService: [{ Binding: binding.post, Location: `${input.issuer}/slo` }],
    loginResponseTemplate: {
      context: TEMPLATE,
      attributes: Object.keys(input.attributes).map((name) => ({
        name,
        valueTag: name,
        nameFormat: ATTRNAME,
        valueXsiType: 'xs:string',
      })),
    },
  });
  const sp = samlify.ServiceProvider({
    entityID: input.audience,
    assertionConsumerService: [{ Binding: binding.post, Location: input.acsUrl }],
    wantAssertionsSigned: true,
    wantMessageSigned: true,
  });
  const values: Record<string, string> = {
    Destination: input.acsUrl,
    SubjectRecipient: input.acsUrl,
    Audience: input.audience,
    Issuer: input.issuer,
    NameIDFormat: input.nameIdFormat,
    NameID: 'sarah@org1.example',
  };
  for (const [name, value] of Object.entries(input.attributes)) {
    values[`attr${name.charAt(0).toUpperCase()}${name.slice(1)}`] = value;
  }
  return { idp, sp, values };
}

export interface Baseline {
  /** Creates both responses and parses both: the four messages of one journey. */
  journey(): Promise<void>;
  createOne(): Promise<string>;
  parseOne(base64: string): Promise<void>;
}

export function setupBaseline(): Baseline {
  samlify.setSchemaValidator({ validate: async () => 'ok' });
  const legs = [
    leg({
      credential: 'org1-org2org',
      issuer: 'http://www.okta.com/exkm6a6DMfJOpcgv5vT9',
      audience: 'https://www.okta.com/saml2/service-provider/spau9fwuOx60Y3XsFvMB',
      acsUrl: 'http://127.0.0.1:43783/sso/saml2/0oaO7qKvebWeYAXXyvB2',
      nameIdFormat: UNSPECIFIED,
      attributes: { firstName: 'Sarah', lastName: 'Miller', email: 'sarah@org1.example' },
    }),
    leg({
      credential: 'org2-dropbox',
      issuer: 'http://www.okta.com/exkU7GiD7O4ReV4Zq8jc',
      audience: 'Dropbox',
      acsUrl: 'http://127.0.0.1:37341/saml_login',
      nameIdFormat: EMAIL,
      attributes: { givenName: 'Sarah', surname: 'Miller', email: 'sarah@org1.example' },
    }),
  ] as const;

  const create = async ({ idp, sp, values }: Leg): Promise<string> => {
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 60_000).toISOString();
    const id = `_${randomUUID()}`;
    const { context } = await idp.createLoginResponse(
      sp,
      { extract: {} },
      'post',
      {},
      (template: string) => ({
        id,
        context: samlify.SamlLib.replaceTagsByValue(template, {
          ...values,
          ID: id,
          AssertionID: `_${randomUUID()}`,
          SessionIndex: `_${randomUUID()}`,
          IssueInstant: now.toISOString(),
          ConditionsNotBefore: new Date(now.getTime() - 5 * 60_000).toISOString(),
          ConditionsNotOnOrAfter: later,
          SubjectConfirmationDataNotOnOrAfter: later,
        }),
      }),
    );
    return context;
  };
  const parse = async ({ idp, sp }: Leg, base64: string): Promise<void> => {
    const { extract } = await sp.parseLoginResponse(idp, 'post', { body: { SAMLResponse: base64 } });
    check(extract.nameID === 'sarah@org1.example', 'samlify parsed the NameID');
    check(extract.attributes?.email === 'sarah@org1.example', 'samlify parsed the attributes');
  };
  return {
    async journey() {
      for (const l of legs) await parse(l, await create(l));
    },
    createOne: () => create(legs[0]),
    parseOne: (base64) => parse(legs[0], base64),
  };
}
