import { FedsimError } from './errors.js';

/** Outbound HTTP is injected; the default refuses anything beyond loopback. */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

export const loopbackFetch: HttpFetch = async (url, init) => {
  if (!isLoopback(url)) {
    throw new FedsimError(
      'HTTP_OUTBOUND_BLOCKED',
      `Refused outbound request to ${url}: fedsim only talks to 127.0.0.1`,
      {
        expected: 'a loopback URL (127.0.0.1)',
        actual: url,
        hint: 'Point every party URL at a harness listener; fedsim never reaches the network.',
      },
    );
  }
  return fetch(url, { ...init, redirect: 'manual' });
};
