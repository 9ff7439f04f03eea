/**
 * The text of a scenario file's bytes, or null when they are not text: an image or an archive
 * dropped on the page is told as such, not as broken JSON. Text is UTF-8 (a byte-order mark is
 * dropped), or UTF-16 with its byte-order mark; a NUL byte is never in text.
 */
export function textOf(bytes: Uint8Array): string | null {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes('\0') ? null : text;
}
