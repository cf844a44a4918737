// In-memory ARM state: every resource (children included) keyed by its lower-cased id, in
// insertion order, plus the subscriptions and resource groups the ids imply. It stores bodies
// and nothing else; how a body is shown (embedded children, counters) is the views' job.
// Lists and children are answered from indexes kept in the same insertion order, so a request
// costs what it returns, not the size of the estate (a vault's view lists its connections,
// and a bench lists thousands of vaults).
import { idKey, parseResourceId, resourceGroupId } from './ids.js';

export type ArmBody = Record<string, unknown>;

export interface StoredResource {
  /** The id as first written (ARM keeps the casing of the creating request). */
  readonly id: string;
  readonly type: string;
  body: ArmBody;
}

export interface ResourceGroupInfo {
  readonly subscription: string;
  readonly name: string;
  readonly location: string;
}

export class Store {
  private readonly resources = new Map<string, StoredResource>();
  private readonly groups = new Map<string, ResourceGroupInfo>();
  private readonly subscriptions = new Map<string, string>();
  /** "type|scope" (scope: "/subscriptions/s/", "/subscriptions/s/resourcegroups/g/" or "") → records. */
  private readonly byScope = new Map<string, Map<string, StoredResource>>();
  /** Parent key → its direct children. */
  private readonly byParent = new Map<string, Map<string, StoredResource>>();

  get(id: string): StoredResource | undefined {
    return this.resources.get(idKey(id));
  }

  /** Inserts or replaces; an existing entry keeps its original id casing and position. */
  put(id: string, type: string, body: ArmBody): StoredResource {
    const key = idKey(id);
    const existing = this.resources.get(key);
    if (existing) {
      existing.body = body;
      return existing;
    }
    const record: StoredResource = { id, type, body };
    this.resources.set(key, record);
    for (const index of this.indexesOf(key, record)) index.set(key, record);
    const parsed = parseResourceId(id);
    if (parsed) {
      this.noteSubscription(parsed.subscription);
      if (parsed.resourceGroup !== undefined) {
        const location = typeof body.location === 'string' ? body.location : 'westus';
        this.noteResourceGroup(parsed.subscription, parsed.resourceGroup, location);
      }
    }
    return record;
  }

  delete(id: string): boolean {
    const key = idKey(id);
    // Children go with their parent, as in ARM (a scan: deletes are rare, lists are not).
    for (const childKey of [...this.resources.keys()]) {
      if (childKey.startsWith(`${key}/`)) this.remove(childKey);
    }
    return this.remove(key);
  }

  /** Direct children of `parent` whose last type segment is `childType`. */
  children(parentIdValue: string, childType: string): StoredResource[] {
    const prefix = `${idKey(parentIdValue)}/${childType.toLowerCase()}/`;
    const found: StoredResource[] = [];
    for (const [key, record] of this.byParent.get(idKey(parentIdValue)) ?? []) {
      if (key.startsWith(prefix)) found.push(record);
    }
    return found;
  }

  /** Resources of one type, in a subscription and optionally one resource group. */
  list(type: string, subscription?: string, resourceGroup?: string): StoredResource[] {
    const scope =
      subscription === undefined
        ? ''
        : resourceGroup === undefined
          ? `/subscriptions/${subscription.toLowerCase()}/`
          : `${idKey(resourceGroupId(subscription, resourceGroup))}/`;
    return [...(this.byScope.get(`${type.toLowerCase()}|${scope}`)?.values() ?? [])];
  }

  all(): StoredResource[] {
    return [...this.resources.values()];
  }

  noteSubscription(subscription: string): void {
    const key = subscription.toLowerCase();
    if (!this.subscriptions.has(key)) this.subscriptions.set(key, subscription);
  }

  noteResourceGroup(subscription: string, name: string, location: string): void {
    this.noteSubscription(subscription);
    const key = idKey(resourceGroupId(subscription, name));
    if (!this.groups.has(key)) this.groups.set(key, { subscription, name, location });
  }

  hasSubscription(subscription: string): boolean {
    return this.subscriptions.has(subscription.toLowerCase());
  }

  resourceGroup(subscription: string, name: string): ResourceGroupInfo | undefined {
    return this.groups.get(idKey(resourceGroupId(subscription, name)));
  }

  resourceGroups(): ResourceGroupInfo[] {
    return [...this.groups.values()];
  }

  clear(): void {
    this.resources.clear();
    this.byScope.clear();
    this.byParent.clear();
    this.groups.clear();
    this.subscriptions.clear();
  }

  private remove(key: string): boolean {
    const record = this.resources.get(key);
    if (!record) return false;
    for (const index of this.indexesOf(key, record)) index.delete(key);
    return this.resources.delete(key);
  }

  /** The index maps a record belongs to (created on first use). */
  private indexesOf(key: string, record: StoredResource): Map<string, StoredResource>[] {
    const type = record.type.toLowerCase();
    const segments = key.split('/');
    const scopes = [''];
    if (segments[1] === 'subscriptions' && segments[2] !== undefined) {
      scopes.push(`/subscriptions/${segments[2]}/`);
      if (segments[3] === 'resourcegroups' && segments[4] !== undefined)
        scopes.push(`/subscriptions/${segments[2]}/resourcegroups/${segments[4]}/`);
    }
    const indexes = scopes.map((scope) => indexIn(this.byScope, `${type}|${scope}`));
    // A direct child: `{parent}/{childType}/{name}`.
    if (segments.length > 2) indexes.push(indexIn(this.byParent, segments.slice(0, -2).join('/')));
    return indexes;
  }
}

function indexIn<K, V>(indexes: Map<K, Map<string, V>>, at: K): Map<string, V> {
  let index = indexes.get(at);
  if (!index) {
    index = new Map();
    indexes.set(at, index);
  }
  return index;
}
