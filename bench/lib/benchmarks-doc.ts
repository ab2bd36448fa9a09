import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const TITLE = '# Benchmarks\n';

/**
 * Replaces one `## ` section of docs/benchmarks.md (or appends it), leaving every other section
 * as it is: several benchmarks write into the same file.
 */
export function replaceSection(markdown: string, heading: string, body: string): string {
  const doc = markdown.trim().length > 0 ? markdown : TITLE;
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start === -1) return `${doc.trimEnd()}\n\n${section}`;
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = next === -1 ? '' : `\n${lines.slice(next).join('\n')}`;
  return `${before}\n\n${section}${after}`.replace(/\n*$/, '\n');
}

export function writeSection(file: string, heading: string, body: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  writeFileSync(file, replaceSection(current, heading, body));
}
