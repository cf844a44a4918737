// The Azure Activity Log (management events) for the writes the emulator saw: every PUT,
// PATCH and DELETE ARM routed records a `Started` event and then `Succeeded` or `Failed`
// (same correlation id), with the caller, the operation and the resource. Served as
// `GET /subscriptions/{id}/providers/Microsoft.Insights/eventtypes/management/values`
// (api-version 2015-04-01) with Azure's `$filter` grammar: `eventTimestamp ge '…'` is
// required, `eventTimestamp le '…'` optional (default now), and at most one of `resourceUri`,
// `resourceGroupName`, `resourceProvider`, `correlationId` `eq '…'`; `$select` picks fields;
// events are kept 90 days and listed newest first, paged with `nextLink`. Sources in
// docs/emulator.md ("Activity log").
import { ArmError } from './errors.js';
import { objectIdOf } from './authorization.js';
import type { ArmRequest, ArmResponse, Services } from './context.js';
import { parseResourceId, resourceTypeOf } from './ids.js';

export const RETENTION_DAYS = 90;

export interface ActivityEventRecord {
  readonly eventDataId: string;
  readonly correlationId: string;
  readonly caller: string;
  readonly claims: Readonly<Record<string, string>>;
  readonly eventTimestamp: Date;
  readonly operationName: string;
  readonly status: 'Started' | 'Accepted' | 'Succeeded' | 'Failed';
  readonly httpStatus?: number;
  readonly method: string;
  readonly resourceId: string;
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly resourceProvider: string;
  readonly resourceType: string;
}

export class ActivityLog {
  private events: ActivityEventRecord[] = [];

  add(event: ActivityEventRecord): void {
    this.events.push(event);
  }

  all(): readonly ActivityEventRecord[] {
    return this.events;
  }

  clear(): void {
    this.events = [];
  }
}

function base64UrlJson(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who the activity log names for a bearer token: a caller the settings set for it, else the
 * token's claims as Azure reads them (a user's `upn`/`unique_name`, an application's `appid`,
 * else `oid`), else a stable stand-in object id (as ARM names an unknown principal).
 */
export function callerOf(
  token: string,
  callers: Readonly<Record<string, string>>,
): { caller: string; claims: Record<string, string> } {
  const claims: Record<string, string> = {};
  const parts = token.split('.');
  const payload = parts.length === 3 ? base64UrlJson(parts[1] ?? '') : undefined;
  for (const [name, value] of Object.entries(payload ?? {}))
    if (typeof value === 'string') claims[name] = value;
  const fromClaims =
    claims.upn ?? claims.unique_name ?? claims.email ?? claims.appid ?? claims.azp ?? claims.oid;
  return { caller: callers[token] ?? fromClaims ?? objectIdOf(token), claims };
}

/** Records one routed write and its outcome. */
export function recordWrite(
  services: Services,
  input: {
    readonly method: string;
    readonly path: string;
    readonly token: string;
    readonly status: number;
    readonly startedAt: Date;
  },
): void {
  const parsed = parseResourceId(input.path);
  if (!parsed || parsed.types.length === 0) return;
  const type = resourceTypeOf(parsed);
  const stored = services.store.get(input.path);
  const resourceId = stored?.id ?? input.path.replace(/\/+$/, '');
  const verb = input.method === 'DELETE' ? 'delete' : 'write';
  const { caller, claims } = callerOf(input.token, services.settings().activityLogCallers);
  const correlationId = services.newId();
  const common = {
    correlationId,
    caller,
    claims,
    operationName: `${type}/${verb}`,
    method: input.method,
    resourceId,
    subscriptionId: parsed.subscription,
    resourceGroupName: parsed.resourceGroup ?? '',
    resourceProvider: parsed.namespace ?? '',
    resourceType: type,
  };
  const log = services.activityLog;
  log.add({
    ...common,
    eventDataId: services.newId(),
    eventTimestamp: input.startedAt,
    status: 'Started',
  });
  log.add({
    ...common,
    eventDataId: services.newId(),
    eventTimestamp: services.now(),
    status: input.status >= 400 ? 'Failed' : input.status === 202 ? 'Accepted' : 'Succeeded',
    httpStatus: input.status,
  });
}

interface Filter {
  from: Date;
  to: Date;
  field?: 'resourceUri' | 'resourceGroupName' | 'resourceProvider' | 'correlationId';
  value?: string;
}

function invalidFilter(detail: string): ArmError {
  return new ArmError(
    400,
    'BadRequest',
    `The $filter query parameter value is invalid: ${detail}. It must include eventTimestamp ge '<start>' and may add eventTimestamp le '<end>' and one of resourceUri, resourceGroupName, resourceProvider or correlationId eq '<value>', joined by 'and'.`,
  );
}

function parseFilter(text: string | null, now: Date): Filter {
  if (text === null || text.trim() === '') throw invalidFilter('$filter is required');
  let from: Date | undefined;
  let to: Date | undefined;
  let field: Filter['field'];
  let value: string | undefined;
  for (const clause of text.trim().split(/\s+and\s+/i)) {
    const match = /^(\w+)\s+(eq|ge|le)\s+'([^']*)'$/i.exec(clause.trim());
    if (!match) throw invalidFilter(`cannot read the clause "${clause.trim()}"`);
    const [, name = '', operator = '', literal = ''] = match;
    const lowerName = name.toLowerCase();
    const op = operator.toLowerCase();
    if (lowerName === 'eventtimestamp' && (op === 'ge' || op === 'le')) {
      const at = new Date(literal);
      if (Number.isNaN(at.getTime())) throw invalidFilter(`"${literal}" is not a date and time`);
      if (op === 'ge') from = at;
      else to = at;
      continue;
    }
    const known = (
      ['resourceUri', 'resourceGroupName', 'resourceProvider', 'correlationId'] as const
    ).find((candidate) => candidate.toLowerCase() === lowerName);
    if (known && op === 'eq') {
      if (field)
        throw invalidFilter(
          'only one of resourceUri, resourceGroupName, resourceProvider, correlationId may be given',
        );
      field = known;
      value = literal;
      continue;
    }
    throw invalidFilter(`"${name} ${operator}" is not supported`);
  }
  if (!from) throw invalidFilter('the start time (eventTimestamp ge) is required');
  return { from, to: to ?? now, field, value };
}

function localized(value: string) {
  return { value, localizedValue: value };
}

function eventJson(event: ActivityEventRecord, tenantId: string): Record<string, unknown> {
  const ticks = event.eventTimestamp.getTime() * 10_000 + 621_355_968_000_000_000;
  const verb = event.operationName.split('/').at(-1) ?? 'write';
  return {
    authorization: { action: event.operationName, scope: event.resourceId },
    caller: event.caller,
    channels: 'Operation',
    claims: event.claims,
    correlationId: event.correlationId,
    description: '',
    eventDataId: event.eventDataId,
    eventName: localized(event.status === 'Started' ? 'BeginRequest' : 'EndRequest'),
    category: localized('Administrative'),
    httpRequest: {
      clientRequestId: event.correlationId,
      clientIpAddress: '127.0.0.1',
      method: event.method,
    },
    id: `${event.resourceId}/events/${event.eventDataId}/ticks/${ticks}`,
    level: event.status === 'Failed' ? 'Error' : 'Informational',
    resourceGroupName: event.resourceGroupName,
    resourceProviderName: localized(event.resourceProvider),
    resourceId: event.resourceId,
    resourceType: localized(event.resourceType),
    operationId: event.correlationId,
    operationName: {
      value: event.operationName,
      localizedValue: `${verb === 'delete' ? 'Delete' : 'Create or update'} ${event.resourceType}`,
    },
    properties: event.httpStatus === undefined ? {} : { statusCode: String(event.httpStatus) },
    status: localized(event.status),
    subStatus: localized(
      event.httpStatus === undefined
        ? ''
        : event.httpStatus === 201
          ? 'Created'
          : event.httpStatus === 202
            ? 'Accepted'
            : event.httpStatus < 400
              ? 'OK'
              : String(event.httpStatus),
    ),
    eventTimestamp: event.eventTimestamp.toISOString(),
    submissionTimestamp: event.eventTimestamp.toISOString(),
    subscriptionId: event.subscriptionId,
    tenantId,
  };
}

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** GET …/providers/Microsoft.Insights/eventtypes/management/values */
export function listEvents(request: ArmRequest, services: Services): ArmResponse {
  const now = services.now();
  const filter = parseFilter(request.query.get('$filter'), now);
  const subscription = (request.params.subscriptionId ?? '').toLowerCase();
  const oldest = now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000;
  const visibleUntil = now.getTime() - services.settings().activityLogDelayMs;
  const wanted = filter.value?.toLowerCase().replace(/\/+$/, '');
  const selected = services.activityLog
    .all()
    .filter((event) => {
      const at = event.eventTimestamp.getTime();
      if (event.subscriptionId.toLowerCase() !== subscription) return false;
      if (at < oldest || at > visibleUntil) return false;
      if (at < filter.from.getTime() || at > filter.to.getTime()) return false;
      switch (filter.field) {
        case 'resourceUri':
          return event.resourceId.toLowerCase() === wanted;
        case 'resourceGroupName':
          return event.resourceGroupName.toLowerCase() === wanted;
        case 'resourceProvider':
          return event.resourceProvider.toLowerCase() === wanted;
        case 'correlationId':
          return event.correlationId.toLowerCase() === wanted;
        default:
          return true;
      }
    })
    .map((event, index) => ({ event, index }))
    // Newest first; events of the same millisecond in reverse order of recording.
    .sort(
      (a, b) =>
        b.event.eventTimestamp.getTime() - a.event.eventTimestamp.getTime() || b.index - a.index,
    )
    .map(({ event }) => event);
  const select = request.query
    .get('$select')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const value = selected.map((event) => {
    const full = eventJson(event, TENANT);
    if (!select || select.length === 0) return full;
    return Object.fromEntries(
      Object.entries(full).filter(([name]) =>
        select.some((wantedName) => wantedName.toLowerCase() === name.toLowerCase()),
      ),
    );
  });
  return { status: 200, body: { value } };
}
