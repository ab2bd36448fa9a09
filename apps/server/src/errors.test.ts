import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from './errors.js';

// The generator lives outside this package's TypeScript project, so it is loaded by path.
const GENERATOR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../scripts/gen-errors-doc.ts');

async function generator(): Promise<{ renderErrorsDoc: () => string; ERRORS_DOC: string }> {
  return (await import(GENERATOR)) as { renderErrorsDoc: () => string; ERRORS_DOC: string };
}

describe('docs/errors.md', () => {
  it('is what `npm run docs:errors` generates from the current catalogue', async () => {
    const { renderErrorsDoc, ERRORS_DOC } = await generator();
    const onDisk = readFileSync(ERRORS_DOC, 'utf8');
    expect(onDisk, 'docs/errors.md is out of step with ERROR_CATALOGUE: run `npm run docs:errors`').toBe(renderErrorsDoc());
  });

  it('lists every code of the catalogue with its status', async () => {
    const { renderErrorsDoc } = await generator();
    const doc = renderErrorsDoc();
    for (const [code, e] of Object.entries(ERROR_CATALOGUE)) {
      expect(doc).toContain(`| \`${code}\` | ${e.status} |`);
    }
  });
});

describe('ERROR_CATALOGUE', () => {
  it('uses stable upper-snake-case codes and HTTP error statuses', () => {
    for (const [code, e] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.status).toBeLessThan(600);
      expect(e.title.trim().length).toBeGreaterThan(0);
    }
  });
});
