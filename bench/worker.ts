// The measured processes. As `kvnet`: plan, then apply of the reviewed plan, exactly as the
// CLI runs them (spec files → validate → resolve → makePlan; applyPlan with the reviewed plan).
// As `bare-client`: the floor (bare-client.ts). The bench bundles this file like dist/cli.js
// and runs it with plain node, the floor first and kvnet next, each in a process of its own, so
// kvnet's peak RSS is kvnet's alone (the floor's sockets and buffers are not in it). Prints one
// JSON line (BareResult or WorkerResult) on stdout.
import { readFileSync } from 'node:fs';
import { limitHeapGrowth } from '../src/adapters/process/heap-growth.js';
import { applyPlan } from '../src/engine/apply/run-apply.js';
import { makePlan } from '../src/engine/plan/make-plan.js';
import { LiveReads } from '../src/engine/state/read-live.js';
import { runBareClient, type BareResult } from './bare-client.js';
import { peakRss } from './peak-rss.js';
import { renderPhase, type RenderPhase } from './render-phase.js';
import { kvnetAdapters, loadDesiredState } from './kvnet.js';
import { heapSnapshotAt, startAllocationProfile } from './profiling.js';
import type { MinimalRequest } from './minimal-reads.js';

export interface WorkerInput {
  readonly role: 'bare-client' | 'kvnet';
  readonly endpoint: string;
  readonly caCertPath: string;
  /**
   * extra-ca-certs: the process trusts the CA through NODE_EXTRA_CA_CERTS (set by the bench),
   * so TLS works as it does against Azure; ca-option: the CA goes to every SDK client, as with
   * the CLI's KVNET_ARM_CA_CERT.
   */
  readonly trust: 'extra-ca-certs' | 'ca-option';
  readonly specDir: string;
  readonly today: string;
  readonly readConcurrency: number;
  readonly maxParallel: number;
  readonly pollIntervalMs: number;
  /** The applier's write pacing; undefined keeps kvnet's default. */
  readonly writesPerSecondPerSubscription?: number;
  /** The minimal GET set the bare client issues before kvnet plans (bare-client.ts). */
  readonly bare: {
    readonly requests: readonly MinimalRequest[];
    readonly networkApiVersion: string;
  };
  /** Skip the apply (for the largest estates, where the plan is what is measured). */
  readonly planOnly: boolean;
}

export interface PhaseMemory {
  /** Highest resident set size sampled during the phase, in bytes. */
  readonly peakRssBytes: number;
  /** Highest V8 heap in use, and highest memory outside it (buffers, TLS), sampled alike. */
  readonly peakHeapUsedBytes: number;
  readonly peakExternalBytes: number;
  /** What the resident set held at the sample where it peaked, in bytes. */
  readonly atPeakRss: RssBreakdown;
}

export interface RssBreakdown {
  /** Anonymous and file-backed resident pages (RssAnon, RssFile of /proc/self/status). */
  readonly anonymousBytes: number;
  readonly fileBytes: number;
  /** V8's heap as reserved for objects, and as in use; memory outside it (buffers, TLS). */
  readonly heapTotalBytes: number;
  readonly heapUsedBytes: number;
  readonly externalBytes: number;
}

const NO_BREAKDOWN: RssBreakdown = {
  anonymousBytes: 0,
  fileBytes: 0,
  heapTotalBytes: 0,
  heapUsedBytes: 0,
  externalBytes: 0,
};

/** RssAnon and RssFile from /proc/self/status (zero where there is none). */
function residentKinds(): { anonymousBytes: number; fileBytes: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { anonymousBytes: kb('RssAnon') * 1024, fileBytes: kb('RssFile') * 1024 };
  } catch {
    return { anonymousBytes: 0, fileBytes: 0 };
  }
}

export interface WorkerResult {
  readonly plan: {
    readonly startedAtMs: number;
    readonly resolvedAtMs: number;
    readonly endedAtMs: number;
    readonly outcome: string;
    readonly steps: number;
    readonly stepsByKind: Record<string, number>;
    readonly memory: PhaseMemory;
  };
  /** The plan rendered as the CLI prints it and as the Action posts it (render-phase.ts). */
  readonly render: RenderPhase & { readonly memory: PhaseMemory };
  readonly apply: {
    readonly startedAtMs: number;
    readonly endedAtMs: number;
    readonly outcome: string;
    readonly messages: readonly string[];
    readonly results: Record<string, number>;
    readonly residual: string;
    readonly memory: PhaseMemory;
  };
  /**
   * Peak RSS of this process image, bytes: VmHWM from /proc/self/status on Linux. Not
   * process.resourceUsage().maxRSS: Linux carries the pre-exec high-water mark over exec, so a
   * child spawned by a big parent reports the parent's size (the bench's setup) instead.
   */
  readonly peakRssBytes: number;
  readonly peakRssSource: 'VmHWM' | 'maxRSS';
  readonly rssAtStartBytes: number;
}

class MemorySampler {
  private rss = 0;
  private heap = 0;
  private external = 0;
  private atPeakRss = NO_BREAKDOWN;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 10) {
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.rss)
      this.atPeakRss = {
        ...residentKinds(),
        heapTotalBytes: usage.heapTotal,
        heapUsedBytes: usage.heapUsed,
        externalBytes: usage.external,
      };
    this.rss = Math.max(this.rss, usage.rss);
    this.heap = Math.max(this.heap, usage.heapUsed);
    this.external = Math.max(this.external, usage.external);
  }

  /** The peaks since the last call, then starts afresh. */
  take(): PhaseMemory {
    this.sample();
    const result = {
      peakRssBytes: this.rss,
      peakHeapUsedBytes: this.heap,
      peakExternalBytes: this.external,
      atPeakRss: this.atPeakRss,
    };
    this.atPeakRss = NO_BREAKDOWN;
    this.rss = 0;
    this.heap = 0;
    this.external = 0;
    return result;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

async function main(): Promise<void> {
  // As the CLI's and the Action's entries do (KVNET_BENCH_NODE_FLAGS can choose another step).
  limitHeapGrowth();
  const rssAtStartBytes = process.memoryUsage().rss;
  const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
  if (input.role === 'bare-client') {
    const bare: BareResult = await runBareClient(
      input.endpoint,
      input.bare.requests,
      input.bare.networkApiVersion,
    );
    process.stdout.write(`${JSON.stringify(bare)}\n`, () => process.exit(0));
    return;
  }
  const sampler = new MemorySampler();
  const { reader, writer } = kvnetAdapters(
    {
      endpoint: input.endpoint,
      caCertPem: input.trust === 'ca-option' ? readFileSync(input.caCertPath, 'utf8') : undefined,
    },
    input.pollIntervalMs,
  );
  sampler.take();

  const stopAllocationProfile = await startAllocationProfile();
  const planStarted = Date.now();
  // As `kvnet plan` (cli/early-reads.ts): each file's reads start as soon as it is parsed.
  const reads = new LiveReads(reader, input.readConcurrency);
  const desired = await loadDesiredState(input.specDir, input.today, (file) =>
    reads.startFile(file, input.today),
  );
  const resolvedAt = Date.now();
  heapSnapshotAt('resolved');
  const plan = await makePlan(desired, reader, { concurrency: input.readConcurrency, reads });
  const planEnded = Date.now();
  const planMemory = sampler.take();
  await stopAllocationProfile();
  heapSnapshotAt('planned');
  const rendered = { ...renderPhase(plan), memory: sampler.take() };

  const applyStarted = Date.now();
  const report = input.planOnly
    ? { outcome: 'skipped', messages: [], results: [], residual: undefined }
    : await applyPlan(desired, reader, writer, {
        reviewedPlan: plan,
        allowDestructive: false,
        maxParallel: input.maxParallel,
        ...(input.writesPerSecondPerSubscription === undefined
          ? {}
          : { writesPerSecondPerSubscription: input.writesPerSecondPerSubscription }),
      });
  const applyEnded = Date.now();
  const applyMemory = sampler.take();
  sampler.stop();
  const peak = peakRss();

  const result: WorkerResult = {
    plan: {
      startedAtMs: planStarted,
      resolvedAtMs: resolvedAt,
      endedAtMs: planEnded,
      outcome: plan.outcome,
      steps: plan.steps.length,
      stepsByKind: tally(plan.steps.map((step) => `${step.kind}:${step.action}:${step.phase}`)),
      memory: planMemory,
    },
    render: rendered,
    apply: {
      startedAtMs: applyStarted,
      endedAtMs: applyEnded,
      outcome: report.outcome,
      messages: report.messages,
      results: tally(report.results.map((entry) => entry.status)),
      residual: report.residual?.outcome ?? '(none)',
      memory: applyMemory,
    },
    peakRssBytes: peak.bytes,
    peakRssSource: peak.source,
    rssAtStartBytes,
  };
  // The SDK's keep-alive sockets would hold the process open; the result is all we need.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
