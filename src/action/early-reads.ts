// The plan, apply and drift routes' reads begin while the spec set is still loading, as the
// CLI's do (cli/early-reads.ts): the clients are made from the first file that parses, after
// one sign-in (so the run's many clients reuse one token instead of each fetching its own),
// and each parsed file has its vaults' reads started on them. Only files that pass the run's
// own limits are read (loadSpecSet leaves out a file with a vault outside
// `azure-subscription-id`). The plan uses them only when the whole set's clouds agree; an
// invalid set, or an apply refused, abandons them.
import type { AzureClients } from '../adapters/azure/clients.js';
import { SdkAzureReader } from '../adapters/azure/reader.js';
import type { LoadedSpecFile } from '../engine/spec/checks/context.js';
import { LiveReads } from '../engine/state/read-live.js';
import type { CloudName } from '../engine/model/clouds.js';
import { chooseCloud, connectAzure, type AuthChoice, type OidcState } from './azure-auth.js';
import { cloudsOf } from './spec-set.js';
import type { RunEvent } from './event.js';
import type { ActionInputs } from './inputs.js';

interface Started {
  readonly clients: AzureClients;
  readonly reader: SdkAzureReader;
  readonly reads: LiveReads;
}

export class ActionEarlyReads {
  private connecting: Promise<Started> | undefined;
  private started: Started | undefined;
  private readonly waiting: { file: LoadedSpecFile; today: string }[] = [];
  private abandoned = false;
  /** Parsed files wait until `release` (options.held). */
  private held: boolean;

  constructor(
    private readonly inputs: ActionInputs,
    private readonly auth: Extract<AuthChoice, { ok: true }>,
    private readonly event: RunEvent,
    private readonly oidc: OidcState,
    private readonly options: {
      /** False for the apply route, whose clients also write. */
      readonly readOnly?: boolean;
      /** Parsed files wait, and Azure is not signed in to, until `release` (apply). */
      readonly held?: boolean;
    } = {},
  ) {
    this.held = options.held ?? false;
  }

  /** For loadSpecSet: starts the reads of one parsed file (once signed in). */
  readonly onFileParsed = (file: LoadedSpecFile, today: string): void => {
    if (this.abandoned) return;
    if (this.started) {
      this.started.reads.startFile(file, today);
      return;
    }
    this.waiting.push({ file, today });
    if (!this.held) this.connectOnce();
  };

  /** Held reads may begin: the files parsed so far now, the rest as they parse. */
  release(): void {
    this.held = false;
    if (!this.abandoned) this.connectOnce();
  }

  private connectOnce(): void {
    const first = this.waiting[0];
    if (this.connecting || !first) return;
    this.connecting = this.connect(first.file);
    // A failed sign-in is reported by forSet, or by nobody once abandoned; never unhandled.
    this.connecting.catch(() => undefined);
  }

  private async connect(first: LoadedSpecFile): Promise<Started> {
    const clients = await connectAzure(
      cloudsOf([first]),
      this.inputs,
      this.auth,
      this.event,
      this.oidc,
      this.options.readOnly ?? true,
    );
    const reader = new SdkAzureReader(clients);
    const started = { clients, reader, reads: new LiveReads(reader, this.inputs.maxParallel) };
    if (this.abandoned) {
      clients.connectionGuard.abandon();
      return started;
    }
    this.started = started;
    for (const { file, today } of this.waiting.splice(0)) started.reads.startFile(file, today);
    return started;
  }

  /**
   * The clients, reader and begun reads to plan the whole set with, or fresh ones. A sign-in
   * that failed throws here, as connectAzure does.
   */
  async forSet(clouds: readonly CloudName[]): Promise<{
    clients: AzureClients;
    reader: SdkAzureReader;
    reads?: LiveReads;
  }> {
    const cloud = chooseCloud(clouds, this.inputs);
    if (this.connecting) {
      const started = await this.connecting;
      if (started.clients.cloudName === cloud.name) return started;
      this.abandon();
    }
    const clients = await connectAzure(
      clouds,
      this.inputs,
      this.auth,
      this.event,
      this.oidc,
      this.options.readOnly ?? true,
    );
    return { clients, reader: new SdkAzureReader(clients) };
  }

  /** The set is invalid, or will not be planned: stop what was begun. */
  abandon(): void {
    this.abandoned = true;
    this.started?.clients.connectionGuard.abandon();
    this.started = undefined;
  }
}
