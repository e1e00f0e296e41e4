import { escapeHtml } from '../../core/html.js';
import type { AdminRole } from '../api/auth.js';
import type { ConsoleSection } from './console.js';
import { table, when } from './html.js';

/** What Security → API tokens uses of an org: its tokens and when they were created. */
export interface TokensOrg {
  /** The org's API tokens: token → the admin role of its owner. */
  readonly tokens: ReadonlyMap<string, AdminRole>;
  /** When the org's tokens were created (the world's start). */
  readonly tokensCreated: Date;
}

const ROLE_NAMES: Readonly<Record<AdminRole, string>> = {
  SUPER_ADMIN: 'Super Administrator',
  ORG_ADMIN: 'Organization Administrator',
  READ_ONLY_ADMIN: 'Read-only Administrator',
};

/** How many of a token's last characters the list shows. */
const SHOWN = 4;

/** A token as the list shows it: never its value, only its last characters. */
export function maskedToken(token: string): string {
  return `••••••••${token.slice(-SHOWN)}`;
}

/**
 * Security → API tokens. Okta shows a token's value once, when it is created, and afterwards only
 * its name, owner role and dates; fedsim's tokens were created with the world (`fedsim serve`
 * prints them), so the list shows each one's last characters to tell them apart, never the value.
 */
export function apiTokensSection(org: TokensOrg): ConsoleSection {
  return {
    path: '/api-tokens',
    label: 'API',
    group: 'Security',
    routes(router, view) {
      router.get('/', (req, res) => {
        const rows = [...org.tokens].map(([token, role], i) => [
          escapeHtml(`fedsim token ${i + 1}`),
          escapeHtml(ROLE_NAMES[role]),
          when(org.tokensCreated),
          `<code>${escapeHtml(maskedToken(token))}</code>`,
        ]);
        const intro =
          '<p class="muted">A token acts with its owner\'s admin role: send it as <code>Authorization: SSWS {token}</code>. ' +
          "Okta shows a token's value only once, when it is created; <code>fedsim serve</code> printed these.</p>";
        view.send(req, res, {
          title: 'API tokens',
          body: intro + table('API tokens', ['Token name', 'Role', 'Created', 'Token value'], rows),
        });
      });
    },
  };
}
