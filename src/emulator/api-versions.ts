// The api-versions ARM publishes for each resource type the emulator serves. Like ARM, any
// published version is accepted and answered in the same shapes; anything else is refused
// with ARM's own error codes. Lists come from azure-rest-api-specs (stable and preview folders)
// and cover every version the installed SDKs and the Azure CLI send.
import { ArmError } from './errors.js';

// prettier-ignore
const KEYVAULT = [
  '2014-12-19-preview', '2015-06-01', '2016-10-01', '2018-02-14-preview', '2018-02-14',
  '2019-09-01', '2020-04-01-preview', '2021-04-01-preview', '2021-06-01-preview', '2021-10-01',
  '2021-11-01-preview', '2022-02-01-preview', '2022-07-01', '2022-11-01', '2023-02-01',
  '2023-07-01', '2023-08-01-preview', '2024-04-01-preview', '2024-11-01', '2024-12-01-preview',
  '2025-05-01', '2026-02-01',
];

/** Microsoft.Network (NRP) stable versions; private endpoints exist from 2019-04-01 on. */
// prettier-ignore
const NETWORK = [
  '2015-06-15', '2016-03-30', '2016-06-01', '2016-09-01', '2016-12-01', '2017-03-01',
  '2017-04-01', '2017-06-01', '2017-08-01', '2017-09-01', '2017-10-01', '2017-11-01',
  '2018-01-01', '2018-02-01', '2018-04-01', '2018-06-01', '2018-07-01', '2018-08-01',
  '2018-10-01', '2018-11-01', '2018-12-01', '2019-02-01', '2019-04-01', '2019-06-01',
  '2019-07-01', '2019-08-01', '2019-09-01', '2019-11-01', '2019-12-01', '2020-03-01',
  '2020-04-01', '2020-05-01', '2020-06-01', '2020-07-01', '2020-08-01', '2020-11-01',
  '2021-02-01', '2021-03-01', '2021-05-01', '2021-08-01', '2022-01-01', '2022-05-01',
  '2022-07-01', '2022-09-01', '2022-11-01', '2023-02-01', '2023-04-01', '2023-05-01',
  '2023-06-01', '2023-09-01', '2023-11-01', '2024-01-01', '2024-03-01', '2024-05-01',
  '2024-07-01', '2024-10-01', '2025-01-01', '2025-03-01', '2025-05-01', '2025-07-01',
  '2025-09-01', '2026-01-01',
];

const PRIVATE_DNS = ['2018-09-01', '2020-01-01', '2020-06-01', '2024-06-01'];

// prettier-ignore
const RESOURCES = [
  '2014-04-01', '2015-01-01', '2015-11-01', '2016-02-01', '2016-07-01', '2016-09-01',
  '2017-05-10', '2018-02-01', '2018-05-01', '2019-03-01', '2019-05-01', '2019-07-01',
  '2019-08-01', '2019-10-01', '2020-06-01', '2020-08-01', '2020-10-01', '2021-01-01',
  '2021-04-01', '2022-09-01', '2023-07-01', '2024-03-01', '2024-07-01', '2024-11-01',
  '2025-03-01', '2025-04-01',
];

const from = (list: readonly string[], first: string) => list.filter((v) => v >= first);

/** Lower-cased resource type → the versions ARM accepts for it. */
const BY_TYPE: Record<string, readonly string[]> = {
  'microsoft.keyvault/vaults': KEYVAULT,
  'microsoft.keyvault/vaults/privateendpointconnections': from(KEYVAULT, '2018-02-14'),
  'microsoft.keyvault/vaults/privatelinkresources': from(KEYVAULT, '2018-02-14'),
  'microsoft.keyvault/locations/operationresults': KEYVAULT,
  // Managed HSM exists from 2020-04-01-preview on (azure-rest-api-specs, managedHsm.json).
  'microsoft.keyvault/managedhsms': from(KEYVAULT, '2020-04-01-preview'),
  'microsoft.keyvault/managedhsms/privateendpointconnections': from(KEYVAULT, '2021-04-01-preview'),
  'microsoft.keyvault/managedhsms/privatelinkresources': from(KEYVAULT, '2021-04-01-preview'),
  'microsoft.keyvault/locations/managedhsmoperationresults': from(KEYVAULT, '2020-04-01-preview'),
  'microsoft.network/virtualnetworks': NETWORK,
  'microsoft.network/virtualnetworks/subnets': NETWORK,
  'microsoft.network/privateendpoints': from(NETWORK, '2019-04-01'),
  'microsoft.network/privateendpoints/privatednszonegroups': from(NETWORK, '2020-03-01'),
  'microsoft.network/locations/operations': NETWORK,
  'microsoft.network/locations/operationresults': NETWORK,
  'microsoft.network/privatednszones': PRIVATE_DNS,
  'microsoft.network/privatednszones/virtualnetworklinks': PRIVATE_DNS,
  'microsoft.network/privatednszones/a': PRIVATE_DNS,
  'microsoft.network/privatednszones/all': PRIVATE_DNS,
  'microsoft.network/privatednsoperationstatuses': PRIVATE_DNS,
  'microsoft.network/privatednsoperationresults': PRIVATE_DNS,
  'microsoft.resources/resources': RESOURCES,
  'microsoft.resources/resourcegroups': RESOURCES,
  // Activity Logs - List (azure-rest-api-specs monitor/.../stable/2015-04-01/activityLogs_API.json)
  'microsoft.insights/eventtypes/values': ['2015-04-01'],
};

export function supportedApiVersions(resourceType: string): readonly string[] | undefined {
  return BY_TYPE[resourceType.toLowerCase()];
}

/** ARM's api-version checks, in ARM's order: missing, malformed, then unknown for the type. */
export function checkApiVersion(
  resourceType: string,
  apiVersion: string | null,
  location = 'global',
): void {
  if (apiVersion === null || apiVersion === '') {
    throw new ArmError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  const versions = supportedApiVersions(resourceType) ?? [];
  if (!/^\d{4}-\d{2}-\d{2}(-preview|-privatepreview|-beta|-alpha)?$/i.test(apiVersion)) {
    throw new ArmError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${apiVersion}' is invalid. The supported versions are '${versions.join(',')}'.`,
    );
  }
  if (!versions.includes(apiVersion.toLowerCase())) {
    const shortType = resourceType.split('/').slice(1).join('/');
    throw new ArmError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location '${location}' and API version '${apiVersion}' for type '${shortType}'. The supported api-versions are '${versions.join(', ')}'. The supported locations are ''.`,
    );
  }
}
