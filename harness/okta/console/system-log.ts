import { SYSTEM_LOG_REPORT_PATH } from '../pages.js';
import type { SystemLog } from '../syslog/log-store.js';
import { systemLogReportHtml } from '../syslog/report-page.js';
import type { ConsoleSection } from './console.js';

/**
 * Reports → System Log: the live-trace report page (filters by text, outcome, time and
 * transaction, newest first, each failed sign-in with its check table and SAML message) inside
 * the console's frame, where the error pages' "See the System Log entry" links point.
 */
export function systemLogSection(org: { readonly log: SystemLog }): ConsoleSection {
  return {
    path: SYSTEM_LOG_REPORT_PATH.replace(/^\/admin/, ''),
    label: 'System Log',
    group: 'Reports',
    routes(router, view) {
      router.get('/', (req, res) => {
        const { log } = org;
        const body = systemLogReportHtml(log.events, req.query as Record<string, unknown>, log.exchangeOf);
        view.send(req, res, { title: 'System Log', body });
      });
    },
  };
}
