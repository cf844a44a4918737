// The facts the access model reads, for every resource a plan touches, in one mutable value:
// built from the live snapshot, then changed step by step as the plan would change Azure, so
// the access model can be computed before, after, and between any two steps. Each change
// returns its undo, so a step the analysis refuses can be taken back.
import { resourceIdKey, type IdKey } from '../model/resource-id.js';
import type { VaultNetwork } from '../model/vault-network.js';

export type ConnectionState = string;

export interface WorldVault {
  readonly id: string;
  readonly name: string;
  /** The private DNS zone name Key Vault private endpoints must use in the vault's cloud. */
  readonly privateLinkZone: string;
  network: VaultNetwork;
  /** Private endpoint connections by endpoint key. */
  readonly connections: Map<
    IdKey,
    { readonly endpointId: string; readonly name?: string; readonly status: ConnectionState }
  >;
  /** Endpoints the spec declares for this vault (key → id). */
  readonly declaredEndpoints: ReadonlyMap<IdKey, string>;
}

export type SubnetFact =
  | {
      readonly status: 'ok';
      readonly id: string;
      readonly keyVaultEndpoint: boolean;
      /** provisioningState Succeeded (or not reported). */
      readonly ready: boolean;
    }
  | { readonly status: 'missing' }
  | { readonly status: 'unknown'; readonly reason: string };

export interface ZoneGroupFact {
  readonly id: string;
  readonly name: string;
  readonly zones: readonly IdKey[];
  readonly ready: boolean;
}

export interface EndpointFact {
  readonly id: string;
  readonly name: string;
  readonly ready: boolean;
  readonly provisioningState?: string;
  readonly subnetId: string;
  readonly virtualNetwork: IdKey;
  /** The NIC's private IPs; empty when Azure did not report them. */
  readonly ips: readonly string[];
  zoneGroups: readonly ZoneGroupFact[];
}

export interface ZoneFact {
  readonly name: string;
  readonly ready: boolean;
}

/** Where an A record points: a known endpoint, something else, or not decidable. */
export type RecordTarget =
  | { readonly kind: 'endpoint'; readonly endpoint: IdKey }
  | { readonly kind: 'other'; readonly ips: readonly string[] };

export interface World {
  readonly vaults: Map<IdKey, WorldVault>;
  readonly subnets: Map<IdKey, SubnetFact>;
  readonly endpoints: Map<IdKey, EndpointFact>;
  /** Zones kvnet read (absent from the map: not read, so unknown). */
  readonly zones: Map<IdKey, ZoneFact | 'missing'>;
  /** Per zone: links by VNet key, ready or not. */
  readonly links: Map<IdKey, Map<IdKey, { readonly ready: boolean }>>;
  /** A records by `zoneKey|relative name` (lower-cased), for zones kvnet read. */
  readonly records: Map<string, RecordTarget>;
  /** The zone the spec declares for an endpoint's DNS. */
  readonly declaredZoneOf: ReadonlyMap<IdKey, IdKey>;
  /**
   * Subnets whose Microsoft.KeyVault endpoint the plan adds: their clients' traffic to Key
   * Vault switches from public to private source addresses.
   */
  readonly switchingSubnets: ReadonlySet<IdKey>;
}

export type Undo = () => void;

export function recordKey(zone: IdKey, name: string): string {
  return `${zone}|${name.toLowerCase()}`;
}

/** Sets a map entry and returns how to put the previous one back. */
export function setWithUndo<K, V>(map: Map<K, V>, key: K, value: V | undefined): Undo {
  const had = map.has(key);
  const previous = map.get(key);
  if (value === undefined) map.delete(key);
  else map.set(key, value);
  return () => {
    if (had) map.set(key, previous as V);
    else map.delete(key);
  };
}

export function undoAll(undos: readonly Undo[]): Undo {
  return () => {
    for (const undo of [...undos].reverse()) undo();
  };
}

export const key = resourceIdKey;

/**
 * A counter per world, bumped on every change to a subnet's facts, so that what depends on the
 * subnets alone (the switching subnets still pending, access.ts) is computed once per state.
 */
const subnetRevisions = new WeakMap<World, number>();

export const subnetRevision = (world: World): number => subnetRevisions.get(world) ?? 0;

/** Sets a subnet's fact (undoably), bumping the world's subnet revision both ways. */
export function setSubnetWithUndo(world: World, subnetKey: IdKey, fact: SubnetFact): Undo {
  const bump = () => subnetRevisions.set(world, subnetRevision(world) + 1);
  const undo = setWithUndo(world.subnets, subnetKey, fact);
  bump();
  return () => {
    undo();
    bump();
  };
}
