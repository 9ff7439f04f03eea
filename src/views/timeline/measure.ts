/**
 * The width of a text at 16 px in the page's font, as the timeline draws it: for the time axis
 * (as wide as its labels) and the head (names level when they fit their column).
 */
let context: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

export function textWidth(text: string, weight = 400): number {
  const key = `${weight} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (context === undefined) {
      context =
        typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    }
    if (context) {
      context.font = `${weight} 16px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
      width = Math.ceil(context.measureText(text).width);
    } else {
      // No canvas (tests in Node): a generous estimate.
      width = Math.ceil(text.length * 16 * 0.62);
    }
    widths.set(key, width);
  }
  return width;
}
