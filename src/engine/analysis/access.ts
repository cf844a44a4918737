// The access model: who can reach a vault's data plane, as a value computed from the world
// (live state, or live state with some of a plan's steps applied). Every access claim of a
// plan (impact, net change, reachability, dead configuration, lockout, preconditions) is a
// function of it. "Reach" means the network path is open; identity and RBAC are out of scope.
// A path kvnet could not verify is listed as unknown and never counts as reachable.
import { AddressSet } from './address-space.js';
import {
  key,
  recordKey,
  subnetRevision,
  type EndpointFact,
  type World,
  type WorldVault,
} from './world.js';
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
  /**
   * Clients of these switching subnets (the plan adds their Microsoft.KeyVault endpoint) arriving
   * from their public address, which an IP rule may admit: only ever unknown, at most one per
   * vault, so a plan over V vaults and S subnets holds V + S of them, not V × S.
   */
  | EgressPath;

export interface EgressPath {
  readonly kind: 'switching-subnets-egress';
  readonly subnetIds: readonly string[];
}

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
      return `${path.kind}:${key(path.subnetId)}`;
    case 'switching-subnets-egress':
      return egressKey(path);
    case 'private-endpoint':
      return `private-endpoint:${key(path.endpointId)}`;
  }
}

const coded = (code: string, params: Coded['params'] = {}): Coded => ({ code, params });

const egressKeys = new WeakMap<EgressPath, string>();

/** An egress path's key lists all its subnets: computed once per (shared) path. */
function egressKey(path: EgressPath): string {
  let text = egressKeys.get(path);
  if (text === undefined) {
    text = `${path.kind}:${path.subnetIds.map(key).join(',')}`;
    egressKeys.set(path, text);
  }
  return text;
}

export const egressPath = (subnetIds: readonly string[]): EgressPath => ({
  kind: 'switching-subnets-egress',
  subnetIds,
});

/**
 * One object per path and world: every access computed from a world (each vault's before and
 * after, and each step's) shares it, so a plan of 10,000 vaults holds each path once instead
 * of once per access it appears in. Paths are values; nothing keys on their identity.
 */
interface PathTable {
  readonly ipRanges: Map<string, AccessPath>;
  readonly subnets: Map<string, AccessPath>;
  readonly endpoints: Map<string, Map<string, AccessPath>>;
}

const pathTables = new WeakMap<World, PathTable>();

function pathTable(world: World): PathTable {
  let table = pathTables.get(world);
  if (!table) {
    table = { ipRanges: new Map(), subnets: new Map(), endpoints: new Map() };
    pathTables.set(world, table);
  }
  return table;
}

const PUBLIC_ALL: AccessPath = { kind: 'public-all' };
const TRUSTED_SERVICES: AccessPath = { kind: 'trusted-services' };

function ipRangePath(table: PathTable, cidr: string): AccessPath {
  let path = table.ipRanges.get(cidr);
  if (!path) table.ipRanges.set(cidr, (path = { kind: 'ip-range', cidr }));
  return path;
}

function subnetPath(table: PathTable, subnetId: string): AccessPath {
  let path = table.subnets.get(subnetId);
  if (!path) table.subnets.set(subnetId, (path = { kind: 'subnet', subnetId }));
  return path;
}

function endpointPath(table: PathTable, endpointId: string, name: string): AccessPath {
  let byName = table.endpoints.get(endpointId);
  if (!byName) table.endpoints.set(endpointId, (byName = new Map()));
  let path = byName.get(name);
  if (!path) byName.set(name, (path = { kind: 'private-endpoint', endpointId, name }));
  return path;
}

function publicPaths(vault: WorldVault, world: World, access: Mutable): void {
  const network = vault.network;
  const table = pathTable(world);
  const rules: AccessPath[] = [
    ...network.ipRules.map((cidr) => ipRangePath(table, cidr)),
    ...network.virtualNetworkRules.map((rule) => subnetPath(table, rule.subnetId)),
  ];
  if (network.publicNetworkAccess === 'Disabled') {
    for (const path of rules)
      access.inactive.push({ path, reason: coded('public-access-disabled') });
    return;
  }
  if (network.publicNetworkAccess !== 'Enabled') {
    // A network security perimeter (or a mode kvnet does not know) decides public access.
    const reason = coded('public-access-mode', { mode: network.publicNetworkAccess });
    if (network.defaultAction === 'Allow') access.unknown.push({ path: PUBLIC_ALL, reason });
    for (const path of rules) access.unknown.push({ path, reason });
    return;
  }
  if (network.defaultAction === 'Allow') {
    access.open.push(PUBLIC_ALL);
    for (const path of rules) access.inactive.push({ path, reason: coded('default-action-allow') });
    return;
  }
  for (const cidr of network.ipRules) access.open.push(ipRangePath(table, cidr));
  for (const rule of network.virtualNetworkRules) {
    const path = subnetPath(table, rule.subnetId);
    const subnet = world.subnets.get(key(rule.subnetId));
    if (!subnet) access.unknown.push({ path, reason: coded('subnet-not-read') });
    else if (subnet.status === 'unknown')
      access.unknown.push({ path, reason: coded('subnet-unreadable', { why: subnet.reason }) });
    else if (subnet.status === 'missing')
      access.inactive.push({ path, reason: coded('subnet-missing') });
    else if (!subnet.keyVaultEndpoint)
      access.inactive.push({ path, reason: coded('subnet-without-service-endpoint') });
    else if (!subnet.ready) access.unknown.push({ path, reason: coded('subnet-not-ready') });
    else access.open.push(path);
  }
  if (network.ipRules.length === 0) return;
  // Clients of a subnet without the endpoint reach Key Vault from a public address, which an
  // IP rule may admit; once the plan adds the endpoint they arrive from the VNet instead. A
  // VNet rule opens only a subnet that has the endpoint, so no vault admits a pending subnet
  // by VNet rule: every vault that admits public egress lists the same pending subnets.
  const egress = pendingEgressEntry(world);
  if (egress) access.unknown.push(egress);
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

/** The pending egress entry of a world, for the subnet revision it was computed at. */
const pendingEntries = new WeakMap<
  World,
  { readonly revision: number; readonly entry: QualifiedPath | undefined }
>();
/** Entries by their subnets' keys, so a state seen again (a step undone) reuses its array. */
const internedEntries = new WeakMap<World, Map<string, QualifiedPath>>();

/** Whether a switching subnet still lacks the Microsoft.KeyVault endpoint (is known to exist). */
export function isPendingSwitch(world: World, subnetKey: IdKey): boolean {
  if (!world.switchingSubnets.has(subnetKey)) return false;
  const subnet = world.subnets.get(subnetKey);
  return subnet?.status === 'ok' && !subnet.keyVaultEndpoint;
}

/**
 * The one unknown path, shared by every vault that admits public egress, of the switching
 * subnets still pending in this world state; undefined when none is. Computed once per
 * subnet revision (world.ts), so O(S) per subnet step and O(1) per vault.
 */
export function pendingEgressEntry(world: World): QualifiedPath | undefined {
  const revision = subnetRevision(world);
  const memo = pendingEntries.get(world);
  if (memo?.revision === revision) return memo.entry;
  const keys: IdKey[] = [];
  const ids: string[] = [];
  for (const subnetKey of world.switchingSubnets) {
    const subnet = world.subnets.get(subnetKey);
    if (subnet?.status !== 'ok' || subnet.keyVaultEndpoint) continue;
    keys.push(subnetKey);
    ids.push(subnet.id);
  }
  const entry = ids.length > 0 ? internedEntry(world, keys.join('\n'), ids) : undefined;
  pendingEntries.set(world, { revision, entry });
  return entry;
}

function internedEntry(world: World, id: string, subnetIds: string[]): QualifiedPath {
  let entries = internedEntries.get(world);
  if (!entries) {
    entries = new Map();
    internedEntries.set(world, entries);
  }
  let entry = entries.get(id);
  if (!entry) {
    entry = { path: egressPath(subnetIds), reason: coded('public-address-may-match-ip-rule') };
    entries.set(id, entry);
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
  const trusted = TRUSTED_SERVICES;
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
    const path = endpointPath(
      pathTable(world),
      endpoint?.id ?? endpointId,
      endpoint?.name ?? lastSegment(endpointId),
    );
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
  private addressSet: AddressSet | undefined;
  /** Keys of the subnets open by VNet rule. */
  readonly subnets: readonly IdKey[];
  /** defaultAction Allow: every source, service-endpoint traffic included. */
  readonly all: boolean;

  constructor(private readonly access: VaultAccess) {
    this.keys = new Set(access.open.map(pathKey));
    this.all = this.keys.has('public-all');
    this.subnets = access.open.flatMap((path) =>
      path.kind === 'subnet' ? [key(path.subnetId)] : [],
    );
  }

  /** Built on the first range that is not open as written (most diffs compare equal lists). */
  private get addresses(): AddressSet {
    this.addressSet ??= AddressSet.of(
      this.access.open.flatMap((path) => (path.kind === 'ip-range' ? [path.cidr] : [])),
    );
    return this.addressSet;
  }

  covers(path: AccessPath): boolean {
    switch (path.kind) {
      case 'ip-range':
        return this.all || this.keys.has(pathKey(path)) || this.addresses.covers(path.cidr);
      case 'subnet':
      case 'trusted-services':
        // defaultAction Allow admits service-endpoint traffic and trusted services too.
        return this.all || this.keys.has(pathKey(path));
      default:
        return this.keys.has(pathKey(path));
    }
  }
}

const isEgress = (path: AccessPath): path is EgressPath => path.kind === 'switching-subnets-egress';

function egressOf(access: VaultAccess): EgressPath | undefined {
  for (const entry of access.unknown) if (isEgress(entry.path)) return entry.path;
  return undefined;
}

/** after − before: who gains a path, who loses one, whose path can no longer be verified. */
export function diffAccess(before: VaultAccess, after: VaultAccess): AccessChange {
  // The same access (simulate.ts keeps one object for a vault a plan leaves as it was).
  if (before === after) return NO_CHANGE;
  // Built for each diff, not remembered: a memo keyed by the access kept every vault's coverage
  // alive as long as the plan holding the access (about a kilobyte a vault, 10 MB at 10,000),
  // and the coverage of a vault's few paths costs less to build than to carry.
  const was = new Coverage(before);
  const now = new Coverage(after);
  const unknownAfter = new Set(
    after.unknown.filter((entry) => !isEgress(entry.path)).map((entry) => pathKey(entry.path)),
  );
  const gained = after.open.filter((path) => !was.covers(path));
  const lost = before.open.filter((path) => !now.covers(path) && !unknownAfter.has(pathKey(path)));
  const possiblyLost = [
    ...before.open.filter((path) => !now.covers(path) && unknownAfter.has(pathKey(path))),
    ...before.unknown
      .map((entry) => entry.path)
      .filter((path) => !isEgress(path) && !now.covers(path) && !unknownAfter.has(pathKey(path))),
    ...lostEgress(before, after, now),
  ];
  return { gained, lost, possiblyLost };
}

interface EgressDifference {
  readonly path: EgressPath;
  /** The keys of path.subnetIds, in order, and as a set. */
  readonly keyList: readonly IdKey[];
  readonly keys: ReadonlySet<IdKey>;
  /** The difference less the subnets some vaults admit by VNet rule, by those subnets' keys. */
  readonly less: Map<string, EgressPath | undefined>;
}

/** Differences of two (shared) egress arrays, so that vaults listing the same ones share one. */
const egressDifferences = new WeakMap<
  readonly string[],
  Map<readonly string[] | undefined, EgressDifference | undefined>
>();

/** The subnets of `was` that `now` (if any) no longer lists; `was` itself when it lists none. */
function egressDifference(
  was: EgressPath,
  now: EgressPath | undefined,
): EgressDifference | undefined {
  let byAfter = egressDifferences.get(was.subnetIds);
  if (!byAfter) {
    byAfter = new Map();
    egressDifferences.set(was.subnetIds, byAfter);
  }
  if (byAfter.has(now?.subnetIds)) return byAfter.get(now?.subnetIds);
  const still = new Set(now?.subnetIds.map(key));
  const ids: string[] = [];
  const keyList: IdKey[] = [];
  for (const id of was.subnetIds) {
    const subnetKey = key(id);
    if (still.has(subnetKey)) continue;
    ids.push(id);
    keyList.push(subnetKey);
  }
  const difference =
    ids.length === 0
      ? undefined
      : {
          path: ids.length === was.subnetIds.length ? was : egressPath(ids),
          keyList,
          keys: new Set(keyList),
          less: new Map(),
        };
  byAfter.set(now?.subnetIds, difference);
  return difference;
}

/**
 * The switched subnets whose public-address clients the vault may lose: those `before` listed
 * pending and `after` does not, less those it now admits by an open VNet rule (those clients
 * arrive over the endpoint and are let in). Per vault, only its own VNet rules cost anything.
 */
function lostEgress(before: VaultAccess, after: VaultAccess, now: Coverage): AccessPath[] {
  const was = egressOf(before);
  if (!was || now.all) return [];
  const gone = egressDifference(was, egressOf(after));
  if (!gone) return [];
  const admitted = [...new Set(now.subnets.filter((subnetKey) => gone.keys.has(subnetKey)))];
  if (admitted.length === 0) return [gone.path];
  // Vaults admitting the same subnets (a shared subnet's VNet rule) share the one result.
  const id = admitted.sort().join('\n');
  if (!gone.less.has(id)) {
    const skip = new Set<IdKey | undefined>(admitted);
    const ids = gone.path.subnetIds.filter((_, index) => !skip.has(gone.keyList[index]));
    gone.less.set(id, ids.length > 0 ? egressPath(ids) : undefined);
  }
  const rest = gone.less.get(id);
  return rest ? [rest] : [];
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
