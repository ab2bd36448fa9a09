import { z } from 'zod';
import { GeoJsonPolygon, Id, Timestamp } from './common.js';
import { CordonKind } from './major-incidents.js';

/**
 * Public warnings of a major incident as OASIS CAP 1.2 messages (issue 15). The enumerations are
 * CAP's own; the limits on text are CAP 1.2's guidance (headline under 160 characters) and ours
 * (what one screen of a phone or a siren's text board carries), stated here once for the web app too.
 */
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];

export const CAP_LIMITS = { event: 100, headline: 160, description: 4000, instruction: 4000, areaDesc: 500, note: 1000 } as const;
const Text = (max: number) => z.string().trim().min(1).max(max);

/** One language's text of the alert: an `info` block of the CAP message. */
export const AlertInfoText = z.strictObject({
  /** RFC 3066 language tag, as CAP wants it (e.g. en-US, zh-CN). */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en-US or zh-CN'),
  event: Text(CAP_LIMITS.event),
  headline: Text(CAP_LIMITS.headline),
  description: Text(CAP_LIMITS.description),
  instruction: Text(CAP_LIMITS.instruction),
  /** The area in words, in this language ("Vaduz market square and 300 m around it"). */
  areaDesc: Text(CAP_LIMITS.areaDesc),
});
export type AlertInfoText = z.infer<typeof AlertInfoText>;

/** Where the alert applies: one of the major incident's cordons as it stands now, or a drawn polygon. */
export const AlertArea = z.union([z.strictObject({ cordon: CordonKind }), z.strictObject({ polygon: GeoJsonPolygon })]);
export type AlertArea = z.infer<typeof AlertArea>;

export const IssueAlertBody = z
  .strictObject({
    area: AlertArea,
    categories: z.array(z.enum(CAP_CATEGORIES)).min(1).max(CAP_CATEGORIES.length).default(['Safety']),
    responseType: z.enum(CAP_RESPONSE_TYPES).optional(),
    urgency: z.enum(CAP_URGENCIES),
    severity: z.enum(CAP_SEVERITIES),
    certainty: z.enum(CAP_CERTAINTIES),
    /** Minutes from now until the alert expires (a feed drops it then). */
    expiresInMinutes: z.number().int().min(5).max(7 * 24 * 60).default(360),
    /** One block per language of the agency (FIREBREAK_ALERT_LANGUAGES), each language once. */
    info: z.array(AlertInfoText).min(1).max(10),
  })
  .refine((b) => new Set(b.info.map((i) => i.language.toLowerCase())).size === b.info.length, { message: 'each language once', path: ['info'] });
export type IssueAlertBody = z.infer<typeof IssueAlertBody>;

export const CancelAlertBody = z.strictObject({ note: Text(CAP_LIMITS.note) });
export type CancelAlertBody = z.infer<typeof CancelAlertBody>;

export const AlertParams = z.strictObject({ id: Id, alertId: Id });
/** `GET /public-alerts/{id}.xml`: a message id. */
export const PublicAlertParams = z.strictObject({ id: Id });

/** One CAP message as the command board lists it (the served XML is the record). */
export const PublicAlert = z.object({
  /** This message's id: `GET /public-alerts/{id}.xml`. */
  id: Id,
  /** The first message's id: an alert and its updates and cancel form one thread. */
  threadId: Id,
  majorIncidentId: Id,
  identifier: z.string(),
  sender: z.string(),
  sent: z.string(),
  expires: z.string(),
  status: z.enum(['Actual', 'Exercise']),
  msgType: z.enum(CAP_MSG_TYPES),
  references: z.string().nullable(),
  /** Whether a later message of the thread replaced it. */
  superseded: z.boolean(),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  categories: z.array(z.enum(CAP_CATEGORIES)),
  responseType: z.enum(CAP_RESPONSE_TYPES).nullable(),
  areaSource: z.enum(['inner', 'outer', 'drawn']),
  area: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
  info: z.array(AlertInfoText),
  note: z.string().nullable(),
  createdAt: Timestamp,
  /** Who published it: the second person, who approved the draft. */
  createdBy: z.string().nullable(),
  /** Who composed the draft. */
  composedBy: z.string().nullable(),
});
export type PublicAlert = z.infer<typeof PublicAlert>;

/**
 * Two-person approval: every message (Alert, Update, Cancel) is first composed as a draft, and is
 * published only when a second person who may command the major incident approves it (approve =
 * publish, in one transaction). The composer can never approve their own draft.
 */
export const ALERT_DRAFT_STATES = ['pending', 'published', 'rejected'] as const;
export type AlertDraftState = (typeof ALERT_DRAFT_STATES)[number];

export const RejectAlertDraftBody = z.strictObject({ reason: Text(CAP_LIMITS.note) });
export type RejectAlertDraftBody = z.infer<typeof RejectAlertDraftBody>;

export const AlertDraftParams = z.strictObject({ id: Id, draftId: Id });

export const AlertDraft = z.object({
  id: Id,
  majorIncidentId: Id,
  /** What approving it publishes: a new alert, an update of a thread, or its cancel. */
  msgType: z.enum(CAP_MSG_TYPES),
  /** The message of the thread an Update or Cancel acts on; null for a new Alert. */
  alertId: Id.nullable(),
  /** The alert as composed (Alert and Update); null for a Cancel. */
  alert: IssueAlertBody.nullable(),
  /** A Cancel's reason (CAP `note`); null otherwise. */
  note: z.string().nullable(),
  state: z.enum(ALERT_DRAFT_STATES),
  composedAt: Timestamp,
  composedById: Id.nullable(),
  composedBy: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  decidedBy: z.string().nullable(),
  /** Why it was rejected (or withdrawn by its composer). */
  reason: z.string().nullable(),
  /** The published message, once approved: `GET /public-alerts/{id}.xml`. */
  publishedAlertId: Id.nullable(),
});
export type AlertDraft = z.infer<typeof AlertDraft>;
