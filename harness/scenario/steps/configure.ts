import { worldSchema } from '../../world/config.js';
import { defineStep } from './define.js';

/** The world's settings, named once in the JSON Schema: a scenario's `world` and every `configure` share them. */
export const worldSettingsSchema = worldSchema.meta({ id: 'World' });

export const configureStep = defineStep({
  kind: 'configure',
  summary:
    'changes settings of the running world as an admin would (certificate rollover, toggles, IdP policy, org2 apps added or changed by name); same keys as `world`',
  schema: worldSettingsSchema,
  describe: (patch) => `configure ${JSON.stringify(patch)}`,
  run: (patch, { world }) => world.configure(patch),
});
