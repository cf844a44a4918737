// Checks across the files of a spec set that Azure (or one run of kvnet) would refuse later:
// - one cloud per set: a run talks to one cloud's ARM endpoint, so mixed clouds are found
//   here, at validate, not by plan;
// - one link per virtual network and zone name: "You can create only one link between a
//   private DNS zone and a virtual network" (learn.microsoft.com, private-dns-virtual-network-
//   links; a second one fails with Conflict "Private zone … is already linked to the virtual
//   network", ansible-collections/azure#813), and a VNet "cannot be linked to multiple zones
//   with overlapping namespaces" (BadRequest, MicrosoftDocs/azure-aks-docs#212), so two zones
//   of one name in different groups cannot both link it either.
import { formatResourceId, parseResourceId, resourceIdKey } from '../../model/resource-id.js';
import { resolveVirtualNetworkId, vaultPlacement } from '../refs.js';
import type { Path } from '../yaml-loader.js';
import type { CheckTarget, FindingSink } from './context.js';

interface Declared {
  readonly sink: FindingSink;
  readonly path: Path;
  readonly name: string;
  readonly zone: string;
}

function zoneKey(
  dns: { zone?: string | undefined; zoneId?: string | undefined },
  subscription: string,
  resourceGroup: string,
): { id: string; name: string } | undefined {
  if (dns.zoneId !== undefined) {
    const parsed = parseResourceId(dns.zoneId);
    const name = parsed.ok ? parsed.id.segments[0]?.[1] : undefined;
    if (!parsed.ok || name === undefined) return undefined;
    return { id: resourceIdKey(formatResourceId(parsed.id)), name: name.toLowerCase() };
  }
  if (dns.zone === undefined) return undefined;
  const id = formatResourceId({
    subscription,
    resourceGroup,
    provider: 'Microsoft.Network',
    segments: [['privateDnsZones', dns.zone]],
  });
  return { id: resourceIdKey(id), name: dns.zone.toLowerCase() };
}

export function checkSetConsistency(
  targets: readonly CheckTarget[],
  sinks: readonly FindingSink[],
): void {
  const firstCloud = targets[0]?.source.spec.defaults.cloud;
  const firstFile = targets[0]?.source.file;
  const links = new Map<string, Declared>();
  targets.forEach((target, targetIndex) => {
    const sink = sinks[targetIndex];
    if (!sink) return;
    const { spec } = target.source;
    if (spec.defaults.cloud !== firstCloud) {
      sink.error(
        'set/mixed-clouds',
        ['defaults', 'cloud'],
        `this file is for ${spec.defaults.cloud}, but ${firstFile ?? 'another file'} of the same set is for ${firstCloud ?? 'another cloud'}; one run talks to one cloud: put each cloud's files in a spec set of their own`,
      );
    }
    target.vaults.forEach(({ vault, index: vaultIndex }) => {
      const placement = vaultPlacement(spec, vault);
      if (!placement) return;
      vault.privateEndpoints.forEach((endpoint, endpointIndex) => {
        const dns = endpoint.dns;
        if (!dns) return;
        const endpointPlacement = {
          subscription: placement.subscription,
          resourceGroup: endpoint.resourceGroup ?? placement.resourceGroup,
        };
        const zone = zoneKey(dns, endpointPlacement.subscription, endpointPlacement.resourceGroup);
        if (zone === undefined) return;
        dns.links.forEach((link, linkIndex) => {
          const vnet = resourceIdKey(resolveVirtualNetworkId(link, endpointPlacement));
          const path = [
            'vaults',
            vaultIndex,
            'privateEndpoints',
            endpointIndex,
            'dns',
            'links',
            linkIndex,
            'vnet',
          ];
          const key = `${zone.name}|${vnet}`;
          const first = links.get(key);
          if (!first) {
            links.set(key, { sink, path, name: link.name, zone: zone.id });
          } else if (first.zone !== zone.id) {
            sink.error(
              'dns/duplicate-link',
              path,
              `this virtual network is already linked at ${first.sink.where(first.path)} to another zone named ${zone.name}; Azure links a VNet to one zone of a name: use the same zone (zoneId) for both endpoints`,
            );
          } else if (first.name.toLowerCase() !== link.name.toLowerCase()) {
            sink.error(
              'dns/duplicate-link',
              path,
              `the link "${link.name}" joins a virtual network the zone already links as "${first.name}" at ${first.sink.where(first.path)}; Azure links a VNet to a zone once: use the same link name, or drop one`,
            );
          }
        });
      });
    });
  });
}
