// Azure Policy on vault writes (optional; none by default). ARM evaluates assignments before
// the resource provider: a Modify policy rewrites the request (e.g. the built-in "Configure
// key vaults to enable firewall" sets networkAcls.defaultAction to Deny), a Deny policy refuses
// it with 403 RequestDisallowedByPolicy (e.g. "Azure Key Vault should disable public network
// access"). Sources: [S] Azure/azure-policy built-in-policies/policyDefinitions/Key Vault/
// FirewallEnabled_Modify.json, PublicNetworkAccess_Audit.json (AZURE-FACTS §8); [D] azure-docs
// governance/policy concepts/effects (Modify: addOrReplace on the request; Deny:
// RequestDisallowedByPolicy with the policy identifiers and PolicyViolation additionalInfo).
import { z } from 'zod';
import { ArmError, type ArmErrorBody } from './errors.js';

const FIELDS = ['publicNetworkAccess', 'networkAcls.defaultAction', 'networkAcls.bypass'] as const;
type Field = (typeof FIELDS)[number];

const conditionSchema = z.strictObject({
  field: z.enum(FIELDS),
  equals: z.string().optional(),
  notEquals: z.string().optional(),
});

export const policySchema = z.discriminatedUnion('effect', [
  z.strictObject({
    effect: z.literal('Modify'),
    name: z.string().min(1),
    displayName: z.string().min(1),
    /** A resource id prefix the assignment applies to. */
    scope: z.string().min(1),
    when: conditionSchema.optional(),
    set: z.strictObject({ field: z.enum(FIELDS), value: z.string() }),
  }),
  z.strictObject({
    effect: z.literal('Deny'),
    name: z.string().min(1),
    displayName: z.string().min(1),
    scope: z.string().min(1),
    when: conditionSchema,
  }),
]);

export type Policy = z.infer<typeof policySchema>;

type Properties = Record<string, unknown>;

function objectAt(value: unknown): Properties {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Properties)
    : {};
}

function read(properties: Properties, field: Field): string | undefined {
  const value =
    field === 'publicNetworkAccess'
      ? properties.publicNetworkAccess
      : objectAt(properties.networkAcls)[field.split('.')[1] as string];
  return typeof value === 'string' ? value : undefined;
}

function write(properties: Properties, field: Field, value: string): Properties {
  if (field === 'publicNetworkAccess') return { ...properties, publicNetworkAccess: value };
  return {
    ...properties,
    networkAcls: { ...objectAt(properties.networkAcls), [field.split('.')[1] as string]: value },
  };
}

function holds(
  condition: z.infer<typeof conditionSchema> | undefined,
  properties: Properties,
): boolean {
  if (!condition) return true;
  const value = (read(properties, condition.field) ?? '').toLowerCase();
  if (condition.equals !== undefined && value !== condition.equals.toLowerCase()) return false;
  if (condition.notEquals !== undefined && value === condition.notEquals.toLowerCase())
    return false;
  return true;
}

function applies(policy: Policy, resourceId: string): boolean {
  const scope = policy.scope.replace(/\/+$/, '').toLowerCase();
  const id = resourceId.toLowerCase();
  return id === scope || id.startsWith(`${scope}/`);
}

class PolicyDenied extends ArmError {
  constructor(
    private readonly policy: Policy,
    private readonly resourceName: string,
  ) {
    // As ARM writes them: display names in `name`, the resource names in the ids.
    const identifiers = JSON.stringify([
      {
        policyAssignment: {
          name: policy.displayName,
          id: `${policy.scope}/providers/Microsoft.Authorization/policyAssignments/${policy.name}`,
        },
        policyDefinition: {
          name: policy.displayName,
          id: `/providers/Microsoft.Authorization/policyDefinitions/${policy.name}`,
        },
      },
    ]);
    super(
      403,
      'RequestDisallowedByPolicy',
      `Resource '${resourceName}' was disallowed by policy. Policy identifiers: '${identifiers}'.`,
    );
  }

  override toBody(): ArmErrorBody {
    const body = super.toBody() as ArmErrorBody & {
      error: { additionalInfo?: unknown[]; target?: string };
    };
    body.error.target = this.resourceName;
    body.error.additionalInfo = [
      {
        type: 'PolicyViolation',
        info: {
          evaluationDetails: { evaluatedExpressions: [] },
          policyDefinitionDisplayName: this.policy.displayName,
          policyDefinitionName: this.policy.name,
          policyDefinitionEffect: 'deny',
          policyAssignmentName: this.policy.name,
          policyAssignmentDisplayName: this.policy.displayName,
          policyAssignmentScope: this.policy.scope,
        },
      },
    ];
    return body;
  }
}

/**
 * The vault's properties after the write (as merged) with Modify policies applied, or a
 * RequestDisallowedByPolicy when a Deny policy matches the result.
 */
export function enforcePolicies(
  policies: readonly Policy[],
  resourceId: string,
  resourceName: string,
  properties: Properties,
): Properties {
  let result = properties;
  for (const policy of policies) {
    if (policy.effect !== 'Modify' || !applies(policy, resourceId) || !holds(policy.when, result))
      continue;
    result = write(result, policy.set.field, policy.set.value);
  }
  for (const policy of policies) {
    if (policy.effect === 'Deny' && applies(policy, resourceId) && holds(policy.when, result))
      throw new PolicyDenied(policy, resourceName);
  }
  return result;
}
