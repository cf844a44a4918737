// The Azure and GitHub starting point every Action test shares: one vault open to every
// network, and a spec that closes it down to one office address; and the local services a test
// file runs the bundled action against (actionSuite).
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { EmulatorHttp } from '../support/emulator-clients.js';
import { FakeGitHub } from '../support/github-api.js';
import {
  bundledAction,
  payloads,
  runAction,
  workspaceWith,
  type ActionRun,
  type RunOptions,
} from './harness.js';

export const OWNER = 'octo';
export const REPO = 'infra';
export const SUB = '11111111-1111-1111-1111-111111111111';
export const TENANT = '44444444-4444-4444-4444-444444444444';
export const CLIENT_ID = '66666666-6666-6666-6666-666666666666';
export const RG = 'rg-secrets';
export const JOB_TOKEN = 'ghs_jobtoken0123456789abcdefghijklmnopqrstu';
export const HEAD_SHA = 'a1'.repeat(20);
export const MERGE_SHA = 'c3'.repeat(20);
export const VAULT_PATH = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-app`;

export function vaultBody(networkAcls: Record<string, unknown>, publicNetworkAccess = 'Enabled') {
  return {
    id: VAULT_PATH,
    name: 'kv-app',
    type: 'Microsoft.KeyVault/vaults',
    location: 'westeurope',
    tags: { team: 'platform' },
    properties: {
      tenantId: TENANT,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      vaultUri: 'https://kv-app.vault.azure.net/',
      provisioningState: 'Succeeded',
      publicNetworkAccess,
      networkAcls,
    },
  };
}

export const OPEN_VAULT = vaultBody({
  defaultAction: 'Allow',
  bypass: 'AzureServices',
  ipRules: [],
  virtualNetworkRules: [],
});

export const SPEC = `version: 1
defaults:
  subscription: ${SUB}
  resourceGroup: ${RG}
vaults:
  - name: kv-app
    publicNetworkAccess: Enabled
    firewall:
      defaultAction: Deny
      bypass: AzureServices
      ipRules:
        - address: 20.50.10.7
          note: office egress
`;

/** What the spec asks for, as Azure stores it: the converged state. */
export const CONVERGED_VAULT = vaultBody({
  defaultAction: 'Deny',
  bypass: 'AzureServices',
  ipRules: [{ value: '20.50.10.7/32' }],
  virtualNetworkRules: [],
});

/*
 * The local services of a test file, set by actionSuite's hooks. They are live bindings: a
 * test reads the current ones (the GitHub API is a fresh one in every test).
 */
/** A private copy of the bundled action. */
export let bundle: string;
/** The local ARM endpoint, started once per file with OPEN_VAULT. */
export let emulator: RunningEmulator;
/** Raw requests and the admin API of the emulator. */
export let http: EmulatorHttp;
/** The local GitHub API with OWNER/REPO and JOB_TOKEN. */
export let github: FakeGitHub;
/** A checked-out repository holding SPEC as kv-network/app.yaml. */
export let workspace: string;

export interface ActionSuiteOptions {
  /** Brings the emulator to each test's starting point (default: as the last test left it). */
  readonly beforeEachTest?: (http: EmulatorHttp) => Promise<unknown>;
  /** The largest page the GitHub API answers, so lookups must walk pages (default 100). */
  readonly maxPageSize?: number;
  /** What GitHub holds when each test starts (default: pull request #7 at HEAD_SHA). */
  readonly seedGitHub?: (github: FakeGitHub) => void;
}

/** Each test starts from OPEN_VAULT. */
export const resetToOpenVault = (http: EmulatorHttp) => http.reset([OPEN_VAULT]);

/**
 * Registers the file's hooks: the bundle, the emulator and the workspace once, a new GitHub
 * API around each test.
 */
export function actionSuite(options: ActionSuiteOptions = {}): void {
  const seedGitHub =
    options.seedGitHub ??
    ((api: FakeGitHub) => api.addPullRequest({ number: 7, headSha: HEAD_SHA }));

  beforeAll(async () => {
    bundle = bundledAction();
    emulator = await startEmulator({ state: [OPEN_VAULT] });
    http = new EmulatorHttp(emulator);
    workspace = workspaceWith({ 'kv-network/app.yaml': SPEC });
  }, 180_000);

  afterAll(async () => {
    http.close();
    await emulator.stop();
  });

  beforeEach(async () => {
    await options.beforeEachTest?.(http);
    github = new FakeGitHub({
      owner: OWNER,
      repo: REPO,
      token: JOB_TOKEN,
      maxPageSize: options.maxPageSize,
    });
    await github.start();
    seedGitHub(github);
  });

  afterEach(async () => {
    await github.stop();
  });
}

/** What every run needs: the repository, the local GitHub API and the emulator's CA. */
export function localEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    NODE_EXTRA_CA_CERTS: emulator.caCertPath,
    ...extra,
  };
}

/** localEnv with a token for the emulator, so the action signs in to ARM without OIDC. */
export function signedInEnv(extra: Record<string, string> = {}): Record<string, string> {
  return localEnv({ KVNET_ACCESS_TOKEN: 'local-arm-token', ...extra });
}

/** The spec set, the job token and the emulator as the ARM endpoint, with extra inputs. */
export function localInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    spec: 'kv-network',
    'github-token': JOB_TOKEN,
    'arm-endpoint': emulator.endpoint,
    ...extra,
  };
}

/** The pull_request event of #7 at HEAD_SHA, from another repository when headRepo names one. */
export function pullRequestEvent(headRepo?: string): Pick<RunOptions, 'eventName' | 'payload'> {
  return {
    eventName: 'pull_request',
    payload: payloads.pullRequest(OWNER, REPO, 7, HEAD_SHA, headRepo),
  };
}

/** Runs the bundle in the suite's workspace, or in the one given. */
export function runBundled(
  options: Omit<RunOptions, 'bundle' | 'workspace'> & { readonly workspace?: string },
): Promise<ActionRun> {
  return runAction({ ...options, bundle, workspace: options.workspace ?? workspace });
}
