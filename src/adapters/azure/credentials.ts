// The credentials kvnet accepts. Each is chosen explicitly: a default chain could quietly pick
// another identity (SECURITY-NOTES.md §0.3), so the Azure CLI / default chain is opt-in.
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import {
  AzureCliCredential,
  ClientAssertionCredential,
  DefaultAzureCredential,
} from '@azure/identity';
import type { CloudProfile } from '../../engine/model/clouds.js';

export type CredentialChoice =
  | { readonly kind: 'static-token'; readonly token: string }
  | {
      readonly kind: 'oidc';
      readonly tenantId: string;
      readonly clientId: string;
      /** Called every time a new Azure token is needed: GitHub ID tokens live ~5 minutes. */
      readonly getAssertion: () => Promise<string>;
    }
  | { readonly kind: 'azure-cli'; readonly tenantId?: string }
  | { readonly kind: 'default-chain' };

/** A fixed bearer token (KVNET_ACCESS_TOKEN, `az account get-access-token`, the local endpoint). */
export class StaticTokenCredential implements TokenCredential {
  constructor(private readonly token: string) {
    if (token.trim().length === 0) throw new Error('the access token is empty');
  }

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000 };
  }
}

export function createCredential(choice: CredentialChoice, cloud: CloudProfile): TokenCredential {
  switch (choice.kind) {
    case 'static-token':
      return new StaticTokenCredential(choice.token);
    case 'oidc':
      return new ClientAssertionCredential(choice.tenantId, choice.clientId, choice.getAssertion, {
        authorityHost: cloud.authorityHost,
      });
    case 'azure-cli':
      return new AzureCliCredential(choice.tenantId ? { tenantId: choice.tenantId } : {});
    case 'default-chain':
      return new DefaultAzureCredential({ authorityHost: cloud.authorityHost });
  }
}
