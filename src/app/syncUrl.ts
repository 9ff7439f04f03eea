/** Keeps the URL in step with what is shown (not at every frame): scenario, time, language, view. */
import { eventInInstant, type AppStore } from '../store/store';
import { choiceFields, encodeScenario, writeUrl } from '../store/url';
import { encodeSource } from '../python/share';

export interface UrlSync {
  /** Writes the URL soon: for what the page shows outside the store (the console toggle). */
  schedule(): void;
  stop(): void;
}

export function syncUrl(
  store: AppStore,
  explicitLang: boolean,
  embed: boolean,
  /** Presenter mode shows the console and code (a toggle of the page, not of the store). */
  consoleShown: () => boolean,
): UrlSync {
  let timer = 0;
  let langChosen = explicitLang;
  const write = () => {
    const { choice, playhead, lang, theme, presenting, file, compare, program } = store.getState();
    const extra: Record<string, string> = compare
      ? { compare: '1', ...choiceFields(compare, 'b.') }
      : {};
    // The program in the editor (what a reload must not lose), compressed.
    if (program !== null) extra.py = encodeSource(program);
    const linked = program === null && file && encodeScenario(file.scenario);
    if (linked) extra.scenario = linked;
    const event = store.getState().playing ? null : eventInInstant(store.getState());
    if (event !== null) extra.e = String(event);
    if (theme === 'dark') extra.theme = 'dark';
    if (presenting) extra.present = '1';
    if (presenting && consoleShown()) extra.console = '1';
    if (store.getState().quiz) extra.quiz = '1';
    if (embed) extra.embed = '1';
    const next = writeUrl(
      program === null ? choice : null,
      playhead,
      langChosen ? lang : undefined,
      extra,
    );
    if (next !== window.location.search) window.history.replaceState(null, '', next);
  };
  const schedule = (delay: number) => {
    window.clearTimeout(timer);
    // history.replaceState costs milliseconds: not in the frame that shows the change.
    timer = window.setTimeout(write, delay);
  };
  const stop = store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) langChosen = true;
    const changed =
      state.choice !== previous.choice ||
      state.cursor !== previous.cursor ||
      state.playing !== previous.playing ||
      state.lang !== previous.lang ||
      state.theme !== previous.theme ||
      state.presenting !== previous.presenting ||
      state.quiz !== previous.quiz ||
      state.file !== previous.file ||
      state.program !== previous.program ||
      state.compare !== previous.compare;
    if (changed) schedule(state.playing ? 500 : 250);
  });
  return {
    schedule: () => schedule(250),
    stop: () => {
      window.clearTimeout(timer);
      stop();
    },
  };
}
