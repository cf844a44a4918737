// disableFindings may name only findings that exist: a misspelt id would silently disable
// nothing, and the warning it was meant to silence would keep coming back unexplained.
import { BEST_PRACTICE_IDS } from '../../analysis/best-practices.js';
import type { Spec, VaultSpec } from '../schema.js';
import { closest } from '../suggest.js';
import type { Path } from '../yaml-loader.js';
import type { FindingSink } from './context.js';

function checkIds(ids: readonly string[], path: Path, sink: FindingSink): void {
  ids.forEach((id, index) => {
    if (BEST_PRACTICE_IDS.includes(id)) return;
    const suggestion = closest(id, BEST_PRACTICE_IDS);
    const known = BEST_PRACTICE_IDS.join(', ');
    sink.error(
      'findings/unknown-id',
      [...path, index],
      suggestion
        ? `"${id}" is not a finding kvnet reports, so it disables nothing: did you mean "${suggestion}"? (the ids are ${known})`
        : `"${id}" is not a finding kvnet reports, so it disables nothing: use one of ${known}`,
    );
  });
}

export function checkDefaultDisabledFindings(spec: Spec, sink: FindingSink): void {
  checkIds(spec.defaults.disableFindings, ['defaults', 'disableFindings'], sink);
}

export function checkVaultDisabledFindings(
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
): void {
  checkIds(vault.disableFindings, [...vaultPath, 'disableFindings'], sink);
}
