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

/**
 * Replaces one `### ` subsection inside a `## ` section (up to the next `### ` or `## `), leaving the
 * rest of the section as it is: for a bench run that re-measures one part of its section only.
 * Appends the subsection at the end of the section when it is not there yet.
 */
export function writeSubsection(file: string, heading: string, subheading: string, body: string): void {
  const lines = (existsSync(file) ? readFileSync(file, 'utf8') : TITLE).split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start === -1) return writeSection(file, heading, `### ${subheading}\n\n${body.trim()}`);
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end === -1) end = lines.length;
  const sub = lines.findIndex((l, i) => i > start && i < end && l.trim() === `### ${subheading}`);
  const block = ['', `### ${subheading}`, '', ...body.trim().split('\n'), ''];
  if (sub === -1) {
    lines.splice(end, 0, ...block.slice(1));
  } else {
    let subEnd = lines.findIndex((l, i) => i > sub && (l.startsWith('### ') || l.startsWith('## ')));
    if (subEnd === -1) subEnd = lines.length;
    lines.splice(sub, subEnd - sub, ...block.slice(1));
  }
  writeFileSync(file, lines.join('\n'));
}
