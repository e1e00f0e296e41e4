import { escapeHtml } from '../../core/html.js';
import type { OrgLook } from '../pages.js';

/** The Admin Console's menu groups, in Okta's order. */
export const CONSOLE_GROUPS = ['Directory', 'Applications', 'Security', 'Reports', 'Workflow'] as const;
export type ConsoleGroup = (typeof CONSOLE_GROUPS)[number];

/** One menu entry of the console: where it lives under `/admin` and where it sits in the menu. */
export interface ConsoleLink {
  path: string;
  label: string;
  group: ConsoleGroup;
}

/** Where the console's one stylesheet is served (before the admin check: it holds no data). */
export const CONSOLE_CSS_PATH = '/admin/assets/console.css';

export const CONSOLE_CSS = `
:root{--org:#00297a;--line:#d7d9e0;--muted:#5c5f6b;--bad:#b3261e;--good:#1e7a34}
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,sans-serif;color:#1d1d21;background:#f4f5f7}
a{color:#1451b8}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:2}
.bar{display:flex;align-items:center;gap:12px;padding:10px 20px;background:var(--org);color:#fff}
.bar .org{font-weight:700;font-size:17px}.bar .product{opacity:.85}.bar .who{margin-left:auto}.bar a{color:#fff}
.layout{display:flex;min-height:calc(100vh - 44px)}
nav.menu{width:220px;flex:none;background:#fff;border-right:1px solid var(--line);padding:8px 0}
nav.menu h2{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:14px 20px 4px}
nav.menu ul{list-style:none;margin:0;padding:0}nav.menu a{display:block;padding:5px 20px;text-decoration:none;color:#1d1d21}
nav.menu a[aria-current=page]{border-left:4px solid var(--org);padding-left:16px;background:#eef0f6;font-weight:600}
main{flex:1;padding:20px 32px;max-width:1200px}h1{margin:4px 0 16px;font-size:24px}h2{font-size:18px;margin:24px 0 8px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line)}
th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}th{background:#f0f1f5;font-size:13px}
form.inline{display:inline}button,.button{font:inherit;padding:5px 12px;border:1px solid var(--org);border-radius:4px;background:var(--org);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:var(--org)}button.danger{background:var(--bad);border-color:var(--bad)}
label{display:block;margin:10px 0 4px;font-weight:600}input[type=text],input[type=search],input[type=password],input[type=number],select,textarea{font:inherit;padding:6px;border:1px solid #9a9da8;border-radius:4px;width:100%;max-width:480px}
.panel{background:#fff;border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin-bottom:16px}p.label{font-weight:600;margin:10px 0 4px}
.tabs{display:flex;gap:4px;border-bottom:1px solid var(--line);margin-bottom:16px;padding:0;list-style:none}.tabs a{display:block;padding:6px 14px;text-decoration:none}
.tabs a[aria-current=page]{border-bottom:3px solid var(--org);font-weight:600}
.status{font-size:12px;font-weight:600;padding:1px 6px;border-radius:8px;background:#e8e9ee}.status.ACTIVE,.status.SUCCESS{background:#dff3e4;color:var(--good)}
.status.FAILURE,.status.DEPROVISIONED,.status.LOCKED_OUT,.status.ERROR{background:#fbe3e1;color:var(--bad)}
.notice{border-left:4px solid var(--good);background:#fff;padding:8px 12px;margin-bottom:16px}
.error{border-left:4px solid var(--bad);background:#fff;padding:8px 12px;margin-bottom:16px}.code{font-family:monospace;color:var(--bad)}
.muted{color:var(--muted)}pre{white-space:pre-wrap;word-break:break-all;background:#f7f7fa;padding:8px;border:1px solid var(--line);max-height:400px;overflow:auto}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
form.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:flex-end;margin-bottom:12px}form.filters label{margin-top:0}form.filters input,form.filters select{min-width:220px}
.pager{display:flex;gap:16px;align-items:center;margin:12px 0}.actions{display:flex;flex-wrap:wrap;gap:8px}
label.check{display:flex;gap:8px;align-items:center;font-weight:400}
.panel>h2:first-child{margin-top:0}main{min-width:0}code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}code.fp{word-break:break-all}
.field-error{color:var(--bad);margin:4px 0 0;font-size:14px}.field-error .code{margin-right:6px}input[aria-invalid=true],select[aria-invalid=true]{border:2px solid var(--bad)}table+.panel{margin-top:16px}
.when{white-space:nowrap}summary{cursor:pointer;white-space:nowrap}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 16px;padding:6px 16px 12px}legend{font-weight:600;padding:0 6px}
`;

/** What a section sends: the title and body of its page, and optionally the status and a notice. */
export interface ConsoleContent {
  title: string;
  body: string;
  status?: number;
  notice?: string;
  /** Extra head elements: the error meta tags clients read the code from. */
  head?: string;
}

export interface ConsolePageInput {
  org: OrgLook;
  title: string;
  body: string;
  links: readonly ConsoleLink[];
  /** The path of the menu entry to mark current. */
  active?: string;
  admin: { login: string; role: string };
  /** A one-line result of the last action ("Sarah was deactivated"). */
  notice?: string;
  head?: string;
}

function menu(links: readonly ConsoleLink[], active: string | undefined): string {
  const groups = CONSOLE_GROUPS.map((group) => {
    const items = links.filter((l) => l.group === group);
    if (items.length === 0) return '';
    const lis = items
      .map((l) => {
        const current = l.path === active ? ' aria-current="page"' : '';
        return `<li><a href="/admin${escapeHtml(l.path)}"${current}>${escapeHtml(l.label)}</a></li>`;
      })
      .join('');
    return `<h2>${group}</h2><ul>${lis}</ul>`;
  });
  return `<nav class="menu" aria-label="Admin Console"><ul><li><a href="/admin/dashboard"${active === '/dashboard' ? ' aria-current="page"' : ''}>Dashboard</a></li></ul>${groups.join('')}</nav>`;
}

/** A page of an org's Admin Console: the org's header in its colour, the menu, then the body. */
export function consolePage(input: ConsolePageInput): string {
  const { org, admin } = input;
  const notice = input.notice ? `<p class="notice" role="status">${escapeHtml(input.notice)}</p>` : '';
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(input.title)} · ${escapeHtml(org.name)} Admin Console</title>` +
    `<link rel="stylesheet" href="${CONSOLE_CSS_PATH}">${input.head ?? ''}</head>` +
    `<body style="--org:${escapeHtml(org.color)}"><a class="skip" href="#main">Skip to content</a>` +
    `<header class="bar"><span class="org">${escapeHtml(org.name)}</span><span class="product">Admin Console</span>` +
    `<span class="who">${escapeHtml(admin.login)} (${escapeHtml(admin.role)}) · <a href="/app/UserHome">My Apps</a> · ` +
    `<a href="/login/signout">Sign out</a></span></header>` +
    `<div class="layout">${menu(input.links, input.active)}<main id="main"><h1>${escapeHtml(input.title)}</h1>${notice}${input.body}</main></div></body></html>`
  );
}
