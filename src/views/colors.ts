/**
 * Colours. Task colours follow the Okabe–Ito palette, told apart by colour-blind viewers, in an
 * order that keeps neighbours apart; beyond eight tasks they repeat (names tell tasks apart, and
 * states are told by pattern as well as colour: hatched = waiting, solid = running).
 * The timeline's SVG takes its colours from the theme as attributes, so that an exported SVG
 * or PNG looks as on screen.
 */
import { useApp } from '../store/context';
import type { Theme } from '../store/store';

export type { Theme };

const LIGHT_TASKS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#7a6a00',
  '#555555',
];
const DARK_TASKS = [
  '#3ea2ea',
  '#f0b23a',
  '#21c494',
  '#e29cc6',
  '#8fd0f5',
  '#ff7a3d',
  '#e0d060',
  '#b8b8b8',
];

export interface Palette {
  tasks: string[];
  background: string;
  stripe: string;
  gridLine: string;
  text: string;
  muted: string;
  hatchBack: string;
  hatchLine: string;
  done: string;
  now: string;
  nowText: string;
  /** A blocking call, and what it made late. */
  late: string;
}

export const PALETTES: Record<Theme, Palette> = {
  light: {
    tasks: LIGHT_TASKS,
    background: '#ffffff',
    stripe: '#fafaf7',
    gridLine: '#d9d6cc',
    text: '#1b1b1b',
    muted: '#444444',
    hatchBack: '#f1efe8',
    hatchLine: '#9a9386',
    done: '#ecebe6',
    now: '#c0392b',
    nowText: '#ffffff',
    late: '#d7191c',
  },
  dark: {
    tasks: DARK_TASKS,
    background: '#16181c',
    stripe: '#1c1f24',
    gridLine: '#3a3e45',
    text: '#f2f2f2',
    muted: '#c9c9c9',
    hatchBack: '#23262c',
    hatchLine: '#7d838d',
    done: '#2b2f36',
    now: '#ff6b5b',
    nowText: '#16181c',
    late: '#ff5a5f',
  },
};

export function taskColor(task: number, theme: Theme = 'light'): string {
  const tasks = PALETTES[theme].tasks;
  return tasks[((task % tasks.length) + tasks.length) % tasks.length];
}

export function usePalette(): Palette {
  return PALETTES[useApp((s) => s.theme)];
}

/** The colour of a task in the current theme. */
export function useTaskColor(): (task: number) => string {
  const palette = usePalette();
  return (task) =>
    palette.tasks[((task % palette.tasks.length) + palette.tasks.length) % palette.tasks.length];
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Text colour for a coloured background: near-black or white, whichever contrasts more. */
export function inkOn(background: string): string {
  const l = luminance(background);
  return (l + 0.05) / 0.0501 >= 1.05 / (l + 0.05) ? '#111111' : '#ffffff';
}
