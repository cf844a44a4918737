// The ActivityLogReader port over the Azure Activity Log REST API (Activity Logs - List,
// api-version 2015-04-01). It sends its GETs through the pipeline of the run's Network
// management client (ServiceClient.sendRequest): the same credential and token scope, retry,
// per-attempt timeout, connection guard and read-only policy as every other read, without a
// new SDK package (@azure/arm-monitor would bring a large client for one operation).
import { createPipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { parseResourceId } from '../../engine/model/resource-id.js';
import type { ReadOutcome } from '../../engine/state/live.js';
import type { ActivityEvent, ActivityLogReader } from '../../ports/activity-log.js';
import type { AzureClients } from './clients.js';
import { describeError } from './errors.js';

export const ACTIVITY_LOG_API_VERSION = '2015-04-01';
const PERMISSION =
  'Reader (Microsoft.Insights/eventtypes/values/read) on the subscription or the resource';
/** A resource's history is read page by page; more pages than this is not a drift report. */
const MAX_PAGES = 50;

interface EventJson {
  caller?: unknown;
  eventTimestamp?: unknown;
  operationName?: { value?: unknown };
  status?: { value?: unknown };
  resourceId?: unknown;
  correlationId?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function toEvent(raw: EventJson): ActivityEvent {
  return {
    resourceId: text(raw.resourceId),
    caller: text(raw.caller),
    eventTimestamp: text(raw.eventTimestamp),
    operationName: text(raw.operationName?.value),
    status: text(raw.status?.value),
    correlationId: text(raw.correlationId),
  };
}

function failure(
  resourceId: string,
  response: PipelineResponse | undefined,
  error?: unknown,
): ReadOutcome<readonly ActivityEvent[]> {
  if (error !== undefined) {
    const described = describeError(error);
    return {
      status: 'error',
      error: {
        resourceId,
        ...described,
        ...(described.httpStatus === 403 ? { roleHint: PERMISSION } : {}),
      },
    };
  }
  let code: string | undefined;
  let message = `HTTP ${response?.status ?? 'error'}`;
  try {
    const body = JSON.parse(response?.bodyAsText ?? '') as {
      error?: { code?: string; message?: string };
    };
    code = body.error?.code;
    message = body.error?.message ?? message;
  } catch {
    // not JSON: keep the status
  }
  return {
    status: 'error',
    error: {
      resourceId,
      httpStatus: response?.status,
      ...(code ? { code } : {}),
      message,
      ...(response?.status === 403 ? { roleHint: PERMISSION } : {}),
    },
  };
}

export class SdkActivityLogReader implements ActivityLogReader {
  constructor(private readonly clients: AzureClients) {}

  async listResourceEvents(
    resourceId: string,
    from: Date,
    to: Date,
  ): Promise<ReadOutcome<readonly ActivityEvent[]>> {
    const parsed = parseResourceId(resourceId);
    if (!parsed.ok)
      return {
        status: 'error',
        error: { resourceId, message: `not a resource id (${parsed.reason})` },
      };
    const subscription = parsed.id.subscription;
    const client = this.clients.networkFor(subscription);
    const filter = `eventTimestamp ge '${from.toISOString()}' and eventTimestamp le '${to.toISOString()}' and resourceUri eq '${resourceId.replace(/'/g, "''")}'`;
    const select = 'caller,eventTimestamp,operationName,status,resourceId,correlationId';
    let url: string | undefined =
      `${this.clients.endpoint}/subscriptions/${encodeURIComponent(subscription)}/providers/Microsoft.Insights/eventtypes/management/values` +
      `?api-version=${ACTIVITY_LOG_API_VERSION}&$filter=${encodeURIComponent(filter)}&$select=${encodeURIComponent(select)}`;
    const events: ActivityEvent[] = [];
    for (let page = 0; url && page < MAX_PAGES; page += 1) {
      let response: PipelineResponse;
      try {
        response = await client.sendRequest(createPipelineRequest({ url, method: 'GET' }));
      } catch (error) {
        return failure(resourceId, undefined, error);
      }
      if (response.status !== 200) return failure(resourceId, response);
      let body: { value?: unknown; nextLink?: unknown };
      try {
        body = JSON.parse(response.bodyAsText ?? '') as typeof body;
      } catch {
        return failure(resourceId, response);
      }
      for (const raw of Array.isArray(body.value) ? body.value : [])
        events.push(toEvent((raw ?? {}) as EventJson));
      url = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
    }
    return { status: 'ok', value: events };
  }
}
