import type { Scenario, Step } from '../scenario/types';
import { hasPlaceholder, parseTemplate, type TemplatePart } from '../scenario/template';

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
} as const;

const OP_OF: Record<Step['op'], number> = {
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
  code: Uint8Array;
  /** REPEAT: the pc just after its body. */
  end: Int32Array;
  /** SLEEP: seconds; REPEAT: times (Infinity when forever). */
  num: Float64Array;
  /** PUT/GET/ACQUIRE/RELEASE/SET/CLEAR/WAIT: primitive index; CANCEL: task index. */
  target: Int32Array;
  /** LOG/PUT: string id, STR_NONE or STR_TEMPLATE. */
  str: Int32Array;
  templates: Map<number, TemplatePart[]>;
  taskBase: Int32Array;
  taskEnd: Int32Array;
}

function countSteps(steps: readonly Step[]): number {
  let n = steps.length;
  for (const step of steps) if (step.op === 'repeat') n += countSteps(step.steps);
  return n;
}

export function scenarioSteps(scenario: Scenario): number {
  let total = 0;
  for (const task of scenario.tasks) total += countSteps(task.steps);
  return total;
}

export function compileScenario(scenario: Scenario, addString: (s: string) => number): Program {
  const primitiveIndex = new Map(Object.keys(scenario.primitives).map((name, i) => [name, i]));
  const taskIndex = new Map(scenario.tasks.map((task, i) => [task.name, i]));
  const total = scenarioSteps(scenario);

  const program: Program = {
    code: new Uint8Array(total),
    end: new Int32Array(total),
    num: new Float64Array(total),
    target: new Int32Array(total).fill(-1),
    str: new Int32Array(total).fill(STR_NONE),
    templates: new Map(),
    taskBase: new Int32Array(scenario.tasks.length),
    taskEnd: new Int32Array(scenario.tasks.length),
  };
  // Each constant text gets its own string id (no lookup table: most texts are distinct).
  const textId = (pc: number, text: string): number => {
    if (hasPlaceholder(text)) {
      program.templates.set(pc, parseTemplate(text));
      return STR_TEMPLATE;
    }
    return addString(text);
  };

  let pc = 0;
  const emit = (steps: readonly Step[]): void => {
    for (const step of steps) {
      const at = pc;
      pc += 1;
      program.code[at] = OP_OF[step.op];
      switch (step.op) {
        case 'sleep':
          program.num[at] = step.seconds;
          break;
        case 'put':
          program.target[at] = primitiveIndex.get(step.queue)!;
          program.str[at] = step.value == null ? STR_NONE : textId(at, step.value);
          break;
        case 'get':
          program.target[at] = primitiveIndex.get(step.queue)!;
          break;
        case 'acquire':
        case 'release':
          program.target[at] = primitiveIndex.get(step.lock)!;
          break;
        case 'set':
        case 'clear':
        case 'wait':
          program.target[at] = primitiveIndex.get(step.event)!;
          break;
        case 'log':
          program.str[at] = textId(at, step.text);
          break;
        case 'cancel':
          program.target[at] = taskIndex.get(step.task)!;
          break;
        case 'repeat':
          program.num[at] = step.times ?? Infinity;
          emit(step.steps);
          program.end[at] = pc;
          break;
      }
    }
  };
  scenario.tasks.forEach((task, t) => {
    program.taskBase[t] = pc;
    emit(task.steps);
    program.taskEnd[t] = pc;
  });
  return program;
}
