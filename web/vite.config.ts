import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { babelMacros } from './build/babel-macros';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.MAILLAGE_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  plugins: [
    babelMacros({ artifactDirectory: `${root}src/gql`, linguiConfigPath: `${root}lingui.config.ts` }),
    react(),
    lingui({ configPath: `${root}lingui.config.ts`, failOnMissing: true, failOnCompileError: true }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The app serves no source maps to browsers; they stay out of dist.
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  // `npm run web:dev`: Vite's dev server in front of a running `npm start`.
  server: {
    proxy: {
      '/graphql': api,
      '/auth': api,
      '/files': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
