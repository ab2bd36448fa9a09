import type { ResponseLevel, Section, TriageCategory } from '@firebreak/contracts';

/* Copies of the contract's major-incident enums (the web bundle takes no values from contracts, see api/enums.ts); enums.test.ts keeps them in step. */
export const RESPONSE_LEVELS = ['I', 'II', 'III', 'IV'] as const satisfies readonly ResponseLevel[];
export const TRIAGE_CATEGORIES = ['immediate', 'delayed', 'minor', 'deceased'] as const satisfies readonly TriageCategory[];
export const SECTIONS = ['operations', 'planning', 'logistics', 'finance_admin'] as const satisfies readonly Section[];
