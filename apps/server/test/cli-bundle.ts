import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
/**
 * Inside apps/server's node_modules (never committed): the bundle imports the server's packages
 * from there, as src/main.ts does, so it must sit where Node finds them.
 */
const OUT_DIR = path.join(SERVER_DIR, 'node_modules', '.cache', 'firebreak-test-cli');
export const CLI_BUNDLE = path.join(OUT_DIR, 'main.mjs');
const INPUTS = path.join(OUT_DIR, 'inputs.json');

/**
 * Each module keeps its own `import.meta.url` (the source file's, not the bundle's): the server
 * finds its migrations, data files and the web build relative to its sources.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/**
 * `firebreak` (src/main.ts) as one ES module for the tests' child processes: the server's and the
 * workspace packages' sources bundled, every npm package imported as it is. A child started with
 * `node --import tsx src/main.ts` spends 2.5-3 CPU-s resolving and compiling ~500 modules through
 * tsx's loader before it does anything; from the bundle, about 1 s. Built once per test run
 * (global-setup.ts), in about a second.
 */
export async function buildCliBundle(): Promise<string> {
  const manifest = JSON.parse(readFileSync(path.join(SERVER_DIR, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const workspace = (name: string) => name.startsWith('@firebreak/');
  const packages = new Set(Object.keys(manifest.dependencies).filter((n) => !workspace(n)));
  for (const dir of ['packages/contracts', 'packages/roadgraph']) {
    const pkg = JSON.parse(readFileSync(path.join(SERVER_DIR, '..', '..', dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const n of Object.keys(pkg.dependencies ?? {})) if (!workspace(n)) packages.add(n);
  }
  const result = await build({
    entryPoints: [path.join(SERVER_DIR, 'src', 'main.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    external: [...packages].flatMap((n) => [n, `${n}/*`]),
    plugins: [ownImportMetaUrl],
    metafile: true,
    absWorkingDir: SERVER_DIR,
    logLevel: 'warning',
  });
  writeFileSync(INPUTS, JSON.stringify(Object.keys(result.metafile.inputs).map((f) => path.resolve(SERVER_DIR, f))));
  return CLI_BUNDLE;
}

/**
 * Whether the bundle holds the sources as they are now: none of its inputs changed since it was
 * built (a watch-mode run keeps its global setup's bundle while sources change under it).
 */
export function cliBundleIsCurrent(): boolean {
  if (!existsSync(CLI_BUNDLE) || !existsSync(INPUTS)) return false;
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const inputs = JSON.parse(readFileSync(INPUTS, 'utf8')) as string[];
  return inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built);
}
