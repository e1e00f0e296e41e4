import { z } from 'zod';
import { credential } from './config-shared.js';

/** Dropbox Business: the team and the IdP it trusts (org2's Dropbox app). */
export const dropboxSchema = z
  .object({
    teamName: z.string().optional(),
    deactivation: z.enum(['suspend', 'remove']).optional(),
    trust: credential.optional(),
    /** Take issuer and certificate from org2's Dropbox app metadata. */
    fromMetadata: z.boolean().optional(),
  })
  .strict();
