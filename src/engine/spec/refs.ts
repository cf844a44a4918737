// Resolves the references a spec writes by name into full resource ids, using the vault's
// subscription and resource group (after defaults) for whatever the reference leaves out.
import {
  formatResourceId,
  parseResourceId,
  subnetId,
  virtualNetworkId,
} from '../model/resource-id.js';
import type { Spec, SubnetRef, VaultSpec } from './schema.js';

export interface Placement {
  readonly subscription: string;
  readonly resourceGroup: string;
}

/** The vault's placement after defaults; undefined parts are reported by the name checks. */
export function vaultPlacement(spec: Spec, vault: VaultSpec): Placement | undefined {
  const subscription = vault.subscription ?? spec.defaults.subscription;
  const resourceGroup = vault.resourceGroup ?? spec.defaults.resourceGroup;
  return subscription !== undefined && resourceGroup !== undefined
    ? { subscription, resourceGroup }
    : undefined;
}

function canonical(id: string): string {
  const parsed = parseResourceId(id);
  return parsed.ok ? formatResourceId(parsed.id) : id;
}

export function resolveSubnetId(ref: SubnetRef, placement: Placement): string {
  if (typeof ref === 'string') return canonical(ref);
  if ('id' in ref) return canonical(ref.id);
  return subnetId(
    ref.subscription ?? placement.subscription,
    ref.resourceGroup ?? placement.resourceGroup,
    ref.vnet,
    ref.name,
  );
}

export function resolveVirtualNetworkId(
  link: { vnet: string; resourceGroup?: string | undefined; subscription?: string | undefined },
  placement: Placement,
): string {
  if (link.vnet.startsWith('/')) return canonical(link.vnet);
  return virtualNetworkId(
    link.subscription ?? placement.subscription,
    link.resourceGroup ?? placement.resourceGroup,
    link.vnet,
  );
}
