import { describe, expect, it } from 'vitest';
import { compileScenario, simulate } from '../../engine';
import { jobWindowScenario } from '../../scenario/presets';
import { taskLabels } from '../../trace/labels';
import {
  canZoomIn,
  canZoomOut,
  MIN_ROW,
  rowMiddle,
  slotLabel,
  timelineLayout,
  ZOOMS,
  type LayoutInput,
} from './layout';
import { scrollLeftFor, scrollTopFor } from './scroll';

// About the widths of 16 px system-ui (bold is wider).
const measure = (text: string, weight = 400) => Math.ceil(text.length * (weight > 500 ? 10 : 9));

function jobWindow(jobs: number, maxsize: number, box = { width: 776, height: 230 }) {
  const compiled = compileScenario(
    jobWindowScenario({ jobs, maxsize, durations: { kind: 'formula' } }),
  );
  const trace = simulate(compiled);
  const end = trace.timeAt(trace.eventCount - 1);
  return (zoom: number, extra: Partial<LayoutInput> = {}): LayoutInput => ({
    labels: taskLabels(compiled),
    names: trace.tasks.map((t) => t.name),
    span: Math.ceil(end),
    endless: false,
    ...box,
    zoom,
    statusWidth: 70,
    measure,
    ...extra,
  });
}

describe('zoom', () => {
  for (const [jobs, maxsize] of [
    [8, 4],
    [8, 1],
    [200, 7],
    [2000, 10],
  ]) {
    it(`zooming in makes cells bigger, zooming out never does (${jobs} jobs, maxsize ${maxsize})`, () => {
      const input = jobWindow(jobs, maxsize);
      const layouts = ZOOMS.map((zoom) => timelineLayout(input(zoom)));
      for (let i = 1; i < layouts.length; i += 1) {
        const [smaller, bigger] = [layouts[i - 1], layouts[i]];
        expect(bigger.column).toBeGreaterThanOrEqual(smaller.column);
        expect(bigger.perSecond).toBeGreaterThanOrEqual(smaller.perSecond);
        if (ZOOMS[i] > 1) {
          expect(bigger.column).toBeGreaterThan(smaller.column);
          expect(bigger.perSecond).toBeGreaterThan(smaller.perSecond);
        }
      }
      // Zoom out is offered while it shows more, and what it shows at last fits the box.
      let zoom = 1;
      while (canZoomOut(input(zoom))) zoom = ZOOMS[ZOOMS.indexOf(zoom) - 1];
      const out = timelineLayout(input(zoom));
      if (zoom > ZOOMS[0]) {
        expect(out.width).toBeLessThanOrEqual(776 + 1);
        expect(out.height).toBeLessThanOrEqual(230 + 1);
      }
      expect(canZoomIn(1)).toBe(true);
      expect(canZoomIn(ZOOMS[ZOOMS.length - 1])).toBe(false);
    });
  }

  it('8 jobs: everything fits at 1:1, so zooming out is not offered', () => {
    const input = jobWindow(8, 4);
    expect(timelineLayout(input(1)).width).toBeLessThanOrEqual(776);
    expect(canZoomOut(input(1))).toBe(false);
  });

  it('200 jobs: zooming in brings every name back, with its duration', () => {
    const input = jobWindow(200, 7);
    const fit = timelineLayout(input(1));
    expect(fit.stride).toBeGreaterThan(1);
    expect(fit.fullLabels).toBe(false);
    const zoomed = timelineLayout(input(2));
    expect(zoomed.stride).toBe(1);
    expect(zoomed.fullLabels).toBe(true);
  });
});

describe('the head', () => {
  it('names every k-th column by name only, k never a multiple of 3 (the durations)', () => {
    for (const jobs of [30, 60, 200, 1000, 20_000]) {
      const input = jobWindow(jobs, 7);
      for (const zoom of ZOOMS) {
        const layout = timelineLayout(input(zoom));
        if (layout.stride > 1) expect(layout.fullLabels).toBe(false);
        expect(layout.stride % 3).not.toBe(0);
        // Slanted names one stride apart do not overlap (16 px text, 60°: 17 px apart across).
        if (layout.slanted)
          expect(layout.stride * layout.column * Math.sin(Math.PI / 3)).toBeGreaterThanOrEqual(17);
      }
    }
  });

  it('writes names level when they fit their column, else at a slant', () => {
    expect(timelineLayout(jobWindow(8, 4)(1)).slanted).toBe(false);
    expect(timelineLayout(jobWindow(30, 4)(1)).slanted).toBe(true);
  });

  it('draws the row of states only when the columns hold the words', () => {
    expect(timelineLayout(jobWindow(8, 4)(1)).statusRow).toBe(true);
    expect(timelineLayout(jobWindow(200, 7)(1)).statusRow).toBe(false);
  });

  it('takes the higher head when compared', () => {
    const layout = timelineLayout(jobWindow(8, 4)(1, { minHead: 120 }));
    expect(layout.head).toBe(120);
    expect(layout.naturalHead).toBeLessThan(120);
  });
});

describe('the time axis', () => {
  it('is as wide as its labels and "now" side by side, however long the run', () => {
    for (const span of [5, 99, 1000, 3600, 100_000]) {
      const layout = timelineLayout(jobWindow(2, 1)(1, { span, endless: true }));
      const lastSlot = Math.ceil(span / layout.slot - 1e-9) * layout.slot - layout.slot;
      // Labels end where the "now" label begins, which ends before the lanes.
      expect(layout.rowRight - measure(slotLabel(lastSlot, layout.slot))).toBeGreaterThanOrEqual(0);
      expect(layout.pillWidth).toBeGreaterThanOrEqual(measure(span.toFixed(3), 700));
      expect(layout.rowRight).toBeLessThan(layout.pillX);
      expect(layout.pillX + layout.pillWidth).toBeLessThanOrEqual(layout.axis);
    }
  });

  it('labels every row: a slot is tall enough for its label, at every zoom', () => {
    for (const [jobs, maxsize] of [
      [8, 1],
      [8, 4],
      [200, 7],
    ]) {
      const input = jobWindow(jobs, maxsize);
      for (const zoom of ZOOMS) {
        const layout = timelineLayout(input(zoom));
        expect(layout.slot * layout.perSecond).toBeGreaterThanOrEqual(MIN_ROW);
      }
    }
    // maxsize 1, 15 s: at 1:1 every second is a row of its own.
    expect(timelineLayout(jobWindow(8, 1)(1)).slot).toBe(1);
  });

  it('the last row, cut by the end of the run, still holds its label', () => {
    // 200 jobs, maxsize 7 (58 s) compared with maxsize 1 (399 s): rows of 100 s or so.
    const layout = timelineLayout(jobWindow(200, 7)(1, { fitSpan: 399 }));
    expect(layout.perSecond * 399).toBeLessThanOrEqual(230 - 12 + 1e-9);
    const last = Math.ceil(58 / layout.slot - 1e-9) * layout.slot - layout.slot;
    const middle = rowMiddle(last, layout);
    expect(middle - MIN_ROW / 2).toBeGreaterThanOrEqual(last * layout.perSecond - 1e-9);
    expect(middle + MIN_ROW / 2).toBeLessThanOrEqual(layout.height);
    expect(slotLabel(last, layout.slot, 58)).toMatch(/-58$/);
  });

  it('compared runs share pixels per second: the longer run fitted to the height', () => {
    const a = timelineLayout(jobWindow(8, 4)(1, { fitSpan: 15 }));
    const b = timelineLayout(jobWindow(8, 1)(1, { fitSpan: 15 }));
    expect(a.perSecond).toBe(b.perSecond);
    expect(b.height - 12).toBeLessThanOrEqual(230 - 12 + 1e-9);
  });
});

describe('scrolling', () => {
  it('is a function of the moment, and keeps "now" in view', () => {
    for (let py = 0; py <= 1400; py += 7) {
      const top = scrollTopFor(py, 230, 1404);
      expect(py).toBeGreaterThanOrEqual(top);
      expect(py).toBeLessThanOrEqual(top + 230);
    }
    expect(scrollTopFor(100, 230, 200)).toBe(0);
  });

  it('sideways, shows the focused column', () => {
    for (let focus = 0; focus < 200; focus += 1) {
      const left = scrollLeftFor(focus, 18, 126, 776, 126 + 18 * 200 + 8);
      const x = 126 + focus * 18 - left;
      expect(x).toBeGreaterThanOrEqual(126);
      expect(x + 18).toBeLessThanOrEqual(776);
    }
  });
});
