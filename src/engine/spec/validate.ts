// The spec set's front door: text in, typed specs and every finding out. Nothing here talks
// to Azure; everything that can be known from the text alone is checked before any call.
import { compareFindings, type Finding } from './findings.js';
import { FindingSink, type CheckOptions, type LoadedSpecFile } from './checks/context.js';
import { checkIpRules } from './checks/ip-rules.js';
import { checkVaultNames } from './checks/names.js';
import { checkVirtualNetworkRules } from './checks/network-rules.js';
import { checkSemantics } from './checks/semantics.js';
import { checkSpecSet } from './checks/set.js';
import { vaultPlacement } from './refs.js';
import { specSchema } from './schema.js';
import { schemaFindings } from './schema-findings.js';
import { loadYaml } from './yaml-loader.js';

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
  loaded?: LoadedSpecFile;
  findings: Finding[];
} {
  const yaml = loadYaml(source.file, source.text);
  if (!yaml.ok) return { findings: yaml.findings };
  const parsed = specSchema.safeParse(yaml.value);
  if (!parsed.success) {
    return {
      findings: schemaFindings(
        source.file,
        specSchema,
        yaml.value,
        parsed.error.issues,
        yaml.positions,
      ),
    };
  }
  return {
    loaded: { file: source.file, spec: parsed.data, positions: yaml.positions },
    findings: [],
  };
}

function checkFile(loaded: LoadedSpecFile, sink: FindingSink, options: CheckOptions): void {
  const { spec } = loaded;
  spec.vaults.forEach((vault, index) => {
    const vaultPath = ['vaults', index];
    const placement = vaultPlacement(spec, vault);
    checkVaultNames(spec, vault, vaultPath, sink);
    checkIpRules(vault, vaultPath, sink, options);
    checkVirtualNetworkRules(vault, vaultPath, placement, sink);
    checkSemantics(spec, vault, vaultPath, sink);
  });
}

export function validateSpecSet(
  sources: readonly SpecSource[],
  options: CheckOptions,
): ValidationResult {
  const findings: Finding[] = [];
  const files: LoadedSpecFile[] = [];
  for (const source of sources) {
    const result = parseSpecFile(source);
    findings.push(...result.findings);
    if (result.loaded) files.push(result.loaded);
  }
  const setSinks = checkSpecSet(files);
  files.forEach((loaded, index) => {
    const sink = setSinks[index] ?? new FindingSink(loaded);
    checkFile(loaded, sink, options);
    findings.push(...sink.findings);
  });
  return { files, findings: findings.sort(compareFindings) };
}
