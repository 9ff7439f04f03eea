/**
 * Validation of scenario files (version 1). Every message names the exact place of the problem:
 * `tasks[2].steps[1].seconds: must be a number >= 0`. The result is a normalised scenario
 * (defaults filled in) that the engine and the code generator can trust.
 */
import type { PrimitiveSpec, Scenario, Step, TaskSpec } from './types';

export interface ValidationError {
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario }
  | { ok: false; errors: ValidationError[] };

export function formatError(error: ValidationError): string {
  return error.path ? `${error.path}: ${error.message}` : error.message;
}

/** Python's `for` and `while` blocks nest at most 20 deep in a function. */
export const MAX_REPEAT_DEPTH = 10;
export const MAX_SLEEP_SECONDS = 1e9;
export const MAX_TASKS = 1_000_000;
export const MAX_STEPS = 5_000_000;
const MAX_ERRORS = 20;

const PRIMITIVE_KEYS: Record<string, string[]> = {
  Queue: ['type', 'maxsize'],
  Lock: ['type'],
  Event: ['type'],
  Semaphore: ['type', 'value'],
  BoundedSemaphore: ['type', 'value'],
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
};
const LOCK_TYPES = ['Lock', 'Semaphore', 'BoundedSemaphore'];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export function keyPath(parent: string, key: string): string {
  const part = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return parent ? `${parent}${part}` : part.replace(/^\./, '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Validator {
  errors: ValidationError[] = [];
  primitiveTypes = new Map<string, string>();
  taskNames = new Set<string>();
  totalSteps = 0;

  fail(path: string, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message });
  }

  unknownKeys(obj: Record<string, unknown>, allowed: string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        this.fail(keyPath(path, key), `unknown key (expected ${allowed.join(', ')})`);
      }
    }
  }

  text(value: unknown, path: string): value is string {
    if (typeof value !== 'string') {
      this.fail(path, 'must be a string');
      return false;
    }
    if (LONE_SURROGATE.test(value)) {
      this.fail(path, 'must be valid Unicode text (it has a lone surrogate)');
      return false;
    }
    return true;
  }

  integer(value: unknown, path: string, min: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(path, `must be an integer >= ${min}`);
      return undefined;
    }
    return value;
  }

  primitive(name: string, spec: unknown, path: string): PrimitiveSpec | undefined {
    if (!isObject(spec)) {
      this.fail(path, 'must be an object like {"type": "Queue", "maxsize": 1}');
      return undefined;
    }
    const type = spec.type;
    if (typeof type !== 'string' || !(type in PRIMITIVE_KEYS)) {
      this.fail(keyPath(path, 'type'), `must be one of ${Object.keys(PRIMITIVE_KEYS).join(', ')}`);
      return undefined;
    }
    this.unknownKeys(spec, PRIMITIVE_KEYS[type], path);
    this.primitiveTypes.set(name, type);
    switch (type) {
      case 'Queue': {
        const maxsize = spec.maxsize ?? 0;
        if (typeof maxsize !== 'number' || !Number.isInteger(maxsize)) {
          this.fail(keyPath(path, 'maxsize'), 'must be an integer (0 or less: unbounded)');
          return undefined;
        }
        return { type, maxsize };
      }
      case 'Semaphore':
      case 'BoundedSemaphore': {
        const value = this.integer(spec.value ?? 1, keyPath(path, 'value'), 0);
        return value === undefined ? undefined : { type, value };
      }
      default:
        return { type: type as 'Lock' | 'Event' };
    }
  }

  reference(value: unknown, path: string, types: string[], what: string): string | undefined {
    if (typeof value !== 'string') {
      this.fail(path, `must be the name of a ${what}`);
      return undefined;
    }
    const type = this.primitiveTypes.get(value);
    if (type === undefined) {
      const known = [...this.primitiveTypes].filter(([, t]) => types.includes(t)).map(([n]) => n);
      const hint = known.length ? ` (declared: ${known.map((n) => `'${n}'`).join(', ')})` : '';
      this.fail(path, `no primitive named '${value}' in "primitives"${hint}`);
      return undefined;
    }
    if (!types.includes(type)) {
      this.fail(path, `'${value}' is a ${type}, not a ${what}`);
      return undefined;
    }
    return value;
  }

  steps(value: unknown, path: string, depth: number): Step[] {
    if (!Array.isArray(value)) {
      this.fail(path, 'must be an array of steps');
      return [];
    }
    const out: Step[] = [];
    value.forEach((raw, i) => {
      const step = this.step(raw, `${path}[${i}]`, depth);
      if (step) out.push(step);
    });
    return out;
  }

  step(raw: unknown, path: string, depth: number): Step | undefined {
    this.totalSteps += 1;
    if (!isObject(raw)) {
      this.fail(path, 'must be an object like {"op": "sleep", "seconds": 1}');
      return undefined;
    }
    const op = raw.op;
    if (typeof op !== 'string' || !(op in STEP_KEYS)) {
      this.fail(keyPath(path, 'op'), `must be one of ${Object.keys(STEP_KEYS).join(', ')}`);
      return undefined;
    }
    this.unknownKeys(raw, STEP_KEYS[op], path);
    switch (op) {
      case 'sleep': {
        const seconds = raw.seconds;
        if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
          this.fail(keyPath(path, 'seconds'), 'must be a number >= 0');
          return undefined;
        }
        if (seconds > MAX_SLEEP_SECONDS) {
          this.fail(keyPath(path, 'seconds'), `must be at most ${MAX_SLEEP_SECONDS} (about 31 years)`);
          return undefined;
        }
        return { op, seconds };
      }
      case 'put': {
        const queue = this.reference(raw.queue, keyPath(path, 'queue'), ['Queue'], 'Queue');
        const value = raw.value ?? null;
        if (value !== null && !this.text(value, keyPath(path, 'value'))) return undefined;
        return queue === undefined ? undefined : { op, queue, value: value as string | null };
      }
      case 'get': {
        const queue = this.reference(raw.queue, keyPath(path, 'queue'), ['Queue'], 'Queue');
        return queue === undefined ? undefined : { op, queue };
      }
      case 'acquire':
      case 'release': {
        const lock = this.reference(raw.lock, keyPath(path, 'lock'), LOCK_TYPES, 'Lock, Semaphore or BoundedSemaphore');
        return lock === undefined ? undefined : { op, lock };
      }
      case 'set':
      case 'clear':
      case 'wait': {
        const event = this.reference(raw.event, keyPath(path, 'event'), ['Event'], 'Event');
        return event === undefined ? undefined : { op, event };
      }
      case 'log':
        return this.text(raw.text, keyPath(path, 'text')) ? { op, text: raw.text as string } : undefined;
      case 'cancel': {
        const task = raw.task;
        if (typeof task !== 'string' || !this.taskNames.has(task)) {
          this.fail(keyPath(path, 'task'), typeof task === 'string' ? `no task named '${task}'` : 'must be the name of a task');
          return undefined;
        }
        return { op, task };
      }
      case 'repeat': {
        if (depth >= MAX_REPEAT_DEPTH) {
          this.fail(path, `repeats nest at most ${MAX_REPEAT_DEPTH} deep`);
          return undefined;
        }
        let times: number | undefined;
        if (raw.times !== undefined) {
          times = this.integer(raw.times, keyPath(path, 'times'), 0);
          if (times === undefined) return undefined;
        }
        const steps = this.steps(raw.steps, keyPath(path, 'steps'), depth + 1);
        return times === undefined ? { op, steps } : { op, times, steps };
      }
    }
    return undefined;
  }

  task(raw: unknown, path: string): TaskSpec | undefined {
    if (!isObject(raw)) {
      this.fail(path, 'must be an object like {"name": "worker", "steps": [...]}');
      return undefined;
    }
    this.unknownKeys(raw, ['name', 'steps'], path);
    const steps = this.steps(raw.steps, keyPath(path, 'steps'), 0);
    return { name: raw.name as string, steps };
  }
}

export function validateScenario(input: unknown): ValidationResult {
  const v = new Validator();
  if (!isObject(input)) {
    return { ok: false, errors: [{ path: '', message: 'a scenario must be a JSON object with "version", "primitives" and "tasks"' }] };
  }
  v.unknownKeys(input, ['version', 'title', 'description', 'primitives', 'tasks'], '');
  if (input.version !== 1) v.fail('version', 'must be 1');
  for (const key of ['title', 'description']) {
    if (input[key] !== undefined) v.text(input[key], key);
  }

  const primitives: Record<string, PrimitiveSpec> = {};
  const rawPrimitives = input.primitives ?? {};
  if (!isObject(rawPrimitives)) v.fail('primitives', 'must be an object mapping names to primitives');
  else {
    for (const [name, spec] of Object.entries(rawPrimitives)) {
      const path = keyPath('primitives', name);
      if (name === '') v.fail(path, 'a primitive needs a non-empty name');
      const checked = v.primitive(name, spec, path);
      if (checked) primitives[name] = checked;
    }
  }

  const tasks: TaskSpec[] = [];
  if (!Array.isArray(input.tasks)) v.fail('tasks', 'must be an array of tasks');
  else if (input.tasks.length === 0) v.fail('tasks', 'must have at least one task');
  else if (input.tasks.length > MAX_TASKS) v.fail('tasks', `must have at most ${MAX_TASKS} tasks`);
  else {
    // Names first, so that a `cancel` step may name any task.
    input.tasks.forEach((raw, i) => {
      const name = isObject(raw) ? raw.name : undefined;
      const path = `tasks[${i}].name`;
      if (typeof name !== 'string' || name === '') v.fail(path, 'must be a non-empty string');
      else if (/\s/.test(name)) v.fail(path, 'must not contain spaces (log lines are "<time> <task> <text>")');
      else if (v.taskNames.has(name)) v.fail(path, `'${name}' is already the name of another task`);
      else if (v.text(name, path)) v.taskNames.add(name);
    });
    input.tasks.forEach((raw, i) => {
      const task = v.task(raw, `tasks[${i}]`);
      if (task) tasks.push(task);
    });
  }
  if (v.totalSteps > MAX_STEPS) v.fail('tasks', `must have at most ${MAX_STEPS} steps in all`);
  if (v.errors.length > 0) return { ok: false, errors: v.errors };
  const scenario: Scenario = { version: 1, primitives, tasks };
  if (typeof input.title === 'string') scenario.title = input.title;
  if (typeof input.description === 'string') scenario.description = input.description;
  return { ok: true, scenario };
}

/** Parses JSON text and validates it; a JSON syntax error is reported like any other. */
export function parseScenario(text: string): ValidationResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return validateScenario(input);
}
