import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.VITE_API ?? 'http://localhost:3000';

// JSX goes through Vite 8's built-in Oxc transform (automatic runtime); see README of apps/web for why
// @vitejs/plugin-react is not used.
export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  // Shared tables the desk's libraries own, each a file that imports nothing (no server code in the bundle).
  resolve: {
    alias: { '@question-desk/question-sets/statuses': fileURLToPath(new URL('../../libs/question-sets/src/statuses.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    manifest: true,
    sourcemap: true,
    rolldownOptions: {
      // React Query marks its modules "use client" (a React Server Components hint); it means nothing in a browser bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': api, '/admin': api },
  },
});
