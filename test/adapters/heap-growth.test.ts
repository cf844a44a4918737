import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../src/adapters/process/heap-growth.js';

describe('heapGrowthFlag', () => {
  const ours = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

  it('asks for the smaller growth step when nobody chose one', () => {
    expect(heapGrowthFlag([], undefined)).toBe(ours);
    expect(heapGrowthFlag(['--enable-source-maps'], '--max-old-space-size=4096')).toBe(ours);
  });

  it('leaves a growth step given on the command line alone, in either spelling', () => {
    expect(heapGrowthFlag(['--heap-growing-percent=80'], undefined)).toBeUndefined();
    expect(heapGrowthFlag(['--heap_growing_percent=80'], undefined)).toBeUndefined();
  });

  it('leaves a growth step given in NODE_OPTIONS alone', () => {
    expect(heapGrowthFlag([], '--trace-gc  --heap-growing-percent=0')).toBeUndefined();
  });

  it('is not fooled by a flag that only starts alike', () => {
    expect(heapGrowthFlag(['--heap-growing'], undefined)).toBe(ours);
    expect(heapGrowthFlag(['--heap-growing-percentile=1'], undefined)).toBe(ours);
  });
});
