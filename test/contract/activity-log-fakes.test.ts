// The activity log contract against InMemoryAzure.
import { InMemoryAzure } from '../support/fakes/in-memory-azure.js';
import { activityLogContract } from './activity-log.contract.js';

activityLogContract({
  name: 'InMemoryAzure',
  start: async () => undefined,
  stop: async () => undefined,
  seed: async (state) => {
    const fake = new InMemoryAzure(state);
    return {
      log: fake,
      writerAs: (caller) => {
        fake.caller = caller;
        return fake;
      },
    };
  },
});
