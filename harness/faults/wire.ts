import type { IdGenerator } from '../core/ids.js';
import type { Scheduler } from '../provisioning/scheduler.js';
import { FaultInjector } from './injector.js';
import { oktaResponder, scimResponder } from './responses.js';

/** The parties whose APIs a scenario can inject faults into. */
export interface PartyFaults {
  /** org2's Okta API (`/api/v1`): what org1's Org2Org connector calls. */
  org2: FaultInjector;
  /** dropbox's SCIM server (`/scim/v2`): what org2's To-App provisioning calls. */
  dropbox: FaultInjector;
}

export function createPartyFaults(deps: {
  scheduler: Scheduler;
  ids: IdGenerator;
  org2RateLimit: () => number;
}): PartyFaults {
  const { scheduler, ids } = deps;
  return {
    org2: new FaultInjector({
      prefix: '/api/v1',
      scheduler,
      respond: oktaResponder(ids),
      rateLimit: deps.org2RateLimit,
    }),
    dropbox: new FaultInjector({ prefix: '/scim/v2', scheduler, respond: scimResponder() }),
  };
}
