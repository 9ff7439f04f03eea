/**
 * The loop's `_scheduled` heap. CPython's TimerHandle compares deadlines only and heapq is not
 * stable; the simulator orders by (deadline, creation sequence), as a real clock would, so the
 * pop order is fully defined (see ARCHITECTURE.md, "equal deadlines").
 *
 * Each entry is a timer's key (its future's number) with its deadline and creation number,
 * kept side by side in the heap's own arrays: a comparison reads two numbers next to each
 * other rather than following keys elsewhere.
 */
/** Whether a timer due at `when`, made `seq`-th, fires before one due at `when2`, made `seq2`-th. */
function due(when: number, seq: number, when2: number, seq2: number): boolean {
  return when < when2 || (when === when2 && seq < seq2);
}

export class TimerHeap {
  size = 0;
  private keys = new Int32Array(64);
  private whens = new Float64Array(64);
  private seqs = new Int32Array(64);

  /** The key of the timer due first; -1 when the heap is empty. */
  peek(): number {
    return this.size > 0 ? this.keys[0] : -1;
  }

  /** The deadline of the timer due first (the heap must not be empty). */
  peekWhen(): number {
    return this.whens[0];
  }

  /** Adds timer `key`, due at `when`, made `seq`-th. */
  push(key: number, when: number, seq: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size;
    this.size = i + 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!due(when, seq, this.whens[parent], this.seqs[parent])) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, key, when, seq);
  }

  /** Removes the timer due first and returns its key (-1 when the heap is empty). */
  pop(): number {
    if (this.size === 0) return -1;
    const top = this.keys[0];
    const n = (this.size -= 1);
    if (n > 0) {
      // The last entry goes down from the top.
      const key = this.keys[n];
      const when = this.whens[n];
      const seq = this.seqs[n];
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const { whens, seqs } = this;
        const child =
          right < n && due(whens[right], seqs[right], whens[left], seqs[left]) ? right : left;
        if (!due(whens[child], seqs[child], when, seq)) break;
        this.move(child, i);
        i = child;
      }
      this.set(i, key, when, seq);
    }
    return top;
  }

  /** The keys in heap order. */
  items(): number[] {
    return Array.from(this.keys.subarray(0, this.size));
  }

  /** Keeps the timers for which `keep` is true, as `_run_once` does when too many are cancelled. */
  rebuild(keep: (key: number) => boolean): void {
    const order = this.order().filter((i) => keep(this.keys[i]));
    const entries = order.map((i) => [this.keys[i], this.whens[i], this.seqs[i]] as const);
    this.size = 0;
    // In order, each entry stays where it is pushed: a sorted array is a valid heap.
    for (const [key, when, seq] of entries) this.push(key, when, seq);
  }

  /** The keys in the order the timers will fire. */
  sorted(): number[] {
    return this.order().map((i) => this.keys[i]);
  }

  /** Positions of the entries, in firing order. */
  private order(): number[] {
    const { whens, seqs } = this;
    const positions = Array.from({ length: this.size }, (_, i) => i);
    return positions.sort((a, b) => (due(whens[a], seqs[a], whens[b], seqs[b]) ? -1 : 1));
  }

  private move(from: number, to: number): void {
    this.set(to, this.keys[from], this.whens[from], this.seqs[from]);
  }

  private set(i: number, key: number, when: number, seq: number): void {
    this.keys[i] = key;
    this.whens[i] = when;
    this.seqs[i] = seq;
  }

  private grow(): void {
    const keys = new Int32Array(this.keys.length * 2);
    const whens = new Float64Array(this.whens.length * 2);
    const seqs = new Int32Array(this.seqs.length * 2);
    keys.set(this.keys);
    whens.set(this.whens);
    seqs.set(this.seqs);
    this.keys = keys;
    this.whens = whens;
    this.seqs = seqs;
  }
}
