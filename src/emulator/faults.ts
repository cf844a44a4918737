// Injected faults: for the next N requests matching a method and a path pattern, answer with
// an ARM error, reset the connection (before the write, or after it was applied), delay, or
// bend the long-running operation the request starts. The format is documented in
// docs/emulator.md; it is validated strictly so a typo fails loudly instead of never matching.
import { z } from 'zod';
import type { LroOverride } from './lro.js';

const statusEffect = z.strictObject({
  type: z.literal('status'),
  status: z.number().int().min(400).max(599),
  code: z.string().min(1).optional(),
  message: z.string().optional(),
  /** Seconds; omitted = no Retry-After header (the SDK then does not retry a 429). */
  retryAfter: z.number().min(0).optional(),
});
const resetEffect = z.strictObject({
  type: z.literal('reset'),
  /** `before`: nothing is applied. `after`: the write is applied, then the socket dies. */
  when: z.enum(['before', 'after']),
});
const delayEffect = z.strictObject({ type: z.literal('delay'), ms: z.number().int().min(0) });
const lroEffect = z.strictObject({
  type: z.literal('lro'),
  outcome: z.enum(['Succeeded', 'Failed', 'Canceled']),
  /** InProgress polls before the outcome (stays InProgress that long). */
  polls: z.number().int().min(0).optional(),
  code: z.string().min(1).optional(),
  message: z.string().optional(),
});

export const faultEffectSchema = z.discriminatedUnion('type', [
  statusEffect,
  resetEffect,
  delayEffect,
  lroEffect,
]);

export const faultSpecSchema = z.strictObject({
  /** HTTP method, or `*` (default) for any. */
  method: z.string().min(1).default('*'),
  /** Glob on the URL path, case-insensitive: `*` within a segment, `**` across segments. */
  path: z.string().min(1),
  /** How many matching requests it applies to (default 1). */
  times: z.number().int().min(1).default(1),
  effect: faultEffectSchema,
});

export type FaultEffect = z.infer<typeof faultEffectSchema>;
export type FaultSpec = z.input<typeof faultSpecSchema>;

export interface Fault {
  readonly id: string;
  readonly method: string;
  readonly path: string;
  readonly effect: FaultEffect;
  remaining: number;
  readonly pattern: RegExp;
}

/** Compiles a path glob to an anchored, case-insensitive regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i += 1;
      } else source += '[^/]*';
    } else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}/?$`, 'i');
}

export function describeEffect(effect: FaultEffect): string {
  switch (effect.type) {
    case 'status':
      return `status ${effect.status}${effect.code ? ` ${effect.code}` : ''}${effect.retryAfter === undefined ? '' : ` retry-after ${effect.retryAfter}s`}`;
    case 'reset':
      return `reset ${effect.when} write`;
    case 'delay':
      return `delay ${effect.ms}ms`;
    case 'lro':
      return `lro ${effect.outcome}${effect.polls === undefined ? '' : ` after ${effect.polls} polls`}${effect.code ? ` ${effect.code}` : ''}`;
  }
}

export class FaultBook {
  private faults: Fault[] = [];
  private counter = 0;

  /** Validates and adds; throws a readable message on a malformed spec. */
  add(input: unknown): Fault[] {
    const list = Array.isArray(input)
      ? input
      : input && typeof input === 'object' && 'faults' in input
        ? (input as { faults: unknown }).faults
        : [input];
    const parsed = z.array(faultSpecSchema).safeParse(list);
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; '),
      );
    }
    const added = parsed.data.map((spec) => {
      this.counter += 1;
      const fault: Fault = {
        id: `fault-${this.counter}`,
        method: spec.method.toUpperCase(),
        path: spec.path,
        effect: spec.effect,
        remaining: spec.times,
        pattern: globToRegExp(spec.path),
      };
      return fault;
    });
    this.faults.push(...added);
    return added;
  }

  /**
   * Takes one use of the first fault that matches and whose effect is wanted here: the
   * server asks for status/reset/delay on arrival, the LRO tracker for `lro` when a write
   * actually starts an operation (so a GET never eats an LRO fault).
   */
  take(method: string, path: string, kinds: readonly FaultEffect['type'][]): Fault | undefined {
    if (this.faults.length === 0) return undefined;
    const upper = method.toUpperCase();
    const index = this.faults.findIndex(
      (fault) =>
        kinds.includes(fault.effect.type) &&
        (fault.method === '*' || fault.method === upper) &&
        fault.pattern.test(path),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index] as Fault;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault;
  }

  list(): Array<Omit<Fault, 'pattern'>> {
    return this.faults.map(({ pattern: _pattern, ...rest }) => rest);
  }

  clear(): void {
    this.faults = [];
  }
}

export function lroOverrideOf(effect: FaultEffect): LroOverride | undefined {
  if (effect.type !== 'lro') return undefined;
  return {
    outcome: effect.outcome,
    polls: effect.polls,
    code: effect.code,
    message: effect.message,
  };
}
