import type { Request, Response, Router } from 'express';
import { escapeHtml as e } from '../../../core/html.js';
import { generateCertificate } from '../../../crypto/certs.js';
import { type SigningCredential, toCredential } from '../../../crypto/credential.js';
import { appUserNameFormat, USERNAME_FORMATS, type UserNameFormat } from '../../app-username.js';
import type { ConsoleSection, ConsoleView } from '../../console/console.js';
import { table, tabs } from '../../console/html.js';
import { notFound } from '../../errors.js';
import { userActor } from '../../syslog/log-store.js';
import { APP_TABS, type AppTab, assignmentsTab, generalTab, provisioningTab, signOnTab } from './app-tabs.js';
import type { AppsOrg, ConsoleApp } from './console-app.js';

const text = (req: Request, name: string): string => {
  const v = (req.body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v.trim() : '';
};
const checked = (req: Request, name: string) => text(req, name) === 'on';

/**
 * Applications: the org's apps, each with Okta's tabs. Changes go where the Apps API's go
 * (assignments through the same `assign` / `unassign`, so To-App provisioning follows) and app
 * settings changes are logged as Okta logs them (`application.lifecycle.update`).
 */
export function appsSection(org: AppsOrg): ConsoleSection {
  /** Generated, not yet active signing certificates, by app id (Okta's "Generate new certificate"). */
  const nextCerts = new Map<string, SigningCredential>();
  const appOf = (id: string): ConsoleApp => {
    const app = org.apps().find((a) => a.id === id);
    if (!app) throw notFound(id, 'AppInstance');
    return app;
  };
  const logUpdate = (req: Request, view: ConsoleView, app: ConsoleApp) =>
    org.log.record({
      eventType: 'application.lifecycle.update',
      displayMessage: 'Update application',
      actor: userActor(view.admin(req)),
      outcome: { result: 'SUCCESS', reason: null },
      target: [{ id: app.id, type: 'AppInstance', alternateId: app.label, displayName: app.label }],
      transaction: 'WEB',
    });

  return {
    path: '/apps',
    label: 'Applications',
    group: 'Applications',
    routes(router: Router, view: ConsoleView) {
      const show = (req: Request, res: Response, tab: AppTab, notice?: string) => {
        const app = appOf(req.params.appId as string);
        const base = `/admin/apps/${app.id}`;
        const body = {
          general: () => generalTab(app, base),
          signon: () => signOnTab(app, base, nextCerts.get(app.id)),
          provisioning: () => provisioningTab(app, base),
          assignments: () => assignmentsTab(app, base, (id) => org.directory.find(id), req.query.page),
        }[tab]();
        const items = APP_TABS.map(([t, label]) => [`${base}/${t}`, label] as const);
        view.send(req, res, { title: app.label, body: tabs(items, `${base}/${tab}`) + body, notice });
      };
      const done = (req: Request, res: Response, tab: AppTab) =>
        res.redirect(303, `/admin/apps/${req.params.appId}/${tab}?saved=1`);

      router.get('/', (req, res) => {
        const rows = org
          .apps()
          .map((a) => [
            `<a href="/admin/apps/${e(a.id)}/general">${e(a.label)}</a>`,
            `<code>${e(a.name)}</code>`,
            'ACTIVE',
          ]);
        view.send(req, res, {
          title: 'Applications',
          body: table('Applications', ['Application', 'App', 'Status'], rows),
        });
      });
      router.get('/:appId', (req, res) => res.redirect(`/admin/apps/${req.params.appId}/general`));
      for (const [tab] of APP_TABS)
        router.get(`/:appId/${tab}`, (req, res) =>
          show(req, res, tab, req.query.saved ? 'Saved.' : undefined),
        );

      router.post('/:appId/general', (req, res) => {
        const app = appOf(req.params.appId);
        app.label = text(req, 'label') || app.label;
        logUpdate(req, view, app);
        done(req, res, 'general');
      });
      router.post('/:appId/signon', (req, res) => {
        const app = appOf(req.params.appId);
        const format = text(req, 'userNameFormat') as UserNameFormat;
        const expression = text(req, 'userNameExpression') || undefined;
        const next = {
          userNameFormat: USERNAME_FORMATS.includes(format) ? format : app.signOn.userNameFormat,
          userNameExpression: expression,
        };
        appUserNameFormat(next); // a bad custom expression is refused before anything changes
        Object.assign(app.signOn, next);
        if (app.signOn.silentProvisioning !== undefined)
          app.signOn.silentProvisioning = checked(req, 'silentProvisioning');
        logUpdate(req, view, app);
        done(req, res, 'signon');
      });
      router.get('/:appId/signon/cert.pem', (req, res) => {
        const app = appOf(req.params.appId);
        const cred = req.query.next ? nextCerts.get(app.id) : app.signOn.credential;
        if (!cred) throw notFound('next', 'AppCertificate');
        res.type('application/x-pem-file').attachment(`${app.key}.cert`).send(cred.cert.pem);
      });
      router.post('/:appId/signon/cert/new', (req, res) => {
        const app = appOf(req.params.appId);
        nextCerts.set(app.id, toCredential(generateCertificate({ commonName: app.label })));
        done(req, res, 'signon');
      });
      router.post('/:appId/signon/cert/activate', (req, res) => {
        const app = appOf(req.params.appId);
        const next = nextCerts.get(app.id);
        if (!next) throw notFound('next', 'AppCertificate');
        app.signOn.credential = next;
        nextCerts.delete(app.id);
        logUpdate(req, view, app);
        done(req, res, 'signon');
      });
      router.post('/:appId/provisioning', (req, res) => {
        const app = appOf(req.params.appId);
        for (const key of ['enabled', 'create', 'update', 'deactivate'] as const)
          app.provisioning[key] = checked(req, key);
        logUpdate(req, view, app);
        done(req, res, 'provisioning');
      });
      router.post('/:appId/assignments', async (req, res) => {
        const app = appOf(req.params.appId);
        const user = org.directory.get(text(req, 'user'));
        await app.assign(user.id, text(req, 'userName') || undefined);
        done(req, res, 'assignments');
      });
      router.post('/:appId/assignments/remove', async (req, res) => {
        const app = appOf(req.params.appId);
        await app.unassign(org.directory.get(text(req, 'userId')).id);
        done(req, res, 'assignments');
      });
    },
  };
}
