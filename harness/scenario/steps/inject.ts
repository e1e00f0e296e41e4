import { injectSchema } from '../schema-provisioning.js';
import { defineStep } from './define.js';

export const injectStep = defineStep({
  kind: 'inject',
  summary:
    "queues latency, a 5xx, a 429 burst or a dropped connection for the next calls to a party's API (org2: /api/v1, dropbox: /scim/v2)",
  schema: injectSchema,
  describe({ party, fault, count = 1, ms, status }) {
    const detail = [ms === undefined ? '' : `${ms} ms`, status === undefined ? '' : String(status)].filter(
      Boolean,
    );
    return `inject ${fault}${detail.length ? ` (${detail.join(', ')})` : ''} into ${party}'s next ${count} API call${count === 1 ? '' : 's'}`;
  },
  run: ({ party, ...fault }, { world }) => world.faults[party].inject(fault),
});
