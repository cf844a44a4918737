// The CLI's composition root: picks the command, turns every failure into one clear line
// and an exit code. Stack traces are printed only with KVNET_DEBUG=1.
import { closest } from '../engine/spec/suggest.js';
import { safeOutput, singleLine } from '../engine/render/untrusted.js';
import { KVNET_VERSION } from '../version.js';
import { colorOnStdout, EXIT_ERROR, EXIT_OK, OutputClosed, UsageError, type CliIo } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

// Each command's code is loaded when it runs, so `kvnet --help` and a command that needs no
// SDK start without evaluating the SDKs (issue 14: start-up under 0.3 s).
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  validate: {
    run: async (argv, io) => (await import('./commands/validate.js')).runValidate(argv, io),
    summary: 'check a spec set without calling Azure',
  },
  plan: {
    run: async (argv, io) => (await import('./commands/plan.js')).runPlan(argv, io),
    summary: 'read live state and show what would change (exit 0 none, 2 changes, 1 error)',
  },
  apply: {
    run: async (argv, io) => (await import('./commands/apply.js')).runApply(argv, io),
    summary: 'apply the plan safely: open first, narrow last, verify, re-plan',
  },
  export: {
    run: async (argv, io) => (await import('./commands/export.js')).runExport(argv, io),
    summary: 'write a spec for existing vaults (plan on it shows no changes)',
  },
  emulator: {
    run: async (argv, io) => (await import('./commands/emulator.js')).runEmulator(argv, io),
    summary: 'serve the local Azure Resource Manager endpoint (tests, demo, benchmarks)',
  },
};

export const USAGE = `kvnet: network security for Azure Key Vault as code

Usage: kvnet <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join('\n')}

Run "kvnet help <command>" (or "kvnet <command> --help") for a command's options,
"kvnet --version" for the version.`;

/**
 * Every line the CLI writes goes through the one sanitiser: no workflow command can start a
 * line (the CLI runs in workflows too), and control and invisible characters are shown.
 */
export function sanitizedIo(io: CliIo): CliIo {
  const stdout = () => ({ keepColor: colorOnStdout(io.env) });
  return {
    ...io,
    env: io.env,
    cwd: io.cwd,
    out: (text) => io.out(safeOutput(text, stdout())),
    // Callers write whole lines (batches.ts), so each write is sanitised as the whole would be.
    write: (text) => io.write(safeOutput(text, stdout())),
    err: (text) =>
      io.err(
        safeOutput(text, {
          keepColor: io.env.NO_COLOR === undefined && process.stderr.isTTY === true,
        }),
      ),
  };
}

export async function main(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = sanitizedIo(rawIo);
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out(`kvnet ${KVNET_VERSION}`);
    return EXIT_OK;
  }
  if (name === 'help' && rest[0] !== undefined) {
    // `kvnet help plan` is `kvnet plan --help`.
    if (COMMANDS[rest[0]]) return main([rest[0], '--help'], rawIo);
    const suggestion = closest(rest[0], Object.keys(COMMANDS));
    io.err(
      `kvnet help: unknown command "${singleLine(rest[0])}"${suggestion ? `: did you mean "${suggestion}"?` : ''}\n\n${USAGE}`,
    );
    return EXIT_ERROR;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    const suggestion = closest(name, Object.keys(COMMANDS));
    io.err(
      `kvnet: unknown command "${singleLine(name)}"${suggestion ? `: did you mean "${suggestion}"?` : ''}\n\n${USAGE}`,
    );
    return EXIT_ERROR;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputClosed) {
      io.err(`kvnet ${name}: ${error.message}`);
      return EXIT_ERROR;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`kvnet ${name}: ${singleLine((error as Error).message)} (see "kvnet ${name} --help")`);
      return EXIT_ERROR;
    }
    io.err(
      `kvnet ${name}: unexpected failure: ${singleLine(error instanceof Error ? error.message : String(error))}`,
    );
    if (io.env.KVNET_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
    return EXIT_ERROR;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
