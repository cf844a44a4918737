// What a resource handler sees and returns. Handlers are synchronous and pure over the store:
// no sockets, no timers, so the server alone decides about latency, faults and resets.
import type { IncomingHttpHeaders } from 'node:http';
import type { ActivityLog } from './activity-log.js';
import type { LroOverride, LroSettings, OperationTracker } from './lro.js';
import type { EmulatorSettings, ZoneGroupPolicy } from './settings.js';
import type { Store } from './store.js';

export interface ArmRequest {
  readonly method: string;
  /** Decoded URL path, without the query. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body, or undefined when there was none. */
  readonly body: unknown;
  /** `https://host:port` as the client addressed us, for URLs we hand back. */
  readonly baseUrl: string;
  /** Path parameters by the names in the route pattern, as sent (decoded). */
  readonly params: Readonly<Record<string, string>>;
  readonly apiVersion: string;
  /** Consumes a matching `lro` fault for the operation this request starts, if any. */
  readonly takeLroOverride: () => LroOverride | undefined;
  /** Whether the caller holds `action` on `scope` (always, with the role model off). */
  readonly can: (action: string, scope: string) => boolean;
}

export interface ArmResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Services {
  readonly store: Store;
  readonly operations: OperationTracker;
  readonly lroSettings: () => LroSettings;
  /** The emulator's current settings (behaviour switches included). */
  readonly settings: () => EmulatorSettings;
  readonly newId: () => string;
  readonly now: () => Date;
  /** The simulated DINE zone-group policy, when one is set (settings.zoneGroupPolicy). */
  readonly zoneGroupPolicy: () => ZoneGroupPolicy | null;
  /** Management events of the writes seen (activity-log.ts). */
  readonly activityLog: ActivityLog;
}

export type Handler = (request: ArmRequest, services: Services) => ArmResponse;
