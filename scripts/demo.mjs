// `npm run demo`: the whole kvnet loop on the local Azure Resource Manager endpoint, with the
// bundled CLI, exactly as a user would run it:
//   1. start the local endpoint seeded with examples/demo/state.json (eight vaults, a managed HSM pool, VNets, a hub zone)
//   2. validate the example specs (examples/specs: one per scenario)
//   3. plan, rendered as the pull-request comment a reviewer reads
//   4. apply (opening steps first, narrowing last, every write verified)
//   5. plan again: it must say "No changes"
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';

const CLI = 'dist/cli.js';
const SPECS = 'examples/specs';

function startEmulator() {
  const child = spawn(process.execPath, [CLI, 'emulator', '--state', 'examples/demo/state.json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(
      () => reject(new Error('the local ARM endpoint did not start within 30 s')),
      30_000,
    );
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve({ child, ...JSON.parse(line) });
    });
    child.once('exit', (code) =>
      reject(new Error(`the local ARM endpoint exited early (${code})`)),
    );
  });
}

function step(title, args, env, expectedStatus) {
  process.stdout.write(`\n━━ ${title}\n$ kvnet ${args.join(' ')}\n\n`);
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: 'inherit', env });
  const ok = result.status === expectedStatus;
  if (!ok) process.stdout.write(`\n✘ expected exit ${expectedStatus}, got ${result.status}\n`);
  return ok;
}

const emulator = await startEmulator();
const env = {
  ...process.env,
  KVNET_ARM_ENDPOINT: emulator.endpoint,
  KVNET_ARM_CA_CERT: emulator.caCertPath,
  KVNET_ACCESS_TOKEN: 'demo-token',
  NO_COLOR: process.env.NO_COLOR ?? '',
};
process.stdout.write(
  `kvnet demo — local Azure Resource Manager endpoint at ${emulator.endpoint} (state: examples/demo/state.json)\n`,
);
let ok;
try {
  ok =
    step('1. Validate the example specs (no Azure call)', ['validate', SPECS], env, 0) &&
    step(
      '2. Plan, as the pull-request comment shows it (exit 2: changes)',
      ['plan', SPECS, '--format', 'md'],
      env,
      2,
    ) &&
    step(
      '3. Apply on merge (the demo allows the one destructive step: rejecting an unknown connection)',
      ['apply', SPECS, '--auto-approve', '--allow-destructive', '--poll-interval-ms', '50'],
      env,
      0,
    ) &&
    step('4. Plan again: nothing left to do (exit 0)', ['plan', SPECS], env, 0);
} finally {
  emulator.child.kill('SIGTERM');
}
process.stdout.write(
  ok
    ? '\n✔ Demo finished: plan → apply → plan converged on the local endpoint.\n'
    : '\n✘ Demo FAILED: see the step above.\n',
);
process.exitCode = ok ? 0 : 1;
