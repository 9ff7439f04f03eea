/**
 * For slides and notes: the course-style table as Markdown (exactly the CLI's `--format
 * markdown`), the timeline as SVG or PNG.
 */
import { simulate } from '../engine';
import { useAppStore } from '../store/context';
import { markdownTable, TableTooLarge } from '../trace/markdown';
import type { ExportSvg } from './timeline/TimelineGrid';
import { useT } from '../i18n/useT';
import { copyText, useFlash } from './clipboard';
import { fieldsOf, PRESET_FIELDS } from '../scenario/presets/fields';

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Export({ exportSvg }: { exportSvg: React.RefObject<ExportSvg | null> }) {
  const t = useT();
  const store = useAppStore();
  const [status, flash] = useFlash();
  const markdown = () => {
    const { run, playhead } = store.getState();
    // An endless run is tabled up to the playhead, as `--until` would.
    const until = run.endless ? Math.max(1, Math.ceil(playhead)) : undefined;
    const origin = run.origin;
    // (A program's run is tabled as far as CPython ran it.)
    const trace =
      until === undefined || origin.kind === 'python'
        ? run.trace
        : simulate(origin.compiled, { until });
    // As the CLI: the table runs to `until` when the run was stopped there.
    return markdownTable(trace, {
      labels: run.labels,
      horizon: trace.end?.reason === 'until' ? until : undefined,
    });
  };
  const name = () => {
    // job-window-8-maxsize-4: the preset and its numbers, as in the URL.
    if (store.getState().program !== null) return 'python-program';
    const c = store.getState().choice;
    const values = fieldsOf(c);
    const parts = PRESET_FIELDS[c.preset]
      .filter((f) => f.kind !== 'durations')
      .map((f) =>
        f.key === 'jobs' || f.key === 'workers' || f.key === 'runners'
          ? `${values[f.key]}`
          : `${f.name}-${values[f.key]}`,
      );
    return [c.preset, ...parts].join('-');
  };
  const copyMarkdown = async () => {
    let text: string;
    try {
      text = markdown();
    } catch (error) {
      if (!(error instanceof TableTooLarge)) throw error;
      flash(t('export.tooLarge', { rows: error.rows, columns: error.columns }));
      return;
    }
    flash((await copyText(text)) ? t('export.copied') : t('copy.failed'));
  };
  const saveSvg = () => {
    const text = exportSvg.current?.();
    if (text) download(new Blob([text], { type: 'image/svg+xml' }), `${name()}.svg`);
  };
  const savePng = async () => {
    const text = exportSvg.current?.();
    if (!text) return;
    const image = new Image();
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => blob && download(blob, `${name()}.png`), 'image/png');
  };
  return (
    <div className="export" role="group" aria-label={t('export.label')}>
      <button
        type="button"
        onClick={copyMarkdown}
        data-testid="copy-markdown"
        title={t('export.markdownTitle')}
        aria-label={t('export.markdownTitle')}
      >
        {t('export.markdown')}
      </button>
      <button
        type="button"
        onClick={saveSvg}
        data-testid="download-svg"
        title={t('export.svgTitle')}
        aria-label={t('export.svgTitle')}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={savePng}
        data-testid="download-png"
        title={t('export.pngTitle')}
        aria-label={t('export.pngTitle')}
      >
        PNG
      </button>
      <span className="flash" role="status" data-testid="export-status">
        {status}
      </span>
    </div>
  );
}
