import { z } from 'zod';
import { dropboxSchema } from './config-dropbox.js';
import { type generatedUsers, org1Schema } from './config-org1.js';
import { org2Schema } from './config-org2.js';
import type { samlApp } from './config-saml-app.js';
import type { user } from './config-shared.js';

/**
 * A world's configuration (a scenario's `world` section, and its `configure` steps): every setting
 * of the three parties; what is left out keeps the defaults that build the seed's topology.
 */
export const worldSchema = z
  .object({
    clock: z.iso.datetime().optional(),
    seed: z.string().optional(),
    org1: org1Schema.optional(),
    org2: org2Schema.optional(),
    dropbox: dropboxSchema.optional(),
  })
  .strict();

export type WorldConfig = z.infer<typeof worldSchema>;
export type SeedUserConfig = z.infer<typeof user>;
export type SamlAppConfig = z.infer<typeof samlApp>;
export type GeneratedUsersConfig = z.infer<typeof generatedUsers>['generate'];
