// Reads the local endpoint's request log (GET /_emulator/requests): ARM requests by operation,
// reads and writes, writes per second per subscription, and whether writes in one VNet ever
// overlapped.

export interface LoggedRequest {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly status: number | null;
  readonly errorCode?: string;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly connection: number;
}

/** Distinct client connections that carried these requests: one TLS handshake each. */
export const connectionsOf = (requests: readonly LoggedRequest[]) =>
  new Set(requests.map((request) => request.connection)).size;

const WRITE_METHODS = new Set(['PUT', 'PATCH', 'POST', 'DELETE']);
export const isWrite = (request: LoggedRequest) => WRITE_METHODS.has(request.method.toUpperCase());

/**
 * "GET KeyVault/vaults", "GET KeyVault/vaults (list)", "PUT Network/virtualNetworks/subnets",
 * "GET Network/locations/operations"…: the method and the resource type chain of the path,
 * without names; "(list)" when the path ends on a collection.
 */
export function operationOf(request: LoggedRequest): string {
  const segments = request.path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  const providers = segments.findIndex((segment) => segment.toLowerCase() === 'providers');
  if (providers < 0) return `${request.method} ${segments.filter((_, i) => i % 2 === 0).join('/')}`;
  const namespace = (segments[providers + 1] ?? '').replace(/^Microsoft\./i, '');
  const rest = segments.slice(providers + 2);
  const types = rest.filter((_, i) => i % 2 === 0);
  const list = rest.length % 2 === 1;
  return `${request.method} ${namespace}/${types.join('/')}${list ? ' (list)' : ''}`;
}

export function subscriptionOf(path: string): string {
  return /\/subscriptions\/([^/]+)/i.exec(path)?.[1]?.toLowerCase() ?? '(none)';
}

export function countByOperation(requests: readonly LoggedRequest[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const operation = operationOf(request);
    counts.set(operation, (counts.get(operation) ?? 0) + 1);
  }
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** The most requests that started within any window of `windowMs` (sliding, half-open). */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Per subscription: the most writes that started within any one second. */
export function writesPerSecondBySubscription(
  requests: readonly LoggedRequest[],
): Record<string, number> {
  const bySubscription = new Map<string, number[]>();
  for (const request of requests.filter(isWrite)) {
    const subscription = subscriptionOf(request.path);
    bySubscription.set(subscription, [
      ...(bySubscription.get(subscription) ?? []),
      Date.parse(request.startedAt),
    ]);
  }
  return Object.fromEntries(
    [...bySubscription.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([subscription, times]) => [subscription, maxInWindow(times)]),
  );
}

export interface VnetSerialisation {
  /** Writes that take a VNet's lock: subnet PUT, private endpoint PUT/DELETE, zone group PUT. */
  readonly vnetWrites: number;
  /** Pairs of such writes in one VNet whose requests overlapped in time. */
  readonly overlappingPairs: number;
  /** 409 AnotherOperationInProgress answers (the endpoint holds the lock for the whole LRO). */
  readonly anotherOperationInProgress: number;
}

/**
 * `endpointVnet` maps a private endpoint id (lower case) to its VNet id, for zone-group writes
 * whose path does not name the VNet; endpoint PUT bodies name their subnet themselves.
 */
export function vnetSerialisation(
  requests: readonly LoggedRequest[],
  endpointVnet: ReadonlyMap<string, string>,
): VnetSerialisation {
  const byVnet = new Map<string, { start: number; end: number }[]>();
  let vnetWrites = 0;
  for (const request of requests.filter(isWrite)) {
    const path = request.path.split('?')[0] ?? '';
    let vnet: string | undefined;
    const subnet = /^(.*\/virtualnetworks\/[^/]+)\/subnets\/[^/]+$/i.exec(path);
    const endpoint = /^(.*\/privateendpoints\/[^/]+)(\/privatednszonegroups\/[^/]+)?$/i.exec(path);
    if (subnet) vnet = subnet[1];
    else if (endpoint) {
      const bodySubnet = (request.body as { properties?: { subnet?: { id?: string } } } | null)
        ?.properties?.subnet?.id;
      vnet = bodySubnet
        ? bodySubnet.replace(/\/subnets\/[^/]+$/i, '')
        : endpointVnet.get((endpoint[1] ?? '').toLowerCase());
    }
    if (!vnet) continue;
    vnetWrites += 1;
    const key = vnet.toLowerCase();
    byVnet.set(key, [
      ...(byVnet.get(key) ?? []),
      { start: Date.parse(request.startedAt), end: Date.parse(request.endedAt) },
    ]);
  }
  let overlappingPairs = 0;
  for (const intervals of byVnet.values()) {
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 0; i < intervals.length; i += 1) {
      for (let j = i + 1; j < intervals.length; j += 1) {
        if ((intervals[j] as { start: number }).start >= (intervals[i] as { end: number }).end)
          break;
        overlappingPairs += 1;
      }
    }
  }
  return {
    vnetWrites,
    overlappingPairs,
    anotherOperationInProgress: requests.filter(
      (request) => request.errorCode === 'AnotherOperationInProgress',
    ).length,
  };
}

export function inWindow(
  requests: readonly LoggedRequest[],
  fromMs: number,
  toMs: number,
): LoggedRequest[] {
  return requests.filter((request) => {
    const started = Date.parse(request.startedAt);
    return started >= fromMs && started <= toMs;
  });
}
