/**
 * The loop's `_scheduled` heap. CPython's TimerHandle compares deadlines only and heapq is not
 * stable; the simulator orders by (deadline, creation sequence), as a real clock would, so the
 * pop order is fully defined (see ARCHITECTURE.md, "equal deadlines").
 */
export interface HeapTimer {
  readonly id: number;
  readonly when: number;
}

function before(a: HeapTimer, b: HeapTimer): boolean {
  return a.when < b.when || (a.when === b.when && a.id < b.id);
}

export class TimerHeap<T extends HeapTimer> {
  items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(timer: T): void {
    const items = this.items;
    items.push(timer);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = timer;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      let i = 0;
      const n = items.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(items[right], items[left]) ? right : left;
        if (!before(items[child], last)) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }

  /** Keeps the timers for which `keep` is true, as `_run_once` does when too many are cancelled. */
  rebuild(keep: (timer: T) => boolean): void {
    const kept = this.items.filter(keep);
    kept.sort((a, b) => (before(a, b) ? -1 : 1));
    this.items = kept; // a sorted array is a valid heap
  }

  /** The timers in the order they will fire. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => (before(a, b) ? -1 : 1));
  }
}
