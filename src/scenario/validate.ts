/**
 * Validation of scenario files (version 1). Every error names the exact place of the problem
 * and what is wrong there, as a code with its values (errors.ts), which reads in English as
 * `tasks[2].steps[1].seconds: must be a number >= 0`. The result is a normalised scenario
 * (defaults filled in) that the engine and the code generator can trust.
 */
import type { PrimitiveSpec, Scenario, Step, TaskSpec } from './types';
import { formatError, type ErrorParam, type ValidationCode, type ValidationError } from './errors';
import { jsonSyntaxError } from './jsonSyntax';
export { formatError, type ValidationError };

export type ValidationResult =
  { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

import { MAX_REPEAT_DEPTH, MAX_SLEEP_SECONDS, MAX_STEPS, MAX_TASKS } from './limits';
export { MAX_REPEAT_DEPTH, MAX_SLEEP_SECONDS, MAX_STEPS, MAX_TASKS };
const MAX_ERRORS = 20;

const PRIMITIVE_KEYS: Record<string, string[]> = {
  Queue: ['type', 'maxsize'],
  Lock: ['type'],
  Event: ['type'],
  Semaphore: ['type', 'value'],
  BoundedSemaphore: ['type', 'value'],
  Connection: ['type', 'latency', 'data', 'eof'],
  Process: ['type', 'output', 'exit', 'returncode'],
};
const STEP_KEYS: Record<string, string[]> = {
  sleep: ['op', 'seconds'],
  put: ['op', 'queue', 'value'],
  get: ['op', 'queue'],
  acquire: ['op', 'lock'],
  release: ['op', 'lock'],
  set: ['op', 'event'],
  clear: ['op', 'event'],
  wait: ['op', 'event'],
  log: ['op', 'text'],
  repeat: ['op', 'times', 'steps'],
  cancel: ['op', 'task'],
  task_done: ['op', 'queue'],
  join: ['op', 'queue'],
  spawn: ['op', 'task'],
  await: ['op', 'task'],
  gather: ['op', 'tasks'],
  block: ['op', 'seconds'],
  connect: ['op', 'conn'],
  readline: ['op', 'conn', 'proc'],
  read: ['op', 'conn', 'proc', 'n'],
  exec: ['op', 'proc'],
  proc_wait: ['op', 'proc'],
  write: ['op', 'conn', 'text'],
  close: ['op', 'conn'],
};
const CONNECTION_TYPES = ['Connection'];
const PROCESS_TYPES = ['Process'];
/** ASCII: no code point above 127. */
const isAscii = (text: string) => [...text].every((ch) => ch.charCodeAt(0) < 128);
const QUEUE_TYPES = ['Queue'];
const LOCK_TYPES = ['Lock', 'Semaphore', 'BoundedSemaphore'];
const EVENT_TYPES = ['Event'];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export function keyPath(parent: string, key: string): string {
  const part = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return parent ? `${parent}${part}` : part.replace(/^\./, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks a parsed file in place, keeping the current path as a stack of segments so that
 * nothing is allocated per step unless there is an error (scenarios can have millions of steps).
 */
class Validator {
  errors: ValidationError[] = [];
  primitiveTypes = new Map<string, string>();
  taskNames = new Set<string>();
  /** By task name: its index and whether it starts with the loop. */
  taskInfo = new Map<string, { index: number; start: boolean }>();
  /** The task whose steps are being checked. */
  currentTask = -1;
  /** By spawned task: the spawning task and where the spawn step is. */
  spawns = new Map<string, { by: number; path: string }>();
  /** Where each connection is connected, and closed (each once at most). */
  connects = new Map<string, string>();
  closes = new Map<string, string>();
  execs = new Map<string, string>();
  /** `await` steps: the awaiting task, the awaited one and where the step is. */
  awaits: { from: number; to: number; path: string }[] = [];
  totalSteps = 0;
  private readonly path: (string | number)[] = [];

  enter(segment: string | number): void {
    this.path.push(segment);
  }
  leave(): void {
    this.path.pop();
  }

  where(key?: string | number): string {
    let out = '';
    for (const segment of key === undefined ? this.path : [...this.path, key]) {
      out = typeof segment === 'number' ? `${out}[${segment}]` : keyPath(out, segment);
    }
    return out;
  }

  fail(
    key: string | number | undefined,
    code: ValidationCode,
    params: Record<string, ErrorParam> = {},
  ): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path: this.where(key), code, params });
  }

  unknownKeys(obj: Record<string, unknown>, allowed: string[]): void {
    for (const key in obj) {
      if (!allowed.includes(key)) this.fail(key, 'unknownKey', { expected: allowed.join(', ') });
    }
  }

  text(value: unknown, key: string): value is string {
    if (typeof value !== 'string') {
      this.fail(key, 'notString');
      return false;
    }
    if (LONE_SURROGATE.test(value)) {
      this.fail(key, 'loneSurrogate');
      return false;
    }
    return true;
  }

  integer(value: unknown, key: string, min: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(key, 'notInteger', { min });
      return undefined;
    }
    return value;
  }

  primitive(name: string, spec: unknown): PrimitiveSpec | undefined {
    if (!isObject(spec)) {
      this.fail(undefined, 'primitiveShape');
      return undefined;
    }
    const type = spec.type;
    // Own keys only: "toString" or "__proto__" is no type (`in` finds Object's own methods).
    if (typeof type !== 'string' || !Object.hasOwn(PRIMITIVE_KEYS, type)) {
      this.fail('type', 'oneOf', { list: Object.keys(PRIMITIVE_KEYS).join(', ') });
      return undefined;
    }
    this.unknownKeys(spec, PRIMITIVE_KEYS[type]);
    this.primitiveTypes.set(name, type);
    switch (type) {
      case 'Queue': {
        const maxsize = spec.maxsize ?? 0;
        if (typeof maxsize !== 'number' || !Number.isInteger(maxsize)) {
          this.fail('maxsize', 'maxsize');
          return undefined;
        }
        return { type, maxsize };
      }
      case 'Semaphore':
      case 'BoundedSemaphore': {
        const value = this.integer(spec.value ?? 1, 'value', 0);
        return value === undefined ? undefined : { type, value };
      }
      case 'Connection':
        return this.connection(spec);
      case 'Process':
        return this.process(spec);
      default:
        return { type: type as 'Lock' | 'Event' };
    }
  }

  /** A number of seconds >= 0 (a latency, a time), at `key`. */
  seconds(value: unknown, key: string | number): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      this.fail(key, 'seconds');
      return false;
    }
    if (value > MAX_SLEEP_SECONDS) {
      this.fail(key, 'secondsMax', { max: MAX_SLEEP_SECONDS });
      return false;
    }
    return true;
  }

  /** A schedule of ASCII texts at times in order (a server's data, a process's output). */
  schedule(raw: unknown, key: string): { after: number; text: string }[] {
    const data: { after: number; text: string }[] = [];
    if (!Array.isArray(raw)) this.fail(key, 'connData');
    else {
      this.enter(key);
      raw.forEach((entry: unknown, i) => {
        if (!isObject(entry)) {
          this.fail(i, 'connData');
          return;
        }
        this.enter(i);
        this.unknownKeys(entry, ['after', 'text']);
        const { after, text } = entry;
        if (this.seconds(after, 'after')) {
          if (data.length > 0 && after < data[data.length - 1].after)
            this.fail('after', 'connData');
        }
        if (this.text(text, 'text') && !isAscii(text)) this.fail('text', 'asciiText');
        if (typeof after === 'number' && typeof text === 'string') data.push({ after, text });
        this.leave();
      });
      this.leave();
    }
    return data;
  }

  process(spec: Record<string, unknown>): PrimitiveSpec | undefined {
    const before = this.errors.length;
    const output = this.schedule(spec.output ?? [], 'output');
    const exit = spec.exit;
    if (this.seconds(exit, 'exit') && output.length > 0) {
      const last = output[output.length - 1].after;
      if (exit < last) this.fail('exit', 'eofBeforeData', { after: last });
    }
    const returncode = spec.returncode ?? 0;
    if (
      typeof returncode !== 'number' ||
      !Number.isInteger(returncode) ||
      returncode < 0 ||
      returncode > 255
    )
      this.fail('returncode', 'returncode');
    if (this.errors.length !== before) return undefined;
    return { type: 'Process', output, exit: exit as number, returncode: returncode as number };
  }

  connection(spec: Record<string, unknown>): PrimitiveSpec | undefined {
    const before = this.errors.length;
    const latency = spec.latency ?? 0;
    this.seconds(latency, 'latency');
    const data = this.schedule(spec.data ?? [], 'data');
    const eof = spec.eof;
    if (eof !== undefined && this.seconds(eof, 'eof') && data.length > 0) {
      const last = data[data.length - 1].after;
      if (eof < last) this.fail('eof', 'eofBeforeData', { after: last });
    }
    if (this.errors.length !== before) return undefined;
    return {
      type: 'Connection',
      latency: latency as number,
      data,
      ...(eof === undefined ? {} : { eof: eof as number }),
    };
  }

  /** A step's primitive: the name of one of `types` (the alternatives a message names). */
  reference(value: unknown, key: string, types: readonly string[]): boolean {
    if (typeof value !== 'string') {
      this.fail(key, 'notPrimitiveName', { what: types });
      return false;
    }
    const type = this.primitiveTypes.get(value);
    if (type === undefined) {
      const known = [...this.primitiveTypes].filter(([, t]) => types.includes(t)).map(([n]) => n);
      if (known.length === 0) this.fail(key, 'noPrimitive', { name: value });
      else
        this.fail(key, 'noPrimitiveDeclared', {
          name: value,
          declared: known.map((n) => `'${n}'`).join(', '),
          count: known.length,
        });
      return false;
    }
    if (!types.includes(type)) {
      this.fail(key, 'wrongPrimitive', { name: value, type, what: types });
      return false;
    }
    return true;
  }

  steps(value: unknown, depth: number): value is Step[] {
    if (!Array.isArray(value)) {
      this.fail(undefined, 'notSteps');
      return false;
    }
    let ok = true;
    for (let i = 0; i < value.length; i += 1) {
      this.enter(i);
      ok = this.step(value[i], depth) && ok;
      this.leave();
    }
    return ok;
  }

  /** Checks one step; fills in `value: null` on a put without value. */
  step(raw: unknown, depth: number): boolean {
    this.totalSteps += 1;
    if (!isObject(raw)) {
      this.fail(undefined, 'stepShape');
      return false;
    }
    const op = raw.op;
    const allowed =
      typeof op === 'string' && Object.hasOwn(STEP_KEYS, op) ? STEP_KEYS[op] : undefined;
    if (allowed === undefined) {
      this.fail('op', 'oneOf', { list: Object.keys(STEP_KEYS).join(', ') });
      return false;
    }
    const before = this.errors.length;
    this.unknownKeys(raw, allowed);
    switch (op) {
      case 'sleep':
      case 'block': {
        const seconds = raw.seconds;
        if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
          this.fail('seconds', 'seconds');
        } else if (seconds > MAX_SLEEP_SECONDS) {
          this.fail('seconds', 'secondsMax', { max: MAX_SLEEP_SECONDS });
        }
        break;
      }
      case 'put':
        this.reference(raw.queue, 'queue', QUEUE_TYPES);
        if (raw.value === undefined) raw.value = null;
        else if (raw.value !== null) this.text(raw.value, 'value');
        break;
      case 'get':
      case 'task_done':
      case 'join':
        this.reference(raw.queue, 'queue', QUEUE_TYPES);
        break;
      case 'acquire':
      case 'release':
        this.reference(raw.lock, 'lock', LOCK_TYPES);
        break;
      case 'set':
      case 'clear':
      case 'wait':
        this.reference(raw.event, 'event', EVENT_TYPES);
        break;
      case 'log':
        this.text(raw.text, 'text');
        break;
      case 'connect':
      case 'close':
        if (!this.reference(raw.conn, 'conn', CONNECTION_TYPES)) break;
        if (depth > 0) {
          this.fail(undefined, op === 'connect' ? 'connectInRepeat' : 'closeInRepeat');
          break;
        }
        {
          const seen = op === 'connect' ? this.connects : this.closes;
          const earlier = seen.get(raw.conn as string);
          if (earlier !== undefined) {
            this.fail(undefined, op === 'connect' ? 'connectedTwice' : 'closedTwice', {
              conn: raw.conn as string,
              at: earlier,
            });
          } else seen.set(raw.conn as string, this.where());
        }
        break;
      case 'readline':
      case 'read':
        // A Connection's reader, or a Process's stdout: one of the two keys.
        if (raw.proc !== undefined && raw.conn === undefined) {
          this.reference(raw.proc, 'proc', PROCESS_TYPES);
        } else if (raw.conn !== undefined && raw.proc !== undefined) {
          this.fail('proc', 'connOrProc');
        } else this.reference(raw.conn, 'conn', CONNECTION_TYPES);
        if (op === 'read') this.integer(raw.n, 'n', 1);
        break;
      case 'exec':
        if (!this.reference(raw.proc, 'proc', PROCESS_TYPES)) break;
        if (depth > 0) {
          this.fail(undefined, 'execInRepeat');
          break;
        }
        {
          const earlier = this.execs.get(raw.proc as string);
          if (earlier !== undefined) {
            this.fail(undefined, 'startedProcessTwice', { proc: raw.proc as string, at: earlier });
          } else this.execs.set(raw.proc as string, this.where());
        }
        break;
      case 'proc_wait':
        this.reference(raw.proc, 'proc', PROCESS_TYPES);
        break;
      case 'write':
        this.reference(raw.conn, 'conn', CONNECTION_TYPES);
        this.text(raw.text, 'text');
        break;
      case 'cancel':
        this.taskReference(raw.task);
        if ([...this.primitiveTypes.values()].some((t) => t === 'Connection' || t === 'Process')) {
          this.fail(undefined, 'cancelWithConnection');
        }
        break;
      case 'spawn':
        if (depth > 0) {
          this.fail(undefined, 'spawnInRepeat');
        } else if (this.taskReference(raw.task)) this.spawn(raw.task as string, 'task');
        break;
      case 'gather': {
        const tasks = raw.tasks;
        if (!Array.isArray(tasks) || tasks.length === 0) {
          this.fail('tasks', 'gatherTasks');
          break;
        }
        if (depth > 0) {
          this.fail(undefined, 'gatherInRepeat');
          break;
        }
        this.enter('tasks');
        tasks.forEach((task: unknown, i) => {
          if (tasks.indexOf(task) !== i) this.fail(i, 'gatheredTwice', { task: String(task) });
          else if (this.taskReference(task, i) && this.spawn(task as string, i)) {
            const to = this.taskInfo.get(task as string)!.index;
            this.awaits.push({ from: this.currentTask, to, path: this.where(i) });
          }
        });
        this.leave();
        break;
      }
      case 'await': {
        if (!this.taskReference(raw.task)) break;
        const to = this.taskInfo.get(raw.task as string)!.index;
        if (to === this.currentTask) this.fail('task', 'awaitSelf');
        else this.awaits.push({ from: this.currentTask, to, path: this.where('task') });
        break;
      }
      case 'repeat':
        if (depth >= MAX_REPEAT_DEPTH) {
          this.fail(undefined, 'repeatDepth', { max: MAX_REPEAT_DEPTH });
          break;
        }
        if (raw.times !== undefined) this.integer(raw.times, 'times', 0);
        this.enter('steps');
        this.steps(raw.steps, depth + 1);
        this.leave();
        break;
    }
    return this.errors.length === before;
  }

  /** A step's `task` (or an entry of a gather's `tasks`): the name of a task. */
  taskReference(task: unknown, key: string | number = 'task'): boolean {
    if (typeof task === 'string' && this.taskNames.has(task)) return true;
    if (typeof task === 'string') this.fail(key, 'noTask', { task });
    else this.fail(key, 'notTaskName');
    return false;
  }

  /** A spawn (or gather) of `task`, named at `key`: once, of a task with "start": false. */
  spawn(task: string, key: string | number): boolean {
    const earlier = this.spawns.get(task);
    const how = typeof key === 'number' ? 'gather' : 'spawn';
    if (this.taskInfo.get(task)!.start) {
      this.fail(key, 'startsWithLoop', { task, how });
    } else if (earlier !== undefined) {
      this.fail(key, 'startedTwice', { task, at: earlier.path });
    } else {
      this.spawns.set(task, { by: this.currentTask, path: this.where() });
      return true;
    }
    return false;
  }

  task(raw: unknown, index: number): void {
    if (!isObject(raw)) {
      this.fail(undefined, 'taskShape');
      return;
    }
    this.unknownKeys(raw, ['name', 'start', 'steps']);
    this.currentTask = index;
    this.enter('steps');
    this.steps(raw.steps, 0);
    this.leave();
  }

  /**
   * After every step is checked: each task with `"start": false` is spawned, by a task that
   * itself starts; and no task awaits, directly or not, a task that awaits it.
   */
  tasksStart(names: string[]): void {
    // Where each task's chain of spawners leads, remembered for every task on the way, so that
    // each link is followed once (a chain of 20,000 spawns): to a task that starts, to a task
    // that nothing spawns, or round a cycle.
    const leads = new Map<string, 'start' | 'unspawned' | 'cycle'>();
    names.forEach((name, index) => {
      if (this.taskInfo.get(name)?.start !== false) return;
      const path = `tasks[${index}].start`;
      const seen = new Set<string>();
      const chain: string[] = [];
      let at = name;
      let end: 'start' | 'unspawned' | 'cycle';
      for (;;) {
        const known = leads.get(at);
        if (known !== undefined) end = known;
        else if (this.taskInfo.get(at)?.start !== false) end = 'start';
        else if (seen.has(at)) end = 'cycle';
        else {
          const spawn = this.spawns.get(at);
          if (spawn === undefined) end = 'unspawned';
          else {
            seen.add(at);
            chain.push(at);
            at = names[spawn.by];
            continue;
          }
        }
        break;
      }
      for (const task of chain) leads.set(task, end);
      // Only a task that no step names is never started (an answer remembered from another
      // task's chain may lead, through this one, to an unspawned task further up).
      if (end === 'unspawned' && this.spawns.get(name) === undefined) {
        this.failAt(path, 'neverStarted', { task: name });
      }
      // (An unspawned task up the chain is reported for itself.)
      if (end === 'cycle') {
        this.failAt(path, 'cannotStart', { task: name });
      }
    });
    const edges = names.map(() => [] as { to: number; path: string }[]);
    for (const { from, to, path } of this.awaits) edges[from].push({ to, path });
    // Depth-first search (with its own stack: chains may be long); an edge back to a task on
    // the current path closes a cycle.
    const state = new Uint8Array(names.length); // 0: not seen, 1: on the path, 2: finished
    for (let root = 0; root < names.length; root += 1) {
      if (state[root] !== 0 || edges[root].length === 0) continue;
      const stack: [task: number, edge: number][] = [[root, 0]];
      state[root] = 1;
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        const [t, e] = top;
        if (e === edges[t].length) {
          state[t] = 2;
          stack.pop();
          continue;
        }
        top[1] = e + 1;
        const { to, path } = edges[t][e];
        if (state[to] === 1) {
          this.failAt(path, 'awaitCycle', { other: names[to], task: names[t] });
        } else if (state[to] === 0) {
          state[to] = 1;
          stack.push([to, 0]);
        }
      }
    }
  }

  failAt(path: string, code: ValidationCode, params: Record<string, ErrorParam>): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, code, params });
  }
}

/**
 * Validates a parsed scenario. On success the scenario shares the input's task and step
 * objects (a put without value gets `value: null` in place): no copy of what may be millions
 * of steps.
 */
export function validateScenario(input: unknown): ValidationResult {
  const v = new Validator();
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', code: 'notObject', params: {} }] };
  }
  v.unknownKeys(input, ['version', 'title', 'description', 'primitives', 'tasks', 'interrupt']);
  if (input.version !== 1) v.fail('version', 'version');
  for (const key of ['title', 'description']) {
    if (input[key] !== undefined) v.text(input[key], key);
  }
  const interrupt = input.interrupt;
  if (interrupt !== undefined) {
    if (typeof interrupt !== 'number' || !Number.isFinite(interrupt) || interrupt < 0)
      v.fail('interrupt', 'seconds');
    else if (interrupt > MAX_SLEEP_SECONDS)
      v.fail('interrupt', 'secondsMax', { max: MAX_SLEEP_SECONDS });
  }

  // Without a prototype, so that a primitive named "__proto__" is one like any other.
  const primitives: Record<string, PrimitiveSpec> = Object.create(null);
  const rawPrimitives = input.primitives ?? {};
  if (!isObject(rawPrimitives)) v.fail('primitives', 'primitivesShape');
  else {
    v.enter('primitives');
    for (const [name, spec] of Object.entries(rawPrimitives)) {
      v.enter(name);
      if (name === '') v.fail(undefined, 'primitiveName');
      const checked = v.primitive(name, spec);
      if (checked) primitives[name] = checked;
      v.leave();
    }
    v.leave();
  }

  const tasks = input.tasks;
  if (!Array.isArray(tasks)) v.fail('tasks', 'notTasks');
  else if (tasks.length === 0) v.fail('tasks', 'noTasks');
  else if (tasks.length > MAX_TASKS) v.fail('tasks', 'tooManyTasks', { max: MAX_TASKS });
  else {
    v.enter('tasks');
    // Names first, so that a `cancel`, `spawn` or `await` step may name any task.
    for (let i = 0; i < tasks.length; i += 1) {
      const raw: unknown = tasks[i];
      const name = isObject(raw) ? raw.name : undefined;
      v.enter(i);
      if (typeof name !== 'string' || name === '') v.fail('name', 'taskName');
      else if (/\s/.test(name)) v.fail('name', 'nameSpaces');
      else if (v.taskNames.has(name)) v.fail('name', 'nameTaken', { name });
      else if (v.text(name, 'name')) {
        v.taskNames.add(name);
        const start = isObject(raw) ? raw.start : undefined;
        if (start !== undefined && typeof start !== 'boolean') v.fail('start', 'notBoolean');
        v.taskInfo.set(name, { index: i, start: start !== false });
      }
      v.leave();
    }
    for (let i = 0; i < tasks.length; i += 1) {
      v.enter(i);
      v.task(tasks[i], i);
      v.leave();
    }
    v.leave();
    if (v.errors.length === 0) {
      v.tasksStart((tasks as { name: string }[]).map((task) => task.name));
    }
  }
  if (v.totalSteps > MAX_STEPS) v.fail('tasks', 'tooManySteps', { max: MAX_STEPS });
  if (v.errors.length > 0) return { ok: false, errors: v.errors };
  const scenario: Scenario = { version: 1, primitives, tasks: tasks as TaskSpec[] };
  if (typeof input.title === 'string') scenario.title = input.title;
  if (typeof input.description === 'string') scenario.description = input.description;
  if (typeof interrupt === 'number') scenario.interrupt = interrupt;
  return { ok: true, scenario };
}

/**
 * Parses JSON text and validates it; a JSON syntax error is reported like any other, with the
 * parser's words (`detail`) and, found by jsonSyntax.ts, where the text breaks.
 */
export function parseScenario(text: string): ValidationResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const at = jsonSyntaxError(text);
    const code: ValidationCode =
      text.trim() === '' ? 'jsonEmpty' : !at ? 'json' : at.found === null ? 'jsonEnd' : 'jsonChar';
    const params: Record<string, ErrorParam> = { detail };
    if (at) Object.assign(params, { line: at.line, column: at.column, found: at.found ?? '' });
    return { ok: false, errors: [{ path: '', code, params }] };
  }
  return validateScenario(input);
}
