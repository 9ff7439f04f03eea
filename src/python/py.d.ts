/** The Python runtime's source, as text (vite.config.ts and scripts/sim.mjs load `.py` so). */
declare module '*.py' {
  const source: string;
  export default source;
}
