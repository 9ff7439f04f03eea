/**
 * The page's description follows its language: the app sets `<html lang>` (and the title) as
 * the reader chooses; index.html is written once, in English, for those who read it first
 * (search engines, link previews).
 */
import { translate, type Lang } from './messages';

export function followDocumentLang(doc: Document): () => void {
  const update = () => {
    const lang: Lang = doc.documentElement.lang === 'fr' ? 'fr' : 'en';
    doc
      .querySelector('meta[name="description"]')
      ?.setAttribute('content', translate(lang, 'app.description'));
  };
  const observer = new MutationObserver(update);
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: ['lang'] });
  update();
  return () => observer.disconnect();
}
