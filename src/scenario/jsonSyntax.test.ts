import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSyntaxError } from './jsonSyntax';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** JSON with a few bytes changed, inserted or cut: mostly broken, sometimes still JSON. */
const damagedJson = fc
  .tuple(
    fc.json({ maxDepth: 4 }),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '{', '[', '"', ':', '\\', '-', '.', 'e', '0', ' ', '\n'),
        fc.nat({ max: 2 }),
      ),
      { maxLength: 3 },
    ),
  )
  .map(([json, edits]) => {
    let text = json;
    for (const [at, insert, cut] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + cut);
    }
    return text;
  });

describe('where a JSON text breaks', () => {
  it('says line, column and the character found, or the end of the text', () => {
    expect(jsonSyntaxError('{"version": 1,')).toEqual({
      offset: 14,
      line: 1,
      column: 15,
      found: null,
    });
    expect(jsonSyntaxError('{\n  "tasks": [\n    {"name": "a"},\n  ]\n}')).toMatchObject({
      line: 4,
      column: 3,
      found: ']',
    });
    // Columns count characters, not UTF-16 units.
    expect(jsonSyntaxError('["😀", x]')).toMatchObject({ line: 1, column: 7, found: 'x' });
    expect(jsonSyntaxError('{"a": tru}')).toMatchObject({ column: 10, found: '}' });
    expect(jsonSyntaxError('"tab\there"')).toMatchObject({ column: 5, found: '\t' });
    expect(jsonSyntaxError('01')).toMatchObject({ column: 2, found: '1' });
    expect(jsonSyntaxError('')).toMatchObject({ line: 1, column: 1, found: null });
    expect(jsonSyntaxError('[1] [2]')).toMatchObject({ column: 5, found: '[' });
    expect(jsonSyntaxError(' {"a": [1, {"b": null}], "c": -0.5e+3} ')).toBeNull();
  });

  it('finds a fault exactly when JSON.parse fails, at the position V8 names', () => {
    let broken = 0;
    let positioned = 0;
    fc.assert(
      fc.property(damagedJson, (text) => {
        const fault = jsonSyntaxError(text);
        let message: string | null = null;
        try {
          JSON.parse(text);
        } catch (error) {
          message = (error as Error).message;
        }
        expect(fault === null).toBe(message === null);
        if (message !== null) broken += 1;
        const position = message?.match(/at position (\d+)/);
        if (fault && position) {
          positioned += 1;
          expect(fault.offset).toBe(Number(position[1]));
        }
      }),
      { seed: 11, numRuns: 3000 },
    );
    // Enough broken texts, and enough with a position to compare, for the test to mean something.
    expect(broken).toBeGreaterThan(1000);
    expect(positioned).toBeGreaterThan(500);
  });

  it('follows nesting deeper than the call stack allows', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999);
    expect(parses(deep)).toBe(false);
    expect(jsonSyntaxError(deep)).toMatchObject({ offset: deep.length, found: null });
  });
});
