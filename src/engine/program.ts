import type { PrimitiveSpec, Scenario, Step } from '../scenario/types';
import { hasPlaceholder, parseTemplate, type TemplatePart } from '../scenario/template';
import { TextTable } from './texts';

/** Operation codes of compiled steps. */
export const Op = {
  SLEEP: 0,
  PUT: 1,
  GET: 2,
  ACQUIRE: 3,
  RELEASE: 4,
  SET: 5,
  CLEAR: 6,
  WAIT: 7,
  LOG: 8,
  REPEAT: 9,
  CANCEL: 10,
  TASK_DONE: 11,
  JOIN: 12,
  SPAWN: 13,
  AWAIT: 14,
  GATHER: 15,
  BLOCK: 16,
  CONNECT: 17,
  READLINE: 18,
  READ: 19,
  WRITE: 20,
  CLOSE: 21,
  EXEC: 22,
  PROC_WAIT: 23,
} as const;

export const OP_OF: Record<Step['op'], number> = {
  sleep: Op.SLEEP,
  put: Op.PUT,
  get: Op.GET,
  acquire: Op.ACQUIRE,
  release: Op.RELEASE,
  set: Op.SET,
  clear: Op.CLEAR,
  wait: Op.WAIT,
  log: Op.LOG,
  repeat: Op.REPEAT,
  cancel: Op.CANCEL,
  task_done: Op.TASK_DONE,
  join: Op.JOIN,
  spawn: Op.SPAWN,
  await: Op.AWAIT,
  gather: Op.GATHER,
  block: Op.BLOCK,
  connect: Op.CONNECT,
  readline: Op.READLINE,
  read: Op.READ,
  write: Op.WRITE,
  close: Op.CLOSE,
  exec: Op.EXEC,
  proc_wait: Op.PROC_WAIT,
};

/** `str` column: the value is Python's None. */
export const STR_NONE = -1;
/** `str` column: the text has `{n}` or `{item}`; see `templates`. */
export const STR_TEMPLATE = -2;

/**
 * Every task's steps, flattened in pre-order into shared columns (one allocation for the whole
 * scenario, however many tasks). A task's step `s` sits at `taskBase[t] + s`, so the step
 * index recorded in the trace is `pc - taskBase[t]`.
 */
export interface Program {
  /** Number of steps in all. */
  size: number;
  code: Uint8Array;
  /** REPEAT: the pc just after its body. */
  end: Int32Array;
  /** SLEEP, BLOCK: seconds; REPEAT: times (Infinity when forever); READ: n. */
  num: Float64Array;
  /** PUT/GET/ACQUIRE/RELEASE/SET/CLEAR/WAIT/TASK_DONE/JOIN: primitive index; CANCEL/SPAWN/AWAIT: task index. */
  target: Int32Array;
  /** LOG/PUT/WRITE: index in `strings`, STR_NONE or STR_TEMPLATE. */
  str: Int32Array;
  templates: Map<number, TemplatePart[]>;
  /** GATHER: the tasks it creates and awaits, in argument order. */
  children: Map<number, number[]>;
  taskBase: Int32Array;
  taskEnd: Int32Array;
  /** 1 for a task created when the loop starts, 0 for one created by a SPAWN step. */
  taskStart: Uint8Array;
}

/** A scenario ready to run: the program, and the names and texts it refers to. */
export interface CompiledScenario {
  program: Program;
  /** By task index. */
  taskNames: TextTable;
  primitives: { name: string; spec: PrimitiveSpec }[];
  /** Constant texts of LOG and PUT steps, referred to by `program.str`. */
  strings: TextTable;
  title?: string;
  /** Ctrl-C at this virtual time (the scenario's `interrupt`). */
  interrupt?: number;
}

function grow<A extends Uint8Array | Int32Array | Float64Array>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (n: number) => A)(Math.max(needed, array.length * 2));
  next.set(array as never);
  return next;
}

/**
 * Writes a program step by step, in pre-order: used both by `compileScenario` (from objects)
 * and by the streaming loader (from text).
 */
export class ProgramBuilder {
  private code = new Uint8Array(64);
  private end = new Int32Array(64);
  private num = new Float64Array(64);
  private target = new Int32Array(64);
  private str = new Int32Array(64);
  private taskBase = new Int32Array(16);
  private taskEnd = new Int32Array(16);
  private taskStart = new Uint8Array(16);
  private readonly templates = new Map<number, TemplatePart[]>();
  private readonly children = new Map<number, number[]>();
  size = 0;
  tasks = 0;

  /** `strings`: where the texts go (a table over the file's bytes for the fast loader). */
  constructor(
    expectedSteps = 64,
    readonly strings = new TextTable(),
  ) {
    this.reserve(expectedSteps);
  }

  private reserve(steps: number): void {
    this.code = grow(this.code, steps);
    this.end = grow(this.end, steps);
    this.num = grow(this.num, steps);
    this.target = grow(this.target, steps);
    this.str = grow(this.str, steps);
  }

  beginTask(): void {
    if (this.tasks === this.taskBase.length) {
      this.taskBase = grow(this.taskBase, this.tasks + 1);
      this.taskEnd = grow(this.taskEnd, this.tasks + 1);
      this.taskStart = grow(this.taskStart, this.tasks + 1);
    }
    this.taskBase[this.tasks] = this.size;
    this.taskStart[this.tasks] = 1;
  }

  /** Marks the task being written as not created when the loop starts (`"start": false`). */
  notStarted(): void {
    this.taskStart[this.tasks] = 0;
  }

  endTask(): void {
    this.taskEnd[this.tasks] = this.size;
    this.tasks += 1;
  }

  /** Appends a step; returns its pc. */
  step(op: number, num = 0, target = -1): number {
    const pc = this.size;
    if (pc === this.code.length) this.reserve(pc + 1);
    this.code[pc] = op;
    this.num[pc] = num;
    this.target[pc] = target;
    this.str[pc] = STR_NONE;
    // `end` (a repeat's) is set by closeRepeat; it is 0 for the other steps, as allocated.
    this.size = pc + 1;
    return pc;
  }

  /** Sets the text of the step at `pc` (a log text or a put value). */
  text(pc: number, text: string): void {
    if (hasPlaceholder(text)) {
      this.templates.set(pc, parseTemplate(text));
      this.str[pc] = STR_TEMPLATE;
    } else {
      this.str[pc] = this.strings.add(text);
    }
  }

  /** Sets the text of the step at `pc` to `strings`' source bytes [start, end): ASCII, no `{`. */
  textRange(pc: number, start: number, end: number): void {
    this.str[pc] = this.strings.addRange(start, end);
  }

  /** Closes the repeat opened at `pc`: its body is everything written since. */
  closeRepeat(pc: number): void {
    this.end[pc] = this.size;
  }

  setTarget(pc: number, target: number): void {
    this.target[pc] = target;
  }

  setNum(pc: number, num: number): void {
    this.num[pc] = num;
  }

  /** Sets the tasks of the GATHER step at `pc`. */
  setChildren(pc: number, tasks: number[]): void {
    this.children.set(pc, tasks);
  }

  build(): Program {
    return {
      size: this.size,
      code: this.code,
      end: this.end,
      num: this.num,
      target: this.target,
      str: this.str,
      templates: this.templates,
      children: this.children,
      taskBase: this.taskBase,
      taskEnd: this.taskEnd,
      taskStart: this.taskStart,
    };
  }
}

function countSteps(steps: readonly Step[]): number {
  let n = steps.length;
  for (const step of steps) if (step.op === 'repeat') n += countSteps(step.steps);
  return n;
}

/** Compiles a validated scenario. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const primitiveNames = Object.keys(scenario.primitives);
  const primitiveIndex = new Map(primitiveNames.map((name, i) => [name, i]));
  let taskIndex: Map<string, number> | null = null;
  let total = 0;
  for (const task of scenario.tasks) total += countSteps(task.steps);
  const b = new ProgramBuilder(total);
  const emit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      switch (step.op) {
        case 'sleep':
        case 'block':
          b.step(OP_OF[step.op], step.seconds);
          break;
        case 'put': {
          const pc = b.step(Op.PUT, 0, primitiveIndex.get(step.queue)!);
          if (step.value != null) b.text(pc, step.value);
          break;
        }
        case 'get':
        case 'task_done':
        case 'join':
          b.step(OP_OF[step.op], 0, primitiveIndex.get(step.queue)!);
          break;
        case 'acquire':
        case 'release':
          b.step(OP_OF[step.op], 0, primitiveIndex.get(step.lock)!);
          break;
        case 'set':
        case 'clear':
        case 'wait':
          b.step(OP_OF[step.op], 0, primitiveIndex.get(step.event)!);
          break;
        case 'log':
          b.text(b.step(Op.LOG), step.text);
          break;
        case 'connect':
        case 'close':
          b.step(OP_OF[step.op], 0, primitiveIndex.get(step.conn)!);
          break;
        case 'readline':
          b.step(Op.READLINE, 0, primitiveIndex.get(step.conn ?? step.proc!)!);
          break;
        case 'read':
          b.step(Op.READ, step.n, primitiveIndex.get(step.conn ?? step.proc!)!);
          break;
        case 'exec':
        case 'proc_wait':
          b.step(OP_OF[step.op], 0, primitiveIndex.get(step.proc)!);
          break;
        case 'write':
          b.text(b.step(Op.WRITE, 0, primitiveIndex.get(step.conn)!), step.text);
          break;
        case 'cancel':
        case 'spawn':
        case 'await':
          taskIndex ??= new Map(scenario.tasks.map((task, i) => [task.name, i]));
          b.step(OP_OF[step.op], 0, taskIndex.get(step.task)!);
          break;
        case 'gather':
          taskIndex ??= new Map(scenario.tasks.map((task, i) => [task.name, i]));
          b.setChildren(
            b.step(Op.GATHER),
            step.tasks.map((name) => taskIndex!.get(name)!),
          );
          break;
        case 'repeat': {
          const pc = b.step(Op.REPEAT, step.times ?? Infinity);
          emit(step.steps);
          b.closeRepeat(pc);
          break;
        }
      }
    }
  };
  for (const task of scenario.tasks) {
    b.beginTask();
    if (task.start === false) b.notStarted();
    emit(task.steps);
    b.endTask();
  }
  const taskNames = new TextTable();
  for (const task of scenario.tasks) taskNames.add(task.name);
  return {
    program: b.build(),
    taskNames,
    primitives: primitiveNames.map((name) => ({ name, spec: scenario.primitives[name] })),
    strings: b.strings,
    title: scenario.title,
    ...(scenario.interrupt === undefined ? {} : { interrupt: scenario.interrupt }),
  };
}

/** Where the step at `pc` of task `t` sits in the file: `tasks[0].steps[2].steps[1]`. */
export function stepPath(program: Program, t: number, pc: number): string {
  let path = `tasks[${t}].steps`;
  let index = 0;
  let at = program.taskBase[t];
  let end = program.taskEnd[t];
  while (at !== pc) {
    const next = program.code[at] === Op.REPEAT ? program.end[at] : at + 1;
    if (pc < next) {
      // pc is inside this repeat's body.
      path += `[${index}].steps`;
      end = next;
      at += 1;
      index = 0;
    } else {
      at = next;
      index += 1;
    }
    if (at >= end) break;
  }
  return `${path}[${index}]`;
}

/** The first repeat without `times`, as `{task, pc}`, or null: the run never ends by itself. */
export function firstEndlessRepeat(
  compiled: CompiledScenario,
): { task: number; pc: number } | null {
  const program = compiled.program;
  // Most programs have no repeat at all: a native search of the op codes says so at once.
  if (program.code.subarray(0, program.size).indexOf(Op.REPEAT) < 0) return null;
  for (let t = 0; t < compiled.taskNames.length; t += 1) {
    for (let pc = program.taskBase[t]; pc < program.taskEnd[t]; pc += 1) {
      if (program.code[pc] === Op.REPEAT && program.num[pc] === Infinity) return { task: t, pc };
    }
  }
  return null;
}

/**
 * The duration of a task's sleep when it has exactly one, outside any repeat (the course's
 * table heads its columns `j0 (1)`); else null.
 */
export function singleSleep(program: Program, t: number): number | null {
  let found: number | null = null;
  let inRepeatUntil = -1;
  for (let pc = program.taskBase[t]; pc < program.taskEnd[t]; pc += 1) {
    const op = program.code[pc];
    if (op === Op.REPEAT && pc >= inRepeatUntil) inRepeatUntil = program.end[pc];
    if (op !== Op.SLEEP) continue;
    if (found !== null || pc < inRepeatUntil) return null;
    found = program.num[pc];
  }
  return found;
}

/**
 * The rules on the tasks a program starts and awaits, as `validateScenario` states them (for
 * the fast loader, which has no messages to give): each task that does not start with the loop
 * is spawned (or gathered) by exactly one step, of a task that itself starts (directly or
 * through spawns); a spawn or gather is not inside a repeat (the loader checks that as it
 * reads); no task awaits (or gathers) itself, nor a task that awaits it, directly or not.
 */
export function taskStepsValid(program: Program, tasks: number): boolean {
  const { code, target, taskBase, taskEnd, taskStart } = program;
  const spawner = new Int32Array(tasks).fill(-1);
  const awaited: number[][] = Array.from({ length: tasks }, () => []);
  for (let t = 0; t < tasks; t += 1) {
    for (let pc = taskBase[t]; pc < taskEnd[t]; pc += 1) {
      const to = target[pc];
      if (code[pc] === Op.GATHER) {
        // Creates each of its tasks, then awaits them all.
        for (const child of program.children.get(pc)!) {
          if (taskStart[child] || spawner[child] >= 0) return false;
          spawner[child] = t;
          awaited[t].push(child);
        }
      } else if (code[pc] === Op.SPAWN) {
        if (taskStart[to] || spawner[to] >= 0) return false;
        spawner[to] = t;
      } else if (code[pc] === Op.AWAIT) {
        if (to === t) return false;
        awaited[t].push(to);
      }
    }
  }
  // Up the chain of spawners to a task that starts, remembering it for every task on the way
  // (each link is followed once): 1, it gets there; 2, on the chain being followed (a cycle).
  const reaches = new Uint8Array(tasks);
  const chain: number[] = [];
  for (let t = 0; t < tasks; t += 1) {
    chain.length = 0;
    let at = t;
    while (!taskStart[at] && reaches[at] !== 1) {
      if (spawner[at] < 0 || reaches[at] === 2) return false;
      reaches[at] = 2;
      chain.push(at);
      at = spawner[at];
    }
    for (const task of chain) reaches[task] = 1;
  }
  // Depth-first search for a cycle of awaits (0: not seen, 1: on the path, 2: finished).
  const state = new Uint8Array(tasks);
  for (let root = 0; root < tasks; root += 1) {
    if (state[root] !== 0) continue;
    const stack: [task: number, edge: number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [t, e] = top;
      if (e === awaited[t].length) {
        state[t] = 2;
        stack.pop();
        continue;
      }
      top[1] = e + 1;
      const to = awaited[t][e];
      if (state[to] === 1) return false;
      if (state[to] === 0) {
        state[to] = 1;
        stack.push([to, 0]);
      }
    }
  }
  return true;
}
