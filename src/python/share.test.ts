import { describe, expect, it } from 'vitest';
import { buildPreset, presetDefaults } from '../scenario/presets';
import { decodeSource, encodeSource, MAX_SOURCE_CHARS } from './share';
import { readPythonFile } from './pyFile';

describe('a program in a link', () => {
  const job = buildPreset(presetDefaults('job-window'), 'fr').python.code;

  it.each([
    ['the job window, in French', job],
    ['accents and emoji', 'print("état : déjà vu 🐍")\n'],
    ['tabs and blank lines', 'async def f():\n\tpass\n\n\n'],
  ])('round-trips %s', (_, source) => {
    const param = encodeSource(source);
    expect(param).toMatch(/^[A-Za-z0-9+\-$]*$/);
    expect(decodeSource(param)).toBe(source);
  });

  it('keeps the job window short enough for a link', () => {
    const param = encodeSource(job);
    expect(job.length).toBeGreaterThan(700);
    expect(param.length).toBeLessThan(job.length);
  });

  it('refuses what is not a program', () => {
    expect(decodeSource('')).toBeNull();
    expect(decodeSource('not a program!')).toBeNull();
    expect(decodeSource('<script>')).toBeNull();
    expect(decodeSource('x'.repeat(300_000))).toBeNull();
    expect(decodeSource(encodeSource('a'.repeat(MAX_SOURCE_CHARS + 1)))).toBeNull();
  });
});

describe('a program from a file', () => {
  it('reads UTF-8, without a BOM, with LF line ends', async () => {
    const file = new File(['\ufeffprint("é")\r\nprint(2)\r\n'], 'x.py');
    expect(await readPythonFile(file)).toBe('print("é")\nprint(2)\n');
  });

  it('refuses a file that is not UTF-8 text, or too big', async () => {
    await expect(
      readPythonFile(new File([new Uint8Array([0xff, 0xfe, 0x00])], 'x.py')),
    ).rejects.toThrow('not a text file');
    await expect(readPythonFile(new File([new Uint8Array(2 << 20)], 'big.py'))).rejects.toThrow(
      '1 MB',
    );
  });
});
