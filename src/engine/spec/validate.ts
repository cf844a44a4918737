// The spec set's front door: text in, typed specs and every finding out. Nothing here talks
// to Azure; everything that can be known from the text alone is checked before any call.
import { compareFindings, type Finding } from './findings.js';
import {
  FindingSink,
  wholeFile,
  type CheckOptions,
  type CheckTarget,
  type IndexedVault,
  type LoadedSpecFile,
} from './checks/context.js';
import { checkIpRules } from './checks/ip-rules.js';
import { checkNamedSets } from './checks/named-sets.js';
import { checkDefaults, checkVaultNames } from './checks/names.js';
import { checkVirtualNetworkRules } from './checks/network-rules.js';
import { checkSemantics } from './checks/semantics.js';
import { checkSpecSet } from './checks/set.js';
import { checkSetConsistency } from './checks/set-consistency.js';
import { checkDefaultLocation, checkVaultLocations } from './checks/locations.js';
import {
  checkDefaultDisabledFindings,
  checkVaultDisabledFindings,
} from './checks/disabled-findings.js';
import { vaultPlacement } from './refs.js';
import { checkManagedHsms } from './checks/managed-hsms.js';
import { salvage } from './salvage.js';
import { specSchema } from './schema.js';
import { schemaFindings } from './schema-findings.js';
import { loadYaml, type PositionIndex } from './yaml-loader.js';
import type { z } from 'zod';

export interface SpecSource {
  /** The path shown in findings, as the user would type it. */
  readonly file: string;
  readonly text: string;
}

export interface ValidationResult {
  /** Files that parsed and matched the schema (they may still carry domain errors). */
  readonly files: LoadedSpecFile[];
  /** Every finding, sorted by file and position. */
  readonly findings: Finding[];
}

/** One file, parsed: YAML, then the schema. */
export interface ParsedSpecFile {
  /** Present when the whole file matched the schema. */
  loaded?: LoadedSpecFile;
  /** What the domain checks can still look at: the whole file, or the vaults that parsed. */
  checkable?: CheckTarget;
  findings: Finding[];
}

/** Parses one file: YAML, then the schema. */
export function parseSpecFile(source: SpecSource): ParsedSpecFile {
  const yaml = loadYaml(source.file, source.text);
  if (!yaml.ok) return { findings: yaml.findings };
  const parsed = specSchema.safeParse(yaml.value);
  if (!parsed.success) {
    const findings = schemaFindings(
      source.file,
      specSchema,
      yaml.value,
      parsed.error.issues,
      yaml.positions,
    );
    const checkable = vaultsThatParse(source.file, yaml.value, parsed.error.issues, yaml.positions);
    return checkable ? { checkable, findings } : { findings };
  }
  const loaded = { file: source.file, spec: parsed.data, positions: yaml.positions };
  return { loaded, checkable: wholeFile(loaded), findings: [] };
}

/**
 * The file as far as it can be checked: repaired (salvage.ts) so that a schema mistake in one
 * field hides none of the other checks of its vault or file.
 */
function vaultsThatParse(
  file: string,
  value: unknown,
  issues: readonly z.core.$ZodIssue[],
  positions: PositionIndex,
): CheckTarget | undefined {
  const salvaged = salvage(specSchema, value, issues, 2);
  if (!salvaged) return undefined;
  const spec = salvaged.value;
  // forEach: an item left out is a hole.
  const vaults: IndexedVault[] = [];
  spec.vaults.forEach((vault, index) => vaults.push({ vault, index }));
  const managedHsms: IndexedVault[] = [];
  spec.managedHsms.forEach((hsm, index) => managedHsms.push({ vault: hsm, index }));
  return { source: { file, spec, positions }, vaults, managedHsms, skip: salvaged.skip };
}

function checkFile(target: CheckTarget, sink: FindingSink, options: CheckOptions): void {
  const { spec } = target.source;
  checkDefaults(spec, sink);
  checkDefaultLocation(spec, sink);
  checkDefaultDisabledFindings(spec, sink);
  target.vaults.forEach(({ vault, index }) => {
    const vaultPath = ['vaults', index];
    const placement = vaultPlacement(spec, vault);
    checkVaultNames(spec, vault, vaultPath, sink);
    checkIpRules(vault, vaultPath, sink, options);
    checkVirtualNetworkRules(vault, vaultPath, placement, sink);
    checkSemantics(spec, vault, vaultPath, sink);
    checkVaultLocations(spec, vault, vaultPath, sink);
    checkVaultDisabledFindings(vault, vaultPath, sink);
  });
  checkManagedHsms(target, sink, options);
}

export function validateSpecSet(
  sources: readonly SpecSource[],
  options: CheckOptions,
): ValidationResult {
  return checkParsedSet(sources.map(parseSpecFile), sources.length, options);
}

/**
 * validateSpecSet, handing each file that matched the schema to `onParsed` as soon as it is
 * parsed, and letting the event loop run before the next file: reads started there go out
 * while the rest of the set parses. The result is validateSpecSet's.
 */
export async function validateSpecSetAsParsed(
  sources: readonly SpecSource[],
  options: CheckOptions,
  onParsed: (file: LoadedSpecFile) => void,
): Promise<ValidationResult> {
  const parsed: ParsedSpecFile[] = [];
  for (const source of sources) {
    const result = parseSpecFile(source);
    parsed.push(result);
    if (result.loaded) onParsed(result.loaded);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return checkParsedSet(parsed, sources.length, options);
}

/** The checks of the set, file by file and across files, over the parsed files. */
function checkParsedSet(
  parsed: readonly ParsedSpecFile[],
  sourceCount: number,
  options: CheckOptions,
): ValidationResult {
  const findings: Finding[] = [];
  const files: LoadedSpecFile[] = [];
  const targets: CheckTarget[] = [];
  for (const result of parsed) {
    findings.push(...result.findings);
    if (result.loaded) files.push(result.loaded);
    if (result.checkable) targets.push(result.checkable);
  }
  const setSinks = checkSpecSet(targets);
  checkSetConsistency(targets, setSinks);
  targets.forEach((target, index) => {
    const sink = setSinks[index] ?? new FindingSink(target.source, target.skip);
    if (target.skip) {
      // A repaired file is checked as far as the checks can go; a check that trips on a
      // left-out item stops there, and the schema findings already make the file invalid.
      try {
        checkFile(target, sink, options);
      } catch {
        // Nothing more to learn from this file.
      }
    } else {
      checkFile(target, sink, options);
    }
    findings.push(...sink.findings);
  });
  findings.push(...checkNamedSets(targets, options, files.length === sourceCount));
  return { files, findings: findings.sort(compareFindings) };
}
