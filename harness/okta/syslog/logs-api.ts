import { type Request, Router } from 'express';
import type { Clock } from '../../core/clock.js';
import { apiAuth, apiFront, type OktaApiOptions } from '../api/common.js';
import { oktaErrorHandler } from '../api/errors.js';
import { queryParam } from '../api/query.js';
import { validationError } from '../errors.js';
import { keywordMatch, parseLogFilter } from './log-filter.js';
import type { LogEvent, SystemLog } from './log-store.js';

export interface LogsApiOptions extends OktaApiOptions {
  log: SystemLog;
  clock: Clock;
}

// Okta's listLogEvents (management OpenAPI spec, GET /api/v1/logs): limit 100 by default, at most
// 1000; `since` defaults to 7 days before `until`, which defaults to now; ASCENDING by default.
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

function timeParam(req: Request, name: string): number | undefined {
  const value = queryParam(req, name);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw validationError([`${name}: The value must be an ISO 8601 timestamp`]);
  return ms;
}

function logLimit(req: Request): number {
  const value = queryParam(req, 'limit');
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw validationError(['limit: The value must be a positive integer']);
  }
  return Math.min(Number(value), MAX_LIMIT);
}

/** The events the query selects, in the requested order, before the `after` cursor applies. */
function selected(req: Request, events: LogEvent[], now: number): LogEvent[] {
  // Without `until` nothing is cut at the top: an event published at this very instant (the
  // world's fixed clock) is included.
  const until = timeParam(req, 'until') ?? Number.POSITIVE_INFINITY;
  const since = timeParam(req, 'since') ?? Math.min(until, now) - WEEK_MS;
  const filter = queryParam(req, 'filter');
  const q = queryParam(req, 'q');
  const tests = [
    (e: LogEvent) => Date.parse(e.published) >= since && Date.parse(e.published) < until,
    ...(filter === undefined ? [] : [parseLogFilter(filter)]),
    ...(q === undefined ? [] : [keywordMatch(q)]),
  ];
  const order = queryParam(req, 'sortOrder') ?? 'ASCENDING';
  if (order !== 'ASCENDING' && order !== 'DESCENDING') {
    throw validationError(['sortOrder: The value must be ASCENDING or DESCENDING']);
  }
  const matching = events.filter((e) => tests.every((t) => t(e)));
  return order === 'DESCENDING' ? matching.reverse() : matching;
}

/** `after` is the uuid of the previous page's last event (Okta's cursor is opaque; this one is too). */
function afterEvent(events: LogEvent[], after: string | undefined): LogEvent[] {
  if (after === undefined) return events;
  const index = events.findIndex((e) => e.uuid === after);
  if (index < 0) throw validationError([`after: No event with uuid ${after} in this query`]);
  return events.slice(index + 1);
}

/**
 * `GET /api/v1/logs` behind the same front as the Users API (request id, bucket `logs`, SSWS).
 * A bounded query (`until` given) links `rel="next"` while events remain; a polling query always
 * does (Okta's System Log API, "Polling requests"). Mount at `/api/v1`.
 */
export function createLogsRouter(options: LogsApiOptions): Router {
  const router = Router();
  router.use('/logs', apiFront('logs', options), apiAuth(options));
  router.get('/logs', (req, res) => {
    const limit = logLimit(req);
    const all = selected(req, options.log.events, options.clock.now().getTime());
    const after = queryParam(req, 'after');
    const rest = afterEvent(all, after);
    const page = rest.slice(0, limit);
    const origin = options.baseUrl();
    const links = [`<${origin}${req.originalUrl}>; rel="self"`];
    const polling = queryParam(req, 'until') === undefined;
    if (rest.length > page.length || polling) {
      const params = new URLSearchParams(req.query as Record<string, string>);
      const cursor = page.at(-1)?.uuid ?? after;
      params.delete('after');
      if (cursor !== undefined) params.set('after', cursor);
      params.set('limit', String(limit));
      links.push(
        `<${origin}${req.baseUrl}${req.path}?${params.toString().replaceAll('+', '%20')}>; rel="next"`,
      );
    }
    res.setHeader('Link', links);
    res.json(page);
  });
  router.use('/logs', oktaErrorHandler(options.ids));
  return router;
}
