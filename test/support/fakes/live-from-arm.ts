// ARM bodies (the local endpoint's state format, as test/support/arm-state.ts writes them)
// read into the live values InMemoryAzure holds, through the adapter's own mappers, so the
// scenarios written for the endpoint can seed the fake too. The bodies are flattened the way
// the SDKs flatten `properties` (arm-network and arm-privatedns models; a vault keeps its
// `properties` but its connection items are flat).
import type { ManagedHsm, Vault } from '@azure/arm-keyvault';
import { toLiveManagedHsm } from '../../../src/adapters/azure/target-operations.js';
import type { PrivateDnsZoneGroup, PrivateEndpoint, VirtualNetwork } from '@azure/arm-network';
import type { PrivateZone, RecordSet, VirtualNetworkLink } from '@azure/arm-privatedns';
import {
  toLiveARecordSet,
  toLiveDnsZone,
  toLiveLink,
  toLivePrivateEndpoint,
  toLiveVault,
  toLiveVirtualNetwork,
  toLiveZoneGroup,
} from '../../../src/adapters/azure/live-mapping.js';
import type { ArmBody } from '../arm-state.js';
import type { FakeVirtualNetwork, InMemoryAzureState } from './in-memory-azure.js';

function flatten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flatten);
  if (value === null || typeof value !== 'object') return value;
  const { properties, ...rest } = value as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(rest)) merged[key] = flatten(entry);
  if (properties && typeof properties === 'object' && !Array.isArray(properties))
    for (const [key, entry] of Object.entries(properties)) merged[key] = flatten(entry);
  return merged;
}

const typeOf = (body: ArmBody) => String(body.type ?? '').toLowerCase();

export function liveFromArm(bodies: readonly ArmBody[]): InMemoryAzureState {
  const state = {
    resourceGroups: [] as string[],
    virtualNetworks: [] as FakeVirtualNetwork[],
    privateEndpoints: [] as ReturnType<typeof toLivePrivateEndpoint>[],
    zoneGroups: [] as ReturnType<typeof toLiveZoneGroup>[],
    zones: [] as ReturnType<typeof toLiveDnsZone>[],
    links: [] as ReturnType<typeof toLiveLink>[],
    aRecordSets: [] as ReturnType<typeof toLiveARecordSet>[],
  };
  const vaults: ReturnType<typeof toLiveVault>[] = [];
  for (const body of bodies) {
    switch (typeOf(body)) {
      case 'microsoft.resources/resourcegroups':
        state.resourceGroups.push(String(body.id));
        break;
      case 'microsoft.keyvault/vaults': {
        const properties = (body.properties ?? {}) as Record<string, unknown>;
        vaults.push(
          toLiveVault({
            ...body,
            properties: {
              ...properties,
              privateEndpointConnections: flatten(properties.privateEndpointConnections ?? []),
            },
          } as unknown as Vault),
        );
        break;
      }
      case 'microsoft.keyvault/managedhsms': {
        const properties = (body.properties ?? {}) as Record<string, unknown>;
        vaults.push(
          toLiveManagedHsm({
            ...body,
            properties: {
              ...properties,
              privateEndpointConnections: flatten(properties.privateEndpointConnections ?? []),
            },
          } as unknown as ManagedHsm),
        );
        break;
      }
      case 'microsoft.network/virtualnetworks': {
        const flat = flatten(body) as VirtualNetwork;
        state.virtualNetworks.push({
          ...toLiveVirtualNetwork(flat),
          provisioningState: flat.provisioningState,
        });
        break;
      }
      case 'microsoft.network/privateendpoints':
        state.privateEndpoints.push(toLivePrivateEndpoint(flatten(body) as PrivateEndpoint));
        break;
      case 'microsoft.network/privateendpoints/privatednszonegroups':
        state.zoneGroups.push(toLiveZoneGroup(flatten(body) as PrivateDnsZoneGroup));
        break;
      case 'microsoft.network/privatednszones':
        state.zones.push(toLiveDnsZone(flatten(body) as PrivateZone, String(body.id)));
        break;
      case 'microsoft.network/privatednszones/virtualnetworklinks':
        state.links.push(toLiveLink(flatten(body) as VirtualNetworkLink));
        break;
      case 'microsoft.network/privatednszones/a':
        state.aRecordSets.push(toLiveARecordSet(flatten(body) as RecordSet));
        break;
      default:
        // NICs and other resources kvnet never reads: the fake does not need them.
        break;
    }
  }
  return { ...state, vaults };
}
