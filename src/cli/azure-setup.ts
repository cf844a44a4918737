// How the CLI reaches Azure: which cloud, which endpoint, which credential. Every choice is
// explicit (flags or KVNET_* variables); nothing is guessed from a default chain.
import { readFileSync } from 'node:fs';
import { AzureClients } from '../adapters/azure/clients.js';
import { describeConnectionFailure, type ConnectionGuard } from '../adapters/azure/connection.js';
import { createCredential, type CredentialChoice } from '../adapters/azure/credentials.js';
import {
  CLOUD_PROFILES,
  CLOUDS,
  type CloudName,
  type CloudProfile,
} from '../engine/model/clouds.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import { UsageError } from './io.js';

export interface AzureFlags {
  readonly cloud?: string;
  readonly armEndpoint?: string;
  readonly auth?: string;
}

export function chooseCloud(
  files: readonly LoadedSpecFile[],
  flag: string | undefined,
): CloudProfile {
  if (flag !== undefined) {
    if (!(CLOUDS as readonly string[]).includes(flag))
      throw new UsageError(`--cloud must be one of ${CLOUDS.join(', ')}, not "${flag}"`);
    return CLOUD_PROFILES[flag as CloudName];
  }
  const clouds = [...new Set(files.map((loaded) => loaded.spec.defaults.cloud))];
  if (clouds.length > 1) {
    throw new UsageError(
      `the spec set mixes clouds (${clouds.join(', ')}): plan each cloud's files separately`,
    );
  }
  return CLOUD_PROFILES[clouds[0] ?? 'AzureCloud'];
}

function chooseCredential(env: NodeJS.ProcessEnv, auth: string | undefined): CredentialChoice {
  const token = env.KVNET_ACCESS_TOKEN;
  switch (auth ?? (token ? 'token' : undefined)) {
    case 'token':
      if (!token)
        throw new UsageError(
          '--auth token needs the KVNET_ACCESS_TOKEN variable (e.g. from az account get-access-token)',
        );
      return { kind: 'static-token', token };
    case 'azure-cli':
      return { kind: 'azure-cli', tenantId: env.AZURE_TENANT_ID };
    case 'default':
      return { kind: 'default-chain' };
    case undefined:
      throw new UsageError(
        'no Azure credential chosen: set KVNET_ACCESS_TOKEN, or pass --auth azure-cli (uses "az login") or --auth default',
      );
    default:
      throw new UsageError(`--auth must be token, azure-cli or default, not "${auth}"`);
  }
}

export function createClients(
  files: readonly LoadedSpecFile[],
  flags: AzureFlags,
  env: NodeJS.ProcessEnv,
  readOnly: boolean,
  connectionGuard?: ConnectionGuard,
): AzureClients {
  const cloud = chooseCloud(files, flags.cloud);
  const armEndpoint = flags.armEndpoint ?? env.KVNET_ARM_ENDPOINT;
  if (armEndpoint !== undefined && !/^https:\/\/[^\s/]+/.test(armEndpoint)) {
    throw new UsageError(`the ARM endpoint must be an https:// URL, not "${armEndpoint}"`);
  }
  const caPath = env.KVNET_ARM_CA_CERT;
  let caCertificates: string | undefined;
  if (caPath) {
    try {
      caCertificates = readFileSync(caPath, 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read KVNET_ARM_CA_CERT (${caPath}): ${(error as Error).message}`,
      );
    }
  }
  return new AzureClients({
    cloud,
    armEndpoint,
    credential: createCredential(chooseCredential(env, flags.auth), cloud),
    readOnly,
    caCertificates,
    connectionGuard,
  });
}

/**
 * The one message for a run that could not reach its endpoint (undefined when it could): the
 * endpoint, what failed, and the likely fix (CA trust, endpoint, proxy).
 */
export function connectionFailureMessage(
  clients: AzureClients,
  env: NodeJS.ProcessEnv,
): string | undefined {
  const failure = clients.connectionGuard.failure;
  if (!failure) return undefined;
  return describeConnectionFailure(failure, {
    caVariable: 'KVNET_ARM_CA_CERT',
    caGiven: Boolean(env.KVNET_ARM_CA_CERT),
    proxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
  });
}
