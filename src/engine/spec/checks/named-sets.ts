// Checks of named sets across the whole spec set: each set defined once, every `set:` entry
// naming a set of the right kind that exists, no set that includes itself, no set left
// unused, the rules inside sets as sound as rules written in a vault, and Azure's per-vault
// limits counted after sets are expanded and duplicates merged.
import { canonicalCidr } from '../../model/ipv4.js';
import { resourceIdKey } from '../../model/resource-id.js';
import type { Finding } from '../findings.js';
import { resolveSubnetId, vaultPlacement } from '../refs.js';
import {
  expandEntries,
  isSetRef,
  SET_LIST,
  SET_SECTION,
  SetRegistry,
  type SetDefinition,
  type SetKind,
} from '../sets.js';
import { closest } from '../suggest.js';
import type { Path } from '../yaml-loader.js';
import {
  FindingSink,
  type CheckOptions,
  type CheckTarget,
  type LoadedSpecFile,
} from './context.js';
import { daysBetween, isRealDate } from './dates.js';
import {
  checkAddress,
  checkExpiry,
  ipRuleAddress,
  MAX_IP_RULES,
  reportOverlaps,
} from './ip-rules.js';
import { checkSubnetRef } from './names.js';
import { MAX_VIRTUAL_NETWORK_RULES } from './network-rules.js';

const OTHER: Record<SetKind, SetKind> = { ipSet: 'subnetSet', subnetSet: 'ipSet' };
const article = (kind: SetKind) => (kind === 'ipSet' ? 'an ipSet' : 'a subnetSet');

interface Ref {
  readonly kind: SetKind;
  readonly name: string;
  readonly sink: FindingSink;
  readonly path: Path;
}

/**
 * `complete` says every file of the spec set loaded whole: only then can a set be called
 * unknown or unused (a file that failed the schema may define or use it).
 */
export function checkNamedSets(
  targets: readonly CheckTarget[],
  options: CheckOptions,
  complete: boolean,
): Finding[] {
  const sinks = new Map<LoadedSpecFile, FindingSink>();
  const sinkOf = (loaded: LoadedSpecFile) => {
    let sink = sinks.get(loaded);
    if (!sink) sinks.set(loaded, (sink = new FindingSink(loaded)));
    return sink;
  };
  const registry = new SetRegistry(targets.map((target) => target.source));
  const refs: Ref[] = [];

  reportDuplicates(registry, sinkOf);
  for (const definition of registry.definitions) {
    const sink = sinkOf(definition.loaded);
    checkDefinitionEntries(definition, sink, options);
    definition.entries.forEach((entry, index) => {
      if (isSetRef(entry))
        refs.push({
          kind: definition.kind,
          name: entry.set,
          sink,
          path: [...definition.path, index, 'set'],
        });
    });
  }
  for (const target of targets) {
    const sink = sinkOf(target.source);
    for (const { vault, index } of target.vaults) {
      for (const kind of ['ipSet', 'subnetSet'] as const) {
        const listPath = ['vaults', index, 'firewall', SET_LIST[kind]];
        vault.firewall[SET_LIST[kind]].forEach((entry, entryIndex) => {
          if (isSetRef(entry))
            refs.push({ kind, name: entry.set, sink, path: [...listPath, entryIndex, 'set'] });
        });
      }
    }
  }

  const used = new Set<string>();
  for (const ref of refs) {
    if (registry.get(ref.kind, ref.name)) {
      used.add(`${ref.kind}:${ref.name}`);
      continue;
    }
    reportMissing(ref, registry, complete);
  }
  for (const kind of ['ipSet', 'subnetSet'] as const) reportCycles(kind, registry, sinkOf);
  if (complete) {
    for (const definition of registry.definitions) {
      if (used.has(`${definition.kind}:${definition.name}`)) continue;
      if (registry.get(definition.kind, definition.name) !== definition) continue;
      sinkOf(definition.loaded).report(
        'warning',
        'set/unused',
        definition.path,
        `${definition.kind} "${definition.name}" is used by no vault and no other set: grant it with "- set: ${definition.name}" in a vault's firewall.${SET_LIST[definition.kind]}, or remove it`,
        'key',
      );
    }
  }
  for (const target of targets) checkLimits(target, registry, sinkOf(target.source), options);
  return [...sinks.values()].flatMap((sink) => sink.findings);
}

function where(loaded: LoadedSpecFile, path: Path): string {
  const position = loaded.positions.keyAt(path);
  return `${loaded.file}:${position.line}:${position.column}`;
}

function reportDuplicates(
  registry: SetRegistry,
  sinkOf: (loaded: LoadedSpecFile) => FindingSink,
): void {
  for (const definition of registry.definitions) {
    const first = registry.get(definition.kind, definition.name);
    if (!first || first === definition) continue;
    sinkOf(definition.loaded).report(
      'error',
      'set/duplicate',
      definition.path,
      `${definition.kind} "${definition.name}" is already defined at ${where(first.loaded, first.path)}: define each set once in the spec set (any file may use it), or give this one another name`,
      'key',
    );
  }
}

function reportMissing(ref: Ref, registry: SetRegistry, complete: boolean): void {
  const list = SET_LIST[ref.kind];
  const other = OTHER[ref.kind];
  if (registry.get(other, ref.name)) {
    ref.sink.error(
      'set/wrong-kind',
      ref.path,
      `"${ref.name}" is ${article(other)}, and ${list} can only use ${ref.kind}s: move this entry to ${SET_LIST[other]}, or define ${article(ref.kind)} under ${SET_SECTION[ref.kind]}`,
    );
    return;
  }
  if (!complete) return;
  const known = registry.names(ref.kind);
  const suggestion = closest(ref.name, known);
  const fix = suggestion
    ? `did you mean "${suggestion}"?`
    : known.length > 0
      ? `the ${ref.kind}s defined are ${known.map((name) => `"${name}"`).join(', ')}`
      : `define it under ${SET_SECTION[ref.kind]}: at the top level of any file of the spec set`;
  ref.sink.error('set/unknown', ref.path, `no ${ref.kind} is named "${ref.name}": ${fix}`);
}

/** A set that reaches itself through `set:` entries; each cycle is reported once. */
function reportCycles(
  kind: SetKind,
  registry: SetRegistry,
  sinkOf: (loaded: LoadedSpecFile) => FindingSink,
): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (name: string, trail: string[]) => {
    const definition = registry.get(kind, name);
    if (!definition) return;
    state.set(name, 'visiting');
    definition.entries.forEach((entry, index) => {
      if (!isSetRef(entry)) return;
      const next = entry.set;
      if (state.get(next) === 'visiting') {
        const route = [...trail, name];
        const cycle = route.slice(route.indexOf(next));
        const key = [...cycle].sort().join('\u0000');
        if (reported.has(key)) return;
        reported.add(key);
        const shown = [...cycle, next].join(' → ');
        sinkOf(definition.loaded).error(
          'set/cycle',
          [...definition.path, index, 'set'],
          `${kind} "${next}" includes itself (${shown}): remove this "set: ${next}" entry, or another entry of the loop`,
        );
        return;
      }
      if (state.get(next) !== 'done') visit(next, [...trail, name]);
    });
    state.set(name, 'done');
  };
  for (const name of registry.names(kind)) if (!state.has(name)) visit(name, []);
}

/** The rules written inside a set are checked once, where they are written. */
function checkDefinitionEntries(
  definition: SetDefinition,
  sink: FindingSink,
  options: CheckOptions,
): void {
  if (definition.kind === 'subnetSet') {
    (definition as SetDefinition<'subnetSet'>).entries.forEach((entry, index) => {
      if (!isSetRef(entry))
        checkSubnetRef(entry.subnet, [...definition.path, index, 'subnet'], sink);
    });
    return;
  }
  const accepted: Parameters<typeof reportOverlaps>[0][number][] = [];
  (definition as SetDefinition<'ipSet'>).entries.forEach((entry, index) => {
    if (isSetRef(entry)) return;
    const rulePath = [...definition.path, index];
    const addressPath = typeof entry === 'string' ? rulePath : [...rulePath, 'address'];
    const range = checkAddress(ipRuleAddress(entry), addressPath, sink);
    if (range) accepted.push({ range, path: addressPath, text: ipRuleAddress(entry) });
    if (typeof entry !== 'string' && entry.expires !== undefined)
      checkExpiry(entry.expires, ipRuleAddress(entry), [...rulePath, 'expires'], sink, options);
  });
  reportOverlaps(accepted, sink);
}

/** Azure's limits apply to what the vault is sent: sets expanded, duplicates merged. */
function checkLimits(
  target: CheckTarget,
  registry: SetRegistry,
  sink: FindingSink,
  options: CheckOptions,
): void {
  const { source } = target;
  for (const { vault, index } of target.vaults) {
    const vaultPath = ['vaults', index];
    const ipPath = [...vaultPath, 'firewall', 'ipRules'];
    const ips = expandEntries('ipSet', vault.firewall.ipRules, source, ipPath, registry);
    const cidrs = new Set(
      ips.rules
        .filter(({ rule }) => {
          const expires = typeof rule === 'string' ? undefined : rule.expires;
          return (
            expires === undefined ||
            !isRealDate(expires) ||
            daysBetween(options.today, expires) >= 0
          );
        })
        .map(({ rule }) => canonicalCidr(ipRuleAddress(rule)) ?? ipRuleAddress(rule)),
    );
    if (cidrs.size > MAX_IP_RULES) {
      sink.error(
        'limits/ip-rules',
        ipPath,
        `vault "${vault.name}" has ${cidrs.size} IP rules${fromSets(ips.sets)}; Azure allows at most ${MAX_IP_RULES} per vault: merge adjacent addresses into CIDR ranges, or reach the vault through VNet rules or private endpoints`,
      );
    }
    const vnetPath = [...vaultPath, 'firewall', 'virtualNetworkRules'];
    const vnets = expandEntries(
      'subnetSet',
      vault.firewall.virtualNetworkRules,
      source,
      vnetPath,
      registry,
    );
    const placement = vaultPlacement(source.spec, vault);
    const subnets = new Set(
      vnets.rules.map(({ rule }, at) =>
        placement ? resourceIdKey(resolveSubnetId(rule.subnet, placement)) : String(at),
      ),
    );
    if (subnets.size > MAX_VIRTUAL_NETWORK_RULES) {
      sink.error(
        'limits/vnet-rules',
        vnetPath,
        `vault "${vault.name}" has ${subnets.size} virtual network rules${fromSets(vnets.sets)}; Azure allows at most ${MAX_VIRTUAL_NETWORK_RULES} per vault: use private endpoints for the rest`,
      );
    }
  }
}

function fromSets(sets: readonly string[]): string {
  return sets.length > 0
    ? ` once its sets (${sets.join(', ')}) are expanded and duplicates merged`
    : '';
}
