// Named sets (ipSets, subnetSets): lists of rules defined once in a spec set and granted to
// vaults with `- set: NAME`. A set may include other sets of its kind. This module finds the
// definitions and expands a list of entries into plain rules, each remembering where it was
// written and which set held it; what is wrong with sets is reported by checks/named-sets.ts.
import type { LoadedSpecFile } from './checks/context.js';
import type {
  IpRuleEntry,
  IpRuleSpec,
  SetRef,
  VirtualNetworkRuleEntry,
  VirtualNetworkRuleSpec,
} from './schema.js';
import type { Path } from './yaml-loader.js';

export type SetKind = 'ipSet' | 'subnetSet';

/** Where sets of each kind are defined at the top level of a file. */
export const SET_SECTION: Record<SetKind, 'ipSets' | 'subnetSets'> = {
  ipSet: 'ipSets',
  subnetSet: 'subnetSets',
};
/** The vault firewall list that may use sets of each kind. */
export const SET_LIST: Record<SetKind, 'ipRules' | 'virtualNetworkRules'> = {
  ipSet: 'ipRules',
  subnetSet: 'virtualNetworkRules',
};

interface EntryOf {
  ipSet: IpRuleEntry;
  subnetSet: VirtualNetworkRuleEntry;
}
interface RuleOf {
  ipSet: IpRuleSpec;
  subnetSet: VirtualNetworkRuleSpec;
}

export interface SetDefinition<K extends SetKind = SetKind> {
  readonly kind: K;
  readonly name: string;
  readonly loaded: LoadedSpecFile;
  /** Path of the set's list: ['ipSets', NAME]. */
  readonly path: Path;
  readonly entries: readonly EntryOf[K][];
}

export function isSetRef(entry: unknown): entry is SetRef {
  return typeof entry === 'object' && entry !== null && 'set' in entry;
}

/** Every definition of every set in the spec set, in file order (duplicates kept). */
/** What expanding a list needs of the registry: a set's (first) definition by name. */
export interface SetLookup {
  get<K extends SetKind>(kind: K, name: string): SetDefinition<K> | undefined;
}

export class SetRegistry implements SetLookup {
  readonly definitions: readonly SetDefinition[];
  /** kind → name → the first definition: every vault's reference is looked up here. */
  private readonly first = new Map<SetKind, Map<string, SetDefinition>>();

  constructor(files: readonly LoadedSpecFile[]) {
    const definitions: SetDefinition[] = [];
    for (const loaded of files) {
      for (const kind of ['ipSet', 'subnetSet'] as const) {
        const section = loaded.spec[SET_SECTION[kind]];
        for (const [name, entries] of Object.entries(section)) {
          definitions.push({ kind, name, loaded, path: [SET_SECTION[kind], name], entries });
        }
      }
    }
    this.definitions = definitions;
    for (const definition of definitions) {
      const byName = this.first.get(definition.kind) ?? new Map<string, SetDefinition>();
      this.first.set(definition.kind, byName);
      if (!byName.has(definition.name)) byName.set(definition.name, definition);
    }
  }

  /** The first definition of a set (a second one is a finding). Names match exactly. */
  get<K extends SetKind>(kind: K, name: string): SetDefinition<K> | undefined {
    return this.first.get(kind)?.get(name) as SetDefinition<K> | undefined;
  }

  names(kind: SetKind): string[] {
    return [...new Set(this.definitions.filter((d) => d.kind === kind).map((d) => d.name))].sort();
  }
}

export interface ExpandedRule<K extends SetKind> {
  readonly rule: RuleOf[K];
  /** The file and path where the rule itself is written. */
  readonly loaded: LoadedSpecFile;
  readonly path: Path;
  /** The set whose list holds the rule; undefined for a rule written in the vault itself. */
  readonly set?: string;
}

export interface Expansion<K extends SetKind> {
  readonly rules: readonly ExpandedRule<K>[];
  /** Every set the list reaches, directly or through other sets, sorted. */
  readonly sets: readonly string[];
}

/**
 * Expands a list of entries (a vault's list, written at `path` in `loaded`) into plain rules.
 * Unknown sets and cycles contribute nothing here (both are errors reported by the checks),
 * and each set is expanded once per list even when it is reached twice.
 */
export function expandEntries<K extends SetKind>(
  kind: K,
  entries: readonly EntryOf[K][],
  loaded: LoadedSpecFile,
  path: Path,
  registry: SetLookup,
): Expansion<K> {
  const rules: ExpandedRule<K>[] = [];
  const reached = new Set<string>();
  const walk = (
    list: readonly EntryOf[K][],
    file: LoadedSpecFile,
    listPath: Path,
    set: string | undefined,
  ) => {
    list.forEach((entry, index) => {
      if (isSetRef(entry)) {
        if (reached.has(entry.set)) return;
        const definition = registry.get(kind, entry.set);
        if (!definition) return;
        reached.add(entry.set);
        walk(
          definition.entries as readonly EntryOf[K][],
          definition.loaded,
          definition.path,
          entry.set,
        );
        return;
      }
      rules.push({
        rule: entry as RuleOf[K],
        loaded: file,
        path: [...listPath, index],
        ...(set === undefined ? {} : { set }),
      });
    });
  };
  walk(entries, loaded, path, undefined);
  return { rules, sets: [...reached].sort() };
}
