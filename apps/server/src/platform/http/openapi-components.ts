import * as contracts from '@firebreak/contracts';
import { z } from 'zod';

/**
 * Names the contract's domain types in the OpenAPI document: every object, union or enum that
 * packages/contracts exports becomes `#/components/schemas/<ExportName>` (Incident, Unit,
 * Hazard, CreateIncidentBody, …), so generated clients get those names instead of `schema0` or
 * an anonymous inline type, and recursive types (JurisdictionNode, CoverageNode) resolve.
 *
 * One place, no list to keep: a schema added to the contracts is named by its export. Query,
 * path and header schemas stay inline, since OpenAPI describes them as parameters, not as one
 * schema. The names live in zod's global registry (where fastify-type-provider-zod looks), with
 * the schema's own metadata (descriptions) kept.
 */

const NAMED_KINDS = new Set(['object', 'union', 'enum', 'intersection', 'record']);
const PARAMETER_SCHEMA = /(Query|Params|Headers)$/;

/** Request body examples shown by the docs UI and copied by integrators: the common commands. */
export const EXAMPLES: Record<string, unknown[]> = {
  LoginBody: [{ username: 'dispatcher.vaduz', password: 'correct horse battery staple' }],
  CreateIncidentBody: [{ type: 'fire', priority: 'P1', location: [9.5209, 47.141], address: 'Äulestrasse 20, Vaduz', narrative: 'Smoke from the roof of a two-storey house' }],
  AssignUnitsBody: [{ unitIds: ['0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b'], recommendedUnitIds: ['0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c'] }],
  CloseIncidentBody: [{ disposition: 'resolved', note: 'Fire out, scene handed to the owner' }],
  AssignmentActionBody: [{ action: 'on_scene' }],
  UnitActionBody: [{ action: 'on_duty' }],
  LinkDuplicateBody: [{ duplicateOf: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2e' }],
  IssueDirectiveBody: [{
    issuerJurisdictionId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a30',
    title: 'Inspect every fuel station before the holiday weekend',
    content: 'Check fire extinguishers, emergency shut-offs and escape routes; report findings as hazards.',
    requiredActions: ['Inspect each fuel station in your area', 'Report back with the number inspected'],
    targetJurisdictionIds: ['0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a31', '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a32'],
    acknowledgeBy: '2026-12-20T12:00:00Z',
    reportBy: '2026-12-23T18:00:00Z',
  }],
  RegisterUnitBody: [{ callSign: 'E 41', kind: 'fire_engine', jurisdictionId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a30', homeStationId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a33', crewSize: 4, capabilities: ['pump', 'water'], onDuty: true }],
  UpdateUnitBody: [{ crewSize: 3, capabilities: ['pump', 'water', 'foam'] }],
  AvlBatchBody: [{ fixes: [
    { unitId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', location: [9.5215, 47.141], at: '2026-12-06T13:05:10Z', speedKmh: 42, heading: 180 },
    { unitId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', location: [9.5216, 47.1398], at: '2026-12-06T13:05:15Z', speedKmh: 38, heading: 175 },
  ] }],
  ReassignBody: [{ incidentId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2e' }],
  CreateReinforcementBody: [{ kind: 'fire_engine', count: 2, target: { to: 'above' }, timeoutSeconds: 120, note: 'Second-alarm fire, two more engines for water supply' }],
  RaiseHazardBody: [{ placeId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2d', grade: 'major', title: 'Fire exit blocked by stored pallets', description: 'Ground floor, east stairwell' }],
};

let named = false;

/** Registers the contract's names once per process (idempotent: several apps may be built in one test run). */
export function nameContractSchemas(): void {
  if (named) return;
  named = true;
  for (const [name, value] of Object.entries(contracts)) {
    if (!(value instanceof z.ZodType) || PARAMETER_SCHEMA.test(name)) continue;
    if (!NAMED_KINDS.has(value.def.type)) continue;
    const meta = z.globalRegistry.get(value);
    // An export that re-exports another name of the same schema keeps its first name.
    if (meta?.id || z.globalRegistry._idmap.has(name)) continue;
    z.globalRegistry.add(value, { ...meta, id: name, ...(EXAMPLES[name] ? { examples: EXAMPLES[name] } : {}) });
  }
}

/** The names given, for tests: export name → schema. */
export function namedContractSchemas(): Map<string, z.ZodType> {
  nameContractSchemas();
  return new Map([...z.globalRegistry._idmap.entries()].filter(([id]) => id in contracts) as [string, z.ZodType][]);
}
