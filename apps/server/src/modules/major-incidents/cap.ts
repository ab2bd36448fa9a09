import type { AlertInfoText, CapMsgType, IssueAlertBody } from '@firebreak/contracts';
import { create } from 'xmlbuilder2';

/**
 * OASIS CAP 1.2 messages and the Atom feed that lists them, built with xmlbuilder2 (it escapes
 * text and keeps the schema's element order as written here). Pure: no I/O, no clock.
 * The rules a schema can't express (CAP 1.2 §3.2) are checked by `capRuleProblems`.
 */
export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

export interface CapMessage {
  identifier: string;
  sender: string;
  sent: string;
  status: 'Actual' | 'Exercise';
  msgType: CapMsgType;
  /** Earlier messages of the thread, `sender,identifier,sent` each, space-separated. */
  references: string | null;
  note: string | null;
  /** The major incident's id: CAP's `incidents`, grouping the messages of one event. */
  incident: string;
  senderName: string;
  expires: string;
  content: Omit<IssueAlertBody, 'area' | 'info' | 'expiresInMinutes'>;
  info: AlertInfoText[];
  /** The outline ring as [lon, lat] positions (GeoJSON order), closed. */
  ring: [number, number][];
}

/**
 * A CAP date-time: seconds, no fraction, an explicit offset; UTC is written `-00:00` as CAP 1.2
 * §3.3.2 demands ("Z" is not allowed).
 */
export function capTime(at: Date): string {
  return `${at.toISOString().slice(0, 19)}-00:00`;
}

/** A CAP polygon: `lat,lon` pairs (latitude first, WGS 84), space-separated, first = last. */
export function capPolygon(ring: readonly (readonly [number, number])[]): string {
  return ring.map(([lon, lat]) => `${round(lat)},${round(lon)}`).join(' ');
}

const round = (v: number) => Number(v.toFixed(6)).toString();

/** The message as a CAP 1.2 document. A Cancel carries its note and no `info` (the cancelled alert is named by `references`). */
export function capXml(m: CapMessage): string {
  const alert = create({ version: '1.0', encoding: 'UTF-8' }).ele(CAP_NS, 'alert');
  const add = (parent: typeof alert, name: string, text: string) => parent.ele(name).txt(text).up();
  add(alert, 'identifier', m.identifier);
  add(alert, 'sender', m.sender);
  add(alert, 'sent', m.sent);
  add(alert, 'status', m.status);
  add(alert, 'msgType', m.msgType);
  add(alert, 'scope', 'Public');
  if (m.note) add(alert, 'note', m.note);
  if (m.references) add(alert, 'references', m.references);
  add(alert, 'incidents', m.incident);
  if (m.msgType !== 'Cancel') {
    for (const text of m.info) {
      const info = alert.ele('info');
      add(info, 'language', text.language);
      for (const c of m.content.categories) add(info, 'category', c);
      add(info, 'event', text.event);
      if (m.content.responseType) add(info, 'responseType', m.content.responseType);
      add(info, 'urgency', m.content.urgency);
      add(info, 'severity', m.content.severity);
      add(info, 'certainty', m.content.certainty);
      add(info, 'expires', m.expires);
      add(info, 'senderName', m.senderName);
      add(info, 'headline', text.headline);
      add(info, 'description', text.description);
      add(info, 'instruction', text.instruction);
      const area = info.ele('area');
      add(area, 'areaDesc', text.areaDesc);
      add(area, 'polygon', capPolygon(m.ring));
    }
  }
  return alert.end({ prettyPrint: true });
}

/** `sender,identifier,sent`: how a later message references this one. */
export const referenceOf = (m: { sender: string; identifier: string; sent: string }) => `${m.sender},${m.identifier},${m.sent}`;

const TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;
const ID = /^[^\s,<&]+$/;
const REFERENCE = /^[^\s,<&]+,[^\s,<&]+,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;

/**
 * CAP 1.2's rules the XSD can't check: identifiers and sender without spaces, commas, `<` or `&`;
 * times with an offset; references as `sender,identifier,sent`; a closed polygon of ≥ 4 points.
 * Returns the problems (empty when the message keeps them all).
 */
export function capRuleProblems(m: Pick<CapMessage, 'identifier' | 'sender' | 'sent' | 'expires' | 'references' | 'ring'>): string[] {
  const problems: string[] = [];
  if (!ID.test(m.identifier)) problems.push('identifier: no spaces, commas, < or &');
  if (!ID.test(m.sender)) problems.push('sender: no spaces, commas, < or &');
  if (!TIME.test(m.sent)) problems.push('sent: a date-time with its offset, no fraction');
  if (!TIME.test(m.expires)) problems.push('expires: a date-time with its offset, no fraction');
  if (m.references !== null && !m.references.split(' ').every((r) => REFERENCE.test(r))) problems.push('references: sender,identifier,sent each, space-separated');
  const first = m.ring[0], last = m.ring[m.ring.length - 1];
  if (m.ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) problems.push('polygon: closed, at least 4 points');
  return problems;
}

export interface FeedEntry {
  id: string;
  identifier: string;
  sent: string;
  sentAt: Date;
  msgType: CapMsgType;
  headline: string;
  summary: string;
  xmlUrl: string;
}

/** An Atom (RFC 4287) feed of the current messages, each linking its CAP document. */
export function atomFeed(feed: { id: string; title: string; selfUrl: string; updated: Date; author: string; entries: FeedEntry[] }): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.w3.org/2005/Atom', 'feed');
  root.ele('id').txt(feed.id).up();
  root.ele('title').txt(feed.title).up();
  root.ele('updated').txt(feed.updated.toISOString()).up();
  root.ele('author').ele('name').txt(feed.author).up().up();
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }).up();
  for (const e of feed.entries) {
    const entry = root.ele('entry');
    entry.ele('id').txt(`urn:uuid:${e.id}`).up();
    entry.ele('title').txt(e.msgType === 'Cancel' ? `Cancelled: ${e.headline}` : e.headline).up();
    entry.ele('updated').txt(e.sentAt.toISOString()).up();
    entry.ele('summary').txt(e.summary).up();
    entry.ele('category', { term: e.msgType }).up();
    entry.ele('link', { rel: 'alternate', type: 'application/cap+xml', href: e.xmlUrl }).up();
    entry.ele('content', { type: 'application/cap+xml', src: e.xmlUrl }).up();
  }
  return root.end({ prettyPrint: true });
}
