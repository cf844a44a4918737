// The kernel's high-water mark of this process's resident set since exec (VmHWM). It only
// rises, so reading it after each phase says which phase set the peak: synchronous work (a
// renderer) blocks the 10 ms sampler, and only this sees what it used.
import { readFileSync } from 'node:fs';

export function peakRss(): { bytes: number; source: 'VmHWM' | 'maxRSS' } {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return { bytes: Number(match[1]) * 1024, source: 'VmHWM' };
  } catch {
    // Not Linux: fall back to getrusage, in kilobytes.
  }
  return { bytes: process.resourceUsage().maxRSS * 1024, source: 'maxRSS' };
}
