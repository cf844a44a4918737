// One vault, one spec set: two sets that declare the same vault would each apply their own rules
// and undo the other's on every merge. Found when the sets are validated together (the Action
// sees every spec set of the repository); the finding names both positions.
import type { LoadedSpecFile } from '../spec/checks/context.js';
import type { Finding } from '../spec/findings.js';
import { resolveDesiredState } from './desired.js';

export function vaultsDeclaredInOtherSets(
  thisSet: readonly LoadedSpecFile[],
  otherFiles: readonly LoadedSpecFile[],
  today: string,
): Finding[] {
  const elsewhere = new Map<string, { file: string; line: number; column: number }>();
  for (const file of otherFiles)
    for (const vault of resolvedOrNothing(file, today)) {
      const name = vault.name.toLowerCase();
      if (!elsewhere.has(name)) elsewhere.set(name, vault.source);
    }
  const findings: Finding[] = [];
  for (const vault of resolveDesiredState(thisSet, today).vaults) {
    const other = elsewhere.get(vault.name.toLowerCase());
    if (!other) continue;
    findings.push({
      file: vault.source.file,
      line: vault.source.line,
      column: vault.source.column,
      severity: 'error',
      rule: 'vault/in-two-sets',
      message: `vault "${vault.name}" is also declared at ${other.file}:${other.line}:${other.column}, in another spec set: each set would undo the other's rules on every apply. Declare each vault in one spec set only`,
    });
  }
  return findings;
}

/**
 * Another set's file that matches the schema can still hold what only its own checks refuse (an
 * `expires` of 2027-02-30): its job reports that; here it is compared as far as it resolves.
 */
function resolvedOrNothing(file: LoadedSpecFile, today: string) {
  try {
    return resolveDesiredState([file], today).vaults;
  } catch {
    return [];
  }
}
