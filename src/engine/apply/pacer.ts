// Paces writes per subscription, so a large apply stays inside ARM's write budget (a bucket of
// 200 refilled at 10 writes/s per subscription and principal, AZURE-FACTS §5) instead of
// spending it and living on 429s. A token bucket holding one token, refilled at `perSecond`:
// writes to one subscription start at least 1/perSecond apart, so no second sees more than
// `perSecond` of them. Subscriptions do not wait for each other. Reads are not paced.
import { parseResourceId } from '../model/resource-id.js';
import type { VaultNetworkPayload } from '../plan/types.js';
import type { AzureWriter, PrivateEndpointCreate } from '../../ports/azure-writer.js';

/** Below ARM's refill of 10 writes/s, with room for writes by others in the subscription. */
export const DEFAULT_WRITES_PER_SECOND_PER_SUBSCRIPTION = 8;

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export class WritePacer {
  /** Per key: the earliest time the next write may start. */
  private readonly nextStart = new Map<string, number>();
  private readonly intervalMs: number;

  /** `perSecond` 0 (or not finite) turns pacing off. */
  constructor(
    perSecond: number,
    private readonly clock: PacerClock,
  ) {
    if (!(perSecond >= 0)) throw new Error(`writes per second must be ≥ 0, not ${perSecond}`);
    this.intervalMs = perSecond > 0 && Number.isFinite(perSecond) ? 1000 / perSecond : 0;
  }

  /** Resolves when a write under `key` may start; reserves that moment at once. */
  async acquire(key: string): Promise<void> {
    if (this.intervalMs === 0) return;
    const now = this.clock.now();
    const start = Math.max(now, this.nextStart.get(key) ?? now);
    this.nextStart.set(key, start + this.intervalMs);
    if (start > now) await this.clock.sleep(start - now);
  }
}

/** The subscription a write lands in (the resource id's), lower-cased. */
export function subscriptionKey(resourceId: string): string {
  const parsed = parseResourceId(resourceId);
  return parsed.ok ? parsed.id.subscription.toLowerCase() : resourceId.toLowerCase();
}

/**
 * The writer with every write paced by the subscription of the resource it changes (each
 * write method takes that resource's id first). Waiting for the network to settle only reads.
 */
export function pacedWriter(writer: AzureWriter, pacer: WritePacer): AzureWriter {
  const paced =
    <A extends [string, ...unknown[]]>(write: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      await pacer.acquire(subscriptionKey(args[0]));
      return write(...args);
    };
  return {
    patchVaultNetwork: paced((id: string, network: VaultNetworkPayload) =>
      writer.patchVaultNetwork(id, network),
    ),
    addSubnetServiceEndpoint: paced((id: string, service: string) =>
      writer.addSubnetServiceEndpoint(id, service),
    ),
    waitUntilNetworkSettled: (subnetId) => writer.waitUntilNetworkSettled(subnetId),
    createPrivateEndpoint: paced((id: string, endpoint: PrivateEndpointCreate) =>
      writer.createPrivateEndpoint(id, endpoint),
    ),
    deletePrivateEndpoint: paced((id: string) => writer.deletePrivateEndpoint(id)),
    createDnsZone: paced((id: string) => writer.createDnsZone(id)),
    createVirtualNetworkLink: paced((id: string, virtualNetworkId: string) =>
      writer.createVirtualNetworkLink(id, virtualNetworkId),
    ),
    redriveDnsZone: paced((id: string) => writer.redriveDnsZone(id)),
    redriveVirtualNetworkLink: paced((id: string) => writer.redriveVirtualNetworkLink(id)),
    putZoneGroup: paced((id: string, zoneIds: readonly string[]) =>
      writer.putZoneGroup(id, zoneIds),
    ),
    setConnectionStatus: paced(
      (id: string, name: string, status: 'Approved' | 'Rejected', description: string) =>
        writer.setConnectionStatus(id, name, status, description),
    ),
  };
}
