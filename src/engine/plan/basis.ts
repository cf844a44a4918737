// The reviewed basis of a plan, per vault and per resource a step writes: what the apply on
// merge compares, vault by vault, so that a change to one vault (or to the live state under it)
// refuses that vault only. A vault's fingerprint hashes the canonical steps that touch it (its
// own, and shared subnet, zone and link steps that serve or affect it) and the normalised live
// state of every resource those steps and the vault stand on.
import { resourceIdKey } from '../model/resource-id.js';
import { canonicalJson, shaOfText, type CanonicalTexts } from './fingerprint.js';
import { stepsTouching } from './steps-by-vault.js';
import type { PlanStep } from './types.js';

export interface VaultBasis {
  /** sha256 over `steps` and `live` together: equal means the vault's part of the plan holds. */
  readonly fingerprint: string;
  /** sha256 over the canonical steps that touch the vault. */
  readonly steps: string;
  /** sha256 over the live state of the resources below. */
  readonly live: string;
  /** Keys into PlanBasis.resources: the vault itself, then each step's resource. */
  readonly resources: readonly string[];
}

export interface PlanBasis {
  /** By vault name. */
  readonly vaults: Readonly<Record<string, VaultBasis>>;
  /** By resource key (the vault's id key, or a step's id): sha256 of its normalised live state. */
  readonly resources: Readonly<Record<string, string>>;
  /** Resource key → a name for people ("vault kv-app", "subnet vnet-hub/snet-a"). */
  readonly names: Readonly<Record<string, string>>;
}

const sha = (value: unknown) => shaOfText(canonicalJson(value));

export function planBasis(
  vaults: readonly { readonly id: string; readonly name: string }[],
  steps: readonly PlanStep[],
  texts: CanonicalTexts,
): PlanBasis {
  const resources: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const [resource, text] of texts.live) resources[resource] = shaOfText(text);
  for (const step of steps) names[step.id] = `${step.kind} ${step.resourceName}`;
  // A shared step (a zone, a link, a subnet switching to its service endpoint) touches every
  // vault it serves or changes, many in a large estate: each step and each live entry is
  // written out once, and a vault's hash input is joined from them. The text is exactly
  // canonicalJson(changeSet(own)) and canonicalJson of the live pairs, so hashes do not move.
  const stepText = texts.steps;
  const liveEntry = (resource: string) => JSON.stringify([resource, resources[resource] ?? null]);
  const stepLiveText = new Map<PlanStep, string>();
  for (const step of steps) stepLiveText.set(step, liveEntry(step.id));
  const result: Record<string, VaultBasis> = {};
  for (const vault of vaults) {
    const own = stepsTouching(steps, vault.name);
    const vaultKey = resourceIdKey(vault.id);
    names[vaultKey] = `vault ${vault.name}`;
    const keys = [vaultKey, ...own.map((step) => step.id)];
    const stepsHash = shaOfText(`[${own.map((step) => stepText.get(step) ?? 'null').join(',')}]`);
    const liveHash = shaOfText(
      `[${[liveEntry(vaultKey), ...own.map((step) => stepLiveText.get(step) ?? 'null')].join(',')}]`,
    );
    result[vault.name] = {
      fingerprint: sha({ steps: stepsHash, live: liveHash }),
      steps: stepsHash,
      live: liveHash,
      resources: keys,
    };
  }
  return { vaults: result, resources, names };
}
