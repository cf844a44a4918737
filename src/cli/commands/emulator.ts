// `kvnet emulator`: placeholder until the local ARM endpoint lands (issue 3).
import { UsageError, type CliIo } from '../io.js';

export async function runEmulator(_argv: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError('the local ARM endpoint is not built yet');
}
