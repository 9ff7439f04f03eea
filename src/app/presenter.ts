/** Presenter mode with full screen: the Present button and the P key. */
import type { AppStore } from '../store/store';

/**
 * Enters or leaves presenter mode, and full screen with it. Full screen needs a user gesture
 * (a click or a key press); a browser that refuses it still gets the large view.
 */
export function setPresenting(store: AppStore, presenting: boolean): void {
  store.getState().setPresenting(presenting);
  if (presenting && !document.fullscreenElement)
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!presenting && document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
}
