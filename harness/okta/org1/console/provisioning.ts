import type { Router } from 'express';
import { escapeHtml } from '../../../core/html.js';
import type { ConsoleView } from '../../console/console.js';
import { checkbox, postButton, table } from '../../console/html.js';
import { APP_BASE, type Org2OrgConsoleOrg, sendTab } from './app-tab.js';

const TOGGLES = [
  ['create', 'Create Users'],
  ['update', 'Update User Attributes'],
  ['deactivate', 'Deactivate Users'],
] as const;

function page(org: Org2OrgConsoleOrg): string {
  const p = org.app.provisioning;
  const toggles = TOGGLES.map(([key, label]) => checkbox(label, key, p[key])).join('');
  const groups = org.groups.all().map((g) => {
    const remote = org.groupPush.remoteIdOf(g.id);
    return [
      escapeHtml(g.profile.name),
      String(g.members.size),
      remote ? `Pushed as <code>${escapeHtml(remote)}</code>` : '<span class="muted">Not pushed</span>',
      postButton(
        `${APP_BASE}/provisioning/push-group`,
        remote ? 'Push now' : 'Push group',
        { groupId: g.id },
        'secondary',
      ),
    ];
  });
  const masked = p.token ? `••••••••${escapeHtml(p.token.slice(-4))}` : 'none';
  return (
    `<section class="panel"><h2>Integration</h2><p>API provisioning ${p.enabled ? 'is <strong>enabled</strong>' : 'is <strong>disabled</strong>'}: ` +
    `org1 calls org2's Users API with an org2 API token (a Super Admin's).</p>` +
    `<p>Current token: <code>${masked}</code></p>` +
    `<form method="POST" action="${APP_BASE}/provisioning/token"><label for="f-token">New org2 API token</label>` +
    `<input type="password" id="f-token" name="token" autocomplete="off"><p><button type="submit">Save token</button></p></form>` +
    `${postButton(`${APP_BASE}/provisioning/test`, 'Test API Credentials', {}, 'secondary')}</section>` +
    `<form class="panel" method="POST" action="${APP_BASE}/provisioning/to-app"><h2>To App</h2>${toggles}` +
    `<p><button type="submit">Save</button></p></form>` +
    `<section class="panel"><h2>Push Groups</h2>${groups.length ? table('Push Groups', ['Group', 'People', 'In org2', ''], groups) : '<p class="muted">org1 has no groups yet: add one under Directory › Groups, then push it here.</p>'}</section>`
  );
}

/** The Provisioning tab: org2 API token (set, test), To App toggles, Push Groups. */
export function provisioningRoutes(router: Router, view: ConsoleView, org: Org2OrgConsoleOrg): void {
  const done = (key: string) => `${APP_BASE}/provisioning?done=${key}`;
  router.get('/provisioning', (req, res) => sendTab(view, req, res, org.app, 'provisioning', page(org)));
  router.post('/provisioning/token', (req, res) => {
    const token = String(req.body?.token ?? '').trim();
    if (token) org.app.provisioning.token = token;
    res.redirect(303, done('token'));
  });
  // A refused token is the console's error page with org2's code (E0000011, E0000006).
  router.post('/provisioning/test', async (_req, res) => {
    await org.testApiCredentials();
    res.redirect(303, done('tested'));
  });
  router.post('/provisioning/to-app', (req, res) => {
    for (const [key] of TOGGLES) org.app.provisioning[key] = req.body?.[key] === 'true';
    res.redirect(303, done('toggles'));
  });
  router.post('/provisioning/push-group', async (req, res) => {
    await org.groupPush.push(org.groups.get(String(req.body?.groupId ?? '')));
    res.redirect(303, done('pushed'));
  });
}
