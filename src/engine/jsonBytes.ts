/**
 * Reading JSON as bytes, for the fast loader (loadText.ts): structural bytes, whitespace,
 * words (keys and ops) recognised four bytes at a time, and an index of names by a hash of
 * their bytes. Nothing here makes a string.
 */
import type { TextTable } from './texts';

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

/**
 * Words recognised by their bytes right after an opening quote, four at a time: each word
 * with its closing quote as two little-endian 32-bit numbers, its first four bytes (`head`)
 * and the next four (`tail`), with masks for the bytes past its end. One comparison instead of
 * a loop over bytes: a file has millions of keys, and this was a quarter of its load time.
 */
export interface WordTable {
  /** The words starting with byte c are `order[first[c]]` to `order[first[c + 1] - 1]`. */
  first: Int32Array;
  order: Int32Array;
  head: Int32Array;
  headMask: Int32Array;
  tail: Int32Array;
  tailMask: Int32Array;
  /** Each word's bytes with its closing quote (compared one by one past the eighth). */
  bytes: Uint8Array[];
  /** 1 for the words that, with their closing quote, are longer than eight bytes. */
  long: Uint8Array;
}
export function wordTable(words: readonly string[]): WordTable {
  const n = words.length;
  const table: WordTable = {
    first: new Int32Array(129),
    order: new Int32Array(n),
    head: new Int32Array(n),
    headMask: new Int32Array(n),
    tail: new Int32Array(n),
    tailMask: new Int32Array(n),
    bytes: words.map((word) => Uint8Array.from(word + '"', (c) => c.charCodeAt(0))),
    long: Uint8Array.from(words, (word) => (word.length + 1 > 8 ? 1 : 0)),
  };
  table.bytes.forEach((bytes, w) => {
    for (let k = 0; k < Math.min(bytes.length, 8); k += 1) {
      const shift = 8 * (k % 4);
      if (k < 4) {
        table.head[w] |= bytes[k] << shift;
        table.headMask[w] |= 0xff << shift;
      } else {
        table.tail[w] |= bytes[k] << shift;
        table.tailMask[w] |= 0xff << shift;
      }
    }
  });
  const byFirst = [...words.keys()].sort((a, b) => words[a].charCodeAt(0) - words[b].charCodeAt(0));
  table.order.set(byFirst);
  for (let c = 0, i = 0; c <= 128; c += 1) {
    while (i < n && words[byFirst[i]].charCodeAt(0) < c) i += 1;
    table.first[c] = i;
  }
  return table;
}
/** The word of `table` spelt by the string at `pos` (its opening quote), or -1. */
export function matchWord(
  bytes: Uint8Array,
  view: DataView,
  pos: number,
  table: WordTable,
): number {
  if (bytes[pos] !== QUOTE) return -1;
  const p = pos + 1;
  // Near the end of the file, the bytes past it read as 0 (no word has a 0 byte).
  const near = p + 8 > bytes.length;
  const head = near ? packBytes(bytes, p) : view.getInt32(p, true);
  const tail = near ? packBytes(bytes, p + 4) : view.getInt32(p + 4, true);
  const c = head & 127; // the first byte (all words start with ASCII)
  const last = table.first[c + 1];
  for (let i = table.first[c]; i < last; i += 1) {
    const w = table.order[i];
    if ((head & table.headMask[w]) !== table.head[w]) continue;
    if ((tail & table.tailMask[w]) !== table.tail[w]) continue;
    if (!table.long[w]) return w;
    const word = table.bytes[w];
    let k = 8;
    while (k < word.length && bytes[p + k] === word[k]) k += 1;
    if (k === word.length) return w;
  }
  return -1;
}

/** Four bytes from `p` as a little-endian number, those past the end read as 0. */
function packBytes(bytes: Uint8Array, p: number): number {
  let value = 0;
  for (let k = 3; k >= 0; k -= 1) value = (value << 8) | (p + k < bytes.length ? bytes[p + k] : 0);
  return value;
}

/** The position of the first byte at or after `pos` that is not JSON whitespace. */
export function skipWs(bytes: Uint8Array, pos: number): number {
  let c = bytes[pos];
  // Structural bytes are all above 0x20: one comparison for them.
  while (c <= 0x20 && (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) c = bytes[++pos];
  return pos;
}

/**
 * The hash the loader computes over a name's bytes (h = 31 h + byte), for any text: the UTF-16
 * units of ASCII are its bytes, so a name hashes the same as bytes and as a string.
 */
export function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Where a hash starts probing. The hashes of names such as j0...j99999 are nearly consecutive,
 * and consecutive starts make long runs of full slots for linear probing (5 extra probes per
 * name for 100,000 jobs); mixed (murmur3's finalizer), 0.3.
 */
function spread(hash: number): number {
  let h = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The names of a `TextTable` by hash, in an open-addressing table: finds a name read from the
 * file (a range of ASCII bytes, or a decoded string) without making a string for it.
 */
export class NameIndex {
  /** Text id + 1 (0: empty). */
  private slots: Int32Array;
  private hashes: Int32Array;
  private count = 0;

  constructor(
    readonly names: TextTable,
    expected: number,
  ) {
    let size = 16;
    while (size < 2 * expected) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  /** The id of the name with these ASCII bytes (whose hash is `hash`), or -1. */
  findRange(hash: number, start: number, end: number): number {
    const slot = this.slots[this.probeRange(hash, start, end)];
    return slot - 1;
  }

  /** The id of a name given as a string, or -1. */
  findText(text: string): number {
    const slot = this.slots[this.probeText(hashText(text), text)];
    return slot - 1;
  }

  /** Adds the name with these ASCII bytes to the table and the index; false if it is there. */
  addRange(hash: number, start: number, end: number): boolean {
    if (this.full()) this.grow();
    const i = this.probeRange(hash, start, end);
    if (this.slots[i] !== 0) return false;
    this.fill(i, this.names.addRange(start, end), hash);
    return true;
  }

  /** `addRange` for a name given as a string. */
  addText(text: string): boolean {
    if (this.full()) this.grow();
    const hash = hashText(text);
    const i = this.probeText(hash, text);
    if (this.slots[i] !== 0) return false;
    this.fill(i, this.names.add(text), hash);
    return true;
  }

  /** The slot holding the name with these bytes, else the empty slot where it would go. */
  private probeRange(hash: number, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let i = spread(hash) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return i;
      if (this.hashes[i] === hash && this.names.equalsRange(slot - 1, start, end)) return i;
    }
  }

  private probeText(hash: number, text: string): number {
    const mask = this.slots.length - 1;
    for (let i = spread(hash) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return i;
      if (this.hashes[i] === hash && this.names.get(slot - 1) === text) return i;
    }
  }

  private full(): boolean {
    return (this.count + 1) * 2 > this.slots.length;
  }

  private fill(i: number, id: number, hash: number): void {
    this.slots[i] = id + 1;
    this.hashes[i] = hash;
    this.count += 1;
  }

  private grow(): void {
    const slots = this.slots;
    const hashes = this.hashes;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < slots.length; k += 1) {
      if (slots[k] === 0) continue;
      let i = spread(hashes[k]) & mask;
      while (this.slots[i] !== 0) i = (i + 1) & mask;
      this.slots[i] = slots[k];
      this.hashes[i] = hashes[k];
    }
  }
}
