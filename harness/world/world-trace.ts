import type { Dropbox } from '../dropbox/dropbox.js';
import type { Org1 } from '../okta/org1/org1.js';
import type { Org2 } from '../okta/org2/org2.js';
import type { SpLookup } from '../trace/decode.js';
import type { LiveTrace } from '../trace/live/recorder.js';

/** What a served world's live trace reads of the world (world.ts). */
interface TracedWorld {
  readonly org1: Org1;
  readonly org2: Org2;
  readonly dropbox: Dropbox;
  spFor: SpLookup;
  secretValues(): string[];
}

/** Binds a served world's live trace: what it reads of the world, and the parties' hooks into it. */
export function bindTrace(trace: LiveTrace, world: TracedWorld): void {
  const { org1, org2, dropbox } = world;
  trace.bind({
    parties: () => ({ org1: org1.url, org2: org2.url, dropbox: dropbox.url }),
    spFor: (url) => world.spFor(url),
    secrets: () => world.secretValues(),
  });
  for (const party of ['org2', 'dropbox'] as const) {
    world[party].sp.onArrival = (arrival) => trace.arrived(party, arrival);
  }
  for (const org of [org1, org2]) org.log.exchangeOf = (id) => trace.hopOf(id);
}
