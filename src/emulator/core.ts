// The request pipeline, independent of TLS and sockets' lifecycle: admin API or ARM; for ARM:
// latency, authentication, injected faults, routing, api-version check, the handler, ARM
// headers, and one log entry per request. Everything a test can observe passes through here.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityLog, recordWrite } from './activity-log.js';
import { handleAdmin } from './admin.js';
import {
  actionOf,
  authorizationFailed,
  linkedAuthorizationFailed,
  linkedAuthorizations,
  principalOf,
} from './authorization.js';
import { armHeaders, RateLimitMeter } from './arm-headers.js';
import { checkApiVersion } from './api-versions.js';
import type { ArmResponse, Services } from './context.js';
import { ArmError, invalidRequestContent } from './errors.js';
import { describeEffect, FaultBook, lroOverrideOf, type Fault } from './faults.js';
import { OperationTracker } from './lro.js';
import { pageOf } from './paging.js';
import { RequestLog } from './request-log.js';
import { pathSegments, type Router } from './router.js';
import { createRouter } from './routes.js';
import { DEFAULT_SETTINGS, mergeSettings, type EmulatorSettings } from './settings.js';
import { exportState, loadState } from './state.js';
import { Store } from './store.js';

const API_VERSION_CODES = new Set([
  'MissingApiVersionParameter',
  'InvalidApiVersionParameter',
  'NoRegisteredProviderFound',
]);

const MAX_BODY_BYTES = 8 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const all: Record<string, string> = { ...headers };
  if (text !== undefined) {
    all['Content-Type'] = 'application/json; charset=utf-8';
    all['Content-Length'] = String(Buffer.byteLength(text));
  } else all['Content-Length'] = '0';
  response.writeHead(status, all);
  response.end(text);
}

/** The subnets already in a vault's firewall (for the linked check of a vault write). */
function existingVnetRules(store: Store, path: string): string[] {
  const vault = store.get(path);
  if (!vault || vault.type.toLowerCase() !== 'microsoft.keyvault/vaults') return [];
  const acls = (vault.body.properties as { networkAcls?: { virtualNetworkRules?: unknown } })
    ?.networkAcls?.virtualNetworkRules;
  return (Array.isArray(acls) ? acls : []).flatMap((rule) => {
    const id = (rule as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

export class EmulatorCore {
  readonly store = new Store();
  readonly log = new RequestLog();
  readonly faults = new FaultBook();
  readonly operations: OperationTracker;
  readonly activityLog = new ActivityLog();
  private readonly meter = new RateLimitMeter();
  private readonly router: Router = createRouter();
  private baseline: unknown[];
  settings: EmulatorSettings;
  readonly services: Services;

  /** Settings as a caller writes them (validated and defaulted by mergeSettings). */
  constructor(
    initialState: unknown[],
    settings: Partial<Record<keyof EmulatorSettings, unknown>> = {},
  ) {
    this.settings = mergeSettings(DEFAULT_SETTINGS, settings);
    const now = () => new Date();
    this.operations = new OperationTracker(
      () => ({
        inProgressPolls: this.settings.lroInProgressPolls,
        settleAfterMs: this.settings.lroSettleAfterMs,
        retryAfterSeconds: this.settings.retryAfterSeconds,
      }),
      () => randomUUID(),
      now,
    );
    this.services = {
      store: this.store,
      operations: this.operations,
      lroSettings: () => ({
        inProgressPolls: this.settings.lroInProgressPolls,
        settleAfterMs: this.settings.lroSettleAfterMs,
        retryAfterSeconds: this.settings.retryAfterSeconds,
      }),
      settings: () => this.settings,
      newId: () => randomUUID(),
      now,
      zoneGroupPolicy: () => this.settings.zoneGroupPolicy,
      activityLog: this.activityLog,
    };
    this.baseline = structuredClone(initialState);
    loadState(this.store, this.baseline);
  }

  /** Every subscription's ARM buckets full again. */
  clearQuota(): void {
    this.meter.clear();
  }

  /** Back to the baseline state (or a new one), with no faults, operations or log. */
  reset(state?: unknown[]): void {
    const next = state === undefined ? this.baseline : structuredClone(state);
    const scratch = new Store();
    loadState(scratch, next); // validate before touching the live store
    this.baseline = next;
    this.store.clear();
    loadState(this.store, this.baseline);
    this.operations.clear();
    this.faults.clear();
    this.log.clear();
    this.activityLog.clear();
    this.meter.clear();
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = new Date();
    let raw: Buffer;
    try {
      raw = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        send(
          response,
          413,
          {},
          new ArmError(413, 'RequestEntityTooLarge', 'The request body is too large.').toBody(),
        );
      else request.socket.destroy();
      return;
    }
    const host = request.headers.host ?? '127.0.0.1';
    const url = new URL(request.url ?? '/', `https://${host}`);
    if (
      url.pathname.toLowerCase().startsWith('/_emulator/') ||
      url.pathname.toLowerCase() === '/_emulator'
    ) {
      const answer = handleAdmin(this, request.method ?? 'GET', url, raw);
      send(response, answer.status, {}, answer.body);
      return;
    }
    await this.handleArm(request, response, url, raw, startedAt);
  }

  private readonly connections = new WeakMap<object, number>();
  private connectionCount = 0;

  private connectionOf(socket: object): number {
    let number = this.connections.get(socket);
    if (number === undefined) {
      number = this.connectionCount += 1;
      this.connections.set(socket, number);
    }
    return number;
  }

  private async handleArm(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    raw: Buffer,
    startedAt: Date,
  ): Promise<void> {
    const method = (request.method ?? 'GET').toUpperCase();
    const requestId = randomUUID();
    const apiVersion = url.searchParams.get('api-version');
    let body: unknown;
    let bodyError = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        bodyError = true;
      }
    }
    let injected: Fault | undefined;
    const finish = (status: number | null, errorCode?: string) => {
      const endedAt = new Date();
      this.log.add({
        method,
        path: url.pathname,
        query: url.search,
        apiVersion,
        body: bodyError ? raw.toString('utf8') : (body ?? null),
        status,
        ...(errorCode ? { errorCode } : {}),
        requestId,
        connection: this.connectionOf(request.socket),
        startedAt: startedAt.toISOString(),
        endedAt: endedAt.toISOString(),
        durationMs: endedAt.getTime() - startedAt.getTime(),
        ...(injected
          ? { injected: { faultId: injected.id, effect: describeEffect(injected.effect) } }
          : {}),
      });
    };

    const latency =
      this.settings.latencyMs + Math.round(Math.random() * this.settings.latencyJitterMs);
    if (latency > 0) await sleep(latency);

    const segments = pathSegments(url.pathname);
    const subscription = segments?.[0]?.toLowerCase() === 'subscriptions' ? segments[1] : undefined;
    const quota = subscription
      ? this.meter.spend(
          subscription,
          method,
          Date.now(),
          this.settings.armThrottling === 'enforced',
        )
      : undefined;
    const headers = armHeaders(request.headers, requestId, quota);
    const fail = (error: ArmError) => {
      send(response, error.status, { ...headers, ...error.headers }, error.toBody());
      finish(error.status, error.code);
    };

    // ARM authenticates before anything else.
    const authorization = request.headers.authorization;
    if (typeof authorization !== 'string' || authorization === '') {
      return fail(
        new ArmError(
          401,
          'AuthenticationFailed',
          "Authentication failed. The 'Authorization' header is missing.",
          {
            'WWW-Authenticate':
              'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
          },
        ),
      );
    }
    if (!/^Bearer\s+\S+/i.test(authorization)) {
      return fail(
        new ArmError(
          401,
          'AuthenticationFailed',
          "Authentication failed. The 'Authorization' header is provided in an invalid format.",
        ),
      );
    }

    // ARM's bucket for this subscription is empty: refused before any provider sees it.
    if (quota?.retryAfterSeconds !== undefined)
      return fail(
        new ArmError(
          429,
          'SubscriptionRequestsThrottled',
          `Number of '${quota.kind === 'reads' ? 'read' : quota.kind === 'deletes' ? 'delete' : 'write'}' requests for subscription '${subscription ?? ''}' exceeded the limit. Please try again after '${quota.retryAfterSeconds}' seconds.`,
          { 'Retry-After': String(quota.retryAfterSeconds) },
        ),
      );

    injected = this.faults.take(method, url.pathname, ['status', 'reset', 'delay']);
    if (injected?.effect.type === 'delay') await sleep(injected.effect.ms);
    if (injected?.effect.type === 'reset' && injected.effect.when === 'before') {
      request.socket.destroy();
      return finish(null);
    }
    if (injected?.effect.type === 'status') {
      const effect = injected.effect;
      const extra: Record<string, string> =
        effect.retryAfter === undefined ? {} : { 'Retry-After': String(effect.retryAfter) };
      const code =
        effect.code ??
        (effect.status === 429
          ? 'SubscriptionRequestsThrottled'
          : effect.status >= 500
            ? 'InternalServerError'
            : 'Conflict');
      const message =
        effect.message ??
        (effect.status === 429
          ? `The request for subscription '${subscription ?? ''}' could not be processed due to an excessive volume of traffic. Please retry after some time.`
          : `Injected fault ${injected.id}.`);
      return fail(new ArmError(effect.status, code, message, extra));
    }

    if (!segments)
      return fail(new ArmError(400, 'InvalidRequestUri', 'The request URI is not valid.'));
    const match = this.router.match(method, segments);
    if (match.kind === 'none') {
      const providerAt = segments.findIndex((s) => s.toLowerCase() === 'providers');
      return fail(
        providerAt >= 0
          ? new ArmError(
              400,
              'InvalidResourceType',
              `The resource type '${segments
                .slice(providerAt + 2)
                .filter((_, i) => i % 2 === 0)
                .join(
                  '/',
                )}' could not be found in the namespace '${segments[providerAt + 1] ?? ''}' for api version '${apiVersion ?? ''}'.`,
            )
          : new ArmError(
              404,
              'NotFound',
              `The request path ${url.pathname} is not served by the kvnet emulator.`,
            ),
      );
    }
    if (match.kind === 'method-not-allowed') {
      return fail(
        new ArmError(
          405,
          'MethodNotAllowed',
          `The requested resource does not support http method '${method}'.`,
          { Allow: match.allowed.join(', ') },
        ),
      );
    }
    // ARM authorizes before the resource provider sees the request (the role model, when on).
    const principal = principalOf(
      this.settings.roleModel,
      authorization.replace(/^Bearer\s+/i, '').trim(),
    );
    const scope = url.pathname.replace(/\/+$/, '');
    const action = actionOf(method, url.pathname);
    if (!principal.can(action, scope)) return fail(authorizationFailed(principal, action, scope));
    const missingLinked = linkedAuthorizations(
      method,
      url.pathname,
      body,
      existingVnetRules(this.store, url.pathname),
    ).filter((linked) => !principal.can(linked.action, linked.scope));
    if (missingLinked.length > 0)
      return fail(linkedAuthorizationFailed(principal, action, scope, missingLinked));
    let answer: ArmResponse;
    const recordIfWrite = (status: number) => {
      if (method === 'PUT' || method === 'PATCH' || method === 'DELETE')
        recordWrite(this.services, {
          method,
          path: url.pathname,
          token: authorization.replace(/^Bearer\s+/i, '').trim(),
          status,
          startedAt,
        });
    };
    try {
      checkApiVersion(match.route.apiType, apiVersion);
      if (bodyError)
        throw invalidRequestContent(
          'The request content was invalid and could not be deserialized.',
        );
      const lroFault = () => {
        const fault = this.faults.take(method, url.pathname, ['lro']);
        if (!fault) return undefined;
        injected = fault;
        return lroOverrideOf(fault.effect);
      };
      this.operations.settleAbandoned();
      answer = match.route.handler(
        {
          method,
          path: url.pathname,
          query: url.searchParams,
          headers: request.headers,
          body,
          baseUrl: `https://${request.headers.host ?? '127.0.0.1'}`,
          params: match.params,
          apiVersion: apiVersion as string,
          takeLroOverride: lroFault,
          can: (wanted, on) => principal.can(wanted, on),
        },
        this.services,
      );
      if (method === 'GET' && answer.status === 200)
        answer = {
          ...answer,
          body: pageOf(answer.body, {
            url,
            baseUrl: `https://${request.headers.host ?? '127.0.0.1'}`,
            apiType: match.route.apiType,
            forcedPageSize: this.settings.pageSize,
          }),
        };
    } catch (error) {
      if (error instanceof ArmError) {
        // ARM refuses a bad api-version before the provider sees the write: nothing is logged.
        if (!API_VERSION_CODES.has(error.code)) recordIfWrite(error.status);
        return fail(error);
      }
      recordIfWrite(500);
      return fail(
        new ArmError(
          500,
          'InternalServerError',
          `The emulator failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
    recordIfWrite(answer.status);
    if (injected?.effect.type === 'reset' && injected.effect.when === 'after') {
      // The write has been applied; the client never hears about it.
      request.socket.destroy();
      return finish(null);
    }
    send(response, answer.status, { ...headers, ...(answer.headers ?? {}) }, answer.body);
    finish(answer.status);
  }

  exportState(): unknown[] {
    return exportState(this.services);
  }
}
