// What every domain check sees of one spec file, and how it reports.
import type { Finding, Severity } from '../findings.js';
import type { Spec, VaultSpec } from '../schema.js';
import type { Path, PositionIndex } from '../yaml-loader.js';

export interface CheckOptions {
  /** Today's date, YYYY-MM-DD, from the caller's clock (the engine has none). */
  readonly today: string;
}

export interface LoadedSpecFile {
  readonly file: string;
  readonly spec: Spec;
  readonly positions: PositionIndex;
}

/** A vault and its index in the file's `vaults` list (paths in findings use that index). */
export interface IndexedVault {
  readonly vault: VaultSpec;
  readonly index: number;
}

/**
 * What the domain checks run on: every vault of a file that matched the schema, or, when
 * some vaults of a file did not, the vaults that did (so their mistakes are reported too).
 */
export interface CheckTarget {
  readonly source: LoadedSpecFile;
  readonly vaults: readonly IndexedVault[];
  /**
   * Set when the file did not match the schema and was repaired to be checked (salvage.ts):
   * findings at repaired places are dropped. Lists in such a spec may hold holes where an
   * item was left out, so checks iterate lists with forEach (which skips holes).
   */
  readonly skip?: (path: Path, rule: string) => boolean;
  /** The file's managed HSMs that matched the schema, by their index in `managedHsms`. */
  readonly managedHsms?: readonly IndexedVault[];
}

export function wholeFile(source: LoadedSpecFile): CheckTarget {
  return {
    source,
    vaults: source.spec.vaults.map((vault, index) => ({ vault, index })),
    managedHsms: (source.spec.managedHsms ?? []).map((vault, index) => ({ vault, index })),
  };
}

export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(
    private readonly source: LoadedSpecFile,
    private readonly skip?: (path: Path, rule: string) => boolean,
  ) {}

  /** Reports at the value at `path` (or at its key when `at` is 'key'). */
  report(
    severity: Severity,
    rule: string,
    path: Path,
    message: string,
    at: 'value' | 'key' = 'value',
  ): void {
    if (this.skip?.(path, rule)) return;
    const position =
      at === 'key' ? this.source.positions.keyAt(path) : this.source.positions.valueAt(path);
    this.findings.push({ file: this.source.file, ...position, severity, rule, message });
  }

  error(rule: string, path: Path, message: string): void {
    this.report('error', rule, path, message);
  }

  warning(rule: string, path: Path, message: string): void {
    this.report('warning', rule, path, message);
  }

  where(path: Path): string {
    const position = this.source.positions.valueAt(path);
    return `${this.source.file}:${position.line}:${position.column}`;
  }
}
