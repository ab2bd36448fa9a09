// Writes packages/client/src/openapi.ts (the client's types) from the OpenAPI document the server
// serves, built in-process on a throwaway in-memory database. Usage: npm run client:generate.
// apps/server/src/platform/http/openapi.int.test.ts fails when the file is out of step: run this
// after adding or changing a route.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typesFromDocument } from '@firebreak/client/generate';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/platform/db/client.js';
import { OPENAPI_PATH } from '../apps/server/src/platform/http/openapi.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/client/src/openapi.ts');

const database = await openDatabase({ dataDir: os.tmpdir(), inMemory: true });
const config = loadConfig({ LOG_LEVEL: 'silent', FIREBREAK_DEMO: 'false', MFA_REQUIRED_ROLES: '', AUDIT_SIGNING_KEY: randomBytes(32).toString('base64') });
const app = await buildApp(config, { database });
try {
  const res = await app.inject(OPENAPI_PATH);
  if (res.statusCode !== 200) throw new Error(`${OPENAPI_PATH} answered ${res.statusCode}`);
  writeFileSync(OUT, await typesFromDocument(JSON.parse(res.body) as object));
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
} finally {
  await app.close();
}
