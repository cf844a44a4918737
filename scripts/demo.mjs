// `npm run demo`: until the planner lands, the demo validates the example specs with the
// bundled CLI, then shows what kvnet reports for a spec with typical mistakes.
import { spawnSync } from 'node:child_process';

function run(title, args) {
  process.stdout.write(`\n$ kvnet ${args.join(' ')}    # ${title}\n`);
  const result = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' });
  return result.status ?? 1;
}

process.stdout.write(
  'kvnet demo: the plan → apply → plan run on the local Azure endpoint arrives with the planner.\n' +
    'For now this demo validates the example specs (no Azure call is made).\n',
);
const examples = run('the six example scenarios: expected valid', ['validate', 'examples/specs']);
const broken = run('a spec with typical mistakes: expected invalid', [
  'validate',
  'examples/broken/mistakes.yaml',
]);
const ok = examples === 0 && broken === 1;
process.stdout.write(
  ok
    ? '\nDemo finished: the examples are valid and every mistake above was caught before any Azure call.\n'
    : '\nDemo FAILED: the results above are not what was expected.\n',
);
process.exitCode = ok ? 0 : 1;
