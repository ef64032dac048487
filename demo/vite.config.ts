/**
 * Vite config of the demo agent desktop (root: `demo/`). Used by `scripts/demo.mjs` for the dev
 * server, the static build and the preview, and by the end-to-end tests (through the launcher's
 * `build` command). The simulator's URL reaches the page as `VITE_CEC_SIM_URL` (set by the
 * launcher) or as `?sim=` in the page's URL; see `demo/config.ts`.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where `vite build` puts the demo unless told otherwise (kept out of the source tree). */
export const DEMO_OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/cec-call-panel-demo', import.meta.url));

export default defineConfig({
  root,
  // No public base path assumptions: the built page works from any static server's root.
  base: '/',
  plugins: [react()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: DEMO_OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    // One small page: no module-preload polyfill to inject, no inline assets (CSP: data: is only
    // allowed for images).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
