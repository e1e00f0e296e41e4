import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { parse } from 'node-html-parser';
import { firstLine } from '../first-line.js';

/** The built CLI, as a user runs it (test/global-setup.ts keeps dist/ current). */
const CLI = 'dist/harness/bundle/fedsim.js';

/** What `fedsim serve --json` prints. */
export interface ServeFacts {
  org1: { url: string; apiToken: string; org2orgAppId: string; metadataUrl: string; tasksUrl: string };
  org2: {
    url: string;
    apiToken: string;
    idpId: string;
    acsUrl: string;
    spMetadataUrl: string;
    dropboxAppId: string;
    dropboxMetadataUrl: string;
  };
  dropbox: { url: string; metadataUrl: string; scimUrl: string; scimToken: string };
  users: { login: string; password: string }[];
  admins: { org: 'org1' | 'org2' | 'dropbox'; login: string; password: string; url: string }[];
}

export interface Served {
  facts: ServeFacts;
  stderr: () => string;
  stop(): Promise<void>;
}

/** Starts `fedsim serve --json …args` and waits for its startup line. */
export async function startServe(...args: string[]): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const line = await firstLine(child, 'fedsim serve');
  return {
    facts: JSON.parse(line),
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** `name=value` of each Set-Cookie. */
  cookies: Record<string, string>;
}

/**
 * One HTTP exchange with any headers (Host and Origin included, which fetch would not send as
 * given); `form` is sent urlencoded, `json` as JSON.
 */
export function send(
  method: string,
  url: string,
  options: { headers?: Record<string, string>; form?: Record<string, string>; json?: unknown } = {},
): Promise<Answer> {
  const body =
    options.form !== undefined
      ? new URLSearchParams(options.form).toString()
      : options.json !== undefined
        ? JSON.stringify(options.json)
        : undefined;
  const headers: Record<string, string> = { ...options.headers };
  if (options.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const cookies: Record<string, string> = {};
        for (const c of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = c.split(';');
          const [name = '', value = ''] = pair.split('=');
          cookies[name] = value;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, cookies });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The fedsim error code a page carries in its meta tag. */
export function pageCode(answer: Answer): string | undefined {
  return parse(answer.text).querySelector('meta[name="fedsim-error-code"]')?.getAttribute('content');
}

/** The first form of a page: its action and its fields (a SAML auto-post form). */
export function formOf(answer: Answer): { action: string; fields: Record<string, string> } {
  const form = parse(answer.text).querySelector('form');
  if (!form) throw new Error(`no form in ${answer.status} page`);
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name) fields[name] = input.getAttribute('value') ?? '';
  }
  return { action: form.getAttribute('action') ?? '', fields };
}

/** The href of the first link whose path contains `part`. */
export function linkTo(answer: Answer, part: string): string {
  const href = parse(answer.text)
    .querySelectorAll('a')
    .map((a) => a.getAttribute('href') ?? '')
    .find((h) => h.includes(part));
  if (!href) throw new Error(`no link to ${part}`);
  return href;
}
