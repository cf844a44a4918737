// `location` is an Azure region's programmatic name (`westeurope`), as `az account
// list-locations --query "[].name"` prints it, in the spec's cloud. A display name ("West
// Europe"), a misspelling or another cloud's region is refused here, not by Azure mid-apply.
// A well-formed name kvnet does not know yet (Azure adds regions) is a warning, not an error.
import type { CloudName } from '../../model/clouds.js';
import type { Spec, VaultSpec } from '../schema.js';
import { closest } from '../suggest.js';
import type { Path } from '../yaml-loader.js';
import type { FindingSink } from './context.js';

/** Physical regions per cloud, as `az account list-locations` names them (docs/rules.md). */
export const REGIONS: Readonly<Record<CloudName, readonly string[]>> = {
  AzureCloud: [
    'australiacentral',
    'australiacentral2',
    'australiaeast',
    'australiasoutheast',
    'austriaeast',
    'belgiumcentral',
    'brazilsouth',
    'brazilsoutheast',
    'canadacentral',
    'canadaeast',
    'centralindia',
    'centralus',
    'centraluseuap',
    'chilecentral',
    'denmarkeast',
    'eastasia',
    'eastus',
    'eastus2',
    'eastus2euap',
    'francecentral',
    'francesouth',
    'germanynorth',
    'germanywestcentral',
    'indonesiacentral',
    'israelcentral',
    'italynorth',
    'japaneast',
    'japanwest',
    'jioindiacentral',
    'jioindiawest',
    'koreacentral',
    'koreasouth',
    'malaysiawest',
    'mexicocentral',
    'newzealandnorth',
    'northcentralus',
    'northeurope',
    'norwayeast',
    'norwaywest',
    'polandcentral',
    'qatarcentral',
    'southafricanorth',
    'southafricawest',
    'southcentralus',
    'southeastasia',
    'southindia',
    'spaincentral',
    'swedencentral',
    'swedensouth',
    'switzerlandnorth',
    'switzerlandwest',
    'uaecentral',
    'uaenorth',
    'uksouth',
    'ukwest',
    'westcentralus',
    'westeurope',
    'westindia',
    'westus',
    'westus2',
    'westus3',
  ],
  AzureUSGovernment: ['usdodcentral', 'usdodeast', 'usgovarizona', 'usgovtexas', 'usgovvirginia'],
  AzureChinaCloud: [
    'chinaeast',
    'chinaeast2',
    'chinaeast3',
    'chinanorth',
    'chinanorth2',
    'chinanorth3',
  ],
};

const WELL_FORMED = /^[a-z][a-z0-9]{2,40}$/;

export function checkLocation(
  cloud: CloudName,
  location: string | undefined,
  path: Path,
  sink: FindingSink,
): void {
  if (location === undefined) return;
  const regions = REGIONS[cloud];
  if (regions.includes(location)) return;
  // "West Europe", "WestEurope", "west-europe": the region's name without spaces and case.
  const squashed = location.toLowerCase().replace(/[\s_-]+/g, '');
  if (regions.includes(squashed)) {
    sink.error(
      'location/invalid',
      path,
      `"${location}" is not how Azure names the region: write "${squashed}" (the name "az account list-locations" prints, not the display name)`,
    );
    return;
  }
  const otherCloud = (Object.keys(REGIONS) as CloudName[]).find(
    (name) => name !== cloud && REGIONS[name].includes(squashed),
  );
  if (otherCloud) {
    sink.error(
      'location/invalid',
      path,
      `"${location}" is a region of ${otherCloud}, but this file's cloud is ${cloud}: use one of its regions (${regions.slice(0, 3).join(', ')}…), or set defaults.cloud`,
    );
    return;
  }
  const suggestion = closest(squashed, regions);
  if (suggestion) {
    sink.error(
      'location/invalid',
      path,
      `"${location}" is not an Azure region of ${cloud}: did you mean "${suggestion}"?`,
    );
    return;
  }
  if (!WELL_FORMED.test(location)) {
    sink.error(
      'location/invalid',
      path,
      `"${location}" is not an Azure region name: write a region's name as "az account list-locations --query [].name" prints it, for example "${regions[0] ?? ''}"`,
    );
    return;
  }
  sink.warning(
    'location/unknown',
    path,
    `"${location}" is not a region kvnet knows in ${cloud}: check the name with "az account list-locations"; if Azure opened it recently, this warning can be ignored`,
  );
}

export function checkDefaultLocation(spec: Spec, sink: FindingSink): void {
  checkLocation(spec.defaults.cloud, spec.defaults.location, ['defaults', 'location'], sink);
}

export function checkVaultLocations(
  spec: Spec,
  vault: VaultSpec,
  vaultPath: Path,
  sink: FindingSink,
): void {
  vault.privateEndpoints.forEach((endpoint, index) => {
    checkLocation(
      spec.defaults.cloud,
      endpoint.location,
      [...vaultPath, 'privateEndpoints', index, 'location'],
      sink,
    );
  });
}
