import { describe, expect, it } from 'vitest';
import { Interner } from '../../src/engine/model/interned.js';
import { resourceIdKey } from '../../src/engine/model/resource-id.js';

describe('Interner', () => {
  // String identity cannot be observed from JavaScript; what can is that make() runs once.
  it('remembers what make() built for a text', () => {
    const table = new Interner<string>();
    let made = 0;
    const lower = (text: string) => {
      made += 1;
      return text.toLowerCase();
    };
    expect(table.intern('X/Y', lower)).toBe('x/y');
    expect(table.intern('X/Y', lower)).toBe('x/y');
    expect(made).toBe(1);
  });

  it('starts afresh when full, and still answers equal texts', () => {
    const table = new Interner<string>(2);
    let made = 0;
    const count = (text: string) => {
      made += 1;
      return text;
    };
    const texts = ['one', 'two', 'one', 'three', 'one'].map((text) => table.intern(text, count));
    expect(texts).toEqual(['one', 'two', 'one', 'three', 'one']);
    // 'three' found the table full: it starts afresh, so 'one' is made again.
    expect(made).toBe(4);
  });
});

describe('resourceIdKey', () => {
  it('gives the same key for every spelling of an id, trailing slashes dropped', () => {
    const id = '/subscriptions/AAA/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V';
    expect(resourceIdKey(id)).toBe(id.toLowerCase());
    expect(resourceIdKey(`${id}//`)).toBe(id.toLowerCase());
    expect(resourceIdKey(id.toUpperCase())).toBe(resourceIdKey(id));
  });
});
