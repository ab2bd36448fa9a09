import type { CreateCampaignBody, IssueDirectiveBody, PlaceCategory } from '@firebreak/contracts';
import { jurisdictionOptions, type JurisdictionOption } from '../../api/jurisdiction-names';
import type { JurisdictionNode } from '../../api/queries';

/** The jurisdictions below `issuerId` (not itself): the ones a directive or campaign can reach. */
export function belowOptions(nodes: readonly JurisdictionNode[], issuerId: string | null, language: string): JurisdictionOption[] {
  if (!issuerId) return [];
  for (const n of nodes) {
    if (n.id === issuerId) return jurisdictionOptions(n.children, language);
    const found = belowOptions(n.children, issuerId, language);
    if (found.length || containsId(n.children, issuerId)) return found;
  }
  return [];
}

function containsId(nodes: readonly JurisdictionNode[], id: string): boolean {
  return nodes.some((n) => n.id === id || containsId(n.children, id));
}

/** `<input type="datetime-local">` value (local wall time) -> ISO instant, or null when empty/invalid. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An instant as the local wall time a datetime-local input shows (minutes). */
export function isoToLocal(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Problem+json field errors by the body's top-level field ("body.requiredActions.2" -> requiredActions). */
export function fieldErrors(errors: readonly { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const field = e.path.replace(/^\/?body[./]?/, '').replace(/^\//, '').split(/[/.]/)[0] || '_';
    out[field] ??= e.message;
  }
  return out;
}

/**
 * The server words its field messages in English. In another language each field the server named
 * shows the problem as its code is worded there (`problems.<code>`): a refused permit's receiving
 * site reads in Chinese, not English. In English, or for a code not worded, the server's own text.
 */
export function wordedFields(fields: Record<string, string>, code: string | undefined, language: string, worded: (key: string) => string | null): Record<string, string> {
  const text = code && !language.startsWith('en') ? worded(`problems.${code}`) : null;
  return text === null ? fields : Object.fromEntries(Object.keys(fields).map((f) => [f, text]));
}

/** What the form holds: strings as typed, deadlines as datetime-local values. */
export interface DirectiveDraft {
  issuerJurisdictionId: string | null;
  title: string;
  content: string;
  /** One required action per line. */
  requiredActions: string;
  targetJurisdictionIds: string[];
  acknowledgeBy: string;
  reportBy: string;
}

/** Problems found before sending: field -> i18n key of the message. */
export type DraftProblems = Record<string, string>;

/** The request body, or the fields still missing / inconsistent (so the user sees them before a round trip). */
export function directiveBody(d: DirectiveDraft): { body: IssueDirectiveBody; problems: null } | { body: null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const actions = d.requiredActions.split('\n').map((a) => a.trim()).filter(Boolean);
  const acknowledgeBy = localToIso(d.acknowledgeBy);
  const reportBy = localToIso(d.reportBy);
  if (!d.issuerJurisdictionId) problems.issuerJurisdictionId = 'issue.required';
  if (!d.title.trim()) problems.title = 'issue.required';
  if (!d.content.trim()) problems.content = 'issue.required';
  if (actions.length === 0) problems.requiredActions = 'issue.required';
  if (d.targetJurisdictionIds.length === 0) problems.targetJurisdictionIds = 'issue.required';
  if (!acknowledgeBy) problems.acknowledgeBy = 'issue.required';
  if (!reportBy) problems.reportBy = 'issue.required';
  else if (acknowledgeBy && reportBy < acknowledgeBy) problems.reportBy = 'issue.reportBeforeAcknowledge';
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    problems: null,
    body: {
      issuerJurisdictionId: d.issuerJurisdictionId!,
      title: d.title.trim(),
      content: d.content.trim(),
      requiredActions: actions,
      targetJurisdictionIds: d.targetJurisdictionIds,
      acknowledgeBy: acknowledgeBy!,
      reportBy: reportBy!,
    },
  };
}

export interface CampaignDraft {
  jurisdictionId: string | null;
  title: string;
  categories: PlaceCategory[];
  /** Empty: the issuer's whole subtree. */
  scopeJurisdictionIds: string[];
  startsAt: string;
  endsAt: string;
  /** Empty: due at the end. */
  dueAt: string;
}

export function campaignBody(d: CampaignDraft): { body: CreateCampaignBody; problems: null } | { body: null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const startsAt = localToIso(d.startsAt);
  const endsAt = localToIso(d.endsAt);
  const dueAt = localToIso(d.dueAt);
  if (!d.jurisdictionId) problems.jurisdictionId = 'issue.required';
  if (!d.title.trim()) problems.title = 'issue.required';
  if (d.categories.length === 0) problems.categories = 'issue.required';
  if (!startsAt) problems.startsAt = 'issue.required';
  if (!endsAt) problems.endsAt = 'issue.required';
  else if (startsAt && endsAt <= startsAt) problems.endsAt = 'issue.endBeforeStart';
  if (dueAt && startsAt && dueAt <= startsAt) problems.dueAt = 'issue.dueBeforeStart';
  if (Object.keys(problems).length) return { body: null, problems };
  return {
    problems: null,
    body: {
      jurisdictionId: d.jurisdictionId!,
      title: d.title.trim(),
      categories: d.categories,
      ...(d.scopeJurisdictionIds.length > 0 && { scopeJurisdictionIds: d.scopeJurisdictionIds }),
      startsAt: startsAt!,
      endsAt: endsAt!,
      ...(dueAt && { dueAt }),
    },
  };
}
