import * as contracts from '@firebreak/contracts';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, namedContractSchemas } from './openapi-components.js';

describe("the contract's names in the OpenAPI document", () => {
  const named = namedContractSchemas();

  it('names domain types and bodies by their export, not query or path schemas', () => {
    for (const name of ['Incident', 'Unit', 'Hazard', 'JurisdictionNode', 'CoverageNode', 'CreateIncidentBody', 'Problem']) expect(named.get(name), name).toBe(contracts[name as keyof typeof contracts]);
    expect(named.has('IncidentListQuery')).toBe(false);
    expect(named.has('IdParams')).toBe(false);
  });

  it('every request example it shows is a valid request', () => {
    const withExamples = [...named].filter(([, schema]) => z.globalRegistry.get(schema)?.examples);
    // An example for a schema that is not named would never be shown.
    expect(withExamples.map(([n]) => n).sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const [name, schema] of withExamples) {
      for (const example of z.globalRegistry.get(schema)!.examples as unknown[]) {
        const parsed = schema.safeParse(example);
        expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });
});
