/**
 * Where a JSON text breaks, in terms any reader can use: the line, the column and the character
 * found there (null: the text ends too soon). `JSON.parse` says it in the browser's own words
 * and language, and not every browser gives a position. This is a plain JSON grammar (RFC 8259)
 * with a stack of its own, so that deep nesting cannot overflow the call stack; it runs only
 * after `JSON.parse` has failed.
 */
export interface JsonSyntaxError {
  /** UTF-16 index of the offending character (the text's length: the text ends too soon). */
  offset: number;
  /** From 1. */
  line: number;
  /** From 1, in characters (code points) from the start of the line. */
  column: number;
  /** The character found where something else was expected; null at the end of the text. */
  found: string | null;
}

const enum Want {
  /** A value. */
  Value,
  /** A value or `]` (just after `[`). */
  ValueOrEnd,
  /** A key (after `,` in an object). */
  Key,
  /** A key or `}` (just after `{`). */
  KeyOrEnd,
  /** `,` or the end of the container, or the end of the text at the top. */
  After,
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The first place where `text` is not JSON, or null when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  const n = text.length;
  const code = (i: number) => (i < n ? text.charCodeAt(i) : -1);
  const stack: number[] = []; // 0x5b '[' or 0x7b '{'
  let i = 0;
  let want = Want.Value;

  /** The index after the string opening at `i`, or the index of the fault (negative - 1). */
  const string = (start: number): number => {
    let j = start + 1;
    for (;;) {
      const c = code(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return -j - 1; // a control character, or the end of the text
      if (c === 0x5c) {
        const e = code(j + 1);
        if (e === 0x75) {
          for (let k = j + 2; k < j + 6; k += 1) if (!isHex(code(k))) return -k - 1;
          j += 6;
        } else if ([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) j += 2;
        else return -(j + 1) - 1;
      } else j += 1;
    }
  };
  const digits = (start: number): number => {
    let j = start;
    while (isDigit(code(j))) j += 1;
    return j;
  };
  /** The index after the number at `i`, or the fault as for `string`. */
  const number = (start: number): number => {
    let j = start;
    if (code(j) === 0x2d) j += 1;
    if (code(j) === 0x30) j += 1;
    else if (isDigit(code(j))) j = digits(j);
    else return -j - 1;
    if (code(j) === 0x2e) {
      if (!isDigit(code(j + 1))) return -(j + 1) - 1;
      j = digits(j + 1);
    }
    if (code(j) === 0x65 || code(j) === 0x45) {
      j += 1;
      if (code(j) === 0x2b || code(j) === 0x2d) j += 1;
      if (!isDigit(code(j))) return -j - 1;
      j = digits(j);
    }
    return j;
  };
  const literal = (start: number, word: string): number => {
    for (let k = 0; k < word.length; k += 1)
      if (code(start + k) !== word.charCodeAt(k)) return -(start + k) - 1;
    return start + word.length;
  };

  for (;;) {
    while (isSpace(code(i))) i += 1;
    const c = code(i);
    let next: number;
    switch (want) {
      case Want.ValueOrEnd:
      case Want.KeyOrEnd:
        if (c === (want === Want.ValueOrEnd ? 0x5d : 0x7d)) {
          stack.pop();
          i += 1;
          want = Want.After;
          continue;
        }
        want = want === Want.ValueOrEnd ? Want.Value : Want.Key;
        continue;
      case Want.Key:
        if (c !== 0x22) return at(text, i);
        next = string(i);
        if (next < 0) return at(text, -next - 1);
        i = next;
        while (isSpace(code(i))) i += 1;
        if (code(i) !== 0x3a) return at(text, i);
        i += 1;
        want = Want.Value;
        continue;
      case Want.After:
        if (stack.length === 0) return i === n ? null : at(text, i);
        if (c === 0x2c) {
          i += 1;
          want = stack[stack.length - 1] === 0x5b ? Want.Value : Want.Key;
        } else if (c === (stack[stack.length - 1] === 0x5b ? 0x5d : 0x7d)) {
          stack.pop();
          i += 1;
        } else return at(text, i);
        continue;
      case Want.Value:
        if (c === 0x5b || c === 0x7b) {
          stack.push(c);
          i += 1;
          want = c === 0x5b ? Want.ValueOrEnd : Want.KeyOrEnd;
          continue;
        }
        if (c === 0x22) next = string(i);
        else if (c === 0x2d || isDigit(c)) next = number(i);
        else if (c === 0x74) next = literal(i, 'true');
        else if (c === 0x66) next = literal(i, 'false');
        else if (c === 0x6e) next = literal(i, 'null');
        else return at(text, i);
        if (next < 0) return at(text, -next - 1);
        i = next;
        want = Want.After;
        continue;
    }
  }
}

function at(text: string, offset: number): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset; k += 1) {
    if (text.charCodeAt(k) === 0x0a) {
      line += 1;
      lineStart = k + 1;
    }
  }
  const column = [...text.slice(lineStart, offset)].length + 1;
  const point = offset < text.length ? text.codePointAt(offset)! : null;
  return { offset, line, column, found: point === null ? null : String.fromCodePoint(point) };
}
