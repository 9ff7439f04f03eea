// Tests read every language at once: load the ones that are chunks of their own in the app.
import { LANGS, loadLang } from './messages';

await Promise.all(LANGS.map(loadLang));
