import { z } from 'zod';
import { SCIM_AUTH_SCHEMES } from '../scim/auth.js';
import { SCIM_UPDATE_METHODS } from '../scim/client.js';
import { appUserName, credential, nameIdFormat, toggles } from './config-shared.js';

/** A SAML app's SCIM connection (Okta's Provisioning tab): base URL, credential, auth mode. */
const scimConnection = z
  .object({
    /** The SCIM 2.0 base URL (ending in /scim/v2 or wherever /Users lives); loopback, or a host so named. */
    url: z.string(),
    /** Bearer token; under basic auth, `user:password`. */
    token: z.string().min(1),
    /** Okta's "HTTP Header" (bearer, default) or "Basic Auth". */
    authScheme: z.enum(SCIM_AUTH_SCHEMES).optional(),
  })
  .strict();

/**
 * An App Integration Wizard "SAML 2.0" app in org2 (docs/decisions/external-saml-apps.md): the SP
 * from its metadata (a file relative to the scenario, or a URL) or from fields.
 */
export const samlApp = z
  .object({
    /** The app's name (its label): what `assign { app }` and the dashboard tile name. */
    name: z.string().min(1),
    saml: z
      .object({
        /** The SP's metadata: a file path (relative to the scenario) or an http(s) URL (naming its host). */
        metadata: z.string().optional(),
        /** Single sign-on URL (the SP's ACS); default: the metadata's. */
        acsUrl: z.string().optional(),
        /** Audience URI (SP Entity ID); default: the metadata's entityID. */
        audience: z.string().optional(),
        nameIdFormat: nameIdFormat.optional(),
        ...appUserName,
        /** SAML attribute name → an Okta expression over user.* (e.g. `email: user.email`). */
        attributeStatements: z.record(z.string(), z.string()).optional(),
        /** What is signed (Okta: Response and Assertion Signature both Signed by default). */
        signing: z.enum(['response', 'assertion', 'both']).optional(),
        signatureAlgorithm: z.enum(['SHA-256', 'SHA-1']).optional(),
        /** The app's IdP signing credential (default: org2-apps). */
        certificate: credential.optional(),
        /** Encrypt assertions for the SP's certificate: the metadata's encryption key, or this PEM file. */
        encryption: z
          .object({
            algorithm: z.enum(['aes256-gcm', 'aes256-cbc']).optional(),
            certificateFile: z.string().optional(),
          })
          .strict()
          .optional(),
        /** The SP's AuthnRequest-signing certificate (PEM file); default: the metadata's when it signs requests. */
        requestCertificateFile: z.string().optional(),
      })
      .strict()
      .refine((s) => s.metadata !== undefined || (s.acsUrl !== undefined && s.audience !== undefined), {
        message: 'give the SP metadata, or both acsUrl and audience',
      }),
    provisioning: z
      .object({
        ...toggles,
        scim: scimConnection,
        /** How profile updates go: GET + PUT of the whole user (AIW default) or one PATCH. */
        updateMethod: z.enum(SCIM_UPDATE_METHODS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
