import type { Agent, Page } from '../agent/index.js';
import { type ErrorCode, FedsimError, isErrorCode } from '../core/errors.js';
import { ERROR_META } from '../core/html.js';
import type { World } from '../world/world.js';

/** Forms a person confirms on the way (Okta's enrollment, Dropbox's "Join team"). */
const PROMPT_FORM_IDS = new Set(['enroll', 'join']);

function meta(html: string, name: string): string | undefined {
  const m = new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html);
  return m?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Turns a refusal page into the error it shows; returns the page when it is not one. */
export function failIfRefused(page: Page, where: string): Page {
  const code = meta(page.html, ERROR_META);
  if (code) {
    const known: ErrorCode = isErrorCode(code) ? code : 'SCENARIO_STEP_FAILED';
    const detail = (name: string) => {
      const v = meta(page.html, `fedsim-error-${name}`);
      if (v === undefined) return undefined;
      try {
        return /^[[{"]/.test(v) ? JSON.parse(v) : v;
      } catch {
        return v;
      }
    };
    throw new FedsimError(known, meta(page.html, 'fedsim-error-message') ?? page.text.slice(0, 200), {
      expected: detail('expected'),
      actual: detail('actual') ?? `${page.status} at ${page.url}`,
      hint: detail('hint'),
    });
  }
  if (page.status >= 400) {
    throw new FedsimError(
      page.status === 401 ? 'AUTH_INVALID_CREDENTIALS' : 'HTTP_FAILED',
      `${where} answered ${page.status} at ${page.url}: ${page.text.slice(0, 160)}`,
      {
        actual: page.status,
      },
    );
  }
  return page;
}

export async function confirmPrompts(agent: Agent, page: Page, confirm: boolean): Promise<Page> {
  let current = failIfRefused(page, 'page');
  for (let i = 0; i < 5; i++) {
    const prompt = current.forms.find((f) => f.id !== undefined && PROMPT_FORM_IDS.has(f.id));
    if (!prompt || !confirm) return current;
    current = failIfRefused(await agent.submit(current, {}, { formId: prompt.id }), 'prompt');
  }
  return current;
}

export interface LoginInput {
  login: string;
  password: string;
  tiles: string[];
  confirm: boolean;
  start: 'org1' | 'org2' | 'dropbox';
  path?: string;
}

const START_PATHS = { org1: '/app/UserHome', org2: '/app/UserHome', dropbox: '/sso/start' } as const;

/** Ids a scenario cannot know in advance, written as {idpId}, {dropboxKey}, {org2orgKey} in a path. */
function expandPath(world: World, path: string): string {
  return path
    .replaceAll('{idpId}', world.org2.idp.id)
    .replaceAll('{dropboxKey}', world.org2.options.dropbox.key)
    .replaceAll('{org2orgKey}', world.org1.app.key);
}

/**
 * Sarah's journey as a person does it: open the start page (org1's dashboard, or an SP that
 * sends her to org1), sign in when asked, confirm prompts, then click one tile after another.
 */
export async function signInAndClick(world: World, agent: Agent, input: LoginInput): Promise<Page> {
  let page = await agent.goto(
    `${world[input.start].url}${expandPath(world, input.path ?? START_PATHS[input.start])}`,
  );
  if (page.forms.some((f) => f.id === 'sign-in')) {
    page = failIfRefused(page, 'sign-in page');
    page = await agent.submit(
      page,
      { username: input.login, password: input.password },
      { formId: 'sign-in' },
    );
  }
  page = await confirmPrompts(agent, page, input.confirm);
  for (const tile of input.tiles) {
    if (!page.links.some((l) => l.text === tile)) {
      // A dashboard shows a tile for every assigned app: no tile means no assignment.
      throw new FedsimError(
        'APP_NOT_ASSIGNED',
        `No "${tile}" tile on ${page.title} (${page.url}); tiles: ${page.links.map((l) => l.text).join(', ') || 'none'}`,
        {
          expected: tile,
          actual: page.links.map((l) => l.text),
          hint: `Assign ${input.login} to ${tile} first.`,
        },
      );
    }
    page = await confirmPrompts(agent, await agent.clickLink(page, tile), input.confirm);
  }
  return page;
}

/** Which parties this browser holds a live session at, asked the way each party's API answers it. */
export async function whereSignedIn(
  world: World,
  agent: Agent,
): Promise<Record<'org1' | 'org2' | 'dropbox', boolean>> {
  const probes = {
    org1: `${world.org1.url}/api/v1/users/me`,
    org2: `${world.org2.url}/api/v1/users/me`,
    dropbox: `${world.dropbox.url}/2/users/get_current_account`,
  } as const;
  const entries = await Promise.all(
    Object.entries(probes).map(async ([party, url]) => {
      const cookie = Object.entries(agent.cookies(url))
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
      const res = await world.fetch(url, { headers: { cookie } });
      await res.arrayBuffer();
      return [party, res.ok] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<'org1' | 'org2' | 'dropbox', boolean>;
}
