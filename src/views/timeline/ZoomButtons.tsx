/** − 1:1 +, in the corner above the time axis, where they cover no cell and no name. */
import { useT } from '../../i18n/useT';
import { ZOOMS } from './layout';

export function ZoomButtons({
  zoom,
  setZoom,
  canZoomOut,
  canZoomIn,
}: {
  zoom: number;
  setZoom: (zoom: number) => void;
  canZoomOut: boolean;
  canZoomIn: boolean;
}) {
  const t = useT();
  const index = ZOOMS.indexOf(zoom);
  return (
    <div className="zoom" role="group" aria-label={t('timeline.zoom')} data-zoom={zoom}>
      <button
        type="button"
        onClick={() => setZoom(ZOOMS[index - 1])}
        aria-label={t('timeline.zoomOut')}
        title={t('timeline.zoomOut')}
        disabled={!canZoomOut}
        data-testid="zoom-out"
      >
        −
      </button>
      <button
        type="button"
        onClick={() => setZoom(1)}
        aria-label={t('timeline.zoomFit')}
        title={t('timeline.zoomFit')}
        disabled={zoom === 1}
        data-testid="zoom-reset"
      >
        1:1
      </button>
      <button
        type="button"
        onClick={() => setZoom(ZOOMS[index + 1])}
        aria-label={t('timeline.zoomIn')}
        title={t('timeline.zoomIn')}
        disabled={!canZoomIn}
        data-testid="zoom-in"
      >
        +
      </button>
    </div>
  );
}
