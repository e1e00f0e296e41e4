import { type Listening, listen } from '../core/listen.js';
import type { Dropbox } from '../dropbox/dropbox.js';
import { type PartyFaults, withFaults } from '../faults/wire.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { LiveTrace } from '../trace/live/recorder.js';
import { servedApp } from './served-app.js';

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
      const app = servedApp(names[i], p.createApp(), { seed: at.seed, origin: () => p.url, trace });
      return listen(withFaults(app, faultsOf[i]), at.ports[i], at.host);
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
