// The access model: who can reach a vault's data plane, as a value computed from the world
// (live state, or live state with some of a plan's steps applied). Every access claim of a
// plan (impact, net change, reachability, dead configuration, lockout, preconditions) is a
// function of it. "Reach" means the network path is open; identity and RBAC are out of scope.
// A path kvnet could not verify is listed as unknown and never counts as reachable.
import { AddressSet } from './address-space.js';
import { key, recordKey, type EndpointFact, type World, type WorldVault } from './world.js';
import type { IdKey } from '../model/resource-id.js';
import type { Coded, Impact } from '../plan/types.js';

export type AccessPath =
  /** Public network access Enabled with defaultAction Allow: every source address. */
  | { readonly kind: 'public-all' }
  | { readonly kind: 'ip-range'; readonly cidr: string }
  /** A subnet whose traffic arrives over its Microsoft.KeyVault service endpoint. */
  | { readonly kind: 'subnet'; readonly subnetId: string }
  | { readonly kind: 'private-endpoint'; readonly endpointId: string; readonly name: string }
  | { readonly kind: 'trusted-services' }
  /** A subnet's clients arriving from their public address (only ever unknown: may match an IP rule). */
  | { readonly kind: 'subnet-public-egress'; readonly subnetId: string };

export interface QualifiedPath {
  readonly path: AccessPath;
  readonly reason: Coded;
}

export interface VaultAccess {
  /** Verified open paths. */
  readonly open: readonly AccessPath[];
  /** Paths that may be open, but kvnet could not verify them: never counted as reachable. */
  readonly unknown: readonly QualifiedPath[];
  /** Configuration that opens nothing, with the reason (dead config). */
  readonly inactive: readonly QualifiedPath[];
}

export interface AccessChange {
  readonly gained: readonly AccessPath[];
  readonly lost: readonly AccessPath[];
  /** Paths that were open or possibly open and are no longer verifiably so. */
  readonly possiblyLost: readonly AccessPath[];
}

export const NO_CHANGE: AccessChange = { gained: [], lost: [], possiblyLost: [] };

export function pathKey(path: AccessPath): string {
  switch (path.kind) {
    case 'public-all':
    case 'trusted-services':
      return path.kind;
    case 'ip-range':
      return `ip-range:${path.cidr}`;
    case 'subnet':
    case 'subnet-public-egress':
      return `${path.kind}:${key(path.subnetId)}`;
    case 'private-endpoint':
      return `private-endpoint:${key(path.endpointId)}`;
  }
}

const coded = (code: string, params: Coded['params'] = {}): Coded => ({ code, params });

function publicPaths(vault: WorldVault, world: World, access: Mutable): void {
  const network = vault.network;
  const rules: AccessPath[] = [
    ...network.ipRules.map((cidr): AccessPath => ({ kind: 'ip-range', cidr })),
    ...network.virtualNetworkRules.map((rule): AccessPath => ({
      kind: 'subnet',
      subnetId: rule.subnetId,
    })),
  ];
  if (network.publicNetworkAccess === 'Disabled') {
    for (const path of rules)
      access.inactive.push({ path, reason: coded('public-access-disabled') });
    return;
  }
  if (network.publicNetworkAccess !== 'Enabled') {
    // A network security perimeter (or a mode kvnet does not know) decides public access.
    const reason = coded('public-access-mode', { mode: network.publicNetworkAccess });
    if (network.defaultAction === 'Allow')
      access.unknown.push({ path: { kind: 'public-all' }, reason });
    for (const path of rules) access.unknown.push({ path, reason });
    return;
  }
  if (network.defaultAction === 'Allow') {
    access.open.push({ kind: 'public-all' });
    for (const path of rules) access.inactive.push({ path, reason: coded('default-action-allow') });
    return;
  }
  for (const cidr of network.ipRules) access.open.push({ kind: 'ip-range', cidr });
  const admitted = new Set<IdKey>();
  for (const rule of network.virtualNetworkRules) {
    const path: AccessPath = { kind: 'subnet', subnetId: rule.subnetId };
    const subnet = world.subnets.get(key(rule.subnetId));
    if (!subnet) access.unknown.push({ path, reason: coded('subnet-not-read') });
    else if (subnet.status === 'unknown')
      access.unknown.push({ path, reason: coded('subnet-unreadable', { why: subnet.reason }) });
    else if (subnet.status === 'missing')
      access.inactive.push({ path, reason: coded('subnet-missing') });
    else if (!subnet.keyVaultEndpoint)
      access.inactive.push({ path, reason: coded('subnet-without-service-endpoint') });
    else if (!subnet.ready) access.unknown.push({ path, reason: coded('subnet-not-ready') });
    else {
      access.open.push(path);
      admitted.add(key(rule.subnetId));
    }
  }
  if (network.ipRules.length === 0) return;
  // Clients of a subnet without the endpoint reach Key Vault from a public address, which an
  // IP rule may admit; once the plan adds the endpoint they arrive from the VNet instead.
  for (const subnetKey of world.switchingSubnets) {
    if (admitted.has(subnetKey)) continue;
    const entry = publicEgressEntry(world, subnetKey);
    if (entry) access.unknown.push(entry);
  }
}

/**
 * Whether a vault's firewall can admit a subnet's clients arriving from their public address
 * (public access Enabled, defaultAction Deny, at least one IP rule): the only way a switching
 * subnet its VNet rules do not name reaches its access (see publicEgressEntry).
 */
export function admitsPublicEgress(network: WorldVault['network']): boolean {
  return (
    network.publicNetworkAccess === 'Enabled' &&
    network.defaultAction !== 'Allow' &&
    network.ipRules.length > 0
  );
}

/** One shared entry per subnet and world: many vaults list the same unknown egress path. */
const egressEntries = new WeakMap<World, Map<string, QualifiedPath>>();

/**
 * The unknown path of a switching subnet's public-address clients while the subnet lacks the
 * Microsoft.KeyVault endpoint (for a vault that admits public egress and has no open VNet rule
 * on it), or undefined once it has the endpoint or is not known to exist.
 */
export function publicEgressEntry(world: World, subnetKey: IdKey): QualifiedPath | undefined {
  if (!world.switchingSubnets.has(subnetKey)) return undefined;
  const subnet = world.subnets.get(subnetKey);
  if (subnet?.status !== 'ok' || subnet.keyVaultEndpoint) return undefined;
  let entries = egressEntries.get(world);
  if (!entries) {
    entries = new Map();
    egressEntries.set(world, entries);
  }
  let entry = entries.get(subnet.id);
  if (!entry) {
    entry = {
      path: { kind: 'subnet-public-egress', subnetId: subnet.id },
      reason: coded('public-address-may-match-ip-rule'),
    };
    entries.set(subnet.id, entry);
  }
  return entry;
}

/** Why a private endpoint does not (verifiably) carry traffic to the vault, if it does not. */
function endpointGap(
  vault: WorldVault,
  vaultKey: IdKey,
  endpointKey: IdKey,
  endpoint: EndpointFact | undefined,
  world: World,
): { kind: 'open' } | { kind: 'inactive' | 'unknown'; reason: Coded } {
  const connection = vault.connections.get(endpointKey);
  if (!endpoint) {
    if (!connection) return { kind: 'inactive', reason: coded('endpoint-missing') };
    // A connection that is not Approved carries no traffic, whatever the endpoint looks like.
    if (connection.status !== 'Approved')
      return {
        kind: 'inactive',
        reason: coded('connection-not-approved', { status: connection.status }),
      };
    return { kind: 'unknown', reason: coded('endpoint-not-visible') };
  }
  if (!endpoint.ready)
    return {
      kind: 'inactive',
      reason: coded('endpoint-not-ready', { state: endpoint.provisioningState ?? 'unknown' }),
    };
  if (!connection) return { kind: 'inactive', reason: coded('connection-missing') };
  if (connection.status !== 'Approved')
    return {
      kind: 'inactive',
      reason: coded('connection-not-approved', { status: connection.status }),
    };
  const zones = new Set<IdKey>(
    endpoint.zoneGroups.filter((group) => group.ready).flatMap((group) => group.zones),
  );
  const declared = world.declaredZoneOf.get(endpointKey);
  if (declared) zones.add(declared);
  if (zones.size === 0) return { kind: 'unknown', reason: coded('dns-not-declared') };
  let first: { kind: 'inactive' | 'unknown'; reason: Coded } | undefined;
  for (const zoneKey of zones) {
    const gap = zoneGap(vault, endpointKey, endpoint, zoneKey, world);
    if (!gap) return { kind: 'open' };
    first ??= gap;
  }
  return first ?? { kind: 'unknown', reason: coded('dns-not-declared') };
}

function zoneGap(
  vault: WorldVault,
  endpointKey: IdKey,
  endpoint: EndpointFact,
  zoneKey: IdKey,
  world: World,
): { kind: 'inactive' | 'unknown'; reason: Coded } | undefined {
  const zone = world.zones.get(zoneKey);
  if (zone === undefined)
    return { kind: 'unknown', reason: coded('zone-not-read', { zoneId: zoneKey }) };
  if (zone === 'missing')
    return { kind: 'inactive', reason: coded('zone-missing', { zoneId: zoneKey }) };
  if (!zone.ready)
    return { kind: 'inactive', reason: coded('zone-not-ready', { zone: zone.name }) };
  if (zone.name.toLowerCase() !== vault.privateLinkZone)
    return {
      kind: 'inactive',
      reason: coded('zone-name-wrong', { zone: zone.name, expected: vault.privateLinkZone }),
    };
  const link = world.links.get(zoneKey)?.get(endpoint.virtualNetwork);
  if (!link) return { kind: 'inactive', reason: coded('link-missing', { zone: zone.name }) };
  if (!link.ready)
    return { kind: 'inactive', reason: coded('link-not-ready', { zone: zone.name }) };
  const record = world.records.get(recordKey(zoneKey, vault.name));
  if (!record) return { kind: 'inactive', reason: coded('record-missing', { zone: zone.name }) };
  if (record.kind === 'endpoint') {
    return record.endpoint === endpointKey
      ? undefined
      : { kind: 'inactive', reason: coded('record-elsewhere', { zone: zone.name }) };
  }
  if (endpoint.ips.length === 0)
    return { kind: 'unknown', reason: coded('endpoint-ip-unknown', { zone: zone.name }) };
  return record.ips.some((ip) => endpoint.ips.includes(ip))
    ? undefined
    : {
        kind: 'inactive',
        reason: coded('record-mismatch', {
          zone: zone.name,
          record: [...record.ips],
          endpoint: [...endpoint.ips],
        }),
      };
}

interface Mutable {
  open: AccessPath[];
  unknown: QualifiedPath[];
  inactive: QualifiedPath[];
}

export function accessOf(world: World, vaultKey: IdKey): VaultAccess {
  const vault = world.vaults.get(vaultKey);
  const access: Mutable = { open: [], unknown: [], inactive: [] };
  if (!vault) return access;
  publicPaths(vault, world, access);
  const trusted: AccessPath = { kind: 'trusted-services' };
  if (vault.network.bypass === 'AzureServices') {
    if (['Enabled', 'Disabled'].includes(vault.network.publicNetworkAccess))
      access.open.push(trusted);
    else
      access.unknown.push({
        path: trusted,
        reason: coded('public-access-mode', { mode: vault.network.publicNetworkAccess }),
      });
  }
  const endpoints = new Map<IdKey, string>(vault.declaredEndpoints);
  for (const [endpointKey, connection] of vault.connections)
    if (!endpoints.has(endpointKey))
      endpoints.set(endpointKey, world.endpoints.get(endpointKey)?.id ?? connection.endpointId);
  for (const [endpointKey, endpointId] of endpoints) {
    const endpoint = world.endpoints.get(endpointKey);
    const path: AccessPath = {
      kind: 'private-endpoint',
      endpointId: endpoint?.id ?? endpointId,
      name: endpoint?.name ?? lastSegment(endpointId),
    };
    const gap = endpointGap(vault, vaultKey, endpointKey, endpoint, world);
    if (gap.kind === 'open') access.open.push(path);
    else access[gap.kind].push({ path, reason: gap.reason });
  }
  return access;
}

function lastSegment(id: string): string {
  return id.split('/').pop() ?? id;
}

/** What an access value admits, for deciding whether a path is new or gone. */
export class Coverage {
  private readonly keys: Set<string>;
  private readonly all: boolean;
  private readonly addresses: AddressSet;

  constructor(access: VaultAccess) {
    this.keys = new Set(access.open.map(pathKey));
    this.all = this.keys.has('public-all');
    this.addresses = AddressSet.of(
      access.open.flatMap((path) => (path.kind === 'ip-range' ? [path.cidr] : [])),
    );
  }

  covers(path: AccessPath): boolean {
    switch (path.kind) {
      case 'ip-range':
        return this.all || this.addresses.covers(path.cidr);
      case 'subnet':
      case 'trusted-services':
        // defaultAction Allow admits service-endpoint traffic and trusted services too.
        return this.all || this.keys.has(pathKey(path));
      default:
        return this.keys.has(pathKey(path));
    }
  }
}

/** Coverage depends on the open paths alone; an access value is diffed against several. */
const coverages = new WeakMap<readonly AccessPath[], Coverage>();

function coverageOf(access: VaultAccess): Coverage {
  let coverage = coverages.get(access.open);
  if (!coverage) {
    coverage = new Coverage(access);
    coverages.set(access.open, coverage);
  }
  return coverage;
}

/** after − before: who gains a path, who loses one, whose path can no longer be verified. */
export function diffAccess(before: VaultAccess, after: VaultAccess): AccessChange {
  const was = coverageOf(before);
  const now = coverageOf(after);
  const unknownAfter = new Set(after.unknown.map((entry) => pathKey(entry.path)));
  const gained = after.open.filter((path) => !was.covers(path));
  const lost = before.open.filter((path) => !now.covers(path) && !unknownAfter.has(pathKey(path)));
  const possiblyLost = [
    ...before.open.filter((path) => !now.covers(path) && unknownAfter.has(pathKey(path))),
    ...before.unknown
      .map((entry) => entry.path)
      .filter(
        (path) =>
          !now.covers(path) && !unknownAfter.has(pathKey(path)) && !coveredBySubnet(path, now),
      ),
  ];
  return { gained, lost, possiblyLost };
}

/** A subnet's clients that switch to the service endpoint and are admitted by it lose nothing. */
function coveredBySubnet(path: AccessPath, now: Coverage): boolean {
  return (
    path.kind === 'subnet-public-egress' && now.covers({ kind: 'subnet', subnetId: path.subnetId })
  );
}

export function isEmptyChange(change: AccessChange): boolean {
  return change.gained.length + change.lost.length + change.possiblyLost.length === 0;
}

export function impactOf(changes: readonly AccessChange[]): Impact {
  const widens = changes.some((change) => change.gained.length > 0);
  const narrows = changes.some((change) => change.lost.length + change.possiblyLost.length > 0);
  if (widens && narrows) return 'both';
  if (widens) return 'widens';
  return narrows ? 'narrows' : 'none';
}

/** No verified path at all: nobody, not even trusted services, can reach the vault. */
export function isLockedOut(access: VaultAccess): boolean {
  return access.open.length === 0;
}

export function hasPrivatePath(access: VaultAccess): boolean {
  return access.open.some((path) => path.kind === 'private-endpoint');
}
