// Long-running operations. A write that ARM runs asynchronously starts an Operation; clients
// poll its Azure-AsyncOperation or Location URL. Progress is driven by polls, not by the clock,
// so tests are deterministic: an operation answers InProgress for `inProgressPolls` polls, then
// ends (Succeeded, or what an injected fault says). An operation nobody polls (any more)
// settles by itself `settleAfterMs` after its last poll, so an abandoned client cannot lock a
// VNet for ever.

export type OperationStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

/** How an injected fault bends one operation (faults.ts). */
export interface LroOverride {
  readonly outcome: 'Succeeded' | 'Failed' | 'Canceled';
  /** InProgress polls before the outcome; the emulator default when omitted. */
  readonly polls?: number;
  readonly code?: string;
  readonly message?: string;
}

/** Which polling URLs an operation gets, as each resource provider spells them. */
export type PollingStyle =
  | { kind: 'network'; subscription: string; location: string }
  | { kind: 'keyvault'; subscription: string; location: string }
  | { kind: 'managedhsm'; subscription: string; location: string }
  | { kind: 'privatedns'; subscription: string; resourceGroup: string };

export interface FinalAnswer {
  status: number;
  body?: unknown;
}

export interface OperationSpec {
  readonly style: PollingStyle;
  readonly apiVersion: string;
  /** Base URL of the request (`https://127.0.0.1:PORT`), so poll URLs point back here. */
  readonly baseUrl: string;
  /** Writes that must not overlap share a key (one VNet for NRP); undefined = no lock. */
  readonly lockKey?: string;
  readonly onSucceeded: () => void;
  readonly onFailed: (status: 'Failed' | 'Canceled') => void;
  /** What the Location URL answers once the operation succeeded (default 204). */
  readonly finalAnswer?: () => FinalAnswer;
  readonly override?: LroOverride;
}

export interface Operation {
  readonly id: string;
  readonly spec: OperationSpec;
  readonly startedAt: Date;
  status: OperationStatus;
  endedAt?: Date;
  polls: number;
  /** When the operation was last polled (its start until then). */
  lastPolledAt: Date;
  remainingPolls: number;
  error?: { code: string; message: string };
}

export interface LroSettings {
  inProgressPolls: number;
  settleAfterMs: number;
  /** Retry-After (seconds) sent on polling answers. */
  retryAfterSeconds: number;
}

export class OperationTracker {
  private readonly running = new Map<string, Operation>();
  private readonly finished = new Map<string, Operation>();

  constructor(
    private readonly settings: () => LroSettings,
    private readonly newId: () => string,
    private readonly now: () => Date,
  ) {}

  start(spec: OperationSpec): Operation {
    const operation: Operation = {
      id: this.newId(),
      spec,
      startedAt: this.now(),
      status: 'InProgress',
      polls: 0,
      lastPolledAt: this.now(),
      remainingPolls: spec.override?.polls ?? this.settings().inProgressPolls,
    };
    this.running.set(operation.id, operation);
    return operation;
  }

  find(id: string): Operation | undefined {
    return this.running.get(id.toLowerCase()) ?? this.finished.get(id.toLowerCase());
  }

  /** One poll: counts down, then ends the operation and applies its effects once. */
  poll(id: string): Operation | undefined {
    const operation = this.find(id);
    if (!operation || operation.status !== 'InProgress') return operation;
    operation.polls += 1;
    operation.lastPolledAt = this.now();
    if (operation.remainingPolls > 0) {
      operation.remainingPolls -= 1;
      return operation;
    }
    this.finish(operation);
    return operation;
  }

  /** The in-flight operation holding `lockKey`, if any. */
  holder(lockKey: string): Operation | undefined {
    this.settleAbandoned();
    for (const operation of this.running.values()) {
      if (operation.spec.lockKey === lockKey) return operation;
    }
    return undefined;
  }

  settleAbandoned(): void {
    if (this.running.size === 0) return;
    const limit = this.settings().settleAfterMs;
    const now = this.now().getTime();
    for (const operation of [...this.running.values()]) {
      // Azure finishes an operation whatever its client does: one whose poller stopped
      // (never polled, or polled and then abandoned) ends once nobody asked for this long.
      if (now - operation.lastPolledAt.getTime() >= limit) this.finish(operation);
    }
  }

  clear(): void {
    this.running.clear();
    this.finished.clear();
  }

  private finish(operation: Operation): void {
    const override = operation.spec.override;
    const outcome = override?.outcome ?? 'Succeeded';
    operation.status = outcome;
    operation.endedAt = this.now();
    this.running.delete(operation.id);
    this.finished.set(operation.id, operation);
    if (this.finished.size > 10_000) {
      const oldest = this.finished.keys().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
    if (outcome === 'Succeeded') {
      operation.spec.onSucceeded();
      return;
    }
    operation.error = {
      code: override?.code ?? (outcome === 'Canceled' ? 'Canceled' : 'InternalServerError'),
      message:
        override?.message ??
        (outcome === 'Canceled'
          ? 'Operation was canceled.'
          : 'An error occurred while processing the operation.'),
    };
    operation.spec.onFailed(outcome);
  }
}

/** The polling URLs of an operation, as the provider would write them. */
export function pollingUrls(operation: Operation): { asyncOperation?: string; location: string } {
  const { style, baseUrl, apiVersion } = operation.spec;
  const query = `?api-version=${apiVersion}`;
  switch (style.kind) {
    case 'network': {
      const root = `${baseUrl}/subscriptions/${style.subscription}/providers/Microsoft.Network/locations/${style.location}`;
      return {
        asyncOperation: `${root}/operations/${operation.id}${query}`,
        location: `${root}/operationResults/${operation.id}${query}`,
      };
    }
    case 'keyvault':
      return {
        location: `${baseUrl}/subscriptions/${style.subscription}/providers/Microsoft.KeyVault/locations/${style.location}/operationResults/${operation.id}${query}`,
      };
    case 'managedhsm':
      return {
        location: `${baseUrl}/subscriptions/${style.subscription}/providers/Microsoft.KeyVault/locations/${style.location}/managedHsmOperationResults/${operation.id}${query}`,
      };
    case 'privatedns': {
      const root = `${baseUrl}/subscriptions/${style.subscription}/resourceGroups/${style.resourceGroup}/providers/Microsoft.Network`;
      return {
        asyncOperation: `${root}/privateDnsOperationStatuses/${operation.id}${query}`,
        location: `${root}/privateDnsOperationResults/${operation.id}${query}`,
      };
    }
  }
}

/** Headers of the answer that starts an operation. */
export function operationHeaders(
  operation: Operation,
  retryAfterSeconds: number,
): Record<string, string> {
  const urls = pollingUrls(operation);
  const headers: Record<string, string> = {
    Location: urls.location,
    'Retry-After': String(retryAfterSeconds),
  };
  if (urls.asyncOperation) headers['Azure-AsyncOperation'] = urls.asyncOperation;
  return headers;
}
