// npm run bench [-- --vaults N --subscriptions S --latency-ms L] [--out DIR] [--format json]
//
// Generates an estate (bench/estate.ts) and its spec set, serves it from the local ARM
// endpoint in a child process, converges it to the baseline with no latency (bench/setup.ts),
// then sets the latency and runs kvnet in a process of its own (bench/worker.ts, bundled like
// dist/cli.js): a plan of the spec set with a change on 10 % of the vaults, then the apply of
// that reviewed plan. The endpoint's request log gives the ARM figures (bench/requests.ts).
// Prints a markdown table (or JSON with --format json); --out DIR also writes both files,
// named after N, S and L (and --label, for variants such as --writes-per-second 0).
// --reuse-baseline keeps the converged baseline in the temp directory for the next run.
// Exit 1 only when the bench itself breaks (an invalid estate, a crash); missed targets are
// reported, never a failure: this is a benchmark, not a test.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { startEmulatorProcess, repoRoot, type EmulatorProcess } from './emulator-process.js';
import { generateEstate, HUB_SUBSCRIPTION, PE_RG, type Estate } from './estate.js';
import { API_VERSIONS, minimalReads } from './minimal-reads.js';
import {
  describeMachine,
  evaluateTargets,
  mib,
  renderMarkdown,
  type BenchReport,
} from './report.js';
import {
  connectionsOf,
  countByOperation,
  inWindow,
  isWrite,
  vnetSerialisation,
  writesPerSecondBySubscription,
} from './requests.js';
import { convergeBaseline, requireBaseline, type SetupResult } from './setup.js';
import { specFiles } from './specs.js';
import type { BareResult } from './bare-client.js';
import type { Rendering } from './render-phase.js';
import type { WorkerInput, WorkerResult } from './worker.js';

const WORKER_TIMEOUT_MS = 15 * 60 * 1000;

const rendering = (figures: Rendering) => ({
  ms: figures.ms,
  bytes: figures.bytes,
  peakRssAfterMiB: mib(figures.peakRssAfterBytes),
});

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max)
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

function options() {
  const { values } = parseArgs({
    options: {
      vaults: { type: 'string', default: '100' },
      subscriptions: { type: 'string' },
      'latency-ms': { type: 'string', default: '50' },
      'read-concurrency': { type: 'string', default: '16' },
      'max-parallel': { type: 'string', default: '4' },
      'poll-interval-ms': { type: 'string', default: '2000' },
      'writes-per-second': { type: 'string' },
      out: { type: 'string' },
      label: { type: 'string' },
      format: { type: 'string', default: 'table' },
      trust: { type: 'string', default: 'extra-ca-certs' },
      keep: { type: 'boolean', default: false },
      'page-size': { type: 'string', default: '25' },
      'plan-only': { type: 'boolean', default: false },
      'reuse-baseline': { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const vaults = wholeNumber(values.vaults, '--vaults', 1, 20_000);
  if (values.format !== 'table' && values.format !== 'json')
    throw new Error('--format must be table or json');
  if (values.trust !== 'extra-ca-certs' && values.trust !== 'ca-option')
    throw new Error('--trust must be extra-ca-certs or ca-option');
  return {
    vaults,
    subscriptions: wholeNumber(
      values.subscriptions ?? String(Math.min(10, vaults)),
      '--subscriptions',
      1,
      1000,
    ),
    latencyMs: wholeNumber(values['latency-ms'], '--latency-ms', 0, 10_000),
    readConcurrency: wholeNumber(values['read-concurrency'], '--read-concurrency', 1, 64),
    maxParallel: wholeNumber(values['max-parallel'], '--max-parallel', 1, 32),
    pollIntervalMs: wholeNumber(values['poll-interval-ms'], '--poll-interval-ms', 0, 60_000),
    writesPerSecond:
      values['writes-per-second'] === undefined
        ? undefined
        : wholeNumber(values['writes-per-second'], '--writes-per-second', 0, 1000),
    out: values.out,
    label: values.label,
    format: values.format,
    trust: values.trust as 'extra-ca-certs' | 'ca-option',
    keep: values.keep,
    pageSize: wholeNumber(values['page-size'], '--page-size', 0, 1000),
    planOnly: values['plan-only'],
    reuseBaseline: values['reuse-baseline'],
  };
}

/** The worker bundled like dist/cli.js, so the measured process carries no TypeScript loader. */
async function bundleWorker(directory: string): Promise<string> {
  const outfile = join(directory, 'kvnet-bench-worker.mjs');
  await build({
    entryPoints: [join(repoRoot, 'bench/worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __kvnetCreateRequire } from 'node:module';\nconst require = __kvnetCreateRequire(import.meta.url);",
    },
  });
  return outfile;
}

function runWorker<Result>(bundle: string, input: WorkerInput): Promise<Result> {
  return new Promise((resolve, reject) => {
    // KVNET_BENCH_CPU_PROF=DIR writes a V8 CPU profile of the kvnet process into DIR.
    // KVNET_BENCH_HEAP_PROF=DIR a sampling heap profile (what is live when the plan is done).
    const profiled = input.role === 'kvnet';
    const profile = profiled ? process.env.KVNET_BENCH_CPU_PROF : undefined;
    const heap = profiled ? process.env.KVNET_BENCH_HEAP_PROF : undefined;
    // KVNET_BENCH_NODE_FLAGS="--trace-gc …" adds node flags, and its stdout is echoed to stderr.
    const extra = (profiled ? (process.env.KVNET_BENCH_NODE_FLAGS ?? '') : '')
      .split(' ')
      .filter(Boolean);
    const flags = [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : []),
      ...(heap ? ['--heap-prof', '--heap-prof-dir', heap] : []),
      ...extra,
    ];
    const child = spawn(process.execPath, [...flags, bundle, JSON.stringify(input)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_EXTRA_CA_CERTS: input.caCertPath },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-8000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), WORKER_TIMEOUT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (extra.length > 0) process.stderr.write(stdout);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`the kvnet worker failed (${code ?? signal}):\n${stderr}`));
        return;
      }
      try {
        resolve(JSON.parse(line) as Result);
      } catch {
        reject(new Error(`the kvnet worker printed no result:\n${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * Where --reuse-baseline keeps the estate converged to its baseline spec: the temp directory,
 * keyed by a hash of the estate and that spec (the setup of 5,000 vaults takes minutes, and it
 * is the same state every time).
 */
function baselineCache(estate: Estate): string {
  const hash = createHash('sha256').update(JSON.stringify(estate.state));
  for (const [name, text] of specFiles(estate, 'baseline')) hash.update(name).update(text);
  return join(tmpdir(), `kvnet-bench-baseline-${hash.digest('hex').slice(0, 16)}.json`);
}

/** Converges the endpoint to the baseline, or checks the cached state it was started with. */
async function baseline(
  emulator: EmulatorProcess,
  specDir: string,
  cache: { path: string; loaded: boolean } | undefined,
  today: string,
  log: (text: string) => void,
): Promise<SetupResult> {
  if (cache?.loaded) {
    const started = Date.now();
    await requireBaseline(emulator, specDir, today);
    log(`baseline loaded from ${cache.path} and checked; measuring`);
    return { outcome: 'reused', steps: 0, seconds: (Date.now() - started) / 1000 };
  }
  const setup = await convergeBaseline(emulator, specDir, today);
  log(`baseline converged (${setup.steps} steps in ${setup.seconds.toFixed(1)} s); measuring`);
  if (cache) await writeFile(cache.path, JSON.stringify(await emulator.exportState()));
  return setup;
}

async function main(): Promise<void> {
  const o = options();
  const today = new Date().toISOString().slice(0, 10);
  const log = (text: string) => process.stderr.write(`bench: ${text}\n`);
  const estate = generateEstate(o.vaults, o.subscriptions);
  const work = await mkdtemp(join(tmpdir(), 'kvnet-bench-'));
  const cachePath = o.reuseBaseline ? baselineCache(estate) : undefined;
  const cache = cachePath ? { path: cachePath, loaded: existsSync(cachePath) } : undefined;
  const emulatorState = cache?.loaded ? cache.path : join(work, 'state.json');
  if (!cache?.loaded) await writeFile(emulatorState, JSON.stringify(estate.state));
  for (const phase of ['baseline', 'changed'] as const) {
    await mkdir(join(work, phase));
    for (const [name, text] of specFiles(estate, phase))
      await writeFile(join(work, phase, name), text);
  }
  log(`estate of ${o.vaults} vaults over ${o.subscriptions} subscriptions in ${work}`);
  const bundle = await bundleWorker(work);
  const emulator = await startEmulatorProcess(emulatorState);
  // Interrupted: stop the endpoint's process too, then leave.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void emulator.stop().finally(() => process.exit(130));
    });
  }
  try {
    // The setup runs without latency, so faster than ARM's buckets refill: unthrottled.
    await emulator.settings({ armThrottling: 'off' });
    const setup = await baseline(emulator, join(work, 'baseline'), cache, today, log);
    // Measured as Azure answers: latency, pages, and the buckets full and enforced.
    await emulator.settings({
      latencyMs: o.latencyMs,
      latencyJitterMs: 0,
      pageSize: o.pageSize,
      armThrottling: 'enforced',
    });
    await emulator.clearRequests();
    const minimal = minimalReads(estate, 'changed', o.pageSize);
    const input: WorkerInput = {
      role: 'kvnet',
      endpoint: emulator.endpoint,
      caCertPath: emulator.caCertPath,
      trust: o.trust,
      specDir: join(work, 'changed'),
      today,
      readConcurrency: o.readConcurrency,
      maxParallel: o.maxParallel,
      pollIntervalMs: o.pollIntervalMs,
      writesPerSecondPerSubscription: o.writesPerSecond,
      bare: { requests: minimal.requests, networkApiVersion: API_VERSIONS.network },
      planOnly: o.planOnly,
    };
    const bare = await runWorker<BareResult>(bundle, { ...input, role: 'bare-client' });
    const result = await runWorker<WorkerResult>(bundle, input);
    const requests = await emulator.requests();
    if (o.keep) {
      await writeFile(join(work, 'requests.json'), JSON.stringify(requests, null, 1));
      await writeFile(
        join(work, 'worker-result.json'),
        JSON.stringify({ bare, kvnet: result }, null, 1),
      );
    }
    const planRequests = inWindow(requests, result.plan.startedAtMs, result.apply.startedAtMs - 1);
    const applyRequests = inWindow(requests, result.apply.startedAtMs, result.apply.endedAtMs);

    const planReads = planRequests.filter((request) => !isWrite(request)).length;
    const bareRequests = inWindow(requests, bare.startedAtMs, bare.endedAtMs);
    const planWall = result.plan.endedAtMs - result.plan.startedAtMs;
    const endpointVnet = new Map(
      estate.vaults.map((vault) => [
        `/subscriptions/${vault.subscription}/resourceGroups/${PE_RG}/providers/Microsoft.Network/privateEndpoints/pe-${vault.name}`.toLowerCase(),
        vault.vnetId,
      ]),
    );
    const serialisation = vnetSerialisation(applyRequests, endpointVnet);
    const perSubscription = writesPerSecondBySubscription(applyRequests);
    const changesByKind: Record<string, number> = {};
    for (const vault of estate.vaults)
      if (vault.change) changesByKind[vault.change] = (changesByKind[vault.change] ?? 0) + 1;

    const withoutTargets: Omit<BenchReport, 'targets'> = {
      benchmark: 'kvnet plan and apply',
      date: new Date().toISOString(),
      machine: describeMachine(),
      parameters: {
        vaults: o.vaults,
        subscriptions: o.subscriptions,
        latencyMs: o.latencyMs,
        readConcurrency: o.readConcurrency,
        applyMaxParallel: o.maxParallel,
        pollIntervalMs: o.pollIntervalMs,
        writesPerSecondPerSubscription: o.writesPerSecond ?? 'default',
        trust: o.trust,
        pageSize: o.pageSize,
        planOnly: o.planOnly,
      },
      estate: {
        vaults: estate.vaultCount,
        unmanagedVaults: estate.unmanagedVaults,
        subscriptions: estate.subscriptionCount,
        hubSubscription: HUB_SUBSCRIPTION,
        vaultResourceGroups: new Set(
          estate.vaults.map((v) => `${v.subscription}/${v.resourceGroup}`),
        ).size,
        virtualNetworks: estate.vnets.length,
        privateEndpointsBefore: estate.vaults.filter((vault) => vault.privateEndpoint).length,
        changedVaults: estate.vaults.filter((vault) => vault.change).length,
        changesByKind,
      },
      setup,
      plan: {
        outcome: result.plan.outcome,
        steps: result.plan.steps,
        stepsByKind: result.plan.stepsByKind,
        requestsByOperation: countByOperation(planRequests),
        reads: planReads,
        writes: planRequests.length - planReads,
        connections: connectionsOf(planRequests),
        minimalReads: { ...minimal.counts },
        readsOverMinimal: planReads / minimal.counts.total,
        wallMs: planWall,
        specLoadMs: result.plan.resolvedAtMs - result.plan.startedAtMs,
        readAndDiffMs: result.plan.endedAtMs - result.plan.resolvedAtMs,
        firstReadAfterMs: planRequests.length
          ? Math.min(...planRequests.map((request) => Date.parse(request.startedAt))) -
            result.plan.startedAtMs
          : 0,
        afterLastReadMs: planRequests.length
          ? result.plan.endedAtMs -
            Math.max(...planRequests.map((request) => Date.parse(request.endedAt)))
          : 0,
        bareClient: {
          wallMs: bare.endedAtMs - bare.startedAtMs,
          requests: bare.requests,
          statuses: bare.statuses,
          requestsLogged: bareRequests.length,
          connections: connectionsOf(bareRequests),
        },
        wallOverBare: planWall / Math.max(1, bare.endedAtMs - bare.startedAtMs),
        throttled: planRequests.filter((request) => request.status === 429).length,
        peakRssMiB: mib(result.plan.memory.peakRssBytes),
        peakHeapUsedMiB: mib(result.plan.memory.peakHeapUsedBytes),
        peakExternalMiB: mib(result.plan.memory.peakExternalBytes),
        atPeakRssMiB: {
          anonymous: mib(result.plan.memory.atPeakRss.anonymousBytes),
          file: mib(result.plan.memory.atPeakRss.fileBytes),
          heapTotal: mib(result.plan.memory.atPeakRss.heapTotalBytes),
          heapUsed: mib(result.plan.memory.atPeakRss.heapUsedBytes),
          external: mib(result.plan.memory.atPeakRss.externalBytes),
        },
      },
      render: {
        totalMs: result.render.totalMs,
        outputs: {
          'CLI text': rendering(result.render.cliText),
          'CLI JSON': rendering(result.render.cliJson),
          'Action log': rendering(result.render.actionLog),
          'job summary': rendering(result.render.actionSummary),
          'PR comment': rendering(result.render.actionComment),
        },
        summaryComplete: result.render.actionSummary.complete,
        peakRssMiB: mib(result.render.memory.peakRssBytes),
      },
      apply: {
        outcome: result.apply.outcome,
        messages: result.apply.messages,
        results: result.apply.results,
        residual: result.apply.residual,
        requestsByOperation: countByOperation(applyRequests),
        reads: applyRequests.filter((request) => !isWrite(request)).length,
        writes: applyRequests.filter(isWrite).length,
        wallMs: result.apply.endedAtMs - result.apply.startedAtMs,
        maxWritesPerSecondBySubscription: perSubscription,
        maxWritesPerSecondPerSubscription: Math.max(0, ...Object.values(perSubscription)),
        vnetWrites: serialisation.vnetWrites,
        overlappingVnetWritePairs: serialisation.overlappingPairs,
        anotherOperationInProgress: serialisation.anotherOperationInProgress,
        peakRssMiB: mib(result.apply.memory.peakRssBytes),
        peakHeapUsedMiB: mib(result.apply.memory.peakHeapUsedBytes),
        peakExternalMiB: mib(result.apply.memory.peakExternalBytes),
      },
      memory: {
        peakRssMiB: mib(result.peakRssBytes),
        peakRssSource: result.peakRssSource,
        rssAtStartMiB: mib(result.rssAtStartBytes),
      },
    };
    const report: BenchReport = { ...withoutTargets, targets: evaluateTargets(withoutTargets) };
    const markdown = renderMarkdown(report);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (o.out) {
      await mkdir(o.out, { recursive: true });
      const suffix = o.label ? `-${o.label.replace(/[^a-z0-9-]+/gi, '-')}` : '';
      const base = join(o.out, `n${o.vaults}-s${o.subscriptions}-l${o.latencyMs}${suffix}`);
      await writeFile(`${base}.json`, json);
      await writeFile(`${base}.md`, markdown);
      log(`wrote ${base}.json and ${base}.md`);
    }
    process.stdout.write(o.format === 'json' ? json : markdown);
  } finally {
    await emulator.stop();
    if (!o.keep) await rm(work, { recursive: true, force: true });
  }
}

main().then(
  // The SDK's keep-alive sockets of the setup would hold the process open.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
