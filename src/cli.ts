import { limitHeapGrowth } from './adapters/process/heap-growth.js';
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';

limitHeapGrowth();
process.exitCode = await main(process.argv.slice(2), processIo);
