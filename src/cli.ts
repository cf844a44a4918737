import { limitHeapGrowth } from './adapters/process/heap-growth.js';
import { main } from './cli/main.js';
import { processIo } from './cli/io.js';

limitHeapGrowth();
// A closed pipe is reported by the write it failed (io.ts), not thrown as an unhandled event.
process.stdout.on('error', () => undefined);
process.exitCode = await main(process.argv.slice(2), processIo);
