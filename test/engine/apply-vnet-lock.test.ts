import { afterEach, describe, expect, it } from 'vitest';
import {
  HUB_SUB,
  NET_RG,
  networkEstate,
  RG,
  SUB,
  vault,
  vnetId,
  zone,
  zoneId,
  zoneLink,
} from '../support/arm-state.js';
import { startHarness, type Harness } from '../support/kvnet-harness.js';

// Zone-group writes update a private endpoint in its subnet, so Azure takes the VNet's lock
// for them as for subnet and endpoint writes: the applier must not overlap them with another
// write in that VNet (each overlap is a 409 AnotherOperationInProgress and a retry).
describe('applyPlan serialises zone-group writes with the other writes in their VNet', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  const names = ['kv-z1', 'kv-z2', 'kv-z3', 'kv-z4'];
  const spec = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
  location: westeurope
vaults:
${names
  .map(
    (name) => `  - name: ${name}
    publicNetworkAccess: Enabled
    firewall: { defaultAction: Deny }
    privateEndpoints:
      - name: pe-${name}
        subnet: { vnet: vnet-apps, name: snet-pe, resourceGroup: ${NET_RG} }
        connectionName: pe-${name}-connection
        dns:
          zoneId: ${zoneId('rg-dns', HUB_SUB)}
          zoneGroup: default
`,
  )
  .join('')}`;

  it('creates four endpoints and their zone groups in one VNet without a single 409', async () => {
    harness = await startHarness([
      ...networkEstate(),
      ...names.map((name) => vault(name, { networkAcls: { defaultAction: 'Deny' } })),
      zone('rg-dns', HUB_SUB),
      zoneLink(zoneId('rg-dns', HUB_SUB), 'link-apps', vnetId('vnet-apps')),
    ]);
    // Pacing off, so only the VNet lock keeps the writes apart.
    const report = await harness.apply(spec, { maxParallel: 8, writesPerSecondPerSubscription: 0 });
    expect(report.outcome).toBe('applied');
    const log = await harness.requestsSince();
    const groupWrites = log.filter(
      (request) => request.method === 'PUT' && /privateDnsZoneGroups/i.test(request.path),
    );
    expect(groupWrites).toHaveLength(4);
    expect(log.filter((request) => request.errorCode === 'AnotherOperationInProgress')).toEqual([]);
  });
});
