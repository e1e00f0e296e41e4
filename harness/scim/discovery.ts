import { listPage, USER_SCHEMA } from './resource.js';

/** SCIM discovery documents (RFC 7644 §4): what this server supports, stated honestly. */
export const MAX_RESULTS = 100;

const SPC_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export function serviceProviderConfig(baseUrl: string): object {
  return {
    schemas: [SPC_SCHEMA],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Authorization: Bearer <token>' },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

function list<T>(resources: T[]): object {
  return listPage(resources, 1, resources.length);
}

export function resourceTypes(baseUrl: string): object {
  return list([
    {
      schemas: [RESOURCE_TYPE_SCHEMA],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'Dropbox team member',
      schema: USER_SCHEMA,
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
  ]);
}

interface AttrOptions {
  required?: boolean;
  caseExact?: boolean;
  multiValued?: boolean;
  uniqueness?: 'none' | 'server';
  subAttributes?: object[];
}

function attr(name: string, type: 'string' | 'boolean' | 'complex', options: AttrOptions = {}): object {
  return {
    name,
    type,
    multiValued: options.multiValued ?? false,
    required: options.required ?? false,
    caseExact: options.caseExact ?? false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: options.uniqueness ?? 'none',
    ...(options.subAttributes ? { subAttributes: options.subAttributes } : {}),
  };
}

export function schemas(baseUrl: string): object {
  return list([
    {
      schemas: [SCHEMA_SCHEMA],
      id: USER_SCHEMA,
      name: 'User',
      description: 'User Account',
      attributes: [
        attr('userName', 'string', { required: true, uniqueness: 'server' }),
        attr('externalId', 'string', { caseExact: true }),
        attr('name', 'complex', {
          subAttributes: [
            attr('givenName', 'string'),
            attr('familyName', 'string'),
            attr('formatted', 'string'),
          ],
        }),
        attr('displayName', 'string'),
        attr('emails', 'complex', {
          multiValued: true,
          subAttributes: [attr('value', 'string'), attr('type', 'string'), attr('primary', 'boolean')],
        }),
        attr('active', 'boolean'),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${USER_SCHEMA}` },
    },
  ]);
}
