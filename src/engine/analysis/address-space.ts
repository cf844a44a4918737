// Sets of public IPv4 addresses as sorted, merged intervals, so the access model can say
// whether a range is already admitted by others ("nobody gains") rather than compare rules
// as text.
import { lastAddress, parseIpv4Rule } from '../model/ipv4.js';

type Interval = readonly [start: number, end: number];

/** parseIpv4Rule keeps what it parsed, so this costs a lookup, not a parse. */
function interval(cidr: string): Interval | undefined {
  const parsed = parseIpv4Rule(cidr);
  return parsed.kind === 'ok' ? [parsed.range.first, lastAddress(parsed.range)] : undefined;
}

export class AddressSet {
  private constructor(private readonly intervals: readonly Interval[]) {}

  static of(cidrs: readonly string[]): AddressSet {
    const sorted = cidrs
      .flatMap((cidr) => {
        const found = interval(cidr);
        return found ? [found] : [];
      })
      .sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of sorted) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return new AddressSet(merged);
  }

  /** Every address of the CIDR is in the set (an unparseable CIDR is never covered). */
  covers(cidr: string): boolean {
    const target = interval(cidr);
    if (!target) return false;
    let low = 0;
    let high = this.intervals.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = this.intervals[middle] as Interval;
      if (target[0] < start) high = middle - 1;
      else if (target[0] > end) low = middle + 1;
      else return target[1] <= end;
    }
    return false;
  }
}
