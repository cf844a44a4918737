// The Managed HSM operations the SDK's managedHsms and mhsmPrivateEndpointConnections clients
// call, with the resource type whose api-versions apply (paths as @azure/arm-keyvault builds
// them: /managedHSMs/{name}).
import type { Router } from '../router.js';
import * as operations from './operations.js';
import * as hsms from './managed-hsms.js';

type Add = (
  method: string,
  pattern: string,
  apiType: string,
  handler: Parameters<Router['add']>[0]['handler'],
) => void;

const SUB = '/subscriptions/{subscriptionId}';
const HSM = `${SUB}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/managedHSMs`;

export function addManagedHsmRoutes(add: Add): void {
  const type = 'Microsoft.KeyVault/managedHSMs';
  add('GET', `${HSM}/{name}`, type, hsms.getManagedHsm);
  add('PATCH', `${HSM}/{name}`, type, hsms.patchManagedHsm);
  add('PUT', `${HSM}/{name}`, type, hsms.putManagedHsm);
  add('GET', HSM, type, hsms.listManagedHsmsByGroup);
  add(
    'GET',
    `${SUB}/providers/Microsoft.KeyVault/managedHSMs`,
    type,
    hsms.listManagedHsmsBySubscription,
  );
  add(
    'GET',
    `${HSM}/{name}/privateLinkResources`,
    'Microsoft.KeyVault/managedHSMs/privateLinkResources',
    hsms.listManagedHsmPrivateLinkResources,
  );
  const pec = 'Microsoft.KeyVault/managedHSMs/privateEndpointConnections';
  const connection = `${HSM}/{name}/privateEndpointConnections/{connectionName}`;
  add('GET', `${HSM}/{name}/privateEndpointConnections`, pec, hsms.listManagedHsmConnections);
  add('GET', connection, pec, hsms.getManagedHsmConnection);
  add('PUT', connection, pec, hsms.putManagedHsmConnection);
  add('DELETE', connection, pec, hsms.deleteManagedHsmConnection);
  add(
    'GET',
    `${SUB}/providers/Microsoft.KeyVault/locations/{location}/managedHsmOperationResults/{operationId}`,
    'Microsoft.KeyVault/locations/managedHsmOperationResults',
    operations.operationResult,
  );
}
