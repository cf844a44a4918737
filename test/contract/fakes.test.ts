// The port contract against InMemoryAzure.
import { InMemoryAzure } from '../support/fakes/in-memory-azure.js';
import { azurePortsContract, type PortsFactory } from './azure-ports.contract.js';
import { managedHsmPortsContract } from './managed-hsm-ports.contract.js';

const factory: PortsFactory = {
  name: 'InMemoryAzure',
  start: async () => undefined,
  stop: async () => undefined,
  seed: async (state) => {
    const fake = new InMemoryAzure(state);
    return {
      reader: fake,
      writer: fake,
      failRead: async (resourceId, httpStatus, code) =>
        fake.failReads(resourceId, { httpStatus, code }),
      failWrite: async (_method, resourceId, httpStatus, code) =>
        fake.failWrites(resourceId, { httpStatus, code, times: 1 }),
      failProvisioning: async (resourceId, code) => fake.failProvisioning(resourceId, code),
      zoneGroupPolicy: async (privateDnsZoneId) => fake.setZoneGroupPolicy({ privateDnsZoneId }),
    };
  },
};

azurePortsContract(factory);
managedHsmPortsContract(factory);
