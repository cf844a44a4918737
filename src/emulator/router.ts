// Matches ARM paths case-insensitively against route patterns such as
// `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}`.
// Literal segments compare without case (ARM does: `resourcegroups` ≡ `resourceGroups`);
// `{name}` captures one decoded segment.
import type { Handler } from './context.js';

export interface Route {
  readonly method: string;
  readonly pattern: string;
  /** Resource type whose api-versions apply, e.g. `Microsoft.KeyVault/vaults`. */
  readonly apiType: string;
  readonly handler: Handler;
}

interface CompiledRoute extends Route {
  readonly segments: ReadonlyArray<{ literal: string } | { param: string }>;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'none' };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): this {
    const segments = route.pattern
      .split('/')
      .filter(Boolean)
      .map((segment) =>
        segment.startsWith('{') && segment.endsWith('}')
          ? { param: segment.slice(1, -1) }
          : { literal: segment.toLowerCase() },
      );
    this.routes.push({ ...route, method: route.method.toUpperCase(), segments });
    return this;
  }

  match(method: string, pathSegments: readonly string[]): RouteMatch {
    const allowed: string[] = [];
    const lower = pathSegments.map((segment) => segment.toLowerCase());
    for (const route of this.routes) {
      if (route.segments.length !== pathSegments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < route.segments.length; i += 1) {
        const segment = route.segments[i] as CompiledRoute['segments'][number];
        if ('literal' in segment) {
          if (segment.literal !== lower[i]) {
            ok = false;
            break;
          }
        } else params[segment.param] = pathSegments[i] as string;
      }
      if (!ok) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      return { kind: 'found', route, params };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
  }
}

/** Splits and decodes a URL path; undefined when a segment is not valid percent-encoding. */
export function pathSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((segment) => decodeURIComponent(segment));
  } catch {
    return undefined;
  }
}
