/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';

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

// `base: './'` keeps every asset path relative, so the build works from any sub-path
// (a course site); the service worker then caches the whole app for offline use.
export default defineConfig({
  base: './',
  plugins: [
    pythonAsText(),
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
        // Source maps stay out of the cache.
        globIgnores: ['**/*.map'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'oracle/**/*.test.ts'],
    environment: 'node',
    // Loading CPython (Pyodide) takes a few seconds per test file.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
