// Behind an HTTP proxy the bundled action reaches GitHub through it: undici, which the bundle
// loads only on first use from a file of its own (scripts/lazy-undici.cjs), builds the
// ProxyAgent and fetches through the tunnel.
import { createServer, connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  actionSuite,
  github,
  HEAD_SHA,
  localInputs,
  pullRequestEvent,
  resetToOpenVault,
  runBundled,
  signedInEnv,
} from './scenario.js';

actionSuite({ beforeEachTest: resetToOpenVault });

/** A name only the proxy knows: loopback addresses bypass the proxy (@actions/http-client). */
const GITHUB_HOST = 'github.proxied.test';

let proxy: ReturnType<typeof createServer>;
let proxyUrl: string;
let tunnels: string[];

/** Answers CONNECT by tunnelling GITHUB_HOST:port to 127.0.0.1:port; refuses anything else. */
beforeEach(async () => {
  tunnels = [];
  const open = new Set<Socket>();
  proxy = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.once('data', (head) => {
      const match = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.1\r\n/.exec(head.toString('latin1'));
      if (!match || match[1] !== GITHUB_HOST) {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      tunnels.push(`${match[1]}:${match[2]}`);
      const upstream = connect(Number(match[2]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  proxy.on('close', () => open.forEach((socket) => socket.destroy()));
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

describe('the Action behind an HTTP proxy', () => {
  it('plans and comments with every GitHub call tunnelled through the proxy', async () => {
    const run = await runBundled({
      ...pullRequestEvent(),
      inputs: localInputs(),
      env: signedInEnv({
        GITHUB_SHA: HEAD_SHA,
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_API_URL: github.url.replace('127.0.0.1', GITHUB_HOST),
        http_proxy: proxyUrl,
        // The local ARM endpoint is reached directly.
        NO_PROXY: '127.0.0.1',
      }),
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs.outcome).toBe('changes');
    expect(github.commentsOn(7)).toHaveLength(1);
    const port = new URL(github.url).port;
    expect(tunnels.length).toBeGreaterThan(0);
    expect(new Set(tunnels)).toEqual(new Set([`${GITHUB_HOST}:${port}`]));
  });
});
