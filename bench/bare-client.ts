// The bare-client floor: the minimal GET set (minimal-reads.ts) issued by a plain node:https
// client — no SDK, the same agent settings as kvnet's one pool (keep-alive, one agent), the
// same trust (the process's NODE_EXTRA_CA_CERTS) — with ARM's concurrency: every request of a
// subscription at once, up to its read bucket (250), pages followed one after another as
// nextLink gives them, each endpoint list followed by its endpoints' zone-group lists. It
// parses each answer only for nextLink and the endpoint ids, and keeps nothing else.
import { Agent, request as httpsRequest } from 'node:https';
import { sharedAgentOptions } from '../src/adapters/azure/clients.js';
import { ARM_READ_BUCKET } from '../src/engine/state/read-budget.js';
import type { MinimalRequest } from './minimal-reads.js';

export interface BareResult {
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly requests: number;
  readonly statuses: Record<string, number>;
}

export async function runBareClient(
  endpoint: string,
  minimal: readonly MinimalRequest[],
  networkApiVersion: string,
): Promise<BareResult> {
  const agent = new Agent(sharedAgentOptions());
  const base = new URL(endpoint);
  const statuses: Record<string, number> = {};
  let count = 0;
  const inFlight = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();

  const get = async (subscription: string, url: URL): Promise<unknown> => {
    while ((inFlight.get(subscription) ?? 0) >= ARM_READ_BUCKET)
      await new Promise<void>((resolve) =>
        waiting.set(subscription, [...(waiting.get(subscription) ?? []), resolve]),
      );
    inFlight.set(subscription, (inFlight.get(subscription) ?? 0) + 1);
    try {
      count += 1;
      const { status, body } = await sendOnce(url).catch((error: unknown) => {
        // The endpoint on two cores drops a connection now and then under thousands at once;
        // the SDK retries those, so the floor does too (and counts them).
        const code = (error as { code?: string }).code ?? 'error';
        statuses[code] = (statuses[code] ?? 0) + 1;
        return sendOnce(url);
      });
      statuses[status] = (statuses[status] ?? 0) + 1;
      return status === 200 ? JSON.parse(body) : undefined;
    } finally {
      inFlight.set(subscription, (inFlight.get(subscription) ?? 1) - 1);
      waiting.get(subscription)?.shift()?.();
    }
  };

  function sendOnce(url: URL): Promise<{ status: number; body: string }> {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpsRequest(
        url,
        {
          method: 'GET',
          agent,
          headers: { authorization: 'Bearer kvnet-bench-bare', accept: 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  const urlOf = (path: string, apiVersion: string) => {
    const url = new URL(path, base);
    url.searchParams.set('api-version', apiVersion);
    return url;
  };

  const one = async (entry: MinimalRequest): Promise<void> => {
    let next: URL | undefined = urlOf(entry.path, entry.apiVersion);
    const followUps: Promise<unknown>[] = [];
    while (next) {
      const page = (await get(entry.subscription, next)) as
        { value?: { id?: string }[]; nextLink?: string } | undefined;
      if (entry.zoneGroupsOf)
        for (const item of page?.value ?? [])
          if (item.id)
            followUps.push(
              get(entry.subscription, urlOf(`${item.id}/privateDnsZoneGroups`, networkApiVersion)),
            );
      next = entry.list && page?.nextLink ? new URL(page.nextLink) : undefined;
    }
    await Promise.all(followUps);
  };

  const startedAtMs = Date.now();
  await Promise.all(minimal.map(one));
  const endedAtMs = Date.now();
  agent.destroy();
  return { startedAtMs, endedAtMs, requests: count, statuses };
}
