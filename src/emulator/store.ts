// In-memory ARM state: every resource (children included) keyed by its lower-cased id, in
// insertion order, plus the subscriptions and resource groups the ids imply. It stores bodies
// and nothing else; how a body is shown (embedded children, counters) is the views' job.
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
    // Children go with their parent, as in ARM.
    for (const childKey of [...this.resources.keys()]) {
      if (childKey.startsWith(`${key}/`)) this.resources.delete(childKey);
    }
    return this.resources.delete(key);
  }

  /** Direct children of `parent` whose last type segment is `childType`. */
  children(parentIdValue: string, childType: string): StoredResource[] {
    const prefix = `${idKey(parentIdValue)}/${childType.toLowerCase()}/`;
    const found: StoredResource[] = [];
    for (const [key, record] of this.resources) {
      if (key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) found.push(record);
    }
    return found;
  }

  /** Resources of one type, in a subscription and optionally one resource group. */
  list(type: string, subscription?: string, resourceGroup?: string): StoredResource[] {
    const wanted = type.toLowerCase();
    const scope =
      subscription === undefined
        ? ''
        : resourceGroup === undefined
          ? `/subscriptions/${subscription.toLowerCase()}/`
          : `${idKey(resourceGroupId(subscription, resourceGroup))}/`;
    const found: StoredResource[] = [];
    for (const [key, record] of this.resources) {
      if (record.type.toLowerCase() === wanted && key.startsWith(scope)) found.push(record);
    }
    return found;
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
    this.groups.clear();
    this.subscriptions.clear();
  }
}
