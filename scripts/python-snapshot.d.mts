/** Types of python-snapshot.mjs (made at build time by vite.config.ts). */
export function snapshotName(pyodideDir: string, runtimePath: string): string;
export function makeSnapshot(pyodideDir: string, runtimePath: string): Promise<Uint8Array>;
