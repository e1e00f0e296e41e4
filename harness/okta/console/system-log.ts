import { SYSTEM_LOG_REPORT_PATH } from '../pages.js';
import type { SystemLog } from '../syslog/log-store.js';
import { systemLogReportHtml } from '../syslog/report-page.js';
import type { ConsoleSection } from './console.js';

/** Where the section lives under `/admin`: where the error pages' "See the System Log entry" links. */
const PATH = SYSTEM_LOG_REPORT_PATH.replace(/^\/admin/, '');

/**
 * Reports → System Log: the org's events newest first, filtered as Okta's report filters them;
 * a failed sign-in opens to its check table, SAML message and exchange in the live trace.
 */
export function systemLogSection(org: { readonly log: SystemLog }): ConsoleSection {
  return {
    path: PATH,
    label: 'System Log',
    group: 'Reports',
    routes(router, view) {
      router.get('/', (req, res) => {
        const body = systemLogReportHtml(
          org.log.events,
          req.query as Record<string, unknown>,
          org.log.exchangeOf,
        );
        view.send(req, res, { title: 'System Log', body });
      });
    },
  };
}
