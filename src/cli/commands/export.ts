// `kvnet export --subscription S [--resource-group RG] [--vault NAME] [--out FILE]`
// Writes a spec for existing vaults such that `kvnet plan` on it reports no changes.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SdkAzureReader } from '../../adapters/azure/reader.js';
import { isGuid, parseResourceId } from '../../engine/model/resource-id.js';
import type {
  LivePrivateEndpoint,
  LiveVault,
  ReadFailure,
  ReadOutcome,
} from '../../engine/state/live.js';
import { exportSpec } from '../../engine/spec/export.js';
import { readErrorLine } from '../../engine/render/plan-lines.js';
import { singleLine } from '../../engine/render/untrusted.js';
import { connectionFailureMessage, createClients } from '../azure-setup.js';
import { EXIT_ERROR, EXIT_OK, UsageError, type CliIo } from '../io.js';

export const EXPORT_USAGE = `Usage: kvnet export --subscription ID [--resource-group NAME] [--vault NAME] [options]

Writes a spec describing the network of existing vaults, so that "kvnet plan" on it reports
no changes: the way to adopt kvnet on an existing estate.
  --subscription ID     subscription to export (required)
  --resource-group NAME only vaults in this resource group
  --vault NAME          only this vault
  --out FILE            write to FILE instead of standard output
  --arm-endpoint URL, --cloud NAME, --auth KIND   as for kvnet plan`;

/** Vaults and managed HSM pools in one outcome: the first error, else everything found. */
function mergeOutcomes(outcomes: readonly ReadOutcome<LiveVault[]>[]): ReadOutcome<LiveVault[]> {
  const failed = outcomes.find((outcome) => outcome.status === 'error');
  if (failed) return failed;
  const found = outcomes.flatMap((outcome) => (outcome.status === 'ok' ? outcome.value : []));
  return outcomes.every((outcome) => outcome.status === 'not-found')
    ? { status: 'not-found' }
    : { status: 'ok', value: found };
}

/** The private endpoints behind the vaults' connections, in the exported subscription. */
async function readConnectedEndpoints(
  reader: SdkAzureReader,
  subscription: string,
  vaults: readonly LiveVault[],
): Promise<LivePrivateEndpoint[] | ReadFailure> {
  const groups = new Set<string>();
  for (const vault of vaults) {
    for (const connection of vault.connections) {
      const parsed = parseResourceId(connection.privateEndpointId);
      if (parsed.ok && parsed.id.subscription.toLowerCase() === subscription.toLowerCase())
        groups.add(parsed.id.resourceGroup);
    }
  }
  const endpoints: LivePrivateEndpoint[] = [];
  for (const group of groups) {
    const outcome = await reader.listPrivateEndpoints(subscription, group);
    if (outcome.status === 'error') return outcome.error;
    if (outcome.status === 'ok') endpoints.push(...outcome.value);
  }
  return endpoints;
}

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      subscription: { type: 'string' },
      'resource-group': { type: 'string' },
      vault: { type: 'string' },
      out: { type: 'string' },
      'arm-endpoint': { type: 'string' },
      cloud: { type: 'string' },
      auth: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(EXPORT_USAGE);
    return EXIT_OK;
  }
  const subscription = values.subscription;
  if (subscription === undefined) throw new UsageError('--subscription is required');
  if (!isGuid(subscription))
    throw new UsageError(
      `--subscription must be a subscription id (a GUID), not "${subscription}"`,
    );

  const clients = createClients(
    [],
    { cloud: values.cloud, armEndpoint: values['arm-endpoint'], auth: values.auth },
    io.env,
    true,
  );
  const reader = new SdkAzureReader(clients);
  const group = values['resource-group'];
  const listed = await Promise.all(
    (['vault', 'managedHsm'] as const).map((kind) =>
      group
        ? reader.listVaults(subscription, group, kind)
        : reader.listVaultsInSubscription(subscription, kind),
    ),
  );
  const outcome = mergeOutcomes(listed);
  if (outcome.status === 'error') {
    const unreachable = connectionFailureMessage(clients, io.env);
    io.err(`kvnet export: ${unreachable ?? singleLine(readErrorLine(outcome.error))}`);
    return EXIT_ERROR;
  }
  const all = outcome.status === 'ok' ? outcome.value : [];
  const vaults = values.vault
    ? all.filter((vault) => vault.name.toLowerCase() === values.vault?.toLowerCase())
    : all;
  if (vaults.length === 0) {
    io.err(
      `kvnet export: no vault found${values.vault ? ` named "${values.vault}"` : ''} in ${group ? `resource group "${group}" of ` : ''}subscription ${subscription}`,
    );
    return EXIT_ERROR;
  }
  const command = [
    'kvnet export',
    `--subscription ${subscription}`,
    group ? `--resource-group ${group}` : '',
    values.vault ? `--vault ${values.vault}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const endpoints = await readConnectedEndpoints(reader, subscription, vaults);
  if (!Array.isArray(endpoints)) {
    io.err(`kvnet export: ${singleLine(readErrorLine(endpoints))}`);
    return EXIT_ERROR;
  }
  const text = exportSpec(vaults, endpoints, {
    subscription,
    cloud: clients.cloudName,
    generatedBy: command,
  });
  if (values.out) {
    await writeFile(values.out, text);
    io.out(`exported ${vaults.length} vault${vaults.length === 1 ? '' : 's'} to ${values.out}`);
  } else {
    io.out(text);
  }
  return EXIT_OK;
}
