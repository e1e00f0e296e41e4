import { type Listening, listen } from '../core/listen.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import type { PartyFaults } from '../faults/wire.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { LiveTrace } from '../trace/live/recorder.js';
import { servedFront } from './served-front.js';

/**
 * Serves the three parties (faults in front of org2's and dropbox's APIs) and sets their URLs; one
 * port taken must not leave the other two parties listening.
 */
export async function listenParties(
  parties: readonly [Org1, Org2, Dropbox],
  at: { ports: [number, number, number]; host: string; seed: string },
  faults: PartyFaults,
  trace: LiveTrace | undefined,
): Promise<Listening[]> {
  const names = ['org1', 'org2', 'dropbox'] as const;
  const faultsOf = [undefined, faults.org2, faults.dropbox];
  const started = await Promise.allSettled(
    parties.map((p, i) => {
      const served = servedFront(names[i], { seed: at.seed, origin: () => p.url, trace });
      // Faults first: a faulted API call is answered before anything else of the party sees it.
      const injector = faultsOf[i];
      const app = p.createApp((front) => {
        if (injector) front.use(injector.middleware());
        served(front);
      });
      return listen(app, at.ports[i], at.host);
    }),
  );
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => s.status === 'fulfilled' && s.value.close()));
    throw failed.reason;
  }
  const listeners = started.map((s) => (s as PromiseFulfilledResult<Listening>).value);
  parties.forEach((p, i) => {
    p.url = (listeners[i] as Listening).url;
  });
  return listeners;
}
