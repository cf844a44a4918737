// The bench's result: one JSON document (BenchReport) and a short markdown table of it.
import { cpus, totalmem, release, platform } from 'node:os';

export interface Machine {
  readonly cpuModel: string;
  readonly logicalCores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
}

export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    logicalCores: list.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

export interface Target {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

export interface BenchReport {
  readonly benchmark: 'kvnet plan and apply';
  readonly date: string;
  readonly machine: Machine;
  readonly parameters: {
    readonly vaults: number;
    readonly subscriptions: number;
    readonly latencyMs: number;
    readonly readConcurrency: number;
    readonly applyMaxParallel: number;
    readonly pollIntervalMs: number;
    readonly writesPerSecondPerSubscription: number | 'default';
    readonly trust: 'extra-ca-certs' | 'ca-option';
    /** Items per page of every list during the measurement (0: each list's Azure default). */
    readonly pageSize: number;
    readonly planOnly: boolean;
  };
  readonly estate: {
    readonly vaults: number;
    readonly unmanagedVaults: number;
    readonly subscriptions: number;
    readonly hubSubscription: string;
    readonly vaultResourceGroups: number;
    readonly virtualNetworks: number;
    readonly privateEndpointsBefore: number;
    readonly changedVaults: number;
    readonly changesByKind: Record<string, number>;
  };
  readonly setup: { readonly outcome: string; readonly steps: number; readonly seconds: number };
  readonly plan: {
    readonly outcome: string;
    readonly steps: number;
    readonly stepsByKind: Record<string, number>;
    readonly requestsByOperation: Record<string, number>;
    readonly reads: number;
    readonly writes: number;
    /** Distinct connections (TLS handshakes) that carried the plan's reads. */
    readonly connections: number;
    readonly minimalReads: Record<string, number>;
    readonly readsOverMinimal: number;
    readonly wallMs: number;
    readonly specLoadMs: number;
    readonly readAndDiffMs: number;
    /** From the start of the plan to its first ARM request (spec load, clients). */
    readonly firstReadAfterMs: number;
    /** From the end of the last ARM read to the plan's end (the diff and its analysis). */
    readonly afterLastReadMs: number;
    /** The minimal GET set by a plain HTTPS client, in the same run (bench/bare-client.ts). */
    readonly bareClient: {
      readonly wallMs: number;
      readonly requests: number;
      readonly statuses: Record<string, number>;
      readonly requestsLogged: number;
      readonly connections: number;
    };
    readonly wallOverBare: number;
    /** 429 answers the plan provoked. */
    readonly throttled: number;
    readonly peakRssMiB: number;
    readonly peakHeapUsedMiB: number;
    readonly peakExternalMiB: number;
    /** What the resident set held when it peaked in the plan. */
    readonly atPeakRssMiB: RssBreakdownMiB;
  };
  /** The plan rendered for its readers (bench/render-phase.ts), after the plan, before the apply. */
  readonly render: {
    readonly totalMs: number;
    readonly outputs: Record<
      string,
      { readonly ms: number; readonly bytes: number; readonly peakRssAfterMiB: number }
    >;
    /** Whether the job summary held the whole plan (else it says where the rest is). */
    readonly summaryComplete: boolean;
    /** Sampled every 10 ms: a synchronous renderer blocks the sampler, so see peakRssAfterMiB. */
    readonly peakRssMiB: number;
  };
  readonly apply: {
    readonly outcome: string;
    readonly messages: readonly string[];
    readonly results: Record<string, number>;
    readonly residual: string;
    readonly requestsByOperation: Record<string, number>;
    readonly reads: number;
    readonly writes: number;
    readonly wallMs: number;
    readonly maxWritesPerSecondBySubscription: Record<string, number>;
    readonly maxWritesPerSecondPerSubscription: number;
    readonly vnetWrites: number;
    readonly overlappingVnetWritePairs: number;
    readonly anotherOperationInProgress: number;
    readonly peakRssMiB: number;
    readonly peakHeapUsedMiB: number;
    readonly peakExternalMiB: number;
  };
  readonly memory: {
    readonly peakRssMiB: number;
    readonly peakRssSource: 'VmHWM' | 'maxRSS';
    readonly rssAtStartMiB: number;
  };
  readonly targets: readonly Target[];
}

export interface RssBreakdownMiB {
  readonly anonymous: number;
  readonly file: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
}

export const mib = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;
const kib = (bytes: number) => Math.round(bytes / 1024);
const round2 = (value: number) => Math.round(value * 100) / 100;

export function evaluateTargets(report: Omit<BenchReport, 'targets'>): Target[] {
  const { plan, apply, memory } = report;
  return [
    {
      name: 'plan reads vs minimal',
      target: '≤ 1.1 ×',
      measured: `${plan.reads} / ${plan.minimalReads.total} = ${round2(plan.readsOverMinimal)} ×`,
      met: plan.readsOverMinimal <= 1.1,
    },
    {
      name: 'plan wall time vs bare-client wall time',
      target: '≤ 1.5 ×',
      measured: `${plan.wallMs} ms / ${plan.bareClient.wallMs} ms = ${round2(plan.wallOverBare)} ×`,
      met: plan.wallOverBare <= 1.5,
    },
    {
      name: 'plan provokes no 429',
      target: '0',
      measured: String(plan.throttled),
      met: plan.throttled === 0,
    },
    {
      name: 'peak RSS of the kvnet process',
      target: '< 300 MiB',
      measured: `${memory.peakRssMiB} MiB`,
      met: memory.peakRssMiB < 300,
    },
    {
      name: 'apply writes per second per subscription (max over 1 s windows)',
      target: '< 10',
      measured: String(apply.maxWritesPerSecondPerSubscription),
      met: apply.maxWritesPerSecondPerSubscription < 10,
    },
    {
      name: 'apply writes serialised per VNet',
      target: 'no overlap, no 409 AnotherOperationInProgress',
      measured: `${apply.vnetWrites} VNet writes, ${apply.overlappingVnetWritePairs} overlapping pairs, ${apply.anotherOperationInProgress} × 409`,
      met: apply.overlappingVnetWritePairs === 0 && apply.anotherOperationInProgress === 0,
    },
    {
      name: 'apply converges',
      target: 'applied, residual plan empty',
      measured: `${apply.outcome}, residual ${apply.residual}`,
      met: apply.outcome === 'applied' && apply.residual === 'no-changes',
    },
  ];
}

function operationRows(label: string, counts: Record<string, number>): string[] {
  return Object.entries(counts).map(
    ([operation, count]) => `| ${label} | \`${operation}\` | ${count} |`,
  );
}

/** Each output's time and size, and the process's peak once it was made (VmHWM only rises). */
function renderRow(render: BenchReport['render']): string {
  const outputs = Object.entries(render.outputs).map(
    ([name, output]) =>
      `${name} ${output.ms} ms, ${kib(output.bytes)} KiB (peak then ${output.peakRssAfterMiB} MiB)`,
  );
  const summary = render.summaryComplete ? 'whole' : 'cut, pointing to the JSON';
  return `| rendered for readers (after the plan) | ${render.totalMs} ms: ${outputs.join('; ')}; summary ${summary} | — |`;
}

export function renderMarkdown(report: BenchReport): string {
  const { parameters: p, estate: e, plan, render, apply, machine: m } = report;
  const lines = [
    `## kvnet bench: ${p.vaults} vaults, ${p.subscriptions} subscriptions, ${p.latencyMs} ms latency`,
    '',
    `${report.date}; ${m.cpuModel}, ${m.logicalCores} logical cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}.`,
    `Estate: ${e.vaults} declared vaults (+${e.unmanagedVaults} unmanaged) in ${e.vaultResourceGroups} resource groups, ${e.virtualNetworks} VNets, ${e.privateEndpointsBefore} private endpoints, hub zone in its own subscription; change on ${e.changedVaults} vaults (${Object.entries(
      e.changesByKind,
    )
      .map(([kind, count]) => `${count} ${kind}`)
      .join(', ')}).`,
    `Lists paged at ${p.pageSize || 'their Azure default'} items; ARM read buckets enforced (250, 25/s per subscription). Plan reads at most ${p.readConcurrency} at a time per subscription; apply runs ${p.applyMaxParallel} steps at a time, polls every ${p.pollIntervalMs} ms, write pacing ${p.writesPerSecondPerSubscription === 'default' ? 'kvnet default' : `${p.writesPerSecondPerSubscription}/s per subscription`}; endpoint CA trusted via ${p.trust === 'ca-option' ? "the clients' ca option (KVNET_ARM_CA_CERT)" : 'NODE_EXTRA_CA_CERTS'}.`,
    '',
    '| figure | plan | apply |',
    '| --- | --- | --- |',
    `| outcome | ${plan.outcome} (${plan.steps} steps) | ${apply.outcome}, residual ${apply.residual} |`,
    `| ARM reads / writes | ${plan.reads} / ${plan.writes} | ${apply.reads} / ${apply.writes} |`,
    `| connections (TLS handshakes): kvnet / bare client | ${plan.connections} / ${plan.bareClient.connections} | — |`,
    `| minimal reads, ratio | ${plan.minimalReads.total}, ${round2(plan.readsOverMinimal)} × | — |`,
    `| wall time | ${plan.wallMs} ms (spec load ${plan.specLoadMs} ms; first read at ${plan.firstReadAfterMs} ms; diff after the last read ${plan.afterLastReadMs} ms) | ${apply.wallMs} ms |`,
    `| bare-client floor (minimal GETs, plain HTTPS, ARM concurrency), ratio | ${plan.bareClient.wallMs} ms for ${plan.bareClient.requests} GETs, ${round2(plan.wallOverBare)} × | — |`,
    `| 429s provoked | ${plan.throttled} | — |`,
    `| max writes/s per subscription | — | ${apply.maxWritesPerSecondPerSubscription} |`,
    `| VNet writes: overlapping, 409 | — | ${apply.vnetWrites}: ${apply.overlappingVnetWritePairs}, ${apply.anotherOperationInProgress} |`,
    renderRow(render),
    `| peak RSS sampled in phase | ${plan.peakRssMiB} MiB | ${apply.peakRssMiB} MiB |`,
    `| peak V8 heap used / external (buffers, TLS) sampled in phase | ${plan.peakHeapUsedMiB} / ${plan.peakExternalMiB} MiB | ${apply.peakHeapUsedMiB} / ${apply.peakExternalMiB} MiB |`,
    `| at the plan's RSS peak: anonymous / file-backed; V8 heap reserved / in use; external | ${plan.atPeakRssMiB.anonymous} / ${plan.atPeakRssMiB.file}; ${plan.atPeakRssMiB.heapTotal} / ${plan.atPeakRssMiB.heapUsed}; ${plan.atPeakRssMiB.external} MiB | — |`,
    '',
    `Peak RSS of the kvnet process (${report.memory.peakRssSource === 'VmHWM' ? 'VmHWM, /proc/self/status' : 'getrusage maxRSS'}): **${report.memory.peakRssMiB} MiB** (${report.memory.rssAtStartMiB} MiB after loading the bundle).`,
    '',
    '| target | goal | measured | met |',
    '| --- | --- | --- | --- |',
    ...report.targets.map(
      (t) => `| ${t.name} | ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '| phase | ARM operation | requests |',
    '| --- | --- | --- |',
    ...operationRows('plan', plan.requestsByOperation),
    ...operationRows('apply', apply.requestsByOperation),
    '',
  ];
  return lines.join('\n');
}
