/**
 * A double-ended queue of numbers (tasks, futures, string ids) on a ring buffer, like Python's
 * `collections.deque` for the uses asyncio makes of it: append, popleft, iterate from the
 * left, remove one element. The buffer is an Int32Array whose length is a power of two:
 * wrapping around is a mask, and the buffer never changes kind (as an array emptied with
 * `undefined` would, which throws away the optimized code that reads it).
 */
export class Deque {
  private buffer: Int32Array;
  private mask: number;
  private head = 0;
  private count = 0;

  /** `capacity`: room for this many elements before the buffer grows. */
  constructor(capacity = 8) {
    let size = 8;
    while (size < capacity) size *= 2;
    this.buffer = new Int32Array(size);
    this.mask = size - 1;
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.buffer.length) this.grow();
    this.buffer[(this.head + this.count) & this.mask] = value;
    this.count += 1;
  }

  /** Removes and returns the leftmost element (the deque must not be empty). */
  shift(): number {
    const value = this.buffer[this.head];
    this.head = (this.head + 1) & this.mask;
    this.count -= 1;
    return value;
  }

  /** The element at position `index` from the left. */
  at(index: number): number {
    return this.buffer[(this.head + index) & this.mask];
  }

  /** Removes the first element equal to `value`, like `deque.remove`; false when absent. */
  remove(value: number): boolean {
    for (let i = 0; i < this.count; i += 1) {
      if (this.at(i) === value) {
        for (let j = i; j < this.count - 1; j += 1) {
          this.buffer[(this.head + j) & this.mask] = this.at(j + 1);
        }
        this.count -= 1;
        return true;
      }
    }
    return false;
  }

  toArray(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.count; i += 1) out.push(this.at(i));
    return out;
  }

  private grow(): void {
    const next = new Int32Array(this.buffer.length * 2);
    for (let i = 0; i < this.count; i += 1) next[i] = this.at(i);
    this.buffer = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}
