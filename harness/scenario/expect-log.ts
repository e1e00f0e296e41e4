import type { LogEvent } from '../okta/syslog/log-store.js';
import type { World } from '../world/world.js';
import type { Expectation } from './schema-expect.js';

type LogExpectation = NonNullable<Expectation['log']>;

function matches(event: LogEvent, e: LogExpectation): boolean {
  return (
    event.eventType === e.eventType &&
    (e.outcome === undefined || event.outcome.result === e.outcome) &&
    (e.reason === undefined || event.outcome.reason === e.reason) &&
    (e.target === undefined || event.target.some((t) => t.id === e.target || t.alternateId === e.target))
  );
}

/**
 * How many of the org's System Log events match, against what the expectation wants: exactly
 * `count`, or at least one. The actual side lists what the org logged of that event type.
 */
export function logCheck(
  world: World,
  e: LogExpectation,
): { what: string; expected: unknown; actual: unknown } | undefined {
  const events = world[e.org].log.events;
  const found = events.filter((ev) => matches(ev, e)).length;
  const ok = e.count === undefined ? found > 0 : found === e.count;
  if (ok) return undefined;
  const sameType = events
    .filter((ev) => ev.eventType === e.eventType)
    .map((ev) => `${ev.outcome.result}${ev.outcome.reason ? ` (${ev.outcome.reason})` : ''}`);
  const label = [e.outcome, e.reason && `"${e.reason}"`, e.target && `on ${e.target}`]
    .filter(Boolean)
    .join(' ');
  return {
    what: `${e.org} System Log ${e.eventType}${label ? ` ${label}` : ''} events`,
    expected: e.count ?? 'at least 1',
    actual: `${found}${sameType.length ? ` (${e.eventType}: ${sameType.join(', ')})` : ''}`,
  };
}
