// A local stand-in for the runner's ID-token service (ACTIONS_ID_TOKEN_REQUEST_URL): checks the
// request token, answers a JWT-shaped token with GitHub's claims for the requested audience,
// and remembers every token it handed out so tests can look for them in the output.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcRequest {
  readonly audience?: string;
  readonly authorized: boolean;
}

export interface OidcEndpointOptions {
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken: string;
  /** The sub claim, e.g. repo:octo/infra:pull_request. */
  readonly subject: string;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export class OidcEndpoint {
  readonly requests: OidcRequest[] = [];
  readonly issued: string[] = [];
  private server?: Server;
  /** ACTIONS_ID_TOKEN_REQUEST_URL (with its api-version query, as the runner gives it). */
  url = '';

  constructor(private readonly options: OidcEndpointOptions) {}

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const authorized = request.headers.authorization === `Bearer ${this.options.requestToken}`;
      const audience = url.searchParams.get('audience') ?? undefined;
      this.requests.push({ audience, authorized });
      if (!authorized) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: 'unauthorized' }));
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      const token = [
        base64url({ typ: 'JWT', alg: 'RS256', kid: 'test' }),
        base64url({
          iss: 'https://token.actions.githubusercontent.com',
          aud: audience ?? 'https://github.com/octo',
          sub: this.options.subject,
          jti: randomBytes(8).toString('hex'),
          iat: now,
          nbf: now,
          exp: now + 300,
        }),
        randomBytes(64).toString('base64url'),
      ].join('.');
      this.issued.push(token);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ count: 1, value: token }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/_apis/token?api-version=2.0`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
