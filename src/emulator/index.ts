// The local Azure Resource Manager endpoint (DESIGN.md §7). Tests, benchmarks and the demo
// only; nothing in the engine, adapters or action imports it.
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './server.js';
export type { FaultSpec, FaultEffect } from './faults.js';
export type { EmulatorSettings } from './settings.js';
export type { RequestLogEntry } from './request-log.js';
