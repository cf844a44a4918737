// How the Action signs in to Azure. With `azure-client-id`: OIDC, a ClientAssertionCredential
// whose callback asks GitHub for a fresh ID token every time (they live ~5 minutes). Without it:
// the Azure CLI session left by azure/login. KVNET_ACCESS_TOKEN (advanced: the local ARM
// endpoint, or a token made elsewhere) overrides both. On failure, the error names the
// federated-credential subject this run presents; no token is ever printed.
import * as core from '@actions/core';
import { AzureClients } from '../adapters/azure/clients.js';
import { createCredential, type CredentialChoice } from '../adapters/azure/credentials.js';
import { CLOUD_PROFILES, type CloudName, type CloudProfile } from '../engine/model/clouds.js';
import type { ActionInputs } from './inputs.js';
import type { RunEvent } from './event.js';

export const OIDC_AUDIENCE = 'api://AzureADTokenExchange';
export const OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

export type AuthChoice =
  | { readonly ok: true; readonly choice: CredentialChoice; readonly label: string }
  | { readonly ok: false; readonly reason: string };

/** The subject claim GitHub put in the last ID token (not secret; the token itself is). */
export interface OidcState {
  lastSubject?: string;
  requests: number;
}

export class AzureAuthError extends Error {}

function subjectOf(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof claims.sub === 'string' ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

export function chooseAuth(
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  oidc: OidcState,
): AuthChoice {
  const staticToken = env.KVNET_ACCESS_TOKEN;
  if (staticToken) {
    return {
      ok: true,
      choice: { kind: 'static-token', token: staticToken },
      label: 'the access token in KVNET_ACCESS_TOKEN',
    };
  }
  if (inputs.azureClientId && inputs.azureTenantId) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      return {
        ok: false,
        reason:
          'this run has no GitHub OIDC token (pull requests from forks never get one; otherwise the job needs "permissions: id-token: write"), so kvnet cannot sign in to Azure',
      };
    }
    return {
      ok: true,
      label: `OIDC as application ${inputs.azureClientId} in tenant ${inputs.azureTenantId}`,
      choice: {
        kind: 'oidc',
        tenantId: inputs.azureTenantId,
        clientId: inputs.azureClientId,
        getAssertion: async () => {
          oidc.requests += 1;
          const token = await core.getIDToken(OIDC_AUDIENCE);
          oidc.lastSubject = subjectOf(token);
          return token;
        },
      },
    };
  }
  return {
    ok: true,
    choice: { kind: 'azure-cli', tenantId: inputs.azureTenantId },
    label: 'the Azure CLI session (azure/login)',
  };
}

export function chooseCloud(clouds: readonly CloudName[], inputs: ActionInputs): CloudProfile {
  if (inputs.cloud) return CLOUD_PROFILES[inputs.cloud];
  if (clouds.length > 1) {
    throw new Error(
      `the spec set mixes clouds (${clouds.join(', ')}): run one step per cloud, each with its own "spec" and "cloud" inputs`,
    );
  }
  return CLOUD_PROFILES[clouds[0] ?? 'AzureCloud'];
}

/** The subjects a federated credential may need for this run, most specific first. */
export function expectedSubjects(event: RunEvent): string[] {
  const repo = `repo:${event.owner}/${event.repo}`;
  if (event.name === 'pull_request') return [`${repo}:pull_request`];
  return [
    `${repo}:environment:<the job's environment name> (when the job sets "environment:")`,
    `${repo}:ref:${event.ref || 'refs/heads/main'} (when it does not)`,
  ];
}

const JWT_LIKE = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;

/** Error text from an identity library, with anything shaped like a token cut out. */
export function scrubTokens(text: string): string {
  return text.replace(JWT_LIKE, '[token removed]');
}

function authFailure(
  error: unknown,
  auth: Extract<AuthChoice, { ok: true }>,
  event: RunEvent,
  oidc: OidcState,
): AzureAuthError {
  const detail = scrubTokens(
    (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '',
  );
  const lines = [`kvnet could not sign in to Azure with ${auth.label}: ${detail}`];
  if (auth.choice.kind === 'oidc') {
    if (oidc.requests === 0 || oidc.lastSubject === undefined) {
      lines.push(
        'GitHub did not hand out an ID token: the job needs "permissions: id-token: write".',
      );
    } else {
      lines.push(`GitHub presented the subject "${oidc.lastSubject}".`);
    }
    lines.push(
      `The application ${auth.choice.clientId} needs a federated credential with issuer ${OIDC_ISSUER}, audience ${OIDC_AUDIENCE} and, for a ${event.name} run, the subject:`,
      ...expectedSubjects(event).map((subject) => `  ${subject}`),
      'See docs/oidc.md.',
    );
  } else if (auth.choice.kind === 'azure-cli') {
    lines.push(
      'Without the input "azure-client-id" kvnet uses the Azure CLI session: run azure/login earlier in the job, or set azure-client-id and azure-tenant-id to sign in with OIDC (recommended; see docs/oidc.md).',
    );
  }
  return new AzureAuthError(lines.join('\n'));
}

/**
 * Builds the clients and proves the credential works before any read, so a sign-in problem is
 * reported as one, not as a plan full of read errors.
 */
export async function connectAzure(
  clouds: readonly CloudName[],
  inputs: ActionInputs,
  auth: Extract<AuthChoice, { ok: true }>,
  event: RunEvent,
  oidc: OidcState,
  readOnly: boolean,
): Promise<AzureClients> {
  const cloud = chooseCloud(clouds, inputs);
  const credential = createCredential(auth.choice, cloud);
  try {
    await credential.getToken(cloud.tokenScope);
  } catch (error) {
    throw authFailure(error, auth, event, oidc);
  }
  return new AzureClients({
    cloud,
    armEndpoint: inputs.armEndpoint,
    credential,
    readOnly,
  });
}
