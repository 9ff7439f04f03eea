/**
 * `{n}` and `{item}` in a log text or a put value. Scanned left to right; every other
 * character, braces included, is literal.
 */
export type TemplatePart = string | { ref: 'n' | 'item' };

export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('{n}', i)) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ ref: 'n' });
      i += 3;
    } else if (text.startsWith('{item}', i)) {
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ ref: 'item' });
      i += 6;
    } else {
      literal += text[i];
      i += 1;
    }
  }
  if (literal) parts.push(literal);
  return parts;
}

export function hasPlaceholder(text: string): boolean {
  return text.indexOf('{') >= 0 && (text.includes('{n}') || text.includes('{item}'));
}

/** Python's `str(item)`: `None` before any item was taken from a queue. */
export function itemText(item: string | null): string {
  return item === null ? 'None' : item;
}

export function renderTemplate(parts: readonly TemplatePart[], n: number, item: string | null) {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else out += part.ref === 'n' ? String(n) : itemText(item);
  }
  return out;
}
