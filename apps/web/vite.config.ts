import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { OutputBundle } from 'rolldown';
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

/**
 * Every lazy import carries the list of JS chunks to preload with it (Vite's `__vite__mapDeps`, in the entry chunk:
 * 142 names for 40 imports, 3.3 KB gzip of the first load). Chunks the first load has already fetched (index.html's
 * modulepreloads: the Mantine base, the typed client…) are a no-op to preload again, so they are left out of every
 * list; what a lazy screen still needs is preloaded in parallel as before (no chunk-by-chunk waterfall at navigation).
 * The plugin keeps the bundle so `resolveDependencies` can tell which chunks those are; CSS deps are not passed to it.
 */
function preloadOnlyWhatIsMissing() {
  let bundle: OutputBundle | undefined;
  let initial: Set<string> | undefined;
  const plugin: Plugin = {
    name: 'firebreak-preload-missing',
    apply: 'build',
    generateBundle: { order: 'pre', handler(_options, b) { bundle = b; initial = undefined; } },
  };
  /** The entry chunks and everything they import statically: what index.html loads or modulepreloads. */
  const initialChunks = (): Set<string> => {
    if (initial) return initial;
    const found = new Set<string>();
    const visit = (file: string) => {
      const chunk = bundle?.[file];
      if (found.has(file) || chunk?.type !== 'chunk') return;
      found.add(file);
      chunk.imports.forEach(visit);
    };
    for (const [file, chunk] of Object.entries(bundle ?? {})) if (chunk.type === 'chunk' && chunk.isEntry) visit(file);
    initial = found;
    return found;
  };
  const resolveDependencies = (_file: string, deps: string[]): string[] => deps.filter((dep) => !initialChunks().has(dep));
  return { plugin, resolveDependencies };
}

const preload = preloadOnlyWhatIsMissing();

/**
 * The Mantine pieces the first screen shares with lazy screens (its buttons, loader, close button, transitions, ids, the
 * icons' factory): left to the bundler they were seven chunks of 0.1-10 KB gzip, each compressed alone and fetched in its
 * own request; in one chunk the first load is 1.5 KB gzip smaller and six requests shorter.
 */
const MANTINE_FIRST_SCREEN = /node_modules\/(@mantine\/core\/esm\/components\/(UnstyledButton|Loader|CloseButton|Transition)\/|@mantine\/hooks\/esm\/(use-id|utils\/random-id|use-isomorphic-effect)\/|@tabler\/icons-react\/dist\/esm\/(createReactComponent|defaultAttributes)\.mjs)/;

export default defineConfig(({ command }) => ({
  plugins: [react(), precompress(), preload.plugin],
  resolve: {
    // React Router's package exports only its development build (the production one differs in ENABLE_DEV_WARNINGS
    // alone, so its warnings' code went into the first load); the build takes the production one beside it.
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL('../../node_modules/react-router/dist/production/index.mjs', import.meta.url)) }] : [],
  },
  build: {
    modulePreload: { resolveDependencies: preload.resolveDependencies },
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Groups capture in the order declared (React goes to vendor before a Mantine module drags it elsewhere).
          groups: [
            // The map engine is large and changes rarely: its own chunk caches across releases.
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ },
            // React, router, query and i18n in one 'vendor' chunk. Mantine is left to the bundler: forced into vendor, the
            // components only lazy screens use (tables, selects, charts' inputs) would load up front.
            { name: 'vendor', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next)[\\/]/ },
            { name: 'mantine', test: MANTINE_FIRST_SCREEN },
          ],
        },
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
}));
