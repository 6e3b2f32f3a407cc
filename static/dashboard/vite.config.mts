// Builds the Custom UI bundle that Forge serves from static/dashboard/build and the
// local preview serves unchanged. `base: './'` because Forge serves it from a resource path.
// No React plugin: Vite's own transform handles TSX with the automatic runtime.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => ({
  root,
  base: './',
  build: {
    outDir: 'build',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
  // A build is always React's production build, even when started from jest (NODE_ENV=test).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
}));
