import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'node-html-parser';
import type { Response } from 'supertest';
import { ERROR_META } from '../harness/core/html.js';
import type { IdGenerator } from '../harness/core/ids.js';
import { loadCredential } from '../harness/crypto/store.js';
import { issuerOf } from '../harness/okta/org1/org2org-app.js';
import { appIssuerOf } from '../harness/okta/org2/saml-app.js';
import { NS } from '../harness/saml/constants.js';
import { ISSUER_DEFAULTS, issueResponse, type ResponseRequest } from '../harness/saml/issue.js';
import type { World } from '../harness/world/world.js';

/** The stable error code a refusal page carries in its meta tag, or undefined. */
export function errorCodeOf(res: Response): string | undefined {
  return parse(res.text).querySelector(`meta[name="${ERROR_META}"]`)?.getAttribute('content');
}

/** The value of `name=cookieName` from a response's Set-Cookie headers. */
export function cookieFrom(res: Response, cookieName: string): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | string | undefined;
  const all = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const hit = all.find((c) => c.startsWith(`${cookieName}=`));
  return hit?.split(';')[0];
}

/** The SAML POST form of an auto-submitting page: its action and fields. */
export function samlForm(html: string): { action: string; fields: Record<string, string> } {
  const form = parse(html).querySelector('form');
  if (!form) throw new Error('no form in page');
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name) fields[name] = input.getAttribute('value') ?? '';
  }
  return { action: form.getAttribute('action') ?? '', fields };
}

/** A decoded SAMLResponse with the few fields the route tests look at. */
export function decodeResponse(base64: string) {
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
  const text = (ns: string, name: string) =>
    Array.from(root.getElementsByTagNameNS(ns, name)).map((e) => e.textContent ?? '');
  const attributes: Record<string, string[]> = {};
  for (const a of Array.from(root.getElementsByTagNameNS(NS.assertion, 'Attribute'))) {
    const values = Array.from(a.getElementsByTagNameNS(NS.assertion, 'AttributeValue'));
    attributes[a.getAttribute('Name') ?? ''] = values.map((v) => v.textContent ?? '');
  }
  return {
    root: `{${root.namespaceURI}}${root.localName}`,
    destination: root.getAttribute('Destination'),
    issuers: text(NS.assertion, 'Issuer'),
    nameIds: text(NS.assertion, 'NameID'),
    audiences: text(NS.assertion, 'Audience'),
    signatures: root.getElementsByTagNameNS(NS.dsig, 'Signature').length,
    attributes,
  };
}

/** A response for dropbox's ACS as org2's Dropbox app signs it; `overrides` break it on purpose. */
export function org2DropboxResponse(
  world: World,
  ids: IdGenerator,
  nameId: string,
  overrides: Partial<ResponseRequest> = {},
): string {
  return issueResponse(
    {
      ...ISSUER_DEFAULTS,
      nameIdFormat: 'emailAddress',
      issuer: appIssuerOf(world.org2.options.dropbox),
      credential: loadCredential('org2-dropbox'),
    },
    {
      acsUrl: world.dropbox.acsUrl,
      audience: world.dropbox.options.entityId,
      nameId,
      attributes: { email: nameId },
      ...overrides,
    },
    { clock: world.clock, ids },
  ).base64;
}

/** A response for org2's ACS as org1's Org2Org app signs it, Sarah's attributes with `nameId`. */
export function org1Org2Response(world: World, nameId: string): { xml: string; base64: string } {
  const app = world.org1.app;
  return issueResponse(
    { ...app, issuer: issuerOf(app) },
    {
      acsUrl: world.org2.acsUrl,
      audience: world.org2.spProfile().audience,
      nameId,
      attributes: { firstName: 'Sarah', lastName: 'Miller', email: 'sarah@org1.example' },
    },
    { clock: world.clock, ids: world.ids },
  );
}
