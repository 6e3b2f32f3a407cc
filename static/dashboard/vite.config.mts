// Builds the Custom UI bundle that Forge serves from static/dashboard/build and the
// local preview serves unchanged. `base: './'` because Forge serves it from a resource path.
// No React plugin: esbuild/oxc handle TSX with the automatic runtime.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  build: {
    outDir: 'build',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
  define: { 'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production') },
});
