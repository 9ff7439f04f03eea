/** A program in a link: its source compressed (lz-string) into a URL-safe parameter, `py=`. */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';

/** Programs up to this many characters travel in a link. */
export const MAX_SOURCE_CHARS = 100_000;
/** A parameter longer than this is not decoded (100,000 characters compress to less). */
export const MAX_PARAM_CHARS = 200_000;

export function encodeSource(source: string): string {
  return compressToEncodedURIComponent(source);
}

/** The program a link carries, or null when the parameter does not decode to one. */
export function decodeSource(param: string): string | null {
  // A `+` typed or pasted into a URL reads as a space.
  param = param.replace(/ /g, '+');
  if (param.length === 0 || param.length > MAX_PARAM_CHARS) return null;
  if (!/^[A-Za-z0-9+\-$]*$/.test(param)) return null;
  let source: string | null;
  try {
    source = decompressFromEncodedURIComponent(param);
  } catch {
    return null;
  }
  if (source === null || source.length === 0 || source.length > MAX_SOURCE_CHARS) return null;
  // Garbage may decode to something: a program is text, without control characters but tabs.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(source)) return null;
  return source;
}
