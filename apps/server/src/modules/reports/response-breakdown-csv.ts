import { RESPONSE_COMPONENTS, type ResponseBreakdownReport, type ResponseGroup } from '@firebreak/contracts';
import { csvField } from '../campaigns/index.js';

const MEASURE = { callProcessing: 'call_processing', turnout: 'turnout', travel: 'travel', total: 'total' } as const;
const cell = (v: number | null) => (v === null ? '' : v);

/**
 * One line per group ("all" first) and measure: incidents, doubtful times excluded, the four
 * components (count, p50, p90 in whole seconds, % within each threshold to 0.1, inconsistent
 * intervals left out), then each tier (met, missed, open, compliance in %).
 */
export function responseBreakdownCsv(r: ResponseBreakdownReport): string {
  const within = r.withinSeconds.map((s) => `pct_within_${s}s`);
  const head = ['jurisdiction_path', 'from', 'to', 'origin', 'by', 'group', 'group_name', 'measure', 'count', 'p50_seconds', 'p90_seconds', ...within, 'inconsistent', 'met', 'missed', 'open', 'compliance_pct'];
  const blank = within.map(() => '');
  const lines = [head.join(',')];
  const emit = (g: ResponseGroup) => {
    const line = (values: (string | number)[]) => lines.push([r.jurisdictionPath, r.from, r.to, r.origin, r.by, g.key, g.name ?? '', ...values].map(csvField).join(','));
    line(['incidents', g.incidents, '', '', ...blank, '', '', '', '', '']);
    line(['doubtful_times_excluded', g.doubtfulTimes, '', '', ...blank, '', '', '', '', '']);
    for (const k of RESPONSE_COMPONENTS) {
      const s = g[k];
      line([MEASURE[k], s.count, cell(s.p50Seconds), cell(s.p90Seconds), ...s.within.map((w) => cell(w.percent)), s.inconsistent, '', '', '', '']);
    }
    for (const t of g.tiers) {
      line([`tier_${t.tier}`, t.met + t.missed + t.open, '', '', ...blank, '', t.met, t.missed, t.open, t.complianceRate === null ? '' : Math.round(t.complianceRate * 1000) / 10]);
    }
  };
  emit(r.overall);
  for (const g of r.groups) emit(g);
  return `${lines.join('\r\n')}\r\n`;
}
