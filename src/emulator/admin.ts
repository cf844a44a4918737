// The admin API under /_emulator (no token needed; it is a local test tool):
//   GET    /_emulator/state               current state, in the state-file format
//   GET    /_emulator/requests[?since=N]  the request log (entries with seq > N)
//   DELETE /_emulator/requests            clears the log
//   POST   /_emulator/reset               back to the baseline; a body (array, or {state})
//                                         becomes the new baseline
//   POST   /_emulator/faults              adds faults (one, an array, or {faults:[…]})
//   GET    /_emulator/faults              faults still armed
//   DELETE /_emulator/faults              disarms all
//   GET    /_emulator/settings            latency and LRO settings
//   POST   /_emulator/settings            changes some of them
import type { EmulatorCore } from './core.js';
import { mergeSettings } from './settings.js';

export interface AdminAnswer {
  status: number;
  body?: unknown;
}

function parse(raw: Buffer): unknown {
  return raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
}

function problem(status: number, message: string): AdminAnswer {
  return { status, body: { error: { code: 'BadRequest', message } } };
}

export function handleAdmin(
  core: EmulatorCore,
  method: string,
  url: URL,
  raw: Buffer,
): AdminAnswer {
  const route = `${method.toUpperCase()} ${url.pathname.replace(/\/+$/, '').toLowerCase()}`;
  let body: unknown;
  try {
    body = parse(raw);
  } catch {
    return problem(400, 'the body is not valid JSON');
  }
  try {
    switch (route) {
      case 'GET /_emulator/state':
        return { status: 200, body: core.exportState() };
      case 'GET /_emulator/requests':
        return {
          status: 200,
          body: { requests: core.log.list(Number(url.searchParams.get('since') ?? '0') || 0) },
        };
      case 'DELETE /_emulator/requests':
        core.log.clear();
        return { status: 204 };
      case 'POST /_emulator/reset': {
        const state = Array.isArray(body)
          ? body
          : (body as { state?: unknown[] } | undefined)?.state;
        core.reset(state);
        return { status: 200, body: { resources: core.exportState().length } };
      }
      case 'POST /_emulator/faults':
        return {
          status: 201,
          body: { faults: core.faults.add(body).map(({ pattern: _p, ...rest }) => rest) },
        };
      case 'GET /_emulator/faults':
        return { status: 200, body: { faults: core.faults.list() } };
      case 'DELETE /_emulator/faults':
        core.faults.clear();
        return { status: 204 };
      case 'GET /_emulator/settings':
        return { status: 200, body: core.settings };
      case 'POST /_emulator/settings':
        {
          const next = mergeSettings(core.settings, body);
          // Switching throttling on or off starts ARM's buckets afresh.
          if (next.armThrottling !== core.settings.armThrottling) core.clearQuota();
          core.settings = next;
        }
        return { status: 200, body: core.settings };
      default:
        return problem(404, `no admin operation ${route}`);
    }
  } catch (error) {
    return problem(400, error instanceof Error ? error.message : String(error));
  }
}
