import type { LogEvent } from './log-store.js';

/**
 * What "Reports → System Log" is asked for (its form's fields, in the page's query string): words
 * to find in the actor, target or event type, an outcome, a time range as Okta's `since` and
 * `until` (ISO 8601; a time without a zone is UTC), or one transaction (a request's id, which a
 * refused sign-in's error page links to).
 */
export interface ReportQuery {
  q: string;
  result: string;
  since: string;
  until: string;
  transaction: string;
}

/** The outcomes the form offers (Okta's LogEvent outcome.result values fedsim writes). */
export const REPORT_RESULTS = ['SUCCESS', 'FAILURE', 'SKIPPED', 'ALLOW', 'DENY', 'CHALLENGE', 'UNKNOWN'];

const FIELDS = ['q', 'result', 'since', 'until', 'transaction'] as const;

/** The query's fields as strings; anything else (repeated, nested) is ignored. */
export function reportQuery(query: Record<string, unknown>): ReportQuery {
  const field = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  return Object.fromEntries(FIELDS.map((name) => [name, field(name)])) as unknown as ReportQuery;
}

/** A `since`/`until` value as epoch ms; a datetime-local value (no zone) is read as UTC. */
function instant(value: string): number | undefined {
  if (!value) return undefined;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(value) || !value.includes('T') ? value : `${value}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The fields a person searches by: who did it, to what, and what happened. */
function searchable(e: LogEvent): string {
  const people = [e.actor, ...e.target].flatMap((p) => [p.alternateId, p.displayName, p.id]);
  return [e.eventType, e.displayMessage, ...people].join(' ').toLowerCase();
}

/** The events the query selects, newest first; a time that is not a date is reported, not applied. */
export function selectEvents(
  events: readonly LogEvent[],
  query: ReportQuery,
): { events: LogEvent[]; problems: string[] } {
  const problems = (['since', 'until'] as const)
    .filter((k) => query[k] && instant(query[k]) === undefined)
    .map((k) => `${k}: "${query[k]}" is not a date and time (use 2026-01-31T09:00 or ISO 8601)`);
  const since = instant(query.since) ?? Number.NEGATIVE_INFINITY;
  const until = instant(query.until) ?? Number.POSITIVE_INFINITY;
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  const selected = events.filter((e) => {
    const at = Date.parse(e.published);
    const text = words.length ? searchable(e) : '';
    return (
      at >= since &&
      at < until &&
      (!query.result || e.outcome.result === query.result) &&
      (!query.transaction || e.transaction.id === query.transaction) &&
      words.every((w) => text.includes(w))
    );
  });
  return { events: selected.reverse(), problems };
}
