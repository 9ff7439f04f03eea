/**
 * "What happens next?": questions drawn from a trace, for the classroom quiz. At chosen events
 * the playback stops before the event happens and asks which task runs next, which waiter gets
 * the token (the lock, the item), or what the console prints next; the answer is what the trace
 * does, and the rule that decided it is named. Any trace will do: a preset's, a scenario
 * file's, a Python program's.
 *
 * Pure: texts are the view's (i18n); a question carries names and a rule.
 */
import { Ev, type Trace } from '../engine';
import { applyEvent, cloneState, padState, type LoopState, type ReadyEntry } from './state';

export type QuestionKind = 'next-task' | 'token' | 'print';

export interface Question {
  kind: QuestionKind;
  /** The deciding event (index in the trace): the playback stops just before it. */
  at: number;
  /** Its number over the whole run (`eventBase` included): stable while a window moves. */
  key: number;
  time: number;
  /** 2 to 4 choices, shown in this order: task names, or console lines. */
  choices: string[];
  answer: number;
  /** What the explanation names. */
  rule: QuizRule;
}

export type QuizRule =
  | {
      /** The ready queue is first in, first out. */
      kind: 'ready-fifo';
      /** The queue's tasks in order, the first one runs. */
      order: string[];
      /** Why the first one was queued: created, woken, yielded. */
      why: 'created' | 'woken' | 'yielded';
    }
  | {
      /** A primitive wakes its waiters first come, first served. */
      kind: 'waiters-fifo';
      primitive: string;
      type: string;
      /** Who waits on what: a queue's putters (a free slot), getters (an item), a lock's waiters. */
      role: 'putters' | 'getters' | 'waiters';
      order: string[];
    }
  | {
      /** The next line comes from the task that runs next. */
      kind: 'print-order';
      task: string;
    };

/** Thinning, so that a lecture is not stopped at every step. */
export interface QuizOptions {
  /** Ask nothing at or before this virtual time (the last question's instant). */
  after?: number;
}

const MAX_CHOICES = 4;

/** Fisher–Yates with a small LCG seeded by the event's number: the same order every time. */
function shuffled<T>(items: T[], seed: number): T[] {
  const order = items.map((_, i) => i);
  let x = (seed * 2654435761 + 12345) >>> 0;
  for (let i = order.length - 1; i > 0; i -= 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.map((i) => items[i]);
}

function withChoices(
  kind: QuestionKind,
  trace: Trace,
  at: number,
  candidates: string[],
  answer: string,
  rule: QuizRule,
): Question | null {
  const distinct = [...new Set(candidates)];
  if (!distinct.includes(answer)) distinct.unshift(answer);
  // The answer and the first others, so that the choices are what could plausibly come next.
  const others = distinct.filter((c) => c !== answer).slice(0, MAX_CHOICES - 1);
  if (others.length === 0) return null;
  const key = trace.eventBase + at;
  const items = shuffled([answer, ...others], key);
  return {
    kind,
    at,
    key,
    time: trace.timeAt(at),
    choices: items,
    answer: items.indexOf(answer),
    rule,
  };
}

function readyWhy(entry: ReadyEntry, s: LoopState): 'created' | 'woken' | 'yielded' {
  if (entry.kind === 'wakeup') return 'woken';
  return s.tasks[entry.task]?.status === 'created' ? 'created' : 'yielded';
}

/** The question event `i` can make, in the state just before it; null if none. */
function questionAt(trace: Trace, s: LoopState, i: number): Question | null {
  const kind = trace.kind[i];
  const name = (t: number) => trace.tasks[t]?.name ?? '?';
  switch (kind) {
    case Ev.RUN_STEP: {
      // Only task steps in the ready queue (a timer's callback is not a task to name), at
      // least two tasks: which runs next is the queue's head.
      const ready = s.ready;
      if (ready.length < 2 || ready.some((e) => e.kind !== 'step' && e.kind !== 'wakeup'))
        return null;
      const head = ready[0];
      if (head.task !== trace.task[i]) return null;
      const order = ready.map((e) => name(e.task));
      return withChoices('next-task', trace, i, order, name(head.task), {
        kind: 'ready-fifo',
        order,
        why: readyWhy(head, s),
      });
    }
    case Ev.Q_NOTIFY: {
      const q = s.primitives[trace.a[i]];
      if (q?.type !== 'Queue') return null;
      const waiting = trace.b[i] === 0 ? q.putters : q.getters;
      if (waiting.length < 2) return null;
      const order = waiting.map(name);
      return withChoices('token', trace, i, order, name(trace.task[i]), {
        kind: 'waiters-fifo',
        primitive: trace.primitives[trace.a[i]].name,
        type: 'Queue',
        role: trace.b[i] === 0 ? 'putters' : 'getters',
        order,
      });
    }
    case Ev.ACQUIRE_NOTIFY: {
      const p = s.primitives[trace.a[i]];
      if (!p || !('waiters' in p) || p.type === 'Event' || p.type === 'Condition') return null;
      const waiting = p.waiters.filter((w) => !w.woken).map((w) => name(w.task));
      if (waiting.length < 2) return null;
      return withChoices('token', trace, i, waiting, name(trace.task[i]), {
        kind: 'waiters-fifo',
        primitive: trace.primitives[trace.a[i]].name,
        type: p.type,
        role: 'waiters',
        order: waiting,
      });
    }
    default:
      return null;
  }
}

/** The console line of event `i` as a choice: the task's name and its text. */
function printed(trace: Trace, i: number): string {
  const task = trace.task[i];
  const text = trace.string(trace.a[i]);
  return task >= 0 ? `${trace.tasks[task].name} ${text}` : text;
}

function isLine(trace: Trace, i: number): boolean {
  const kind = trace.kind[i];
  // stdout only: a traceback's lines are not guessed one by one.
  return kind === Ev.LOG || (kind === Ev.PRINT && (trace.b[i] === 0 || trace.b[i] === 2));
}

/** "What does the console print next?" before the line of event `i`: other lines as choices. */
function printQuestion(trace: Trace, i: number): Question | null {
  const answer = printed(trace, i);
  const others: string[] = [];
  // Lines printed soon after, then just before: what a student could mistake it for.
  for (let j = i + 1; j < trace.eventCount && others.length < 12; j += 1)
    if (isLine(trace, j)) others.push(printed(trace, j));
  for (let j = i - 1; j >= 0 && others.length < 16; j -= 1)
    if (isLine(trace, j)) others.push(printed(trace, j));
  const task = trace.task[i];
  return withChoices('print', trace, i, others, answer, {
    kind: 'print-order',
    task: task >= 0 ? trace.tasks[task].name : '',
  });
}

const PRIORITY: Record<QuestionKind, number> = { token: 0, 'next-task': 1, print: 2 };

/**
 * The question of the first instant with one, among the events `from` to `to` (the cursor
 * moved over them): the best of its instant (a token first, then which task runs, then the
 * console), asked only if its event is among them. `state`: the state after `from` events.
 * One question per virtual instant at most.
 */
export function nextQuestion(
  trace: Trace,
  state: LoopState,
  from: number,
  to: number,
  options: QuizOptions = {},
): Question | null {
  const s = padState(cloneState(state), trace);
  const end = Math.min(to, trace.eventCount);
  let i = from;
  while (i < end) {
    const time = trace.timeAt(i);
    let best: Question | null = null;
    // The whole instant, even past `to`: its best question may come later in it.
    const skip = options.after !== undefined && time <= options.after;
    let j = i;
    for (; j < trace.eventCount && trace.timeAt(j) === time; j += 1) {
      if (!skip && j >= from) {
        const q = isLine(trace, j) ? printQuestion(trace, j) : questionAt(trace, s, j);
        if (q && (best === null || PRIORITY[q.kind] < PRIORITY[best.kind])) best = q;
      }
      padState(s, trace);
      applyEvent(s, trace, j);
    }
    if (best !== null && best.at < end) return best;
    if (best !== null) return null; // asked once the cursor gets there
    i = j;
  }
  return null;
}

/** Every question a whole run asks, played from its start (for tests and a score's total). */
export function allQuestions(trace: Trace, start: LoopState): Question[] {
  const out: Question[] = [];
  let after: number | undefined;
  let from = 0;
  let s = start;
  for (;;) {
    const q = nextQuestion(trace, s, from, trace.eventCount, { after });
    if (q === null) return out;
    out.push(q);
    after = q.time;
    // Replay up to just after the question's event.
    s = padState(cloneState(s), trace);
    for (let i = from; i <= q.at; i += 1) {
      padState(s, trace);
      applyEvent(s, trace, i);
    }
    from = q.at + 1;
  }
}
