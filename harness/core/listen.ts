import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** A wildcard address listens everywhere, this machine's loopback included: the parties' URLs use that. */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** Starts an express app on a loopback listener (port 0 = ephemeral). */
export function listen(app: Express, port = 0, host = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port: actual } = server.address() as AddressInfo;
      // Keep-alive sockets would hold close() open; parties close between scenarios.
      server.keepAliveTimeout = 5000;
      resolve({
        url: `http://${WILDCARDS.has(host) ? '127.0.0.1' : host}:${actual}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
