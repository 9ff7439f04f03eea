/**
 * A scenario file's problem (scenario/errors.ts) in the page's language: the place as in the
 * file (`tasks[1].steps[0].seconds`), then what is wrong there. The command line says the same
 * in English with `formatError`.
 */
import { joinList, type ErrorParam, type ValidationError } from '../scenario/errors';
import type { T } from './useT';

/** A character as a reader can see it: control characters and spaces by their code point. */
function visible(found: string): string {
  const point = found.codePointAt(0) ?? 0;
  return point <= 0x20 || (point >= 0x7f && point <= 0xa0) || (point >= 0xd800 && point <= 0xdfff)
    ? `U+${point.toString(16).toUpperCase().padStart(4, '0')}`
    : found;
}

export function validationText(error: ValidationError, t: T): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(error.params) as [string, ErrorParam][]) {
    params[name] = typeof value === 'object' ? joinList(value, t('list.or')) : value;
  }
  if (error.code === 'jsonChar') params.found = visible(String(params.found));
  const message = t(`validate.${error.code}`, params);
  return error.path ? t('validate.at', { path: error.path, message }) : message;
}
