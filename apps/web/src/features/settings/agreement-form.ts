import type { CreateMutualAidBody, MutualAidAgreement, UnitKind } from '@firebreak/contracts';
import { withinAny } from './plan-form';

/** What the new-agreement form holds. */
export interface AgreementDraft {
  providingJurisdictionId: string | null;
  requestingJurisdictionId: string | null;
  unitKinds: UnitKind[];
  mutual: boolean;
  note: string;
}

/** field -> i18n key of the message. */
export type AgreementProblems = Record<string, string>;

/**
 * The request body, or what is still wrong. Two jurisdictions one inside the other need no
 * agreement (the server refuses with MUTUAL_AID_NESTED): said here, under the borrower.
 */
export function agreementBody(d: AgreementDraft, pathOf: (id: string) => string | undefined):
  { body: CreateMutualAidBody; problems: null } | { body: null; problems: AgreementProblems } {
  const problems: AgreementProblems = {};
  if (!d.providingJurisdictionId) problems.providingJurisdictionId = 'settings.required';
  if (!d.requestingJurisdictionId) problems.requestingJurisdictionId = 'settings.required';
  else if (d.requestingJurisdictionId === d.providingJurisdictionId) problems.requestingJurisdictionId = 'settings.aid.sameSide';
  else if (d.providingJurisdictionId) {
    const a = pathOf(d.providingJurisdictionId);
    const b = pathOf(d.requestingJurisdictionId);
    if (a && b && (withinAny(a, [b]) || withinAny(b, [a]))) problems.requestingJurisdictionId = 'settings.aid.nested';
  }
  if (d.unitKinds.length === 0) problems.unitKinds = 'settings.required';
  if (Object.keys(problems).length) return { body: null, problems };
  const note = d.note.trim();
  return {
    problems: null,
    body: {
      providingJurisdictionId: d.providingJurisdictionId!,
      requestingJurisdictionId: d.requestingJurisdictionId!,
      unitKinds: [...new Set(d.unitKinds)],
      mutual: d.mutual,
      ...(note && { note }),
    },
  };
}

/** The list's order: agreements in force first, then the newest first. */
export function sortAgreements(list: readonly MutualAidAgreement[]): MutualAidAgreement[] {
  return [...list].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
}
