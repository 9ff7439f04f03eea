/**
 * Task colours: the Okabe–Ito palette, distinguishable by colour-blind viewers, in an order
 * that keeps neighbours apart. Beyond eight tasks the colours repeat; names tell tasks apart.
 */
export const TASK_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#7a6a00',
  '#555555',
];

export function taskColor(task: number): string {
  return TASK_COLORS[((task % TASK_COLORS.length) + TASK_COLORS.length) % TASK_COLORS.length];
}
