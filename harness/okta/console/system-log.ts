import { escapeHtml } from '../../core/html.js';
import type { SystemLog } from '../syslog/log-store.js';
import type { ConsoleSection } from './console.js';
import { field, queryText, select, statusBadge, table, when } from './html.js';

/** Events a page shows at most (the newest). */
const SHOWN = 200;

const OUTCOMES: [string, string][] = [
  ['', 'Any outcome'],
  ['SUCCESS', 'SUCCESS'],
  ['FAILURE', 'FAILURE'],
];

/**
 * Reports → System Log, plainly: the org's events newest first, filtered by text (event type,
 * actor, target) and outcome, each expandable to its JSON as `GET /api/v1/logs` serves it.
 */
export function systemLogSection(org: { readonly log: SystemLog }): ConsoleSection {
  return {
    path: '/reports/system-log',
    label: 'System Log',
    group: 'Reports',
    routes(router, view) {
      router.get('/', (req, res) => {
        const q = queryText(req, 'q').trim().toLowerCase();
        const outcome = queryText(req, 'outcome');
        const events = org.log.events
          .reverse()
          .filter((e) => outcome === '' || e.outcome.result === outcome)
          .filter(
            (e) => q === '' || JSON.stringify([e.eventType, e.actor, e.target]).toLowerCase().includes(q),
          )
          .slice(0, SHOWN);
        const rows = events.map((e) => [
          when(new Date(e.published)),
          `<code>${escapeHtml(e.eventType)}</code>`,
          escapeHtml(e.actor.alternateId),
          escapeHtml(e.target.map((t) => t.alternateId).join(', ')),
          `${statusBadge(e.outcome.result)}${e.outcome.reason ? ` ${escapeHtml(e.outcome.reason)}` : ''}`,
          `<details><summary>Event</summary><pre>${escapeHtml(JSON.stringify(e, null, 2))}</pre></details>`,
        ]);
        const filter =
          `<form class="filters" method="GET" action="/admin/reports/system-log" role="search">` +
          `<div>${field('Search (event type, actor, target)', 'q', queryText(req, 'q'), 'search')}</div>` +
          `<div>${select('Outcome', 'outcome', OUTCOMES, outcome)}</div><div><button type="submit">Search</button></div></form>`;
        view.send(req, res, {
          title: 'System Log',
          body: `${filter}<p class="muted">${events.length} events (newest first, at most ${SHOWN})</p>${table('System Log', ['Time', 'Event', 'Actor', 'Target', 'Outcome', ''], rows)}`,
        });
      });
    },
  };
}
