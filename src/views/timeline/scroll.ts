/**
 * Where the timeline scrolls for a moment: a function of the moment alone, so that going back
 * to a moment shows it exactly as going forward did. By pages, so that playback scrolls rarely.
 */

/**
 * The scroll top that shows "now" (at `py` in a canvas `content` high, in a box `box` high):
 * pages of two thirds of the box, "now" between a sixth and five sixths of it.
 */
export function scrollTopFor(py: number, box: number, content: number): number {
  const most = Math.max(0, content - box);
  if (most === 0 || box <= 0) return 0;
  const page = (box * 2) / 3;
  const top = Math.floor(Math.max(0, py - box / 6) / page) * page;
  return Math.round(Math.min(most, top));
}

/**
 * The scroll left that shows column `focus` (the first busy task): pages of half the columns
 * in view, the focus in the first half.
 */
export function scrollLeftFor(
  focus: number,
  column: number,
  axis: number,
  box: number,
  content: number,
): number {
  const most = Math.max(0, content - box);
  if (most === 0 || focus < 0) return 0;
  const perPage = Math.max(1, Math.floor((box - axis) / column / 2));
  return Math.round(Math.min(most, Math.floor(focus / perPage) * perPage * column));
}
