// Calendar dates written YYYY-MM-DD, compared as UTC days.

function parse(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  const real =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return real ? time : undefined;
}

export function isRealDate(date: string): boolean {
  return parse(date) !== undefined;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const start = parse(from);
  const end = parse(to);
  if (start === undefined || end === undefined) throw new Error(`not a date: ${from} or ${to}`);
  return Math.round((end - start) / 86_400_000);
}
