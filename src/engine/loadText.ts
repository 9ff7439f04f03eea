/**
 * The fast path from a scenario file's text to a compiled program: one scan of the JSON bytes,
 * writing the program's columns as it goes, with no object per step (a 100,000-job file has
 * half a million steps) and no string for its texts and task names, which stay ranges of the
 * file's bytes (see texts.ts). It accepts exactly the files that `JSON.parse` +
 * `validateScenario` accept, laid out as usual (primitives before tasks, a repeat's "op" before
 * its "steps"), and gives up on anything else: the caller then takes the reference path
 * (src/scenario/validate.ts), which also writes the error messages. Property tests check that
 * both paths agree (loadText.test.ts).
 */
import type { PrimitiveSpec } from '../scenario/types';
import { MAX_REPEAT_DEPTH, MAX_SLEEP_SECONDS, MAX_STEPS, MAX_TASKS } from '../scenario/limits';
import { Op, ProgramBuilder, taskStepsValid, type CompiledScenario } from './program';
import { TextTable } from './texts';
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  hashText,
  matchWord,
  NameIndex,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  skipWs,
  wordTable,
} from './jsonBytes';

/** Thrown to leave the fast path. */
const GIVE_UP = new Error('not on the fast path');

const WHITESPACE = /\s/;
const utf8 = new TextDecoder();

// Keys, recognised in place (no string is made for them).
const KEYS = [
  'op',
  'seconds',
  'queue',
  'value',
  'lock',
  'event',
  'text',
  'times',
  'task',
  'steps',
  'name',
  'start',
  'type',
  'maxsize',
  'version',
  'title',
  'description',
  'primitives',
  'tasks',
] as const;
const K = Object.fromEntries(KEYS.map((key, i) => [key, i])) as Record<
  (typeof KEYS)[number],
  number
>;
const bit = (...keys: (typeof KEYS)[number][]) =>
  keys.reduce((mask, key) => mask | (1 << K[key]), 0);

const OPS = [
  'sleep',
  'put',
  'get',
  'acquire',
  'release',
  'set',
  'clear',
  'wait',
  'log',
  'repeat',
  'cancel',
  'task_done',
  'join',
  'spawn',
  'await',
  'gather',
  'block',
] as const;
const OP_CODES = [
  Op.SLEEP,
  Op.PUT,
  Op.GET,
  Op.ACQUIRE,
  Op.RELEASE,
  Op.SET,
  Op.CLEAR,
  Op.WAIT,
  Op.LOG,
  Op.REPEAT,
  Op.CANCEL,
  Op.TASK_DONE,
  Op.JOIN,
  Op.SPAWN,
  Op.AWAIT,
  Op.GATHER,
  Op.BLOCK,
];
/** The keys each op allows besides "op". */
const OP_FIELDS = [
  bit('seconds'),
  bit('queue', 'value'),
  bit('queue'),
  bit('lock'),
  bit('lock'),
  bit('event'),
  bit('event'),
  bit('event'),
  bit('text'),
  bit('times', 'steps'),
  bit('task'),
  bit('queue'),
  bit('queue'),
  bit('task'),
  bit('task'),
  bit('tasks'),
  bit('seconds'),
];
/** Primitive types as bits, and which of them each reference key accepts. */
const TYPE_BIT: Record<PrimitiveSpec['type'], number> = {
  Queue: 1,
  Lock: 2,
  Semaphore: 4,
  BoundedSemaphore: 8,
  Event: 16,
  // Never on the fast path: its keys (latency, data...) are not among KEYS.
  Connection: 32,
  Process: 64,
};
const REFERENCE_TYPES: number[] = [];
REFERENCE_TYPES[K.queue] = TYPE_BIT.Queue;
REFERENCE_TYPES[K.lock] = TYPE_BIT.Lock | TYPE_BIT.Semaphore | TYPE_BIT.BoundedSemaphore;
REFERENCE_TYPES[K.event] = TYPE_BIT.Event;
/** The keys whose value may be a string. */
const STRING_KEYS = bit('queue', 'lock', 'event', 'value', 'text', 'task');

const KEY_TABLE = wordTable(KEYS);
const OP_TABLE = wordTable(OPS);
/** Bytes taken by each key, both quotes included. */
const KEY_SIZE = KEYS.map((key) => key.length + 2);
const OP_SIZE = OPS.map((op) => op.length + 2);

const BIT_OP = bit('op');
const BIT_STEPS = bit('steps');
const BIT_TASKS = bit('tasks');
const BIT_VERSION = bit('version');
const BIT_TYPE = bit('type');
const BIT_NAME_AND_STEPS = bit('name', 'steps');
const BIT_START = bit('start');

/** What the bytes of a string hold. */
const enum Scanned {
  ASCII = 0,
  /** Has a byte >= 0x80: must be decoded (invalid UTF-8 becomes U+FFFD, as in TextDecoder). */
  NON_ASCII = 1,
  /** ASCII with a `{`: may be a template. */
  BRACE = 2,
}
/** A step without text, or with the value `null` (else the text's `Scanned` kind). */
const NO_TEXT = -2;
const NULL_TEXT = -1;

/**
 * The scan. Each method reads one JSON value from `pos` (before any whitespace) and returns
 * the position after it, leaving what it read in fields: a position in a local variable costs
 * far less than one in a field, in the loop over half a million steps.
 */
class Scanner {
  readonly builder: ProgramBuilder;
  readonly primitives: { name: string; spec: PrimitiveSpec }[] = [];
  private readonly primitiveNames: TextTable;
  private readonly primitiveIndex: NameIndex;
  /** Each primitive's TYPE_BIT. */
  private readonly primitiveTypes: number[] = [];
  readonly taskNames: TextTable;
  private readonly taskIndex: NameIndex;
  /** The last string read: its first byte, the index of its closing quote, hash and kind. */
  private start = 0;
  private end = 0;
  private hash = 0;
  private kind: Scanned = Scanned.ASCII;
  /** The last number read (or primitive found). */
  private value = 0;
  /** Where the value of the last key read by `key()` starts. */
  private keyEnd = 0;
  /** Cancel, spawn and await steps as pairs: pc, and the name of their target (a text of `taskTargets`). */
  private readonly taskSteps: number[] = [];
  private readonly taskTargets: TextTable;
  /** Gather steps: pc, and the names of their tasks (texts of `taskTargets`). */
  private readonly gatherSteps: [pc: number, names: number[]][] = [];
  /** Whether a task has `"start": false` or a step spawns, awaits or gathers one (see `taskStepsValid`). */
  private startsLater = false;
  title?: string;

  /** The bytes again, to read four at a time. */
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Roughly one step per 40 bytes of JSON, one task per 200.
    const steps = Math.ceil(bytes.length / 40);
    const tasks = Math.ceil(bytes.length / 200);
    this.builder = new ProgramBuilder(steps, new TextTable(bytes, null, steps));
    this.primitiveNames = new TextTable(bytes);
    this.primitiveIndex = new NameIndex(this.primitiveNames, 8);
    this.taskNames = new TextTable(bytes, null, tasks);
    this.taskIndex = new NameIndex(this.taskNames, tasks);
    this.taskTargets = new TextTable(bytes);
  }

  /** Skips whitespace, then `char`. */
  private expect(pos: number, char: number): number {
    pos = skipWs(this.bytes, pos);
    if (this.bytes[pos] !== char) throw GIVE_UP;
    return pos + 1;
  }

  /** After a key: its colon, and the whitespace around it. */
  private colon(pos: number): number {
    return skipWs(this.bytes, this.expect(pos, COLON));
  }

  /**
   * After a member of an object or array: the position of the next one after its comma, or
   * the bitwise not (a negative number) of the position after the `close` bracket.
   */
  private next(pos: number, close: number): number {
    const bytes = this.bytes;
    pos = skipWs(bytes, pos);
    if (bytes[pos] === COMMA) return skipWs(bytes, pos + 1);
    if (bytes[pos] !== close) throw GIVE_UP;
    return ~(pos + 1);
  }

  /** An opening bracket: the position of the first member, or the bitwise not of the position after the closing one when it is empty. */
  private open(pos: number, open: number, close: number): number {
    const bytes = this.bytes;
    pos = skipWs(bytes, this.expect(pos, open));
    return bytes[pos] === close ? ~(pos + 1) : pos;
  }

  /** A key and its colon: the key's index in KEYS (its value starts at `keyEnd`). */
  private key(pos: number): number {
    const key = matchWord(this.bytes, this.view, pos, KEY_TABLE);
    if (key < 0) throw GIVE_UP;
    this.keyEnd = this.colon(pos + KEY_SIZE[key]);
    return key;
  }

  /**
   * A string: `start` and `end` delimit its bytes, `hash` and `kind` describe them. Escapes
   * and control characters are left to the reference path.
   */
  private scanString(pos: number): number {
    const bytes = this.bytes;
    pos = skipWs(bytes, pos);
    if (bytes[pos] !== QUOTE) throw GIVE_UP;
    const n = bytes.length;
    const start = pos + 1;
    let hash = 0;
    let seen = 0;
    let brace = false;
    let i = start;
    for (; ; i += 1) {
      if (i === n) throw GIVE_UP;
      const c = bytes[i];
      if (c === QUOTE) break;
      if (c < 0x20 || c === BACKSLASH) throw GIVE_UP;
      if (c === OPEN_OBJECT) brace = true;
      seen |= c;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    this.start = start;
    this.end = i;
    if (seen >= 0x80) {
      this.kind = Scanned.NON_ASCII;
      this.hash = hashText(this.decoded());
    } else {
      this.kind = brace ? Scanned.BRACE : Scanned.ASCII;
      this.hash = hash;
    }
    return i + 1;
  }

  /** The string just scanned, as a string. */
  private decoded(): string {
    return utf8.decode(this.bytes.subarray(this.start, this.end));
  }

  /** A JSON number, read as JSON.parse reads it, into `value`. */
  private number(pos: number): number {
    const bytes = this.bytes;
    const start = skipWs(bytes, pos);
    pos = start;
    if (bytes[pos] === 0x2d) pos += 1;
    const intStart = pos;
    let value = 0;
    while (bytes[pos] >= 0x30 && bytes[pos] <= 0x39) {
      value = value * 10 + (bytes[pos] - 0x30);
      pos += 1;
    }
    const digits = pos - intStart;
    if (digits === 0 || (digits > 1 && bytes[intStart] === 0x30)) throw GIVE_UP;
    let exact = digits <= 15;
    if (bytes[pos] === 0x2e) {
      pos += 1;
      const fraction = pos;
      while (bytes[pos] >= 0x30 && bytes[pos] <= 0x39) pos += 1;
      if (pos === fraction) throw GIVE_UP;
      exact = false;
    }
    if (bytes[pos] === 0x65 || bytes[pos] === 0x45) {
      pos += 1;
      if (bytes[pos] === 0x2b || bytes[pos] === 0x2d) pos += 1;
      const exponent = pos;
      while (bytes[pos] >= 0x30 && bytes[pos] <= 0x39) pos += 1;
      if (pos === exponent) throw GIVE_UP;
      exact = false;
    }
    if (exact) this.value = bytes[start] === 0x2d ? -value : value;
    else {
      const text = bytes.subarray(start, pos) as unknown as number[];
      this.value = Number(String.fromCharCode.apply(null, text));
    }
    return pos;
  }

  /** An integer >= `min`, into `value`. */
  private integer(pos: number, min: number): number {
    pos = this.number(pos);
    if (!Number.isInteger(this.value) || this.value < min) throw GIVE_UP;
    return pos;
  }

  scenario(): CompiledScenario {
    const bytes = this.bytes;
    let seen = 0;
    let pos = this.open(0, OPEN_OBJECT, CLOSE_OBJECT);
    while (pos >= 0) {
      const key = this.key(pos);
      if (seen & (1 << key)) throw GIVE_UP;
      seen |= 1 << key;
      pos = this.keyEnd;
      switch (key) {
        case K.version:
          pos = this.number(pos);
          if (this.value !== 1) throw GIVE_UP;
          break;
        case K.title:
          pos = this.scanString(pos);
          this.title = this.decoded();
          break;
        case K.description:
          pos = this.scanString(pos);
          break;
        case K.primitives:
          if (seen & BIT_TASKS) throw GIVE_UP;
          pos = this.primitivesObject(pos);
          break;
        case K.tasks:
          pos = this.tasks(pos);
          break;
        default:
          throw GIVE_UP;
      }
      pos = this.next(pos, CLOSE_OBJECT);
    }
    if (skipWs(bytes, ~pos) !== bytes.length) throw GIVE_UP;
    if (!(seen & BIT_VERSION) || !(seen & BIT_TASKS)) throw GIVE_UP;
    const taskSteps = this.taskSteps;
    for (let i = 0; i < taskSteps.length; i += 2) {
      const target = this.taskIndex.findText(this.taskTargets.get(taskSteps[i + 1]));
      if (target < 0) throw GIVE_UP;
      this.builder.setTarget(taskSteps[i], target);
    }
    for (const [pc, names] of this.gatherSteps) {
      const children = names.map((name) => this.taskIndex.findText(this.taskTargets.get(name)));
      if (children.some((child, i) => child < 0 || children.indexOf(child) !== i)) throw GIVE_UP;
      this.builder.setChildren(pc, children);
    }
    const program = this.builder.build();
    if (this.startsLater && !taskStepsValid(program, this.taskNames.length)) throw GIVE_UP;
    return {
      program,
      taskNames: this.taskNames,
      primitives: this.primitives,
      strings: this.builder.strings,
      ...(this.title === undefined ? {} : { title: this.title }),
    };
  }

  private primitivesObject(pos: number): number {
    pos = this.open(pos, OPEN_OBJECT, CLOSE_OBJECT);
    while (pos >= 0) {
      pos = this.scanString(pos);
      const name = this.decoded();
      const added =
        this.kind === Scanned.NON_ASCII
          ? this.primitiveIndex.addText(name)
          : this.primitiveIndex.addRange(this.hash, this.start, this.end);
      if (name === '' || !added) throw GIVE_UP;
      pos = this.primitive(this.colon(pos), name);
      pos = this.next(pos, CLOSE_OBJECT);
    }
    return ~pos;
  }

  private primitive(pos: number, name: string): number {
    let type: string | undefined;
    let maxsize: number | undefined;
    let value: number | undefined;
    let seen = 0;
    pos = this.open(pos, OPEN_OBJECT, CLOSE_OBJECT);
    while (pos >= 0) {
      const key = this.key(pos);
      if (seen & (1 << key)) throw GIVE_UP;
      seen |= 1 << key;
      pos = this.keyEnd;
      if (key === K.type) {
        pos = this.scanString(pos);
        type = this.decoded();
      } else if (key === K.maxsize) {
        pos = this.integer(pos, -Infinity);
        maxsize = this.value;
      } else if (key === K.value) {
        pos = this.integer(pos, 0);
        value = this.value;
      } else throw GIVE_UP;
      pos = this.next(pos, CLOSE_OBJECT);
    }
    let spec: PrimitiveSpec;
    if (type === 'Queue' && value === undefined) spec = { type, maxsize: maxsize ?? 0 };
    else if ((type === 'Semaphore' || type === 'BoundedSemaphore') && maxsize === undefined) {
      spec = { type, value: value ?? 1 };
    } else if ((type === 'Lock' || type === 'Event') && seen === BIT_TYPE) spec = { type };
    else throw GIVE_UP;
    this.primitives.push({ name, spec });
    this.primitiveTypes.push(TYPE_BIT[spec.type]);
    return ~pos;
  }

  /** The tasks array: its loop, like the steps', reads each task's keys itself. */
  private tasks(pos: number): number {
    const bytes = this.bytes;
    const view = this.view;
    const b = this.builder;
    pos = this.open(pos, OPEN_ARRAY, CLOSE_ARRAY);
    if (pos < 0) throw GIVE_UP; // at least one task
    for (;;) {
      if (this.taskNames.length >= MAX_TASKS) throw GIVE_UP;
      let seen = 0;
      b.beginTask();
      if (bytes[pos] !== OPEN_OBJECT) throw GIVE_UP;
      pos = skipWs(bytes, pos + 1);
      for (;;) {
        const key = matchWord(bytes, view, pos, KEY_TABLE);
        if (key < 0 || seen & (1 << key)) throw GIVE_UP;
        seen |= 1 << key;
        pos = skipWs(bytes, pos + KEY_SIZE[key]);
        if (bytes[pos] !== COLON) throw GIVE_UP;
        pos = skipWs(bytes, pos + 1);
        if (key === K.name) pos = this.taskName(pos);
        else if (key === K.steps) pos = this.steps(pos, 0);
        else if (key === K.start) pos = this.taskStart(pos);
        else throw GIVE_UP;
        pos = skipWs(bytes, pos);
        if (bytes[pos] === COMMA) pos = skipWs(bytes, pos + 1);
        else if (bytes[pos] === CLOSE_OBJECT) break;
        else throw GIVE_UP;
      }
      if ((seen & ~BIT_START) !== BIT_NAME_AND_STEPS) throw GIVE_UP;
      b.endTask();
      pos = skipWs(bytes, pos + 1);
      if (bytes[pos] === COMMA) pos = skipWs(bytes, pos + 1);
      else if (bytes[pos] === CLOSE_ARRAY) return pos + 1;
      else throw GIVE_UP;
    }
  }

  /** A task's `"start"`: `true`, or `false` (the task is created by a spawn step). */
  private taskStart(pos: number): number {
    const bytes = this.bytes;
    if (matchLiteral(bytes, pos, 'true')) return pos + 4;
    if (!matchLiteral(bytes, pos, 'false')) throw GIVE_UP;
    this.builder.notStarted();
    this.startsLater = true;
    return pos + 5;
  }

  /**
   * A task's name: not empty, without spaces (`/\s/`), not already taken. An ASCII name is
   * read, checked and hashed in one loop.
   */
  private taskName(pos: number): number {
    const bytes = this.bytes;
    if (bytes[pos] !== QUOTE) throw GIVE_UP;
    const start = pos + 1;
    let hash = 0;
    let end = start;
    for (; end < bytes.length; end += 1) {
      const c = bytes[end];
      // Control characters, spaces and backslashes give up; so do other bytes past ASCII,
      // to be read again as UTF-8 below.
      if (c <= 0x20 || c === QUOTE || c === BACKSLASH || c >= 0x80) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (bytes[end] === QUOTE) {
      if (end === start || !this.taskIndex.addRange(hash, start, end)) throw GIVE_UP;
      return end + 1;
    }
    if (bytes[end] !== undefined && bytes[end] < 0x80) throw GIVE_UP;
    pos = this.scanString(pos);
    const name = this.decoded();
    if (this.kind !== Scanned.NON_ASCII || WHITESPACE.test(name)) throw GIVE_UP;
    if (!this.taskIndex.addText(name)) throw GIVE_UP;
    return pos;
  }

  /**
   * A steps array, each step compiled as it is read. This loop does all of a step's work itself
   * (keys, strings, references, writing the columns) instead of calling a method per token:
   * over half a million steps it is the code the JIT must make fast, and one function gets
   * optimized much sooner than a dozen small ones (the load of a cold process is about twice
   * as fast). A nested repeat's steps are read by a recursive call.
   */
  private steps(pos: number, depth: number): number {
    const bytes = this.bytes;
    const n = bytes.length;
    const view = this.view;
    const b = this.builder;
    pos = skipWs(bytes, pos);
    if (bytes[pos] !== OPEN_ARRAY) throw GIVE_UP;
    pos = skipWs(bytes, pos + 1);
    if (bytes[pos] === CLOSE_ARRAY) return pos + 1;
    for (;;) {
      // One step: its fields, in any order (see the checks on `op` and `seen`).
      if (bytes[pos] !== OPEN_OBJECT) throw GIVE_UP;
      pos = skipWs(bytes, pos + 1);
      let op = -1;
      let pc = -1; // a repeat's, written as soon as its op is known (its body follows it)
      let seconds = NaN;
      let target = -1;
      let text = NO_TEXT;
      let textStart = 0;
      let textEnd = 0;
      let times = -1;
      let task = -1;
      let gathered: number[] | null = null;
      let seen = 0;
      for (;;) {
        const key = matchWord(bytes, view, pos, KEY_TABLE);
        if (key < 0 || seen & (1 << key)) throw GIVE_UP;
        seen |= 1 << key;
        // Before "op" is known, only scalar fields may come; they are checked against it after.
        if (op >= 0 && !(OP_FIELDS[op] & (1 << key))) throw GIVE_UP;
        pos = skipWs(bytes, pos + KEY_SIZE[key]);
        if (bytes[pos] !== COLON) throw GIVE_UP;
        pos = skipWs(bytes, pos + 1);

        // A string value: its bytes [start, end), their hash, and what they hold.
        let start = -1;
        let end = 0;
        let hash = 0;
        let kind = Scanned.ASCII;
        if (STRING_KEYS & (1 << key) && bytes[pos] === QUOTE) {
          start = pos + 1;
          let seenBits = 0;
          let brace = false;
          for (end = start; ; end += 1) {
            if (end === n) throw GIVE_UP;
            const c = bytes[end];
            if (c === QUOTE) break;
            // Escapes and control characters are left to the reference path.
            if (c < 0x20 || c === BACKSLASH) throw GIVE_UP;
            if (c === OPEN_OBJECT) brace = true;
            seenBits |= c;
            hash = (Math.imul(hash, 31) + c) | 0;
          }
          pos = end + 1;
          if (seenBits >= 0x80) {
            kind = Scanned.NON_ASCII;
            hash = hashText(utf8.decode(bytes.subarray(start, end)));
          } else if (brace) kind = Scanned.BRACE;
        }

        switch (key) {
          case K.op:
            op = matchWord(bytes, view, pos, OP_TABLE);
            if (op < 0 || seen & ~(OP_FIELDS[op] | BIT_OP)) throw GIVE_UP;
            pos += OP_SIZE[op];
            if (OP_CODES[op] === Op.REPEAT) {
              if (depth >= MAX_REPEAT_DEPTH) throw GIVE_UP;
              pc = b.step(Op.REPEAT, Infinity, -1);
            }
            break;
          case K.seconds:
            pos = this.number(pos);
            seconds = this.value;
            break;
          case K.queue:
          case K.lock:
          case K.event:
            if (op < 0 || start < 0) throw GIVE_UP;
            target =
              kind === Scanned.NON_ASCII
                ? this.primitiveIndex.findText(utf8.decode(bytes.subarray(start, end)))
                : this.primitiveIndex.findRange(hash, start, end);
            if (target < 0 || !(REFERENCE_TYPES[key] & this.primitiveTypes[target])) throw GIVE_UP;
            break;
          case K.value:
          case K.text:
            if (start >= 0) {
              text = kind;
              textStart = start;
              textEnd = end;
            } else if (key === K.value && this.null(pos)) {
              pos += 4;
              text = NULL_TEXT;
            } else throw GIVE_UP;
            break;
          case K.times:
            pos = this.integer(pos, 0);
            times = this.value;
            break;
          case K.task:
            if (start < 0) throw GIVE_UP;
            task =
              kind === Scanned.NON_ASCII
                ? this.taskTargets.add(utf8.decode(bytes.subarray(start, end)))
                : this.taskTargets.addRange(start, end);
            break;
          case K.tasks:
            // A gather's task names (at least one).
            if (bytes[pos] !== OPEN_ARRAY) throw GIVE_UP;
            gathered = [];
            pos = skipWs(bytes, pos + 1);
            for (;;) {
              pos = skipWs(bytes, this.scanString(pos));
              gathered.push(
                this.kind === Scanned.NON_ASCII
                  ? this.taskTargets.add(this.decoded())
                  : this.taskTargets.addRange(this.start, this.end),
              );
              if (bytes[pos] === COMMA) pos = skipWs(bytes, pos + 1);
              else if (bytes[pos] === CLOSE_ARRAY) break;
              else throw GIVE_UP;
            }
            pos += 1;
            break;
          case K.steps:
            if (op < 0 || OP_CODES[op] !== Op.REPEAT) throw GIVE_UP;
            pos = this.steps(pos, depth + 1);
            b.closeRepeat(pc);
            break;
          default:
            throw GIVE_UP;
        }
        pos = skipWs(bytes, pos);
        if (bytes[pos] === COMMA) pos = skipWs(bytes, pos + 1);
        else if (bytes[pos] === CLOSE_OBJECT) break;
        else throw GIVE_UP;
      }
      pos += 1;

      if (op < 0) throw GIVE_UP;
      const code = OP_CODES[op];
      switch (code) {
        case Op.SLEEP:
        case Op.BLOCK:
          // NaN (no "seconds") fails the first test.
          if (!(seconds >= 0) || seconds > MAX_SLEEP_SECONDS) throw GIVE_UP;
          b.step(code, seconds, -1);
          break;
        case Op.PUT:
        case Op.LOG: {
          if (code === Op.PUT ? target < 0 : text < 0) throw GIVE_UP;
          const at = b.step(code, 0, target);
          if (text === Scanned.ASCII) b.textRange(at, textStart, textEnd);
          else if (text >= 0) b.text(at, utf8.decode(bytes.subarray(textStart, textEnd)));
          break;
        }
        case Op.CANCEL:
        case Op.SPAWN:
        case Op.AWAIT:
          if (task < 0) throw GIVE_UP;
          if (code !== Op.CANCEL) {
            // A spawn runs once: never inside a repeat.
            if (code === Op.SPAWN && depth > 0) throw GIVE_UP;
            this.startsLater = true;
          }
          this.taskSteps.push(b.step(code, 0, -1), task);
          break;
        case Op.GATHER:
          // It creates its tasks: once, so never inside a repeat.
          if (gathered === null || depth > 0) throw GIVE_UP;
          this.gatherSteps.push([b.step(Op.GATHER, 0, -1), gathered]);
          this.startsLater = true;
          break;
        case Op.REPEAT:
          if (!(seen & BIT_STEPS)) throw GIVE_UP;
          if (times >= 0) b.setNum(pc, times);
          break;
        default:
          if (target < 0) throw GIVE_UP;
          b.step(code, 0, target);
      }

      pos = skipWs(bytes, pos);
      if (bytes[pos] === COMMA) pos = skipWs(bytes, pos + 1);
      else if (bytes[pos] === CLOSE_ARRAY) break;
      else throw GIVE_UP;
    }
    if (b.size > MAX_STEPS) throw GIVE_UP;
    return pos + 1;
  }

  /** Whether `null` comes at `pos`. */
  private null(pos: number): boolean {
    const bytes = this.bytes;
    return (
      bytes[pos] === 0x6e &&
      bytes[pos + 1] === 0x75 &&
      bytes[pos + 2] === 0x6c &&
      bytes[pos + 3] === 0x6c
    );
  }
}

/** Whether the bytes at `pos` are `word` (ASCII), followed by a byte that cannot continue it. */
function matchLiteral(bytes: Uint8Array, pos: number, word: string): boolean {
  for (let i = 0; i < word.length; i += 1) if (bytes[pos + i] !== word.charCodeAt(i)) return false;
  const next = bytes[pos + word.length];
  return !(next >= 0x61 && next <= 0x7a);
}

/**
 * Compiles a scenario file's bytes (UTF-8) on the fast path; null when the file must take the
 * reference path (`parseScenario` then `compileScenario`), be it an error or an unusual layout.
 */
export function loadScenarioBytes(bytes: Uint8Array): CompiledScenario | null {
  try {
    return new Scanner(bytes).scenario();
  } catch (error) {
    if (error === GIVE_UP) return null;
    throw error;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `loadScenarioBytes` for text (which, unlike UTF-8 bytes, may hold lone surrogates). */
export function loadScenarioText(text: string): CompiledScenario | null {
  if (LONE_SURROGATE.test(text)) return null;
  return loadScenarioBytes(new TextEncoder().encode(text));
}
