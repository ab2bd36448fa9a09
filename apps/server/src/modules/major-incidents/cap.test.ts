import { describe, expect, it } from 'vitest';
import { CAP_EXAMPLE, validateCap } from '../../../test/cap-xsd.js';
import { atomFeed, capPolygon, capRuleProblems, capTime, capXml, referenceOf, type CapMessage } from './cap.js';

const ring: [number, number][] = [[9.52, 47.14], [9.523, 47.14], [9.523, 47.142], [9.52, 47.142], [9.52, 47.14]];
const message = (extra: Partial<CapMessage> = {}): CapMessage => ({
  identifier: 'firebreak-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', sender: 'alerts@vaduz.example', sent: capTime(new Date('2026-06-01T10:05:07.123Z')),
  status: 'Actual', msgType: 'Alert', references: null, note: null, incident: '0190a1b2-0000-7000-8000-000000000001', senderName: 'Vaduz <Gemeinde> & Co',
  expires: capTime(new Date('2026-06-01T16:05:07Z')),
  content: { categories: ['Safety', 'Fire'], responseType: 'Avoid', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed' },
  info: [
    { language: 'en-US', event: 'Gas explosion', headline: 'Gas explosion at Vaduz market: avoid the area', description: 'A gas explosion at the market hall.', instruction: 'Keep away; close windows & doors.', areaDesc: 'Market square and 300 m around' },
    { language: 'zh-CN', event: '燃气爆炸', headline: '瓦杜兹市场燃气爆炸：请避开该区域', description: '市场大厅发生燃气爆炸。', instruction: '远离现场；关闭门窗。', areaDesc: '市场广场及周边300米' },
  ],
  ring, ...extra,
});

describe('CAP 1.2 messages', () => {
  it('the validator accepts the OASIS example and refuses a broken document (it can fail)', async () => {
    expect((await validateCap(CAP_EXAMPLE)).valid).toBe(true);
    const broken = await validateCap(CAP_EXAMPLE.replace('<msgType>Alert</msgType>', '<msgType>Warning</msgType>'));
    expect(broken.valid).toBe(false);
    expect(broken.errors.join('\n')).toMatch(/msgType/);
  });

  it('writes an Alert, an Update and a Cancel that validate against the XSD and keep the rules it cannot express', async () => {
    const alert = message();
    const update = message({ identifier: 'firebreak-2', msgType: 'Update', references: referenceOf(alert), sent: capTime(new Date('2026-06-01T10:35:00Z')) });
    const cancel = message({ identifier: 'firebreak-3', msgType: 'Cancel', references: [alert, update].map(referenceOf).join(' '), note: 'Gas main isolated; all clear', status: 'Exercise' });
    for (const m of [alert, update, cancel]) {
      const xml = capXml(m);
      const result = await validateCap(xml);
      expect(result.errors, xml).toEqual([]);
      expect(result.valid).toBe(true);
      expect(capRuleProblems(m)).toEqual([]);
    }
    const xml = capXml(alert);
    expect(xml).toContain('<sent>2026-06-01T10:05:07-00:00</sent>');
    expect(xml).toContain('<senderName>Vaduz &lt;Gemeinde&gt; &amp; Co</senderName>');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml).toContain('<polygon>47.14,9.52 47.14,9.523 47.142,9.523 47.142,9.52 47.14,9.52</polygon>');
    expect(capXml(update)).toContain(`<references>alerts@vaduz.example,${alert.identifier},2026-06-01T10:05:07-00:00</references>`);
    expect(capXml(cancel)).not.toContain('<info>');
  });

  it('names each broken rule the schema cannot check', () => {
    expect(capRuleProblems(message({ identifier: 'a b', sender: 'x,y', sent: '2026-06-01T10:05:07Z', references: 'nonsense', ring: ring.slice(0, 4) }))).toEqual([
      'identifier: no spaces, commas, < or &', 'sender: no spaces, commas, < or &', 'sent: a date-time with its offset, no fraction',
      'references: sender,identifier,sent each, space-separated', 'polygon: closed, at least 4 points',
    ]);
    expect(capPolygon([[9.5, 47.1], [9.6, 47.1]])).toBe('47.1,9.5 47.1,9.6');
  });

  it('lists messages in an Atom feed linking each CAP document', () => {
    const feed = atomFeed({ id: 'https://x/feed.atom', title: 'Public alerts', selfUrl: 'https://x/feed.atom', updated: new Date('2026-06-01T10:05:07Z'), author: 'alerts@vaduz.example', entries: [
      { id: 'a1', identifier: 'firebreak-a1', sent: 'x', sentAt: new Date('2026-06-01T10:05:07Z'), msgType: 'Cancel', headline: 'Gas & smoke', summary: 'all clear', xmlUrl: 'https://x/a1.xml' },
    ] });
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed).toContain('<title>Cancelled: Gas &amp; smoke</title>');
    expect(feed).toContain('<link rel="alternate" type="application/cap+xml" href="https://x/a1.xml"/>');
  });
});
