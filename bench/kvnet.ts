// kvnet as the CLI runs it, pointed at the local endpoint: the spec files are collected,
// validated and resolved, and the real SDK reader and writer talk HTTPS to the endpoint.
import { AzureClients } from '../src/adapters/azure/clients.js';
import { StaticTokenCredential } from '../src/adapters/azure/credentials.js';
import { SdkAzureReader } from '../src/adapters/azure/reader.js';
import { SdkAzureWriter } from '../src/adapters/azure/writer.js';
import { collectSpecSources } from '../src/adapters/filesystem/spec-files.js';
import { CLOUD_PROFILES } from '../src/engine/model/clouds.js';
import { compareFindings, hasErrors } from '../src/engine/spec/findings.js';
import type { LoadedSpecFile } from '../src/engine/spec/checks/context.js';
import { validateSpecSetAsParsed } from '../src/engine/spec/validate.js';
import { resolveDesiredState, type DesiredState } from '../src/engine/state/desired.js';

export interface Endpoint {
  readonly endpoint: string;
  /**
   * The endpoint's CA, handed to every SDK client (the CLI's KVNET_ARM_CA_CERT path). Leave it
   * out when the process trusts the CA through NODE_EXTRA_CA_CERTS, as it trusts Azure's.
   */
  readonly caCertPem?: string;
}

/** Reader (GET only, as in plan) and writer clients, with the SDK's default retry timing. */
export function kvnetAdapters(target: Endpoint, pollIntervalMs: number) {
  const clients = (readOnly: boolean) =>
    new AzureClients({
      cloud: CLOUD_PROFILES.AzureCloud,
      armEndpoint: target.endpoint,
      credential: new StaticTokenCredential('kvnet-bench-token'),
      readOnly,
      caCertificates: target.caCertPem,
    });
  return {
    reader: new SdkAzureReader(clients(true)),
    writer: new SdkAzureWriter(clients(false), { pollIntervalMs }),
  };
}

/**
 * validate → resolveDesiredState, as `kvnet plan` does (each parsed file handed to
 * `onFileParsed`, where the CLI starts its reads); throws on any error finding.
 */
export async function loadDesiredState(
  specDir: string,
  today: string,
  onFileParsed: (file: LoadedSpecFile) => void = () => undefined,
): Promise<DesiredState> {
  const collected = await collectSpecSources([specDir]);
  const validation = await validateSpecSetAsParsed(collected.sources, { today }, onFileParsed);
  const findings = [...collected.findings, ...validation.findings].sort(compareFindings);
  if (hasErrors(findings) || collected.sources.length === 0) {
    const shown = findings
      .filter((finding) => finding.severity === 'error')
      .slice(0, 5)
      .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`);
    throw new Error(`the generated spec set is invalid:\n${shown.join('\n')}`);
  }
  return resolveDesiredState(validation.files, today);
}
