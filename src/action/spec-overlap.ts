// The Action validates this spec set together with every other set of the repository: a vault
// declared in two sets is an error on this set's line, naming the other set's position.
import { otherSpecSources } from '../adapters/filesystem/other-spec-files.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import type { Finding } from '../engine/spec/findings.js';
import { parseSpecFile } from '../engine/spec/validate.js';
import { vaultsDeclaredInOtherSets } from '../engine/state/across-sets.js';
import type { ActionInputs } from './inputs.js';

export async function overlapFindings(
  inputs: ActionInputs,
  files: readonly LoadedSpecFile[],
  today: string,
): Promise<Finding[]> {
  const others = await otherSpecSources(
    inputs.allSpecs,
    files.map((file) => file.file),
  );
  // Other sets are validated by their own jobs; here only those that parse are compared.
  const loaded = others.flatMap((source) => {
    const parsed = parseSpecFile(source).loaded;
    return parsed ? [parsed] : [];
  });
  return vaultsDeclaredInOtherSets(files, loaded, today);
}
