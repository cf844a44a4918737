// kvnet against the local ARM endpoint where it behaves like Azure in ways kvnet's correctness
// depends on (issue 13; docs/emulator.md "Azure behaviours kvnet depends on"). Real SDK
// clients over HTTPS; each case switches one behaviour on and checks plan → apply → plan.
import { findingMessage, noteText } from '../../src/engine/render/messages.js';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AzureClients, type ClientSettings } from '../../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../../src/adapters/azure/credentials.js';
import { SdkAzureReader } from '../../src/adapters/azure/reader.js';
import { CLOUD_PROFILES } from '../../src/engine/model/clouds.js';
import { makePlan } from '../../src/engine/plan/make-plan.js';
import { exportSpec } from '../../src/engine/spec/export.js';
import { desiredFrom } from '../support/plan-fixtures.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';
import {
  HUB_SUB,
  NET_RG,
  OTHER_SUB,
  networkEstate,
  RG,
  SUB,
  vault,
  vaultId,
  vnetId,
  zone,
  ZONE,
  zoneId,
} from '../support/arm-state.js';
import { createEmulatorClients, FAST_POLLING } from '../support/emulator-clients.js';
import { SCENARIOS } from './scenarios.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

function scenario(name: string) {
  const found = SCENARIOS.find((candidate) => candidate.name.startsWith(name));
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

const writes = (requests: { method: string }[]) =>
  requests.filter((request) => request.method !== 'GET');

describe('private endpoint address: a dynamic-IP endpoint with a zone group', () => {
  const pe = scenario('private endpoint with DNS');

  it("Azure shows no customDnsConfigs and no ipConfigurations; kvnet takes the address from the zone group's records and reads no NIC", async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    const endpoints = (await harness.http.state()).filter(
      (body) => body.type === 'Microsoft.Network/privateEndpoints',
    ) as { properties: Record<string, unknown> }[];
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]?.properties.customDnsConfigs).toEqual([]);
    expect(endpoints[0]?.properties.ipConfigurations).toEqual([]);

    const mark = await harness.mark();
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome, JSON.stringify(plan.steps.map((s) => s.notes))).toBe('no-changes');
    const nicReads = (await harness.requestsSince(mark)).filter((request) =>
      /\/networkInterfaces\//i.test(request.path),
    );
    // The zone group's record sets carry the address: the NIC is not read (issue 14).
    expect(nicReads.length).toBe(0);
    // A second apply converges without touching the zone group.
    const again = await harness.mark();
    expect((await harness.apply(pe.spec)).outcome).toBe('no-changes');
    expect(writes(await harness.requestsSince(again))).toEqual([]);
  });

  it("with the NIC unreadable, the zone group's record sets still carry the address", async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    await harness.http.addFaults({
      method: 'GET',
      path: '**/networkInterfaces/*',
      times: 100,
      effect: { type: 'status', status: 403, code: 'AuthorizationFailed' },
    });
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome, JSON.stringify(plan.steps.map((s) => s.notes))).toBe('no-changes');
  });

  it('an A record that points elsewhere is planned as a zone-group update naming the address', async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    const state = await harness.http.state();
    const record = state.find((body) => body.type === 'Microsoft.Network/privateDnsZones/A') as {
      properties: { aRecords: { ipv4Address: string }[] };
    };
    const address = record.properties.aRecords[0]?.ipv4Address;
    record.properties.aRecords = [{ ipv4Address: '10.20.9.200' }];
    await harness.http.reset(state);
    const plan = await harness.plan(pe.spec);
    expect(plan.outcome).toBe('changes');
    const step = plan.steps.find((candidate) => candidate.kind === 'zoneGroup');
    expect(step?.action).toBe('update');
    expect(step?.notes.map(noteText).join(' ')).toContain(`endpoint's IP ${address}`);
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    expect((await harness.plan(pe.spec)).outcome).toBe('no-changes');
  });
});

const HEADER = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
`;

const patches = (requests: { method: string; body: unknown }[]) =>
  requests
    .filter((request) => request.method === 'PATCH')
    .map((request) => request.body as { properties: Record<string, unknown> });

describe('networkAcls withheld while public network access is Disabled (azure-powershell #20744)', () => {
  for (const reading of ['hidden', 'cleared'] as const) {
    describe(`reading: ${reading}`, () => {
      it('a disabled vault whose firewall Azure withholds: no diff, and the plan says the firewall is not visible', async () => {
        harness = await startHarness([
          vault('kv-dark', {
            publicNetworkAccess: 'Disabled',
            networkAcls: {
              defaultAction: 'Allow',
              bypass: 'None',
              ipRules: [],
              virtualNetworkRules: [],
            },
          }),
        ]);
        await harness.http.settings({ networkAclsWhenPublicAccessDisabled: reading });
        const spec = `${HEADER}  - name: kv-dark
    publicNetworkAccess: Disabled
    acknowledgeLockout: true
    firewall: { defaultAction: Deny, bypass: AzureServices, ipRules: [20.50.10.7] }
`;
        const plan = await harness.plan(spec);
        expect(plan.outcome, JSON.stringify(plan.steps)).toBe('no-changes');
        const finding = plan.findings.find((f) => f.rule === 'vault/firewall-not-visible');
        expect(finding && findingMessage(finding)).toMatch(
          /not visible while public network access is disabled/,
        );
      });

      it('disabling public access: the read-back of a vault without networkAcls passes, the re-plan is empty', async () => {
        harness = await startHarness([
          vault('kv-closing', {
            networkAcls: {
              defaultAction: 'Allow',
              bypass: 'AzureServices',
              ipRules: [],
              virtualNetworkRules: [],
            },
          }),
        ]);
        await harness.http.settings({ networkAclsWhenPublicAccessDisabled: reading });
        const spec = `${HEADER}  - name: kv-closing
    publicNetworkAccess: Disabled
    acknowledgeLockout: true
    firewall: { defaultAction: Deny, bypass: AzureServices, ipRules: [20.50.10.7] }
`;
        const report = await harness.apply(spec);
        expect(
          report.outcome,
          JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.message])),
        ).toBe('applied');
        const got = (await harness.http.state()).find((body) => body.name === 'kv-closing') as {
          properties: Record<string, unknown>;
        };
        expect(got.properties.publicNetworkAccess).toBe('Disabled');
        expect(got.properties.networkAcls).toBeUndefined();
        expect((await harness.plan(spec)).outcome).toBe('no-changes');
      });

      it("enabling public access sends the spec's firewall whole in the same PATCH, never Allow in between", async () => {
        harness = await startHarness([
          vault('kv-opening', {
            publicNetworkAccess: 'Disabled',
            networkAcls: {
              defaultAction: 'Allow',
              bypass: 'AzureServices',
              ipRules: [{ value: '52.174.0.0/24' }],
              virtualNetworkRules: [],
            },
          }),
        ]);
        await harness.http.settings({ networkAclsWhenPublicAccessDisabled: reading });
        const spec = `${HEADER}  - name: kv-opening
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny, bypass: AzureServices, ipRules: [20.50.10.7] }
`;
        const plan = await harness.plan(spec);
        expect(plan.steps.map((step) => `${step.kind}:${step.phase}`)).toEqual(['vault:open']);
        expect(plan.steps[0]?.notes.map(noteText).join(' ')).toMatch(/not visible/);
        const report = await harness.apply(spec);
        expect(report.outcome).toBe('applied');
        const sent = patches(await harness.requestsSince());
        expect(sent).toHaveLength(1);
        expect(sent[0]?.properties).toMatchObject({
          publicNetworkAccess: 'Enabled',
          networkAcls: { defaultAction: 'Deny', ipRules: [{ value: '20.50.10.7/32' }] },
        });
        expect((await harness.plan(spec)).outcome).toBe('no-changes');
      });
    });
  }

  it('export writes a hidden firewall closed, and says so', async () => {
    harness = await startHarness([
      vault('kv-dark', {
        publicNetworkAccess: 'Disabled',
        networkAcls: {
          defaultAction: 'Allow',
          bypass: 'None',
          ipRules: [],
          virtualNetworkRules: [],
        },
      }),
    ]);
    const read = await harness.reader.getVault(vaultId('kv-dark'));
    if (read.status !== 'ok') throw new Error('vault not read');
    const text = exportSpec([read.value], [], {
      subscription: SUB,
      cloud: 'AzureCloud',
      generatedBy: 'test',
    });
    expect(text).toMatch(
      /# Public access is disabled on kv-dark, and Azure does not show the firewall/,
    );
    expect(text).toMatch(/firewall:\n\s+defaultAction: Deny\n\s+bypass: AzureServices/);
  });

  it('the emulator withholds networkAcls by default and keeps them (hidden); `cleared` wipes them', async () => {
    const seeded = vault('kv-probe', {
      publicNetworkAccess: 'Disabled',
      networkAcls: { defaultAction: 'Deny', bypass: 'None', ipRules: [], virtualNetworkRules: [] },
    });
    harness = await startHarness([seeded]);
    const got = await harness.reader.getVault(vaultId('kv-probe'));
    expect(got.status === 'ok' && got.value.network.firewallHidden).toBe(true);
    await harness.http.settings({ networkAclsWhenPublicAccessDisabled: 'shown' });
    const shown = await harness.reader.getVault(vaultId('kv-probe'));
    expect(shown.status === 'ok' && shown.value.network.defaultAction).toBe('Deny');
    await harness.http.settings({ networkAclsWhenPublicAccessDisabled: 'cleared' });
    await harness.writer.patchVaultNetwork(vaultId('kv-probe'), {
      publicNetworkAccess: 'Disabled',
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'None',
        ipRules: ['20.50.10.7'],
        virtualNetworkRules: [],
      },
    });
    await harness.http.settings({ networkAclsWhenPublicAccessDisabled: 'shown' });
    const cleared = await harness.reader.getVault(vaultId('kv-probe'));
    expect(cleared.status === 'ok' && cleared.value.network.ipRules).toEqual([]);
  });
});

describe('paging: ARM lists come in pages (nextLink + $skiptoken)', () => {
  it('Private DNS record sets come 100 to a page by default; the SDK iterator kvnet uses follows nextLink', async () => {
    const records = Array.from({ length: 230 }, (_, index) => ({
      id: `${zoneId()}/A/host${index}`,
      name: `host${index}`,
      type: 'Microsoft.Network/privateDnsZones/A',
      etag: `etag-${index}`,
      properties: {
        ttl: 10,
        fqdn: `host${index}.${ZONE}.`,
        aRecords: [{ ipv4Address: '10.20.9.9' }],
      },
    }));
    harness = await startHarness([zone(), ...records]);
    const mark = await harness.mark();
    const outcome = await harness.reader.listARecordSets(zoneId());
    expect(outcome.status === 'ok' && outcome.value.length).toBe(230);
    const lists = (await harness.requestsSince(mark)).filter((r) => /\/A$/i.test(r.path));
    expect(lists).toHaveLength(3);
    expect(decodeURIComponent(lists[1]?.query ?? '')).toMatch(/\$skiptoken=/);
  });

  for (const scenarioUnderTest of SCENARIOS.filter(
    (candidate) => candidate.outcome === 'changes' && !candidate.blocked,
  )) {
    it(`pages of one: ${scenarioUnderTest.name} — plan → apply → plan converges`, async () => {
      harness = await startHarness(scenarioUnderTest.state(), undefined, { pageSize: 1 });
      const plan = await harness.plan(scenarioUnderTest.spec);
      expect(plan.outcome).toBe('changes');
      const report = await harness.apply(scenarioUnderTest.spec, {
        allowDestructive: scenarioUnderTest.destructive ?? false,
      });
      expect(
        report.outcome,
        JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.message])),
      ).toBe('applied');
      expect((await harness.plan(scenarioUnderTest.spec)).outcome).toBe('no-changes');
    });
  }

  it('pages of one: several vaults in one resource group are all found', async () => {
    const several = scenario('several vaults in one resource group');
    harness = await startHarness(several.state(), undefined, { pageSize: 1 });
    const plan = await harness.plan(several.spec);
    expect(plan.outcome).toBe(several.outcome);
    const pages = (await harness.requestsSince()).filter((r) =>
      /\$skiptoken=/.test(decodeURIComponent(r.query)),
    );
    expect(pages.length).toBeGreaterThan(0);
  });
});

describe('throttling and timeouts inside the SDK pipeline', () => {
  const readerWith = (h: Harness, settings: Partial<ClientSettings>) =>
    new SdkAzureReader(
      new AzureClients({
        cloud: CLOUD_PROFILES.AzureCloud,
        armEndpoint: h.emulator.endpoint,
        credential: new StaticTokenCredential('kvnet-test-token'),
        readOnly: true,
        caCertificates: h.emulator.caCertPem,
        retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
        ...settings,
      }),
    );

  it('a Retry-After of 900 s is not slept on: the read fails at once, naming the wait', async () => {
    harness = await startHarness([vault('kv-busy')]);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/vaults/kv-busy',
      times: 10,
      effect: { type: 'status', status: 429, retryAfter: 900 },
    });
    const started = Date.now();
    const outcome = await harness.reader.getVault(vaultId('kv-busy'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome.status).toBe('error');
    if (outcome.status !== 'error') return;
    expect(outcome.error).toMatchObject({ httpStatus: 429, code: 'SubscriptionRequestsThrottled' });
    expect(outcome.error.message).toMatch(/asked to wait 900 s .*120 s kvnet waits at once/);
    const tries = (await harness.requestsSince()).filter((r) => /kv-busy$/.test(r.path));
    expect(tries).toHaveLength(1);
  });

  it('an apply whose write gets Retry-After 900 s stops at once and says so', async () => {
    harness = await startHarness([vault('kv-busy')]);
    await harness.http.addFaults({
      method: 'PATCH',
      path: '**/vaults/kv-busy',
      times: 10,
      effect: { type: 'status', status: 429, retryAfter: 900 },
    });
    const report = await harness.apply(`${HEADER}  - name: kv-busy
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Allow, ipRules: [20.50.10.7] }
`);
    expect(report.outcome).toBe('failed');
    const failed = report.results.find((r) => r.status === 'failed');
    expect(failed?.message, JSON.stringify(report.results)).toMatch(/900 s/);
    const patchesSent = (await harness.requestsSince()).filter((r) => r.method === 'PATCH');
    expect(
      patchesSent,
      JSON.stringify(report.results.map((r) => [r.status, r.message, r.attempts])),
    ).toHaveLength(1);
  });

  it('a Retry-After of 0 waits the floor (the SDK base delay) before each retry', async () => {
    harness = await startHarness([vault('kv-eager')]);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/vaults/kv-eager',
      times: 2,
      effect: { type: 'status', status: 429, retryAfter: 0 },
    });
    const reader = readerWith(harness, {
      retryOptions: { retryDelayInMs: 300, maxRetryDelayInMs: 1000 },
    });
    const outcome = await reader.getVault(vaultId('kv-eager'));
    expect(outcome.status).toBe('ok');
    const starts = (await harness.requestsSince())
      .filter((r) => /kv-eager$/.test(r.path))
      .map((r) => Date.parse(r.startedAt));
    expect(starts).toHaveLength(3);
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(250);
    expect((starts[2] as number) - (starts[1] as number)).toBeGreaterThanOrEqual(250);
  });

  it('a read that times out is retried, and one that keeps timing out is named a timeout', async () => {
    harness = await startHarness([vault('kv-slow')]);
    await harness.http.addFaults({
      method: 'GET',
      path: '**/vaults/kv-slow',
      times: 1,
      effect: { type: 'delay', ms: 1500 },
    });
    const reader = readerWith(harness, { requestTimeoutMs: 400 });
    expect((await reader.getVault(vaultId('kv-slow'))).status).toBe('ok');

    await harness.http.addFaults({
      method: 'GET',
      path: '**/vaults/kv-slow',
      times: 10,
      effect: { type: 'delay', ms: 1500 },
    });
    const outcome = await reader.getVault(vaultId('kv-slow'));
    expect(outcome.status).toBe('error');
    if (outcome.status === 'error')
      expect(outcome.error.message).toMatch(/timed out: no answer within/);
  });
});

describe('operations end whatever the client does', () => {
  it('a subnet PUT polled once and abandoned finishes and releases its VNet lock', async () => {
    harness = await startHarness(networkEstate(), undefined, { lroInProgressPolls: 1000 });
    const sdk = createEmulatorClients(harness.emulator, SUB);
    const subnet = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-orders');
    const poller = await sdk.network.subnets.beginCreateOrUpdate(
      NET_RG,
      'vnet-apps',
      'snet-orders',
      { ...subnet, serviceEndpoints: [{ service: 'Microsoft.KeyVault' }] },
      FAST_POLLING,
    );
    await poller.poll(); // one poll: InProgress; then the client "dies"
    expect(poller.isDone()).toBe(false);
    // While the operation runs, the VNet is locked: another subnet write is refused.
    const other = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-pe');
    await expect(
      sdk.network.subnets.beginCreateOrUpdateAndWait(
        NET_RG,
        'vnet-apps',
        'snet-pe',
        other,
        FAST_POLLING,
      ),
    ).rejects.toMatchObject({ code: 'AnotherOperationInProgress' });
    // The harness's operations settle 200 ms after their last poll, as Azure's end by themselves.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await sdk.network.subnets.beginCreateOrUpdateAndWait(
      NET_RG,
      'vnet-apps',
      'snet-pe',
      other,
      FAST_POLLING,
    );
    const done = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-orders');
    expect(done.provisioningState).toBe('Succeeded');
    expect(done.serviceEndpoints?.map((e) => e.service)).toContain('Microsoft.KeyVault');
  });
});

describe('subnets: read-only contents and If-Match on PUT', () => {
  const pe = scenario('private endpoint with DNS');

  it('a subnet lists the private endpoints and IP configurations in it, and kvnet sends them back harmlessly', async () => {
    harness = await startHarness(pe.state());
    expect((await harness.apply(pe.spec)).outcome).toBe('applied');
    const sdk = createEmulatorClients(harness.emulator, SUB);
    const before = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-pe');
    expect(before.privateEndpoints?.map((e) => e.id?.split('/').pop())).toEqual(['pe-kv-pe']);
    expect(before.ipConfigurations).toHaveLength(1);
    const mark = await harness.mark();
    await harness.writer.addSubnetServiceEndpoint(
      `${vnetId('vnet-apps')}/subnets/snet-pe`,
      'Microsoft.KeyVault',
    );
    const put = (await harness.requestsSince(mark)).find((r) => r.method === 'PUT');
    const sentBack = (put?.body as { properties: { privateEndpoints: { id: string }[] } })
      .properties;
    expect(sentBack.privateEndpoints.map((e) => e.id)).toEqual(
      before.privateEndpoints?.map((e) => e.id),
    );
    const after = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-pe');
    expect(after.privateEndpoints?.map((e) => e.id)).toEqual(
      before.privateEndpoints?.map((e) => e.id),
    );
    expect(after.serviceEndpoints?.map((e) => e.service)).toEqual(['Microsoft.KeyVault']);
  });

  /** kvnet's subnet write races another writer that adds Microsoft.Sql in its read-modify-write window. */
  async function race(h: Harness): Promise<string[]> {
    await h.http.addFaults({
      method: 'PUT',
      path: '**/subnets/snet-orders',
      times: 1,
      effect: { type: 'delay', ms: 1200 },
    });
    const sdk = createEmulatorClients(h.emulator, SUB);
    const kvnetWrite = h.writer.addSubnetServiceEndpoint(
      `${vnetId('vnet-apps')}/subnets/snet-orders`,
      'Microsoft.KeyVault',
    );
    await new Promise((resolve) => setTimeout(resolve, 400)); // kvnet has read; its PUT waits
    const current = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-orders');
    await sdk.network.subnets.beginCreateOrUpdateAndWait(
      NET_RG,
      'vnet-apps',
      'snet-orders',
      {
        ...current,
        serviceEndpoints: [...(current.serviceEndpoints ?? []), { service: 'Microsoft.Sql' }],
      },
      FAST_POLLING,
    );
    await kvnetWrite;
    const final = await sdk.network.subnets.get(NET_RG, 'vnet-apps', 'snet-orders');
    return (final.serviceEndpoints ?? []).map((e) => e.service ?? '');
  }

  it('kvnet sends If-Match; on 412 it re-reads and retries, so the other writer’s change survives', async () => {
    harness = await startHarness(networkEstate());
    const services = await race(harness);
    expect(services.sort()).toEqual(['Microsoft.KeyVault', 'Microsoft.Sql', 'Microsoft.Storage']);
    const puts = (await harness.requestsSince()).filter(
      (r) => r.method === 'PUT' && /snet-orders$/.test(r.path),
    );
    expect(puts.map((r) => r.status)).toContain(412);
  });

  it('with If-Match ignored (the other reading), the same race loses the other writer’s change', async () => {
    harness = await startHarness(networkEstate(), undefined, { subnetIfMatch: 'ignored' });
    const services = await race(harness);
    expect(services.sort()).toEqual(['Microsoft.KeyVault', 'Microsoft.Storage']);
  });
});

describe('the role model: documented roles suffice, a missing permission is named', () => {
  /** The applier role exactly as docs/rbac.md publishes it. */
  function documentedApplierActions(): string[] {
    const text = readFileSync(new URL('../../docs/rbac.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    if (!json) throw new Error('docs/rbac.md has no role definition');
    return (JSON.parse(json) as { Actions: string[] }).Actions;
  }
  const subscriptions = [SUB, HUB_SUB, OTHER_SUB];
  const assign = (actions: string[], notActions: string[] = []) =>
    subscriptions.map((sub) => ({ actions, notActions, scope: `/subscriptions/${sub}` }));
  const roleModel = (applier: string[], notActions: string[] = []) => ({
    principals: {
      'kvnet-test-token': assign(applier, notActions),
      'plan-token': assign(['*/read']),
    },
  });

  const planReader = (h: Harness) =>
    new SdkAzureReader(
      new AzureClients({
        cloud: CLOUD_PROFILES.AzureCloud,
        armEndpoint: h.emulator.endpoint,
        credential: new StaticTokenCredential('plan-token'),
        readOnly: true,
        caCertificates: h.emulator.caCertPem,
        retryOptions: { retryDelayInMs: 2, maxRetryDelayInMs: 10 },
      }),
    );

  for (const candidate of SCENARIOS.filter((s) => s.outcome === 'changes' && !s.blocked)) {
    it(`Reader plans, the documented applier role applies: ${candidate.name}`, async () => {
      harness = await startHarness(candidate.state(), undefined, {
        roleModel: roleModel(documentedApplierActions()),
        pageSize: 2,
      });
      const plan = await makePlan(desiredFrom(candidate.spec), planReader(harness));
      expect(plan.outcome, JSON.stringify(plan.readErrors)).toBe('changes');
      const report = await harness.apply(candidate.spec, {
        allowDestructive: candidate.destructive ?? false,
      });
      expect(
        report.outcome,
        JSON.stringify(report.results.map((r) => [r.step.id, r.status, r.message])),
      ).toBe('applied');
      expect((await makePlan(desiredFrom(candidate.spec), planReader(harness))).outcome).toBe(
        'no-changes',
      );
      const refused = (await harness.requestsSince()).filter((r) => r.status === 403);
      expect(refused).toEqual([]);
    });
  }

  it('an unknown token may do nothing: the plan is an error naming Reader', async () => {
    const fw = scenario('IP firewall');
    harness = await startHarness(fw.state(), undefined, { roleModel: { principals: {} } });
    const plan = await harness.plan(fw.spec);
    expect(plan.outcome).toBe('error');
    expect(plan.readErrors[0]).toMatchObject({ httpStatus: 403, code: 'AuthorizationFailed' });
    expect(plan.readErrors[0]?.roleHint).toMatch(/Reader/);
  });

  it('without joinViaServiceEndpoint the VNet rule is refused (LinkedAuthorizationFailed), named with its role, and no narrowing ran', async () => {
    const vnetRule = scenario('VNet service endpoint');
    harness = await startHarness(vnetRule.state(), undefined, {
      roleModel: roleModel(documentedApplierActions(), [
        'Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action',
      ]),
    });
    const report = await harness.apply(vnetRule.spec);
    expect(report.outcome).toBe('failed');
    const failed = report.results.find((r) => r.status === 'failed');
    expect(failed?.code).toBe('LinkedAuthorizationFailed');
    expect(failed?.message).toMatch(
      /lacks Microsoft\.Network\/virtualNetworks\/subnets\/joinViaServiceEndpoint\/action on \/subscriptions\/.*snet-orders.*kvnet network applier.*Network Contributor/,
    );
    for (const result of report.results.filter((r) => r.step.phase === 'narrow'))
      expect(result.status).not.toBe('applied');
    const vaultWrites = (await harness.requestsSince()).filter(
      (r) => r.method === 'PATCH' && r.status === 200,
    );
    expect(vaultWrites).toEqual([]);
  });

  it('without the approval action an automatic connection stays Pending, and the re-plan says so', async () => {
    const pe = scenario('private endpoint with DNS');
    harness = await startHarness(pe.state(), undefined, {
      roleModel: roleModel(documentedApplierActions(), [
        'Microsoft.KeyVault/vaults/privateEndpointConnectionsApproval/action',
        'Microsoft.KeyVault/vaults/privateEndpointConnections/write',
      ]),
    });
    await harness.apply(pe.spec);
    const vaultBody = (await harness.http.state()).find((b) => b.name === 'kv-pe') as {
      properties: {
        privateEndpointConnections: {
          properties: { privateLinkServiceConnectionState: { status: string } };
        }[];
      };
    };
    expect(
      vaultBody.properties.privateEndpointConnections.map(
        (c) => c.properties.privateLinkServiceConnectionState.status,
      ),
    ).toEqual(['Pending']);
    const replan = await harness.plan(pe.spec);
    expect(replan.outcome).toBe('changes');
    expect(replan.steps.map((s) => s.kind)).toContain('connection');
  });
});

describe('Azure Policy on vault writes', () => {
  const openVault = () => [
    vault('kv-policy', {
      networkAcls: {
        defaultAction: 'Allow',
        bypass: 'AzureServices',
        ipRules: [],
        virtualNetworkRules: [],
      },
    }),
  ];
  const spec = `${HEADER}  - name: kv-policy
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Allow, ipRules: [20.50.10.7] }
`;

  it('a Modify policy that sets defaultAction Deny: reported as "Azure Policy changed X to Y", one write, no loop', async () => {
    harness = await startHarness(openVault(), undefined, {
      policies: [
        {
          effect: 'Modify',
          name: 'kv-firewall-modify',
          displayName: 'Configure key vaults to enable firewall',
          scope: `/subscriptions/${SUB}`,
          when: { field: 'networkAcls.defaultAction', notEquals: 'Deny' },
          set: { field: 'networkAcls.defaultAction', value: 'Deny' },
        },
      ],
    });
    const report = await harness.apply(spec);
    expect(report.outcome).toBe('failed');
    const failed = report.results.find((r) => r.status === 'failed');
    expect(failed?.code).toBe('ModifiedByPolicy');
    expect(failed?.message).toMatch(
      /Azure Policy changed networkAcls\.defaultAction from Allow to Deny/,
    );
    const writes = (await harness.requestsSince()).filter((r) => r.method === 'PATCH');
    expect(writes).toHaveLength(1);
  });

  it('a Deny policy: the apply error carries the policy name and its message, with no retry', async () => {
    harness = await startHarness(openVault(), undefined, {
      policies: [
        {
          effect: 'Deny',
          name: 'kv-no-public',
          displayName: 'Azure Key Vault should disable public network access',
          scope: `/subscriptions/${SUB}/resourceGroups/${RG}`,
          when: { field: 'publicNetworkAccess', notEquals: 'Disabled' },
        },
      ],
    });
    const report = await harness.apply(spec);
    expect(report.outcome).toBe('failed');
    const failed = report.results.find((r) => r.status === 'failed');
    expect(failed?.code).toBe('RequestDisallowedByPolicy');
    expect(failed?.message).toMatch(/was disallowed by policy/);
    expect(failed?.message).toMatch(
      /denied by Azure Policy "Azure Key Vault should disable public network access"/,
    );
    const writes = (await harness.requestsSince()).filter((r) => r.method === 'PATCH');
    expect(writes).toHaveLength(1);
    expect(writes[0]?.status).toBe(403);
  });

  it('a write the policies allow is untouched, and the re-plan is empty', async () => {
    harness = await startHarness(openVault(), undefined, {
      policies: [
        {
          effect: 'Deny',
          name: 'kv-no-bypass-none',
          displayName: 'Key vaults must let trusted services through',
          scope: `/subscriptions/${SUB}`,
          when: { field: 'networkAcls.bypass', equals: 'None' },
        },
      ],
    });
    expect((await harness.apply(spec)).outcome).toBe('applied');
    expect((await harness.plan(spec)).outcome).toBe('no-changes');
  });
});
