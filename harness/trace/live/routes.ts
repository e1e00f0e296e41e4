import type { Express, Request, Response } from 'express';
import { partyApp } from '../../core/app.js';
import { pageErrorHandler } from '../../core/html.js';
import type { TracedExchange } from '../document.js';
import { LIVE_JSON_FILE, liveHopHtml, liveLanes, liveTraceHtml } from './page.js';
import type { LiveTrace } from './recorder.js';

/** The party colour the trace pages' error page wears: fedsim's own, not a party's. */
const FEDSIM_COLOR = '#3b4252';

/** Exchanges after the one a client saw last (EventSource's Last-Event-ID, or `?after=` on first connect). */
function after(req: Request): number {
  const seen = Number(req.get('last-event-id') ?? req.query.after ?? 0);
  return Number.isFinite(seen) ? seen : 0;
}

/** Server-Sent Events: each exchange as `event: hop`, its id its number, its data the page's markup. */
function stream(trace: LiveTrace, req: Request, res: Response): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  // The headers go now: EventSource reports the stream open only once it has them.
  res.flushHeaders();
  const send = (hop: TracedExchange) => {
    const lanes = liveLanes(trace.hops);
    const data = JSON.stringify({ n: hop.n, lanes: lanes.join(' '), html: liveHopHtml(hop, lanes) });
    res.write(`id: ${hop.n}\nevent: hop\ndata: ${data}\n\n`);
  };
  const seen = after(req);
  for (const hop of trace.hops) if (hop.n > seen) send(hop);
  const unsubscribe = trace.subscribe(send);
  res.once('close', unsubscribe);
}

/**
 * `/_fedsim/trace` (the page), `/_fedsim/trace.json` (the document `fedsim explain` and `fedsim
 * diff` read) and `/_fedsim/trace/events` (the stream), mounted at `/_fedsim` on every party:
 * the same world, the same content. Guarded like the party's pages (own Host only, no framing);
 * no token: see docs/decisions/live-trace.md.
 */
export function liveTraceApp(trace: LiveTrace, origin: () => string): Express {
  const app = partyApp(origin);
  app.get('/trace', (_req, res) => {
    res.type('html').send(liveTraceHtml(trace.document()));
  });
  app.get('/trace.json', (_req, res) => {
    res.setHeader('content-disposition', `inline; filename="${LIVE_JSON_FILE}"`);
    res.json(trace.document());
  });
  app.get('/trace/events', (req, res) => stream(trace, req, res));
  app.use(pageErrorHandler('fedsim', FEDSIM_COLOR));
  return app;
}
