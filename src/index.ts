import { limitHeapGrowth } from './adapters/process/heap-growth.js';
import { run } from './action/main.js';

limitHeapGrowth();
await run();
