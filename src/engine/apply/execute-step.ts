// Runs one plan step through the writer port, then reads the resource back to prove the
// write took effect (and that nobody else changed it in between).
import { resourceIdKey } from '../model/resource-id.js';
import { sameNetwork } from '../model/vault-network.js';
import type { PlanStep } from '../plan/types.js';
import { networkOfPayload } from '../plan/world-of.js';
import { isSucceeded, MANAGED_BY_TAG, MANAGED_BY_VALUE, type ReadOutcome } from '../state/live.js';
import { virtualNetworkOf } from '../state/read-live.js';
import type { AzureReader } from '../../ports/azure-reader.js';
import type { AzureWriter } from '../../ports/azure-writer.js';
import { WriteFailure } from './write-failure.js';

function verificationFailed(resourceId: string, message: string): WriteFailure {
  return new WriteFailure(resourceId, message, 'VerificationFailed');
}

async function requireOk<T>(
  resourceId: string,
  read: Promise<ReadOutcome<T>>,
): Promise<T | undefined> {
  const outcome = await read;
  if (outcome.status === 'error')
    throw new WriteFailure(
      resourceId,
      `read-back failed: ${outcome.error.message}`,
      'ReadBackFailed',
    );
  return outcome.status === 'ok' ? outcome.value : undefined;
}

async function connectionNameFor(
  reader: AzureReader,
  vaultId: string,
  privateEndpointId: string,
): Promise<string> {
  const vault = await requireOk(vaultId, reader.getVault(vaultId));
  const connection = vault?.connections.find(
    (candidate) => resourceIdKey(candidate.privateEndpointId) === resourceIdKey(privateEndpointId),
  );
  if (!connection) {
    throw new WriteFailure(
      vaultId,
      `the vault has no connection from ${privateEndpointId} yet`,
      'RetryableError',
    );
  }
  return connection.name;
}

export async function executeStep(
  step: PlanStep,
  writer: AzureWriter,
  reader: AzureReader,
): Promise<void> {
  const payload = step.payload;
  switch (payload.kind) {
    case 'vault':
      return writer.patchVaultNetwork(step.resourceId, payload.network);
    case 'subnet':
      await writer.addSubnetServiceEndpoint(step.resourceId, payload.addServiceEndpoint);
      return writer.waitUntilNetworkSettled(step.resourceId);
    case 'privateEndpoint': {
      if (step.action === 'delete' || step.action === 'replace') {
        await writer.deletePrivateEndpoint(step.resourceId);
        await writer.waitUntilNetworkSettled(payload.subnetId);
      }
      if (step.action === 'delete') return;
      if (!payload.location) {
        throw new WriteFailure(
          step.resourceId,
          'the endpoint has no location: set privateEndpoints[].location or defaults.location',
          'MissingLocation',
        );
      }
      await writer.createPrivateEndpoint(step.resourceId, {
        location: payload.location,
        subnetId: payload.subnetId,
        vaultId: payload.vaultId,
        connectionName: payload.connectionName,
        manualApproval: payload.manualApproval,
        requestMessage: payload.requestMessage,
        tags: { [MANAGED_BY_TAG]: MANAGED_BY_VALUE },
      });
      return writer.waitUntilNetworkSettled(payload.subnetId);
    }
    // `update` re-drives a zone or link whose creation did not end Succeeded.
    case 'dnsZone':
      return step.action === 'update'
        ? writer.redriveDnsZone(step.resourceId)
        : writer.createDnsZone(step.resourceId);
    case 'virtualNetworkLink':
      return step.action === 'update'
        ? writer.redriveVirtualNetworkLink(step.resourceId)
        : writer.createVirtualNetworkLink(step.resourceId, payload.virtualNetworkId);
    case 'zoneGroup':
      return writer.putZoneGroup(step.resourceId, payload.zoneIds);
    case 'connection': {
      const name =
        payload.connectionName ??
        (await connectionNameFor(reader, payload.vaultId, payload.privateEndpointId));
      const description =
        payload.status === 'Approved'
          ? 'Approved by kvnet: declared in the spec'
          : 'Rejected by kvnet: not declared in the spec';
      return writer.setConnectionStatus(payload.vaultId, name, payload.status, description);
    }
  }
}

/** Reads the resource back; throws VerificationFailed when it is not as the step left it. */
export async function verifyStep(step: PlanStep, reader: AzureReader): Promise<void> {
  const payload = step.payload;
  switch (payload.kind) {
    case 'vault': {
      const vault = await requireOk(step.resourceId, reader.getVault(step.resourceId));
      if (!vault) throw verificationFailed(step.resourceId, 'the vault is gone');
      if (!sameNetwork(vault.network, networkOfPayload(payload.network))) {
        throw verificationFailed(
          step.resourceId,
          'read-back differs from what was written: another change reached the vault at the same time; re-run plan and review again',
        );
      }
      return;
    }
    case 'subnet': {
      const vnet = await requireOk(
        step.resourceId,
        reader.getVirtualNetwork(virtualNetworkOf(step.resourceId)),
      );
      const subnet = vnet?.subnets.find(
        (candidate) => resourceIdKey(candidate.id) === resourceIdKey(step.resourceId),
      );
      if (
        !subnet?.serviceEndpoints.some(
          (service) => service.toLowerCase() === payload.addServiceEndpoint.toLowerCase(),
        )
      ) {
        throw verificationFailed(
          step.resourceId,
          `the subnet does not list ${payload.addServiceEndpoint} after the write`,
        );
      }
      return;
    }
    case 'privateEndpoint': {
      // One GET of the endpoint: a list of its group would cost O(endpoints there) per step.
      const found = await requireOk(step.resourceId, reader.getPrivateEndpoint(step.resourceId));
      if (step.action === 'delete') {
        if (found)
          throw verificationFailed(
            step.resourceId,
            'the private endpoint still exists after deletion',
          );
        return;
      }
      const connected = found?.connections.some(
        (connection) => resourceIdKey(connection.targetId) === resourceIdKey(payload.vaultId),
      );
      if (!connected)
        throw verificationFailed(
          step.resourceId,
          'the private endpoint does not connect to the vault after the write',
        );
      return;
    }
    case 'dnsZone': {
      const zone = await requireOk(step.resourceId, reader.getDnsZone(step.resourceId));
      if (!zone)
        throw verificationFailed(step.resourceId, 'the zone does not exist after the write');
      if (!isSucceeded(zone.provisioningState))
        throw verificationFailed(
          step.resourceId,
          `the zone is ${zone.provisioningState ?? ''} after the write, not Succeeded`,
        );
      return;
    }
    case 'virtualNetworkLink': {
      const zoneId = step.resourceId.replace(/\/virtualNetworkLinks\/[^/]+$/i, '');
      const links =
        (await requireOk(step.resourceId, reader.listVirtualNetworkLinks(zoneId))) ?? [];
      if (
        !links.some(
          (link) =>
            resourceIdKey(link.virtualNetworkId) === resourceIdKey(payload.virtualNetworkId) &&
            isSucceeded(link.provisioningState),
        )
      ) {
        throw verificationFailed(
          step.resourceId,
          'the zone has no link to the virtual network after the write',
        );
      }
      return;
    }
    case 'zoneGroup': {
      const group = await requireOk(step.resourceId, reader.getZoneGroup(step.resourceId));
      const zones = new Set(group?.zoneIds.map(resourceIdKey));
      if (!group || !payload.zoneIds.every((zone) => zones.has(resourceIdKey(zone)))) {
        throw verificationFailed(
          step.resourceId,
          'the zone group does not point at the zone after the write',
        );
      }
      return;
    }
    case 'connection': {
      const vault = await requireOk(payload.vaultId, reader.getVault(payload.vaultId));
      const connection = vault?.connections.find(
        (candidate) =>
          resourceIdKey(candidate.privateEndpointId) === resourceIdKey(payload.privateEndpointId),
      );
      if (connection?.status !== payload.status) {
        throw verificationFailed(
          step.resourceId,
          `the connection is ${connection?.status ?? 'gone'}, not ${payload.status}, after the write`,
        );
      }
      return;
    }
  }
}
