/**
 * The loop's `_scheduled` heap. CPython's TimerHandle compares deadlines only and heapq is not
 * stable; the simulator orders by (deadline, creation sequence), as a real clock would, so the
 * pop order is fully defined (see ARCHITECTURE.md, "equal deadlines").
 */

/**
 * Where the heap reads each timer's deadline and creation number, by the timer's key (a
 * future's number). Read at every comparison: the columns may be replaced as they grow.
 */
export interface TimerKeys {
  readonly when: Float64Array;
  readonly timer: Int32Array;
}

export class TimerHeap {
  /** The keys of the timers, in heap order. */
  items: number[] = [];

  constructor(private readonly keys: TimerKeys) {}

  get size(): number {
    return this.items.length;
  }

  /** The key of the timer due first; -1 when the heap is empty. */
  peek(): number {
    return this.items.length > 0 ? this.items[0] : -1;
  }

  /** Whether timer `a` is due before timer `b`. */
  before(a: number, b: number): boolean {
    const when = this.keys.when;
    return when[a] < when[b] || (when[a] === when[b] && this.keys.timer[a] < this.keys.timer[b]);
  }

  push(key: number): void {
    const items = this.items;
    items.push(key);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(key, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = key;
  }

  /** Removes the timer due first and returns its key (-1 when the heap is empty). */
  pop(): number {
    const items = this.items;
    if (items.length === 0) return -1;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      const n = items.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && this.before(items[right], items[left]) ? right : left;
        if (!this.before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  /** Keeps the timers for which `keep` is true, as `_run_once` does when too many are cancelled. */
  rebuild(keep: (key: number) => boolean): void {
    const kept = this.items.filter(keep);
    kept.sort((a, b) => (this.before(a, b) ? -1 : 1));
    this.items = kept; // a sorted array is a valid heap
  }

  /** The keys of the timers in the order they will fire. */
  sorted(): number[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : 1));
  }
}
