/** Playback icons as inline SVG: no icon font, so they render on any projector laptop. */
const paths = {
  start: 'M6 5h2v14H6zM20 5v14L9.5 12z',
  prevInstant: 'M11 5v14L2 12zM21 5v14l-9-7z',
  stepBack: 'M17 5v14L7 12zM5 5h2v14H5z',
  play: 'M7 4.5v15L20 12z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  stepForward: 'M7 5v14l10-7zM17 5h2v14h-2z',
  nextInstant: 'M3 5v14l9-7zM13 5v14l9-7z',
  end: 'M4 5v14l10.5-7zM16 5h2v14h-2z',
};

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
