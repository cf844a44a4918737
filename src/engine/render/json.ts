// The plan for machines: the plan model itself, versioned (docs/plan-json.md).
import type { Plan } from '../plan/types.js';
import { KVNET_VERSION } from '../../version.js';

export function renderJson(plan: Plan): string {
  return `${JSON.stringify({ ...plan, generator: `kvnet/${KVNET_VERSION}` }, null, 2)}\n`;
}
