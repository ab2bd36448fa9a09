// Writes docs/errors.md from the error catalogue (apps/server/src/errors.ts).
// Usage: npm run docs:errors. apps/server/src/errors.test.ts fails when the file is out of step.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ERROR_CATALOGUE } from '../apps/server/src/errors.js';

export const ERRORS_DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/errors.md');

const INTRO = `# Errors

<!-- Generated from ERROR_CATALOGUE in apps/server/src/errors.ts by \`npm run docs:errors\`.
     Do not edit by hand: apps/server/src/errors.test.ts fails when this file is out of step. -->

Every error the API returns is an RFC 9457 problem (\`Content-Type: application/problem+json\`):

\`\`\`json
{
  "type": "urn:firebreak:problem:validation-failed",
  "title": "The request is not valid",
  "status": 400,
  "code": "VALIDATION_FAILED",
  "detail": "body.parentId: Invalid UUID",
  "instance": "/api/v1/jurisdictions",
  "requestId": "0192f7c4-…",
  "errors": [{ "path": "body.parentId", "message": "Invalid UUID" }]
}
\`\`\`

- \`code\` is stable: clients branch on it, never on \`title\` or \`detail\`. \`type\` is the same
  code as a URN.
- \`errors\` appears on validation problems and names each offending field by path
  (\`body.…\`, \`query.…\`, \`path.…\`, \`header.…\`).
- \`requestId\` is also sent as the \`x-request-id\` header and appears in the server log.
- 5xx problems never carry internal details: \`detail\` repeats the title; the cause is logged.
- An object outside the caller's jurisdiction scope is reported as \`NOT_FOUND\` (it does not
  exist for them); one they can see but may not change is \`FORBIDDEN\`.

`;

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}

/** docs/errors.md as it should be for the current catalogue. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, e]) => `| \`${code}\` | ${e.status} | ${escapeCell(e.title)} |`,
  );
  return `${INTRO}| code | HTTP status | title |\n| --- | ---: | --- |\n${rows.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(ERRORS_DOC, renderErrorsDoc());
  process.stdout.write(`wrote ${path.relative(process.cwd(), ERRORS_DOC)}\n`);
}
