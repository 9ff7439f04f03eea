/**
 * The fast path from a scenario file's text to a compiled program: one scan of the JSON text,
 * writing the program's columns as it goes, with no object per step (a 100,000-job file has
 * half a million steps). It accepts exactly the files that `JSON.parse` + `validateScenario`
 * accept, laid out as usual (primitives before tasks, a repeat's "op" before its "steps"),
 * and gives up on anything else: the caller then takes the reference path
 * (src/scenario/validate.ts), which also writes the error messages. Property tests check that
 * both paths agree (loadText.test.ts).
 */
import type { PrimitiveSpec } from '../scenario/types';
import { MAX_REPEAT_DEPTH, MAX_SLEEP_SECONDS, MAX_STEPS, MAX_TASKS } from '../scenario/limits';
import { Op, ProgramBuilder, type CompiledScenario } from './program';

/** Thrown to leave the fast path. */
const GIVE_UP = new Error('not on the fast path');

const WHITESPACE = /\s/;
/** `/\s/` for an ASCII string: tab, line feed, vertical tab, form feed, carriage return, space. */
function hasAsciiSpace(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  }
  return false;
}
const utf8 = new TextDecoder();
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

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
];
/** Which primitive types each reference key accepts. */
const REFERENCE_TYPES: Record<number, readonly string[]> = {
  [K.queue]: ['Queue'],
  [K.lock]: ['Lock', 'Semaphore', 'BoundedSemaphore'],
  [K.event]: ['Event'],
};

/** Words found by length, first and last byte, then compared in full. */
interface WordTable {
  words: Uint8Array[];
  slots: (number[] | undefined)[];
}
function wordTable(words: readonly string[]): WordTable {
  const table: WordTable = { words: words.map(ascii), slots: new Array(256) };
  table.words.forEach((w, i) => {
    const slot = (w.length * 31 + w[0] * 7 + w[w.length - 1]) & 255;
    (table.slots[slot] ??= []).push(i);
  });
  return table;
}
const KEY_TABLE = wordTable(KEYS);

/** The hash `string()` computes while reading bytes, for any text (UTF-16 of ASCII = bytes). */
function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * Names to indices, in an open-addressing table keyed by a hash computed while the name's
 * bytes were read: a `Map` would hash every new string again (a third of the load time for
 * 100,000 tasks).
 */
class NameTable {
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private readonly names: string[] = [];
  private count = 0;

  /** Adds `name` with `index`; false if it is already there. */
  add(name: string, hash: number, index: number): boolean {
    if (this.find(name, hash) >= 0) return false;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.insert(hash, index);
    this.names[index] = name;
    this.count += 1;
    return true;
  }

  find(name: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const index = this.slots[i];
      if (index < 0) return -1;
      if (this.hashes[i] === hash && this.names[index] === name) return index;
    }
  }

  private insert(hash: number, index: number): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] >= 0) i = (i + 1) & mask;
    this.slots[i] = index;
    this.hashes[i] = hash;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2).fill(-1);
    this.hashes = new Int32Array(oldSlots.length * 2);
    for (let i = 0; i < oldSlots.length; i += 1)
      if (oldSlots[i] >= 0) this.insert(oldHashes[i], oldSlots[i]);
  }
}
const OP_TABLE = wordTable(OPS);
const BIT_OP = bit('op');
const BIT_STEPS = bit('steps');
const BIT_TASKS = bit('tasks');
const BIT_VERSION = bit('version');
const BIT_TYPE = bit('type');

class Scanner {
  pos = 0;
  readonly builder: ProgramBuilder;
  readonly primitives: { name: string; spec: PrimitiveSpec }[] = [];
  private primitiveBytes: Uint8Array[] = [];
  /** Scratch for making short ASCII strings. */
  private readonly codes: number[] = [];
  /** Whether the last string read was ASCII only. */
  private lastAscii = true;
  readonly taskNames: string[] = [];
  /** Task names, to find duplicates and the targets of `cancel`. */
  private readonly names = new NameTable();
  /** A hash of the last string read (see `hashText`). */
  private lastHash = 0;
  private readonly cancels: { pc: number; name: string }[] = [];
  title?: string;

  constructor(private readonly bytes: Uint8Array) {
    // Roughly one step per 40 bytes of JSON.
    this.builder = new ProgramBuilder(Math.ceil(bytes.length / 40));
  }

  private ws(): void {
    const bytes = this.bytes;
    let pos = this.pos;
    for (;;) {
      const c = bytes[pos];
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos += 1;
      else break;
    }
    this.pos = pos;
  }

  /** Skips whitespace and consumes `char` if it comes next. */
  private eat(char: number): boolean {
    this.ws();
    if (this.bytes[this.pos] !== char) return false;
    this.pos += 1;
    return true;
  }

  private expect(char: number): void {
    if (!this.eat(char)) throw GIVE_UP;
  }

  /**
   * Finds the end of a string (the next quote, found natively): leaves `pos` after it and
   * returns the index of the string's first byte (its last is `pos - 2`). The content is not
   * checked here: a string compared with a known word is valid if it matches, and `string()`
   * checks the others, leaving escapes and control characters to the reference path.
   */
  private stringStart(): number {
    this.expect(0x22);
    const start = this.pos;
    const end = this.bytes.indexOf(0x22, start);
    if (end < 0) throw GIVE_UP;
    this.pos = end + 1;
    return start;
  }

  private string(): string {
    const start = this.stringStart();
    const end = this.pos - 1;
    const bytes = this.bytes;
    let asciiOnly = true;
    let hash = 0;
    for (let i = start; i < end; i += 1) {
      const c = bytes[i];
      if (c < 0x20 || c === 0x5c) throw GIVE_UP;
      if (c >= 0x80) asciiOnly = false;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    this.lastAscii = asciiOnly;
    this.lastHash = asciiOnly ? hash : hashText(utf8.decode(bytes.subarray(start, end)));
    if (asciiOnly && end - start <= 64) {
      const codes = this.codes;
      codes.length = end - start;
      for (let i = start; i < end; i += 1) codes[i - start] = bytes[i];
      return String.fromCharCode.apply(null, codes);
    }
    return utf8.decode(bytes.subarray(start, end));
  }

  /** Whether the string just scanned, from `start`, has exactly these bytes. */
  private scanned(start: number, expected: Uint8Array): boolean {
    const length = this.pos - 1 - start;
    if (length !== expected.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < length; i += 1) if (bytes[start + i] !== expected[i]) return false;
    return true;
  }

  /** A string that must be one of the words of `table`; its index. */
  private oneOf(table: WordTable): number {
    const start = this.stringStart();
    const length = this.pos - 1 - start;
    if (length === 0) throw GIVE_UP;
    const slot =
      table.slots[(length * 31 + this.bytes[start] * 7 + this.bytes[start + length - 1]) & 255];
    if (slot !== undefined) {
      for (let j = 0; j < slot.length; j += 1)
        if (this.scanned(start, table.words[slot[j]])) return slot[j];
    }
    throw GIVE_UP;
  }

  /** An object key followed by its colon; the key's index in KEYS. */
  private key(): number {
    const k = this.oneOf(KEY_TABLE);
    this.expect(0x3a);
    return k;
  }

  /** A JSON number, read as JSON.parse reads it. */
  private number(): number {
    this.ws();
    const bytes = this.bytes;
    const start = this.pos;
    let pos = start;
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
    this.pos = pos;
    if (exact) return bytes[start] === 0x2d ? -value : value;
    return Number(
      String.fromCharCode.apply(null, bytes.subarray(start, pos) as unknown as number[]),
    );
  }

  /** Peeks the next non-blank byte. */
  private peek(): number {
    this.ws();
    return this.bytes[this.pos];
  }

  private integer(min: number): number {
    const value = this.number();
    if (!Number.isInteger(value) || value < min) throw GIVE_UP;
    return value;
  }

  scenario(): CompiledScenario {
    let seen = 0;
    this.expect(0x7b);
    if (!this.eat(0x7d)) {
      do {
        const key = this.key();
        if (seen & (1 << key)) throw GIVE_UP;
        seen |= 1 << key;
        switch (key) {
          case K.version:
            if (this.number() !== 1) throw GIVE_UP;
            break;
          case K.title:
            this.title = this.string();
            break;
          case K.description:
            this.string();
            break;
          case K.primitives:
            if (seen & BIT_TASKS) throw GIVE_UP;
            this.primitivesObject();
            break;
          case K.tasks:
            this.tasks();
            break;
          default:
            throw GIVE_UP;
        }
      } while (this.eat(0x2c));
      this.expect(0x7d);
    }
    this.ws();
    if (this.pos !== this.bytes.length || !(seen & BIT_VERSION) || !(seen & BIT_TASKS))
      throw GIVE_UP;
    for (const { pc, name } of this.cancels) {
      const target = this.names.find(name, hashText(name));
      if (target < 0) throw GIVE_UP;
      this.builder.setTarget(pc, target);
    }
    return {
      program: this.builder.build(),
      taskNames: this.taskNames,
      primitives: this.primitives,
      strings: this.builder.strings,
      ...(this.title === undefined ? {} : { title: this.title }),
    };
  }

  private primitivesObject(): void {
    this.expect(0x7b);
    if (this.eat(0x7d)) return;
    do {
      const name = this.string();
      this.expect(0x3a);
      if (name === '' || this.primitives.some((p) => p.name === name)) throw GIVE_UP;
      this.primitive(name);
      this.primitiveBytes.push(new TextEncoder().encode(name));
    } while (this.eat(0x2c));
    this.expect(0x7d);
  }

  private primitive(name: string): void {
    let type: string | undefined;
    let maxsize: number | undefined;
    let value: number | undefined;
    let seen = 0;
    this.expect(0x7b);
    if (!this.eat(0x7d)) {
      do {
        const key = this.key();
        if (seen & (1 << key)) throw GIVE_UP;
        seen |= 1 << key;
        if (key === K.type) type = this.string();
        else if (key === K.maxsize) maxsize = this.integer(-Infinity);
        else if (key === K.value) value = this.integer(0);
        else throw GIVE_UP;
      } while (this.eat(0x2c));
      this.expect(0x7d);
    }
    let spec: PrimitiveSpec;
    if (type === 'Queue' && value === undefined) spec = { type, maxsize: maxsize ?? 0 };
    else if ((type === 'Semaphore' || type === 'BoundedSemaphore') && maxsize === undefined) {
      spec = { type, value: value ?? 1 };
    } else if ((type === 'Lock' || type === 'Event') && seen === BIT_TYPE) spec = { type };
    else throw GIVE_UP;
    this.primitives.push({ name, spec });
  }

  private tasks(): void {
    this.expect(0x5b);
    if (this.eat(0x5d)) throw GIVE_UP; // at least one task
    do {
      if (this.taskNames.length >= MAX_TASKS) throw GIVE_UP;
      let name: string | undefined;
      let nameHash = 0;
      let seen = 0;
      this.builder.beginTask();
      this.expect(0x7b);
      if (!this.eat(0x7d)) {
        do {
          const key = this.key();
          if (seen & (1 << key)) throw GIVE_UP;
          seen |= 1 << key;
          if (key === K.name) {
            name = this.string();
            nameHash = this.lastHash;
            if (name === '') throw GIVE_UP;
            if (this.lastAscii ? hasAsciiSpace(name) : WHITESPACE.test(name)) throw GIVE_UP;
          } else if (key === K.steps) this.steps(0);
          else throw GIVE_UP;
        } while (this.eat(0x2c));
        this.expect(0x7d);
      }
      if (name === undefined || !(seen & BIT_STEPS)) throw GIVE_UP;
      if (!this.names.add(name, nameHash, this.taskNames.length)) throw GIVE_UP;
      this.taskNames.push(name);
      this.builder.endTask();
    } while (this.eat(0x2c));
    this.expect(0x5d);
  }

  private steps(depth: number): void {
    this.expect(0x5b);
    if (this.eat(0x5d)) return;
    do this.step(depth);
    while (this.eat(0x2c));
    this.expect(0x5d);
    if (this.builder.size > MAX_STEPS) throw GIVE_UP;
  }

  /** A primitive named by the string that comes next, of one of `types`; its index. */
  private reference(types: readonly string[]): number {
    const start = this.stringStart();
    const names = this.primitiveBytes;
    for (let i = 0; i < names.length; i += 1) {
      if (this.scanned(start, names[i])) {
        if (!types.includes(this.primitives[i].spec.type)) throw GIVE_UP;
        return i;
      }
    }
    throw GIVE_UP;
  }

  private step(depth: number): void {
    const b = this.builder;
    let op = -1;
    let pc = -1;
    let seconds: number | undefined;
    let target = -1;
    let text: string | null | undefined;
    let times: number | undefined;
    let task: string | undefined;
    let seen = 0;
    this.expect(0x7b);
    if (!this.eat(0x7d)) {
      do {
        const key = this.key();
        if (seen & (1 << key)) throw GIVE_UP;
        seen |= 1 << key;
        // Before "op" is known, only scalar fields may come; they are checked against it after.
        if (op >= 0 && !(OP_FIELDS[op] & (1 << key))) throw GIVE_UP;
        switch (key) {
          case K.op:
            op = this.oneOf(OP_TABLE);
            if (seen & ~(OP_FIELDS[op] | BIT_OP)) throw GIVE_UP;
            if (OP_CODES[op] === Op.REPEAT) {
              if (depth >= MAX_REPEAT_DEPTH) throw GIVE_UP;
              pc = b.step(Op.REPEAT, Infinity);
            }
            break;
          case K.seconds:
            seconds = this.number();
            break;
          case K.queue:
          case K.lock:
          case K.event:
            if (op < 0) throw GIVE_UP;
            target = this.reference(REFERENCE_TYPES[key]);
            break;
          case K.value:
            if (this.peek() === 0x6e) {
              const b = this.bytes;
              const at = this.pos;
              if (b[at + 1] !== 0x75 || b[at + 2] !== 0x6c || b[at + 3] !== 0x6c) throw GIVE_UP;
              this.pos += 4;
              text = null;
            } else text = this.string();
            break;
          case K.text:
            text = this.string();
            break;
          case K.times:
            times = this.integer(0);
            break;
          case K.task:
            task = this.string();
            break;
          case K.steps:
            if (op < 0 || OP_CODES[op] !== Op.REPEAT) throw GIVE_UP;
            this.steps(depth + 1);
            b.closeRepeat(pc);
            break;
          default:
            throw GIVE_UP;
        }
      } while (this.eat(0x2c));
      this.expect(0x7d);
    }
    if (op < 0) throw GIVE_UP;
    const code = OP_CODES[op];
    switch (code) {
      case Op.SLEEP:
        if (seconds === undefined || !(seconds >= 0) || seconds > MAX_SLEEP_SECONDS) throw GIVE_UP;
        b.step(Op.SLEEP, seconds);
        break;
      case Op.PUT: {
        if (target < 0) throw GIVE_UP;
        const at = b.step(Op.PUT, 0, target);
        if (text != null) b.text(at, text);
        break;
      }
      case Op.LOG:
        if (typeof text !== 'string') throw GIVE_UP;
        b.text(b.step(Op.LOG), text);
        break;
      case Op.CANCEL:
        if (task === undefined) throw GIVE_UP;
        this.cancels.push({ pc: b.step(Op.CANCEL), name: task });
        break;
      case Op.REPEAT:
        if (!(seen & BIT_STEPS)) throw GIVE_UP;
        if (times !== undefined) b.setNum(pc, times);
        break;
      default:
        if (target < 0) throw GIVE_UP;
        b.step(code, 0, target);
    }
  }
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
