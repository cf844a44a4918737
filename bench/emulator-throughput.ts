// GET throughput of the emulator on loopback with no latency configured (issue 3 asks for
// ≥ 2,000 GETs/s so benchmarks measure kvnet, not the emulator). Bounded: a fixed number of
// requests over keep-alive connections to 127.0.0.1, then it stops by itself.
//   npx tsx bench/emulator-throughput.ts [requests=20000] [concurrency=32]
import { Agent, request } from 'node:https';
import { startEmulator } from '../src/emulator/index.js';

const total = Number(process.argv[2] ?? 20_000);
const concurrency = Number(process.argv[3] ?? 32);
const SUB = '11111111-1111-1111-1111-111111111111';
const vaultId = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-bench`;

const emulator = await startEmulator({
  state: [
    {
      id: vaultId,
      name: 'kv-bench',
      type: 'Microsoft.KeyVault/vaults',
      location: 'westeurope',
      tags: {},
      properties: {
        tenantId: SUB,
        sku: { family: 'A', name: 'standard' },
        networkAcls: {
          bypass: 'AzureServices',
          defaultAction: 'Deny',
          ipRules: [{ value: '52.1.2.3/32' }],
          virtualNetworkRules: [],
        },
      },
    },
  ],
});
const agent = new Agent({ ca: emulator.caCertPem, keepAlive: true, maxSockets: concurrency });
const url = new URL(`${vaultId}?api-version=2026-02-01`, emulator.endpoint);

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: 'Bearer bench' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

let sent = 0;
let failures = 0;
async function worker(): Promise<void> {
  while (sent < total) {
    sent += 1;
    if ((await get()) !== 200) failures += 1;
  }
}

await Promise.all(Array.from({ length: 200 }, () => get())); // warm-up: TLS handshakes, JIT
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: concurrency }, () => worker()));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
agent.destroy();
await emulator.stop();

const rate = Math.round(total / seconds);
console.log(
  JSON.stringify({
    requests: total,
    concurrency,
    seconds: Number(seconds.toFixed(3)),
    getsPerSecond: rate,
    failures,
  }),
);
if (failures > 0 || rate < 2000) {
  console.error(`below target: ${rate} GETs/s (target ≥ 2000), ${failures} failures`);
  process.exitCode = 1;
}
