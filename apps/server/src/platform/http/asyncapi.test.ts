import { Parser } from '@asyncapi/parser';
import { EVENT_TYPES } from '@firebreak/contracts';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument } from './asyncapi.js';
import { nameContractSchemas } from './openapi-components.js';

describe('the AsyncAPI document of the stream and the MQTT topics', () => {
  // As in the server: the OpenAPI document has named the contract's types by then.
  nameContractSchemas();
  const doc = asyncApiDocument({ version: '0.1.0', secure: true });

  it('is a valid AsyncAPI 3.0 document for @asyncapi/parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
    // Severity 0 is an error, 1 a warning; 2-3 are hints. The one hint left: 3.1 exists, and 3.0 is
    // what was asked for (and what more tools read today).
    expect(diagnostics.filter((d) => d.severity < 2).map((d) => `${d.severity} ${d.code}: ${d.message} at ${d.path.join('.')}`)).toEqual([]);
    expect(diagnostics.filter((d) => d.severity >= 2).map((d) => d.code)).toEqual(['asyncapi-latest-version']);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.channels().all().map((c) => c.address()).sort()).toEqual(['/stream', 'firebreak/goods/permits/{permitId}/position', 'firebreak/units/{unitId}/assignments', 'firebreak/units/{unitId}/patrols', 'firebreak/units/{unitId}/position']);
    expect(document?.operations().all().map((o) => `${o.action()} ${o.channels().all()[0]?.address()}`).sort()).toEqual([
      'receive firebreak/goods/permits/{permitId}/position', 'receive firebreak/units/{unitId}/position', 'send /stream', 'send firebreak/units/{unitId}/assignments', 'send firebreak/units/{unitId}/patrols',
    ]);
  }, 60_000);

  it("names every event type of the catalogue, and serves over wss under FIREBREAK_TLS", () => {
    const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> }).schemas;
    expect(schemas.StreamEvent!.properties.type!.enum).toEqual(EVENT_TYPES);
    expect((doc.servers as Record<string, { protocol: string; host: string }>).api).toMatchObject({ protocol: 'wss', host: '{host}' });
    // A position on the topic carries no unit id: the topic names the unit.
    expect(Object.keys(schemas.AvlFix!.properties)).not.toContain('unitId');
    // A spread event says who else receives it, and what of it.
    expect(JSON.stringify(doc)).toContain('| `directives.delivered` | `directives:read` (or at one of `data.targets`: then only those are in it) |');
  });
});
