// Plan reads that begin while the spec set is still loading: the clients are made from the
// first file that parses, and each parsed file has its vaults' reads started on them
// (LiveReads.startFile), so the first ARM answers arrive while later files parse. `kvnet plan`
// and the first plan of `kvnet apply` use them only when the whole set agrees (same cloud); an
// invalid set abandons them, so no read in flight holds the process open.
import type { AzureClients } from '../adapters/azure/clients.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import { LiveReads } from '../engine/state/read-live.js';
import { chooseCloud, createClients, type AzureFlags } from './azure-setup.js';

export class EarlyReads {
  private started: { clients: AzureClients; reader: SdkAzureReader; reads: LiveReads } | undefined;
  private failed = false;

  constructor(
    private readonly flags: AzureFlags,
    private readonly env: NodeJS.ProcessEnv,
    private readonly concurrency: number,
  ) {}

  /** For loadSpecSet: starts the reads of one parsed file. */
  readonly onFileParsed = (file: LoadedSpecFile, today: string): void => {
    if (this.failed) return;
    try {
      if (!this.started) {
        const clients = createClients([file], this.flags, this.env, true);
        const reader = new SdkAzureReader(clients);
        this.started = { clients, reader, reads: new LiveReads(reader, this.concurrency) };
      }
      this.started.reads.startFile(file, today);
    } catch {
      // A bad flag or credential setting: the plan's own setup reports it after the findings.
      this.failed = true;
    }
  };

  /** The clients, reader and begun reads to plan the whole set with, or fresh ones. */
  forSet(files: readonly LoadedSpecFile[]): {
    clients: AzureClients;
    reader: SdkAzureReader;
    reads?: LiveReads;
  } {
    const cloud = chooseCloud(files, this.flags.cloud);
    if (this.started && this.started.clients.cloudName === cloud.name) return this.started;
    this.abandon();
    const clients = createClients(files, this.flags, this.env, true);
    return { clients, reader: new SdkAzureReader(clients) };
  }

  /** The set is invalid (or not planned): stop what was begun. */
  abandon(): void {
    this.started?.clients.connectionGuard.abandon();
    this.started = undefined;
  }
}
