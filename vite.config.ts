/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` keeps every asset path relative, so the build works from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'oracle/**/*.test.ts'],
    environment: 'node',
    // Loading CPython (Pyodide) takes a few seconds per test file.
    hookTimeout: 60_000,
    testTimeout: 60_000,
  },
});
