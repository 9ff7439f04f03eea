/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { makeSnapshot, snapshotName } from './scripts/python-snapshot.mjs';

/** `import source from './x.py'`: a Python file as text (the Python runtime's source). */
function pythonAsText() {
  return {
    name: 'python-as-text',
    enforce: 'pre' as const,
    load(id: string) {
      if (!id.endsWith('.py')) return null;
      return `export default ${JSON.stringify(readFileSync(id, 'utf8'))};`;
    },
  };
}

/** The pinned `pyodide` package: its folder and version (the runtime's assets folder says it). */
const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
const pyodideVersion: string = JSON.parse(
  readFileSync(join(pyodideDir, 'package.json'), 'utf8'),
).version;
/** Where the runtime's files go, next to the worker's chunk (`dist/assets/`). */
const pyodideFolder = `pyodide-${pyodideVersion}`;
/** What the worker loads (pyodide.mjs itself is bundled into the worker's chunk). */
const PYODIDE_FILES = [
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;
const pyodideTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.json': 'application/json',
};

const runtimePath = join(
  dirname(fileURLToPath(import.meta.url)),
  'src',
  'python',
  '_asyncio_sim.py',
);

/**
 * Pyodide's files, served from the app itself (never a CDN): emitted into
 * `dist/assets/pyodide-<version>/` by the build, served from node_modules in dev. Their sizes
 * are given to the worker (`__PYODIDE_ASSETS__`), so that it can show a download's progress
 * even when the server compresses them. The build adds a memory snapshot of CPython with the
 * runtime imported (scripts/python-snapshot.mjs), which starts it about three times sooner;
 * dev has none (the runtime's source changes there), and the worker starts CPython itself.
 */
function pyodideAssets(): Plugin {
  const files = PYODIDE_FILES.map((name) => ({ name, path: join(pyodideDir, name) }));
  let snapshot: { name: string; bytes: Uint8Array } | null = null;
  return {
    name: 'pyodide-assets',
    config: async (_, { command, isPreview }) => {
      if (command === 'build' && !isPreview)
        snapshot = {
          name: snapshotName(pyodideDir, runtimePath),
          bytes: await makeSnapshot(pyodideDir, runtimePath),
        };
      const sizes = Object.fromEntries(files.map((f) => [f.name, statSync(f.path).size]));
      if (snapshot) sizes[snapshot.name] = snapshot.bytes.byteLength;
      return {
        define: {
          __PYODIDE_ASSETS__: JSON.stringify({
            folder: pyodideFolder,
            sizes,
            snapshot: snapshot?.name ?? null,
          }),
        },
      };
    },
    configureServer(server) {
      // In dev the worker runs from /src/python/: any path ending in the folder serves it.
      const pattern = new RegExp(`/${pyodideFolder.replace(/\./g, '\\.')}/([^/?#]+)(?:[?#]|$)`);
      server.middlewares.use((req, res, next) => {
        const name = pattern.exec(req.url ?? '')?.[1];
        const file = files.find((f) => f.name === name);
        if (!file) return next();
        res.setHeader('Content-Type', pyodideTypes[file.name.slice(file.name.lastIndexOf('.'))]);
        res.setHeader('Content-Length', String(statSync(file.path).size));
        createReadStream(file.path).pipe(res);
      });
    },
    generateBundle() {
      for (const file of files)
        this.emitFile({
          type: 'asset',
          fileName: `assets/${pyodideFolder}/${file.name}`,
          source: readFileSync(file.path),
        });
      if (snapshot)
        this.emitFile({
          type: 'asset',
          fileName: `assets/${pyodideFolder}/${snapshot.name}`,
          source: snapshot.bytes,
        });
    },
  };
}

// `base: './'` keeps every asset path relative, so the build works from any sub-path
// (a course site); the service worker then caches the whole app for offline use.
export default defineConfig({
  base: './',
  plugins: [
    pythonAsText(),
    pyodideAssets(),
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'asyncio, step by step',
        short_name: 'asyncio',
        description: "A visual simulator of Python's asyncio event loop",
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f6f5f1',
        theme_color: '#1f5fa8',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // Source maps stay out of the cache, and so does Python (10 MB): not every visitor
        // opens the Python mode. The Python worker's own chunk (assets/worker-*.js) is in.
        globIgnores: ['**/*.map', `**/${pyodideFolder}/**`],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Python is cached the first time it is used, then loads offline. The cache's name
        // says the version: a new Pyodide is a new folder and a new cache.
        runtimeCaching: [
          {
            urlPattern: new RegExp(`/assets/${pyodideFolder.replace(/\./g, '\\.')}/`),
            handler: 'CacheFirst',
            options: {
              cacheName: pyodideFolder,
              expiration: { maxEntries: 16 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  // The Python worker: an ES module (it imports Pyodide's own module), with the runtime's .py.
  worker: {
    format: 'es',
    plugins: () => [pythonAsText()],
    // Pyodide's Node-only branches import Node's modules; they never run in a browser.
    rolldownOptions: { external: [/^node:/, 'ws'] },
  },
  // Pyodide finds its files itself: Vite's dependency pre-bundling would break that.
  optimizeDeps: { exclude: ['pyodide'] },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'oracle/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/i18n/testSetup.ts'],
    // Loading CPython (Pyodide) takes a few seconds per test file.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
