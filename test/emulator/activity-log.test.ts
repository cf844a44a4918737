// The activity log the endpoint keeps for the writes it saw, over raw HTTPS: the events of a
// write (Started, then Succeeded or Failed), the caller (settable per token, else the token's
// claims), Azure's $filter grammar and its errors, $select, newest first, and paging.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { baseState, RG, SUB, vaultId } from './seed.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emulator: RunningEmulator;
let http: EmulatorHttp;
const KV = '?api-version=2026-02-01';
const LOG = `/subscriptions/${SUB}/providers/Microsoft.Insights/eventtypes/management/values`;

beforeAll(async () => {
  emulator = await startEmulator({ state: baseState() });
  http = new EmulatorHttp(emulator);
});
afterAll(async () => {
  http.close();
  await emulator.stop();
});
beforeEach(async () => {
  await http.reset();
  await http.settings({ pageSize: 0, activityLogCallers: {}, activityLogDelayMs: 0 });
});

const jwt = (claims: Json) => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2ln`;
};

const patch = (token: string, ips: string[]) =>
  http.request('PATCH', vaultId + KV, {
    token,
    body: {
      properties: {
        networkAcls: {
          defaultAction: 'Deny',
          bypass: 'AzureServices',
          ipRules: ips.map((value) => ({ value })),
          virtualNetworkRules: [],
        },
      },
    },
  });

const since = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const list = (filter: string | undefined, extra = '', version = '2015-04-01') =>
  http.request(
    'GET',
    `${LOG}?api-version=${version}${filter === undefined ? '' : `&$filter=${encodeURIComponent(filter)}`}${extra}`,
  );

describe('activity log', () => {
  it('records each write as Started then Succeeded, naming the caller from the token', async () => {
    expect((await patch(jwt({ upn: 'alice@contoso.example', oid: 'x' }), ['6.6.6.6'])).status).toBe(
      200,
    );
    expect(
      (await patch(jwt({ appid: '77777777-0000-0000-0000-000000000000' }), ['7.7.7.7'])).status,
    ).toBe(200);
    await http.settings({ activityLogCallers: { 'plain-token': 'ci-pipeline@contoso.example' } });
    expect((await patch('plain-token', ['8.8.8.8'])).status).toBe(200);
    // A refused write is logged as Failed; reads are not logged at all.
    expect((await patch(jwt({ upn: 'mallory@contoso.example' }), ['10.0.0.1'])).status).toBe(400);
    await http.request('GET', vaultId + KV);

    const answer = await list(`eventTimestamp ge '${since(5)}' and resourceUri eq '${vaultId}'`);
    expect(answer.status).toBe(200);
    const events = (answer.body as Json).value as Json[];
    expect(events.map((event) => [event.caller, event.status.value])).toEqual([
      ['mallory@contoso.example', 'Failed'],
      ['mallory@contoso.example', 'Started'],
      ['ci-pipeline@contoso.example', 'Succeeded'],
      ['ci-pipeline@contoso.example', 'Started'],
      ['77777777-0000-0000-0000-000000000000', 'Succeeded'],
      ['77777777-0000-0000-0000-000000000000', 'Started'],
      ['alice@contoso.example', 'Succeeded'],
      ['alice@contoso.example', 'Started'],
    ]);
    const done = events[6] as Json;
    expect(done.operationName.value).toBe('Microsoft.KeyVault/vaults/write');
    expect(done.resourceId).toBe(vaultId);
    expect(done.resourceGroupName).toBe(RG);
    expect(done.category.value).toBe('Administrative');
    expect(done.eventName.value).toBe('EndRequest');
    expect(done.claims.upn).toBe('alice@contoso.example');
    expect(done.correlationId).toBe((events[7] as Json).correlationId);
    expect(Date.parse(done.eventTimestamp)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters by time, resource and resource group, and selects fields', async () => {
    await patch(jwt({ upn: 'alice@contoso.example' }), ['6.6.6.6']);
    const other = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-nothing`;
    const none = await list(`eventTimestamp ge '${since(5)}' and resourceUri eq '${other}'`);
    expect((none.body as Json).value).toEqual([]);
    const old = await list(`eventTimestamp ge '${since(60)}' and eventTimestamp le '${since(30)}'`);
    expect((old.body as Json).value).toEqual([]);
    const group = await list(
      `eventTimestamp ge '${since(5)}' and resourceGroupName eq '${RG.toUpperCase()}'`,
    );
    expect((group.body as Json).value).toHaveLength(2);
    const selected = await list(
      `eventTimestamp ge '${since(5)}' and resourceUri eq '${vaultId.toLowerCase()}'`,
      '&$select=caller,status',
    );
    expect((selected.body as Json).value[0]).toEqual({
      caller: 'alice@contoso.example',
      status: { value: 'Succeeded', localizedValue: 'Succeeded' },
    });
  });

  it('refuses a filter without a start time, an unsupported clause, and another api-version', async () => {
    for (const filter of [
      undefined,
      `resourceUri eq '${vaultId}'`,
      `eventTimestamp ge '${since(5)}' and caller eq 'x'`,
      `eventTimestamp ge 'yesterday'`,
    ]) {
      const answer = await list(filter);
      expect(answer.status, String(filter)).toBe(400);
      expect((answer.body as Json).error.code).toBe('BadRequest');
      expect((answer.body as Json).error.message).toContain('$filter');
    }
    const version = await list(`eventTimestamp ge '${since(5)}'`, '', '2024-01-01');
    expect(version.status).toBe(400);
    expect((version.body as Json).error.code).toBe('NoRegisteredProviderFound');
  });

  it('lists an event only once the activity log delay has passed (Azure takes minutes)', async () => {
    await http.settings({ activityLogDelayMs: 300_000 });
    await patch(jwt({ upn: 'alice@contoso.example' }), ['6.6.6.6']);
    const hidden = await list(`eventTimestamp ge '${since(5)}'`);
    expect(hidden.status).toBe(200);
    expect((hidden.body as Json).value).toEqual([]);
    await http.settings({ activityLogDelayMs: 0 });
    expect(((await list(`eventTimestamp ge '${since(5)}'`)).body as Json).value).toHaveLength(2);
  });

  it('pages with nextLink', async () => {
    for (const ip of ['6.6.6.6', '7.7.7.7', '8.8.8.8'])
      await patch(jwt({ upn: 'alice@contoso.example' }), [ip]);
    await http.settings({ pageSize: 4 });
    const first = (await list(`eventTimestamp ge '${since(5)}'`)).body as Json;
    expect(first.value).toHaveLength(4);
    expect(first.nextLink).toContain('$skiptoken=');
    const next = new URL(first.nextLink as string);
    const second = (await http.request('GET', `${next.pathname}${next.search}`)).body as Json;
    expect(second.value).toHaveLength(2);
    expect(second.nextLink).toBeUndefined();
  });
});
