import { useCallback } from 'react';
import { useApp } from '../store/context';
import { selectLang } from '../store/selectors';
import { translate, type MessageKey } from './messages';

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The translator for the page's language. */
export function useT(): T {
  const lang = useApp(selectLang);
  return useCallback((key, params) => translate(lang, key, params), [lang]);
}
