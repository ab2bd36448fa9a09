import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/**
 * What an account has done with the alerts made from stream events (the web app's bell): seen
 * (a toast was shown, on any device) and read. Kept on the server so that a toast seen on one
 * device is never shown again on another, and a read alert is read everywhere.
 */
export const AlertReceipt = z.object({
  eventId: Id,
  seenAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type AlertReceipt = z.infer<typeof AlertReceipt>;

export const AlertReceiptsQuery = z.strictObject({
  /** Receipts written since then (at most 8 days back: the alerts' catch-up reaches 7). */
  since: Timestamp,
});

export const MarkAlertsBody = z.strictObject({
  /** Alerts whose toast this device is about to show: each is claimed once per account. */
  seen: z.array(Id).max(200).default([]),
  /** Alerts read (also counts as seen). */
  read: z.array(Id).max(200).default([]),
});
export type MarkAlertsBody = z.infer<typeof MarkAlertsBody>;

export const MarkAlertsResult = z.object({
  /** Of `seen`, those no device of this account had seen before: only these get a toast. */
  firstSeen: z.array(Id),
});
export type MarkAlertsResult = z.infer<typeof MarkAlertsResult>;
