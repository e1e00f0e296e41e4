import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loopbackTransport } from '../../harness/core/http.js';

/**
 * A raw HTTP/1.1 server whose connection `resetOn` (1-based, per connection) is destroyed when
 * that request arrives, unanswered: the race of a kept-alive socket the server closes as a client
 * reuses it, made deterministic.
 */
function server(resetOn: (connection: number, request: number) => boolean) {
  const sockets: Socket[] = [];
  const srv: Server = createServer((socket) => {
    const connection = sockets.push(socket);
    let request = 0;
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
        request += 1;
        if (resetOn(connection, request)) {
          socket.resetAndDestroy();
          return;
        }
        socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nc${connection}`);
      }
    });
  });
  return new Promise<{ url: string; connections: () => number; close: () => Promise<void> }>((resolve) =>
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/`,
        connections: () => sockets.length,
        close: () => {
          for (const s of sockets) s.destroy();
          return new Promise((done) => srv.close(() => done()));
        },
      });
    }),
  );
}

describe('loopback transport: a kept-alive socket the server dropped', () => {
  const open: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });

  it('sends the request again on a new connection when the reused socket is reset before an answer', async () => {
    const s = await server((connection, request) => connection === 1 && request === 2);
    const fetch = loopbackTransport();
    open.push(s, fetch);
    expect(await (await fetch(s.url)).text()).toBe('c1');
    const again = await fetch(s.url, { method: 'POST', body: 'a=1' });
    expect(await again.text()).toBe('c2');
    expect(s.connections()).toBe(2);
  });

  it('fails as fetch does when a new connection is reset (nothing was reused)', async () => {
    const s = await server((_connection, request) => request === 1);
    const fetch = loopbackTransport();
    open.push(s, fetch);
    await expect(fetch(s.url)).rejects.toThrow('fetch failed');
    expect(s.connections()).toBe(1);
  });

  it('sends again only once: a second reset fails the call', async () => {
    const s = await server((connection, request) => (connection === 1 && request === 2) || connection === 2);
    const fetch = loopbackTransport();
    open.push(s, fetch);
    await fetch(s.url);
    await expect(fetch(s.url)).rejects.toThrow('fetch failed');
    expect(s.connections()).toBe(2);
  });
});
