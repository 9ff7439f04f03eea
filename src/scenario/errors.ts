/**
 * What the validation of a scenario file reports: a place (`tasks[2].steps[1].seconds`), a code
 * and the values the message needs. `formatError` writes it in English, the command line's exact
 * text; the app writes the same code in the page's language (src/i18n/validation.ts).
 */

/** A value of a message: a number, a name, or alternatives ("Lock, Semaphore or BoundedSemaphore"). */
export type ErrorParam = string | number | readonly string[];

export interface ValidationError {
  /** Where the problem is, as in JavaScript (`tasks[1].steps[0].seconds`); '' for the whole file. */
  path: string;
  code: ValidationCode;
  params: Record<string, ErrorParam>;
}

/** The English of each code, as the command line prints it. `{name}` is a parameter. */
export const VALIDATION_EN = {
  notObject: 'a scenario must be a JSON object with "version", "primitives" and "tasks"',
  unknownKey: 'unknown key (expected {expected})',
  version: 'must be 1',
  notString: 'must be a string',
  loneSurrogate: 'must be valid Unicode text (it has a lone surrogate)',
  notInteger: 'must be an integer >= {min}',
  notBoolean: 'must be true or false',
  oneOf: 'must be one of {list}',
  primitivesShape: 'must be an object mapping names to primitives',
  primitiveName: 'a primitive needs a non-empty name',
  primitiveShape: 'must be an object like {"type": "Queue", "maxsize": 1}',
  maxsize: 'must be an integer (0 or less: unbounded)',
  notPrimitiveName: 'must be the name of a primitive of type {what}',
  noPrimitive: `no primitive named '{name}' in "primitives"`,
  noPrimitiveDeclared: `no primitive named '{name}' in "primitives" (declared: {declared})`,
  wrongPrimitive: "'{name}' is of type {type}, not {what}",
  notTasks: 'must be an array of tasks',
  noTasks: 'must have at least one task',
  tooManyTasks: 'must have at most {max} tasks',
  tooManySteps: 'must have at most {max} steps in all',
  taskShape: 'must be an object like {"name": "worker", "steps": [...]}',
  taskName: 'must be a non-empty string',
  nameSpaces: 'must not contain spaces (log lines are "<time> <task> <text>")',
  nameTaken: "'{name}' is already the name of another task",
  notSteps: 'must be an array of steps',
  stepShape: 'must be an object like {"op": "sleep", "seconds": 1}',
  seconds: 'must be a number >= 0',
  secondsMax: 'must be at most {max} (about 31 years)',
  repeatDepth: 'repeats nest at most {max} deep',
  notTaskName: 'must be the name of a task',
  noTask: "no task named '{task}'",
  spawnInRepeat: 'spawn cannot be inside a repeat (a task is spawned once)',
  gatherTasks: 'must be a non-empty array of task names',
  gatherInRepeat: 'gather cannot be inside a repeat (it creates its tasks once)',
  gatheredTwice: "'{task}' is already gathered here",
  awaitSelf: 'a task cannot await itself',
  startsWithLoop: `'{task}' starts with the loop; give it "start": false to start it with {how}`,
  startedTwice: "'{task}' is already started at {at} (a task is started once)",
  neverStarted: "'{task}' is never started (no spawn or gather step names it)",
  cannotStart: "'{task}' can never start: the tasks that would spawn it never start",
  awaitCycle: "'{other}' awaits '{task}' (directly or not): they would wait for each other forever",
  connData: 'must be an array of {"after": seconds, "text": "..."} in time order',
  asciiText: 'must be ASCII text (the bytes the server sends)',
  eofBeforeData: 'must be at or after the time of the last data ({after})',
  connectInRepeat: 'connect cannot be inside a repeat (a connection is opened once)',
  connectedTwice: "'{conn}' is already connected at {at} (a connection is opened once)",
  closeInRepeat: 'close cannot be inside a repeat (a connection is closed once)',
  closedTwice: "'{conn}' is already closed at {at} (a connection is closed once)",
  cancelWithConnection: 'cancel is not simulated in a scenario with a Connection or a Process yet',
  returncode: 'must be an integer from 0 to 255',
  connOrProc: 'a step reads a Connection ("conn") or a Process\'s stdout ("proc"), not both',
  execInRepeat: 'exec cannot be inside a repeat (a process is started once)',
  startedProcessTwice: "'{proc}' is already started at {at} (a process is started once)",
  // JSON syntax: the command line prints the parser's own words; the app says where, itself.
  json: 'not valid JSON: {detail}',
  jsonEmpty: 'not valid JSON: {detail}',
  jsonEnd: 'not valid JSON: {detail}',
  jsonChar: 'not valid JSON: {detail}',
} as const;

export type ValidationCode = keyof typeof VALIDATION_EN;

/** Alternatives as in "A, B or C" (`or`: the language's word). */
export function joinList(list: readonly string[], or: string): string {
  return list.length < 2
    ? list.join('')
    : `${list.slice(0, -1).join(', ')} ${or} ${list[list.length - 1]}`;
}

/** Fills in a message's parameters (alternatives joined with `joinList`). */
function fillMessage(template: string, params: Record<string, ErrorParam>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'object' ? joinList(value as readonly string[], 'or') : String(value);
  });
}

/** The error in English, as the command line prints it: `tasks[2].steps[1].seconds: must be ...`. */
export function formatError(error: ValidationError): string {
  const message = fillMessage(VALIDATION_EN[error.code], error.params);
  return error.path ? `${error.path}: ${message}` : message;
}
