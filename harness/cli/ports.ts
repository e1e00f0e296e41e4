/** `fedsim serve --port N` puts its parties on consecutive ports, in this order. */
export const SERVE_PARTIES = ['org1', 'org2', 'dropbox'] as const;

/** The highest first port that leaves room for every party. */
export const MAX_SERVE_PORT = 65535 - (SERVE_PARTIES.length - 1);

/** N, N+1, N+2; port 0 lets the system pick a free port for each. */
export function servePorts(first: number): [number, number, number] {
  return first ? [first, first + 1, first + 2] : [0, 0, 0];
}
