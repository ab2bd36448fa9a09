import { createFirebreakClient, ProblemError, unwrap } from '@firebreak/client';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { TEST_ADMIN_PASSWORD } from '../../../test/template.js';

/**
 * packages/client as an integrator uses it: its README's example (examples/quickstart.ts)
 * type-checks against the generated types and runs against a listening server — sign in, listen
 * to the stream, take an emergency report, read it back, see it announced.
 */

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../packages/client');

describe('the typed client (packages/client) against a running server', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  it('its example type-checks against the types generated from the document', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(CLIENT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } })!;
    const program = ts.createProgram([path.join(CLIENT, 'examples/quickstart.ts')], { ...config.options, noEmit: true, composite: false, declaration: false, emitDeclarationOnly: false });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 180_000);

  it('runs the example: creates an incident, reads it back, and the stream announces it', async () => {
    const { quickstart } = await import('../../../../../packages/client/examples/quickstart.js');
    const { created, readBack, announced } = await quickstart(baseUrl, 'admin', TEST_ADMIN_PASSWORD);
    expect(readBack.id).toBe(created.id);
    expect([readBack.type, readBack.priority, readBack.address]).toEqual(['fire', 'P1', 'Äulestrasse 20, Vaduz']);
    expect(announced.type).toBe('incidents.opened');
    expect(announced.jurisdictionPath).toBe(readBack.jurisdictionPath);
  }, 60_000);

  it('turns refusals into ProblemErrors carrying the catalogued code', async () => {
    const anonymous = createFirebreakClient({ baseUrl });
    await expect(unwrap(anonymous.api.GET('/api/v1/incidents'))).rejects.toMatchObject({ code: 'AUTH_REQUIRED', status: 401 });
    const firebreak = createFirebreakClient({ baseUrl });
    await expect(firebreak.login('admin', 'not the password')).rejects.toBeInstanceOf(ProblemError);
    await firebreak.login('admin', TEST_ADMIN_PASSWORD);
    const missing = unwrap(firebreak.api.GET('/api/v1/incidents/{id}', { params: { path: { id: '0190a1b2-0000-7000-8000-000000000000' } } }));
    await expect(missing).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    // The session is the client's: after logout the same client is anonymous again.
    await firebreak.logout();
    await expect(unwrap(firebreak.api.GET('/api/v1/auth/me'))).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
