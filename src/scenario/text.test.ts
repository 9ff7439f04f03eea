import { describe, expect, it } from 'vitest';
import { textOf } from './text';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('the text of a file', () => {
  it('reads UTF-8, without its byte-order mark, and UTF-16 with one', () => {
    const json = '{"title": "café"}';
    expect(textOf(new TextEncoder().encode(json))).toBe(json);
    expect(textOf(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)))).toBe(json);
    const utf16 = [...json].flatMap((c) => [c.charCodeAt(0), 0]);
    expect(textOf(bytes(0xff, 0xfe, ...utf16))).toBe(json);
  });

  it('is null for an image, an archive or bytes that are not UTF-8', () => {
    // The first bytes of a PNG file: invalid UTF-8, then NUL bytes.
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48);
    expect(textOf(png)).toBeNull();
    // A zip file starts with ASCII "PK", then NUL bytes among valid UTF-8.
    expect(textOf(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0))).toBeNull();
    expect(textOf(bytes(0x7b, 0xc3, 0x28, 0x7d))).toBeNull();
  });
});
