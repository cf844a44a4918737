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
import { checkDefaults, checkVaultNames } from './checks/names.js';
import { checkVirtualNetworkRules } from './checks/network-rules.js';
import { checkSemantics } from './checks/semantics.js';
import { checkSpecSet } from './checks/set.js';
import { vaultPlacement } from './refs.js';
import { checkManagedHsms } from './checks/managed-hsms.js';
import { managedHsmSchema, specSchema, vaultSchema, type Spec } from './schema.js';
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

/** Parses one file: YAML, then the schema. */
export function parseSpecFile(source: SpecSource): {
  /** Present when the whole file matched the schema. */
  loaded?: LoadedSpecFile;
  /** What the domain checks can still look at: the whole file, or the vaults that parsed. */
  checkable?: CheckTarget;
  findings: Finding[];
} {
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
 * When the file's schema mistakes all lie inside some vaults (or in `version`), the other
 * vaults still get their domain checks, so a misspelt key in one vault does not hide a
 * private IP in the next. A mistake anywhere else (defaults, an unknown top-level key that
 * may be a misspelt "defaults") leaves the defaults in doubt, and then nothing is checked.
 */
function vaultsThatParse(
  file: string,
  value: unknown,
  issues: readonly z.core.$ZodIssue[],
  positions: PositionIndex,
): CheckTarget | undefined {
  const insideVaultsOrVersion = issues.every(
    (issue) =>
      issue.path[0] === 'version' ||
      ((issue.path[0] === 'vaults' || issue.path[0] === 'managedHsms') && issue.path.length >= 2),
  );
  if (!insideVaultsOrVersion || value === null || typeof value !== 'object') return undefined;
  const raw = value as Record<string, unknown>;
  const defaults = specSchema.shape.defaults.safeParse(raw.defaults);
  if (!defaults.success) return undefined;
  if (raw.vaults !== undefined && !Array.isArray(raw.vaults)) return undefined;
  if (raw.managedHsms !== undefined && !Array.isArray(raw.managedHsms)) return undefined;
  const vaults: IndexedVault[] = [];
  ((raw.vaults ?? []) as unknown[]).forEach((item: unknown, index) => {
    const vault = vaultSchema.safeParse(item);
    if (vault.success) vaults.push({ vault: vault.data, index });
  });
  const managedHsms: IndexedVault[] = [];
  ((raw.managedHsms ?? []) as unknown[]).forEach((item: unknown, index) => {
    const hsm = managedHsmSchema.safeParse(item);
    if (hsm.success) managedHsms.push({ vault: hsm.data, index });
  });
  const spec: Spec = {
    version: 1,
    defaults: defaults.data,
    vaults: vaults.map((v) => v.vault),
    managedHsms: managedHsms.map((v) => v.vault),
  };
  return { source: { file, spec, positions }, vaults, managedHsms };
}

function checkFile(target: CheckTarget, sink: FindingSink, options: CheckOptions): void {
  const { spec } = target.source;
  checkDefaults(spec, sink);
  target.vaults.forEach(({ vault, index }) => {
    const vaultPath = ['vaults', index];
    const placement = vaultPlacement(spec, vault);
    checkVaultNames(spec, vault, vaultPath, sink);
    checkIpRules(vault, vaultPath, sink, options);
    checkVirtualNetworkRules(vault, vaultPath, placement, sink);
    checkSemantics(spec, vault, vaultPath, sink);
  });
  checkManagedHsms(target, sink, options);
}

export function validateSpecSet(
  sources: readonly SpecSource[],
  options: CheckOptions,
): ValidationResult {
  const findings: Finding[] = [];
  const files: LoadedSpecFile[] = [];
  const targets: CheckTarget[] = [];
  for (const source of sources) {
    const result = parseSpecFile(source);
    findings.push(...result.findings);
    if (result.loaded) files.push(result.loaded);
    if (result.checkable) targets.push(result.checkable);
  }
  const setSinks = checkSpecSet(targets);
  targets.forEach((target, index) => {
    const sink = setSinks[index] ?? new FindingSink(target.source);
    checkFile(target, sink, options);
    findings.push(...sink.findings);
  });
  return { files, findings: findings.sort(compareFindings) };
}
