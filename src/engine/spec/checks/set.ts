// Checks across every file of a spec set: one declaration per vault and per endpoint.
import { vaultPlacement } from '../refs.js';
import type { Path } from '../yaml-loader.js';
import { FindingSink, type CheckTarget } from './context.js';

interface Declaration {
  readonly sink: FindingSink;
  readonly path: Path;
}

export function checkSpecSet(targets: readonly CheckTarget[]): FindingSink[] {
  const vaults = new Map<string, Declaration>();
  const endpoints = new Map<string, Declaration>();
  const sinks: FindingSink[] = [];
  for (const { source: loaded, vaults: indexed, skip } of targets) {
    const sink = new FindingSink(loaded, skip);
    sinks.push(sink);
    indexed.forEach(({ vault, index: vaultIndex }) => {
      const vaultPath = ['vaults', vaultIndex, 'name'];
      // Vault names are global DNS names, so one name is one vault whatever its group.
      const vaultKey = vault.name.toLowerCase();
      const first = vaults.get(vaultKey);
      if (first) {
        sink.error(
          'vault/duplicate',
          vaultPath,
          `vault "${vault.name}" is already declared at ${first.sink.where(first.path)}: declare each vault once in the whole spec set`,
        );
      } else {
        vaults.set(vaultKey, { sink, path: vaultPath });
      }
      const placement = vaultPlacement(loaded.spec, vault);
      vault.privateEndpoints.forEach((endpoint, endpointIndex) => {
        const path = ['vaults', vaultIndex, 'privateEndpoints', endpointIndex, 'name'];
        const group = endpoint.resourceGroup ?? placement?.resourceGroup ?? '';
        const key = `${placement?.subscription ?? ''}/${group}/${endpoint.name}`.toLowerCase();
        const earlier = endpoints.get(key);
        if (earlier) {
          sink.error(
            'private-endpoint/duplicate',
            path,
            `private endpoint "${endpoint.name}" in resource group "${group}" is already declared at ${earlier.sink.where(earlier.path)}: give each endpoint its own name`,
          );
        } else {
          endpoints.set(key, { sink, path });
        }
      });
    });
  }
  return sinks;
}
