import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { FedsimError } from '../../core/errors.js';
import { escapeHtml } from '../../core/html.js';
import { lazyRoutes } from '../../core/lazy-routes.js';
import { sameOrigin } from '../../core/request-guard.js';
import type { AdminRoles } from '../admins.js';
import type { OktaUser } from '../directory.js';
import type { OrgLook } from '../pages.js';
import type { OktaSessions } from '../sessions.js';
import { asRefused, consoleErrors } from './console-errors.js';
import { formState } from './form-state.js';
import {
  CONSOLE_CSS,
  CONSOLE_CSS_PATH,
  type ConsoleContent,
  type ConsoleLink,
  consolePage,
} from './layout.js';

export type { ConsoleContent };

/** How a section renders inside the console: the org's header, the menu with it current, its body. */
export interface ConsoleView {
  send(req: Request, res: Response, content: ConsoleContent): void;
  /** The signed-in admin of this request (the console's routes only run for one). */
  admin(req: Request): OktaUser;
}

/**
 * One area of the Admin Console (People, Applications, System Log…): its menu entry and its
 * routes, registered on a router mounted at `/admin{path}`. Sections change the org through the
 * same functions as the API, so a console action and the API call leave the same state and log.
 */
export interface ConsoleSection extends ConsoleLink {
  routes(router: Router, view: ConsoleView): void;
}

export interface ConsoleOptions {
  org: OrgLook;
  sessions: OktaSessions;
  admins: AdminRoles;
  sections: readonly ConsoleSection[];
}

function adminRequired(user: OktaUser | undefined, write: boolean): FedsimError {
  const who = user ? `${user.profile.login} is not` : 'No one signed in is';
  return new FedsimError(
    'AUTH_ADMIN_REQUIRED',
    `${who} an administrator allowed to ${write ? 'change' : 'open'} the Admin Console`,
    {
      expected: write ? 'SUPER_ADMIN or ORG_ADMIN' : 'an admin role',
      hint: 'Sign in as the org admin that `fedsim serve --json` prints under admins.',
    },
  );
}

/**
 * Only admins reach the console: a browser without a session is sent to the org's sign-in page
 * and back; a signed-in user without an admin role gets 403, as does a Read-Only Admin's change.
 */
function admitAdmins(options: ConsoleOptions): express.RequestHandler {
  return (req, res, next) => {
    const user = options.sessions.user(req);
    const write = req.method !== 'GET' && req.method !== 'HEAD';
    if (!user && !write) return res.redirect(`/login?fromURI=${encodeURIComponent(req.originalUrl)}`);
    if (!user || !options.admins.has(user.id) || (write && !options.admins.mayWrite(user.id)))
      return next(adminRequired(user, write));
    next();
  };
}

/** The org's Admin Console at `/admin`: admin check, the stylesheet, the dashboard and the sections. */
export function adminConsole(options: ConsoleOptions): RequestHandler {
  // A scenario's world never opens the console: its routes cost ~10% of the journey bench (measured).
  return lazyRoutes('/admin', () => consoleRouter(options));
}

function consoleRouter(options: ConsoleOptions): Router {
  const router = express.Router();
  const render = (req: Request, content: ConsoleContent, active?: string): string => {
    const user = options.sessions.user(req) as OktaUser;
    return consolePage({
      org: options.org,
      links: options.sections,
      active,
      admin: { login: user.profile.login, role: options.admins.roleOf(user.id) ?? '' },
      ...content,
    });
  };
  const viewOf = (active: string): ConsoleView => ({
    send: (req, res, content) => {
      const refused = formState();
      const shown = refused ? asRefused(content, refused) : content;
      res
        .status(shown.status ?? 200)
        .type('html')
        .send(render(req, shown, active));
    },
    admin: (req) => options.sessions.user(req) as OktaUser,
  });
  router.get(CONSOLE_CSS_PATH, (_req, res) => res.type('css').send(CONSOLE_CSS));
  router.use('/admin', admitAdmins(options));
  router.post('/admin/*path', sameOrigin);
  router.get(['/admin', '/admin/'], (_req, res) => res.redirect('/admin/dashboard'));
  router.get('/admin/dashboard', (req, res) => viewOf('/dashboard').send(req, res, dashboard(options)));
  for (const section of options.sections) {
    const sub = express.Router();
    section.routes(sub, viewOf(section.path));
    router.use(`/admin${section.path}`, sub);
  }
  router.use(
    '/admin',
    consoleErrors(
      (req, content) => render(req, content),
      (req, res, done) => router(req, res, done),
    ),
  );
  return router;
}

function dashboard(options: ConsoleOptions): ConsoleContent {
  const items = options.sections
    .map(
      (s) =>
        `<li><a href="/admin${escapeHtml(s.path)}">${escapeHtml(s.group)} › ${escapeHtml(s.label)}</a></li>`,
    )
    .join('');
  return {
    title: 'Dashboard',
    body: `<section class="panel"><h2>Where to go</h2><ul>${items}</ul></section>`,
  };
}
