import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Where `npm run dev` sends API and stream requests: a server started with `npm start`. */
const api = process.env.FIREBREAK_API ?? 'http://localhost:8080';

/**
 * Writes `.br` and `.gz` beside every text asset once the build is done; the server sends them
 * to browsers that accept them (@fastify/static `preCompressed`) without compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'firebreak-precompress',
    apply: 'build',
    configResolved: (config) => { outDir = config.build.outDir; },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // The map engine is large and changes rarely: its own chunk caches across releases.
        // React, router, query and i18n in one 'vendor' chunk. Mantine is left to the bundler: forced into vendor, the
        // components only lazy screens use (tables, selects, charts' inputs) would load up front.
        manualChunks: (id) =>
          id.includes('node_modules/maplibre-gl') ? 'maplibre'
          : /node_modules\/(react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next)\//.test(id) ? 'vendor'
          : undefined,
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: true },
      '/readyz': api,
    },
  },
});
