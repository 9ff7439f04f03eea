/** Writing Python source from TypeScript: literals that Python reads and prints as we do. */
import type { TemplatePart } from './template';
import { comment, type CodeLang } from './comments';

/** An integer as Python writes it, also past 2**53 (JavaScript writes 1e21 as '1e+21'). */
export function pyInt(n: number, plus = 0): string {
  return Number.isSafeInteger(n + plus) ? String(n + plus) : String(BigInt(n) + BigInt(plus));
}

/** A Python string literal (double quotes). */
export function pyString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0085\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Python's `repr(text)`: single quotes unless the text has a single quote and no double one;
 * characters Python does not print (`str.isprintable`: control, format, separator and
 * unassigned ones, but the space) escaped as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
 */
export function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of text) {
    if (c === quote || c === '\\') out += `\\${c}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (c !== ' ' && /[\p{C}\p{Z}]/u.test(c)) {
      const code = c.codePointAt(0)!;
      const hex = code.toString(16);
      out +=
        code < 0x100
          ? `\\x${hex.padStart(2, '0')}`
          : code < 0x10000
            ? `\\u${hex.padStart(4, '0')}`
            : `\\U${hex.padStart(8, '0')}`;
    } else out += c;
  }
  return out + quote;
}

/**
 * What Python prints for this number: an int when it is integral (as JSON gives us no way to
 * tell 1 from 1.0, integral values are written as ints), else `repr(float)`.
 */
export function pyNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  if (!Number.isFinite(x))
    return Number.isNaN(x) ? "float('nan')" : x > 0 ? "float('inf')" : "float('-inf')";
  // Shortest round-trip digits, as both languages use; Python switches to exponent
  // notation below 1e-4 and from 1e16.
  const [mantissa, exponentText] = x.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  let body: string;
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const sign = exponent < 0 ? '-' : '+';
    body = `${m}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  } else if (exponent < 0) {
    body = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  } else if (digits.length > exponent + 1) {
    body = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  } else {
    body = `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  }
  return negative ? `-${body}` : body;
}

/**
 * A string literal for a template: a plain literal without placeholders, else an f-string with
 * `{n}` as the given loop variable (or its value) and `{item}` as the variable `item`.
 */
export function pyTemplate(parts: readonly TemplatePart[], n: string | number): string {
  if (parts.every((p) => typeof p === 'string')) return pyString(parts.join(''));
  let body = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      body += pyString(part).slice(1, -1).replace(/\{/g, '{{').replace(/\}/g, '}}');
    } else if (part.ref === 'item') {
      body += '{item}';
    } else if (typeof n === 'number') {
      body += String(n);
    } else {
      body += `{${n}}`;
    }
  }
  return `f"${body}"`;
}

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try while ' +
    'with yield match case type _'
  ).split(' '),
);
const BUILTINS = new Set(
  'print range len list dict set str int float object id type super sum min max any all iter next open input'.split(
    ' ',
  ),
);

/** Hands out Python identifiers, unique, valid and clear of keywords and reserved names. */
export class Names {
  private readonly used = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.used.add(name);
  }
  take(wanted: string, fallback = 'x'): string {
    // Python's identifiers: XID_Start then XID_Continue characters, after NFKC.
    let base = wanted.normalize('NFKC').replace(/[^\p{XID_Continue}]/gu, '_');
    if (base === '' || !/^[\p{XID_Start}_]/u.test(base)) base = `${fallback}_${base}`;
    // `__name__` would hide the module's own (and the main guard), `__debug__` cannot be bound.
    if (/^__.*__$/u.test(base)) base = `${fallback}${base}`;
    if (KEYWORDS.has(base) || BUILTINS.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 2; this.used.has(name); i += 1) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }
}

/** Lines of Python with the line number (1-based) of each recorded step. */
export class CodeWriter {
  readonly lines: string[] = [];
  line(text = ''): number {
    this.lines.push(text);
    return this.lines.length;
  }
  blank(count = 1): void {
    for (let i = 0; i < count; i += 1) this.lines.push('');
  }
  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/**
 * A Ctrl-C at virtual time `t`, as the course stops its endless loop: `interrupt()` to put before
 * `main()`, its timer for `main()`'s start (a microsecond after what is due at `t`), and the
 * `__main__` block that catches it and says "bye" on stderr, as the course does. A timer cannot
 * cut a `time.sleep` short: the simulator's Ctrl-C can.
 */
export function interruptCode(t: number, lang: CodeLang) {
  return {
    define: [
      'def interrupt():',
      `    """${comment(lang, 'interrupt')}"""`,
      '    raise KeyboardInterrupt',
    ],
    schedule: [
      `    # ${comment(lang, 'interruptAt', { t: pyNumber(t) })}`,
      `    asyncio.get_running_loop().call_at(start + ${pyNumber(t)} + 1e-6, interrupt)`,
    ],
    run: [
      '    try:',
      '        asyncio.run(main())',
      '    except KeyboardInterrupt:',
      '        print("bye", file=sys.stderr)',
    ],
  };
}

/** The course's `show_timer`, printing `<time> <task> <message>` like the simulator's log. */
export function showTimer(lang: CodeLang = 'en'): string[] {
  return [
    `start = 0.0  # ${comment(lang, 'start')}`,
    '',
    '',
    'def show_timer(*args):',
    `    """${comment(lang, 'showTimer')}"""`,
    '    now = asyncio.get_running_loop().time() - start',
    '    print(f"{now:.3f} {asyncio.current_task().get_name()}", *args)',
  ];
}
