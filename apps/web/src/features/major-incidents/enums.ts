import type { CAP_CERTAINTIES as CapCertainties, CAP_LIMITS as CapLimits, CAP_RESPONSE_TYPES as CapResponseTypes, CAP_SEVERITIES as CapSeverities, CAP_URGENCIES as CapUrgencies, MajorPointKind, ResponseLevel, Section, TriageCategory } from '@firebreak/contracts';

/* Copies of the contract's major-incident enums (the web bundle takes no values from contracts, see api/enums.ts); enums.test.ts keeps them in step. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const satisfies readonly ResponseLevel[];
export const TRIAGE_CATEGORIES = ['immediate', 'delayed', 'minor', 'deceased'] as const satisfies readonly TriageCategory[];
export const SECTIONS = ['operations', 'planning', 'logistics', 'finance_admin'] as const satisfies readonly Section[];
export const MAJOR_POINT_KINDS = ['staging', 'traffic_control', 'access', 'evacuation'] as const satisfies readonly MajorPointKind[];
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const satisfies typeof CapUrgencies;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const satisfies typeof CapSeverities;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const satisfies typeof CapCertainties;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const satisfies typeof CapResponseTypes;
export const CAP_LIMITS = { event: 100, headline: 160, description: 4000, instruction: 4000, areaDesc: 500, note: 1000 } as const satisfies typeof CapLimits;
