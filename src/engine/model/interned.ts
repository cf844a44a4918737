// One string per distinct text, for the texts a large plan holds many copies of: resource ids
// and their keys. A subnet's id is written once for each vault whose rule names it and read
// back in its VNet, in every vault rule and endpoint that refers to it, and lower-cased for each
// lookup; at 10,000 vaults that was 68,000 copies of 35,000 ids (docs/performance.md,
// finding 10). Equal strings compare equal whatever their instance, so sharing one changes no
// result; the table only keeps the copies from piling up.
export class Interner<Text extends string = string> {
  private readonly table = new Map<string, Text>();

  /** `limit` bounds the table: when it is full it starts afresh (texts stay valid, unshared). */
  constructor(private readonly limit = 500_000) {}

  /** The one instance of `text` (the first seen), or `make(text)` remembered under it. */
  intern(text: string, make: (text: string) => Text = (same) => same as Text): Text {
    const known = this.table.get(text);
    if (known !== undefined) return known;
    if (this.table.size >= this.limit) this.table.clear();
    const made = make(text);
    this.table.set(text, made);
    return made;
  }
}

const ids = new Interner();

/** The shared instance of a resource id's text. */
export function internId(text: string): string {
  return ids.intern(text);
}
