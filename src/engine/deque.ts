/**
 * A double-ended queue on a ring buffer, like Python's `collections.deque` for the uses
 * asyncio makes of it: append, popleft, iterate from the left, remove one element. The
 * capacity is a power of two, so that wrapping around is a mask rather than a division.
 */
export class Deque<T> {
  private buffer: (T | undefined)[];
  private mask: number;
  private head = 0;
  private count = 0;

  /** `capacity`: room for this many elements before the buffer grows. */
  constructor(capacity = 8) {
    let size = 8;
    while (size < capacity) size *= 2;
    this.buffer = new Array<T | undefined>(size);
    this.mask = size - 1;
  }

  get length(): number {
    return this.count;
  }

  push(value: T): void {
    if (this.count === this.buffer.length) this.grow();
    this.buffer[(this.head + this.count) & this.mask] = value;
    this.count += 1;
  }

  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const value = this.buffer[this.head];
    this.buffer[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.count -= 1;
    return value;
  }

  /** The element at position `index` from the left. */
  at(index: number): T {
    return this.buffer[(this.head + index) & this.mask] as T;
  }

  /** Removes the first element equal to `value`, like `deque.remove`; false when absent. */
  remove(value: T): boolean {
    for (let i = 0; i < this.count; i += 1) {
      if (this.at(i) === value) {
        for (let j = i; j < this.count - 1; j += 1) {
          this.buffer[(this.head + j) & this.mask] = this.at(j + 1);
        }
        this.buffer[(this.head + this.count - 1) & this.mask] = undefined;
        this.count -= 1;
        return true;
      }
    }
    return false;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i += 1) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.buffer.length * 2);
    for (let i = 0; i < this.count; i += 1) next[i] = this.at(i);
    this.buffer = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
