/**
 * A table of texts (log lines, queue items, task names) numbered from 0. A text is either a
 * string or an ASCII range of a scenario file's bytes, turned into a string only when someone
 * asks for it: a log only copies those bytes to its output, so a 100,000-task file needs no
 * string at all for its 300,000 texts and names.
 *
 * A table may extend another (`extend`): ids below the base's length read the base, which
 * lets a run add texts without copying or changing its compiled scenario's table.
 *
 * A long run may let go of its oldest texts (`dropBelow`): the others keep their ids.
 */
const utf8 = new TextDecoder();

function grow(array: Int32Array, needed: number): Int32Array {
  if (needed <= array.length) return array;
  const next = new Int32Array(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

export class TextTable {
  length = 0;
  /** Where each text starts in `source`, or -1 when it is the string `strings[end[id]]`. */
  private start: Int32Array;
  private end: Int32Array;
  private strings: string[] = [];
  private readonly baseLength: number;
  /** Own texts let go of (`dropBelow`): own text i is at `start[i - dropped]`. */
  private dropped = 0;
  /** The largest `maxUtf8Length` of this table's own texts. */
  private ownLongest = 0;

  /**
   * `source`: the bytes that `addRange` refers to. `base`: the table this one extends (its
   * texts keep their ids; texts added later must go to this one).
   */
  /** `source` again, to copy its bytes four at a time. */
  private readonly sourceView: DataView | null;

  constructor(
    private readonly source: Uint8Array | null = null,
    private readonly base: TextTable | null = null,
    capacity = 16,
  ) {
    this.sourceView = source && new DataView(source.buffer, source.byteOffset, source.byteLength);
    this.baseLength = base === null ? 0 : base.length;
    this.length = this.baseLength;
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  /** A table whose first texts are this one's: what a run adds does not change this one. */
  extend(): TextTable {
    return new TextTable(null, this);
  }

  add(text: string): number {
    const i = this.reserve();
    this.start[i] = -1;
    this.end[i] = this.strings.length;
    this.strings.push(text);
    this.ownLongest = Math.max(this.ownLongest, 3 * text.length);
    return this.length - 1;
  }

  /** Adds `source[start..end)`, which must be ASCII (so its bytes are its UTF-8 and UTF-16). */
  addRange(start: number, end: number): number {
    const i = this.reserve();
    this.start[i] = start;
    this.end[i] = end;
    if (end - start > this.ownLongest) this.ownLongest = end - start;
    return this.length - 1;
  }

  get(id: number): string {
    if (id < this.baseLength) return this.base!.get(id);
    const i = this.slot(id);
    const start = this.start[i];
    if (start < 0) return this.strings[this.end[i]];
    // Decoded once, then kept as a string.
    const text = utf8.decode(this.source!.subarray(start, this.end[i]));
    this.start[i] = -1;
    this.end[i] = this.strings.length;
    this.strings.push(text);
    this.ownLongest = Math.max(this.ownLongest, 3 * text.length);
    return text;
  }

  /** The largest `maxUtf8Length` of all the texts: room enough for any of them. */
  get longest(): number {
    return this.base === null ? this.ownLongest : Math.max(this.ownLongest, this.base.longest);
  }

  /** The ASCII range of text `id` in `source` (a string's UTF-8 length is at most 3 per unit). */
  maxUtf8Length(id: number): number {
    if (id < this.baseLength) return this.base!.maxUtf8Length(id);
    const i = this.slot(id);
    const start = this.start[i];
    return start < 0 ? 3 * this.strings[this.end[i]].length : this.end[i] - start;
  }

  /** Writes text `id` as UTF-8 to `out` (which has room for `maxUtf8Length(id)` bytes). */
  writeTo(id: number, out: ByteWriter): void {
    if (id < this.baseLength) return this.base!.writeTo(id, out);
    const i = this.slot(id);
    const start = this.start[i];
    if (start >= 0) out.copy(this.source!, this.sourceView!, start, this.end[i]);
    else out.string(this.strings[this.end[i]]);
  }

  /** Whether text `id` has exactly the bytes `source[start..end)`, which are ASCII. */
  equalsRange(id: number, start: number, end: number): boolean {
    if (id < this.baseLength) return this.base!.equalsRange(id, start, end);
    const i = this.slot(id);
    const source = this.source!;
    const from = this.start[i];
    if (from >= 0) {
      if (this.end[i] - from !== end - start) return false;
      for (let k = 0; k < end - start; k += 1)
        if (source[from + k] !== source[start + k]) return false;
      return true;
    }
    const text = this.strings[this.end[i]];
    if (text.length !== end - start) return false;
    for (let k = 0; k < text.length; k += 1)
      if (text.charCodeAt(k) !== source[start + k]) return false;
    return true;
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, id) => this.get(id));
  }

  /** The first id still held (texts below it, other than the base's, were let go of). */
  get floor(): number {
    return this.baseLength + this.dropped;
  }

  /**
   * Lets go of this table's own texts below `id` (the base's stay): a long run's memory stays
   * bounded. Reading one of them afterwards is an error.
   */
  dropBelow(id: number): void {
    const count = Math.min(id, this.length) - this.floor;
    if (count <= 0) return;
    const kept = this.length - this.floor - count;
    this.start.copyWithin(0, count, count + kept);
    this.end.copyWithin(0, count, count + kept);
    this.dropped += count;
    // The strings still referred to, renumbered.
    const strings: string[] = [];
    for (let i = 0; i < kept; i += 1) {
      if (this.start[i] < 0) {
        strings.push(this.strings[this.end[i]]);
        this.end[i] = strings.length - 1;
      }
    }
    this.strings = strings;
  }

  /** Where own text `id` is in `start` and `end`. */
  private slot(id: number): number {
    const i = id - this.baseLength - this.dropped;
    if (i < 0) throw new Error(`text ${id} was let go of (the run keeps texts from ${this.floor})`);
    return i;
  }

  private reserve(): number {
    const i = this.length - this.baseLength - this.dropped;
    if (i === this.start.length) {
      this.start = grow(this.start, i + 1);
      this.end = grow(this.end, i + 1);
    }
    this.length += 1;
    return i;
  }
}

/**
 * A growing buffer of UTF-8 bytes, to write a long output (a log) in one piece. Most of a log
 * is ranges of a scenario file's bytes: they are copied four bytes at a time, through
 * DataViews, which takes a third of the time of a loop over bytes.
 */
export class ByteWriter {
  bytes: Uint8Array;
  private view: DataView;
  length = 0;
  private readonly encoder = new TextEncoder();

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  /** Makes room for `n` more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n));
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  byte(b: number): void {
    this.bytes[this.length++] = b;
  }

  /** Writes `text` as UTF-8 (room for 3 bytes per unit must be reserved). */
  string(text: string): void {
    const bytes = this.bytes;
    let at = this.length;
    for (let k = 0; k < text.length; k += 1) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) {
        at = this.length + this.encoder.encodeInto(text, bytes.subarray(this.length)).written;
        break;
      }
      bytes[at++] = c;
    }
    this.length = at;
  }

  /** Copies `source[start..end)`; `view` is a DataView over `source`. */
  copy(source: Uint8Array, view: DataView, start: number, end: number): void {
    const bytes = this.bytes;
    const out = this.view;
    let at = this.length;
    let k = start;
    for (; k + 4 <= end; k += 4, at += 4) out.setInt32(at, view.getInt32(k, true), true);
    for (; k < end; k += 1) bytes[at++] = source[k];
    this.length = at;
  }

  /** The bytes written. */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}
