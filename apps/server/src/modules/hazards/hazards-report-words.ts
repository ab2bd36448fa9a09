import type { JurisdictionName, PrintLanguage } from '@firebreak/contracts';
import { printSpeech, type PrintSpeech } from '../../platform/http/print-speech.js';

/** The words of the hazard report's exports (CSV and printable page) in the reader's language. */
export interface HazardReportWords {
  title: string;
  /** The CSV's header: English keeps the column names scripts already read. */
  columns: { path: string; name: string; found: string; foundMajor: string; fixed: string; open: string; overdue: string };
  /** The printable page's table heads. */
  heads: { jurisdiction: string; found: string; foundMajor: string; fixed: string; open: string; overdue: string };
  total: (name: string) => string;
  intro: (p: { from: string; to: string; generated: string; overdue: string; open: string }) => string;
}

const EN: HazardReportWords = {
  title: 'Hazards',
  columns: { path: 'jurisdiction_path', name: 'jurisdiction', found: 'found', foundMajor: 'found_major', fixed: 'fixed', open: 'open', overdue: 'overdue' },
  heads: { jurisdiction: 'Jurisdiction', found: 'Found', foundMajor: 'Of which major', fixed: 'Fixed', open: 'Open', overdue: 'Overdue' },
  total: (name) => `${name} (total)`,
  intro: (p) => `Found and fixed between ${p.from} and ${p.to}; open and overdue as of ${p.generated}. ${p.overdue} overdue of ${p.open} open.`,
};

const ZH: HazardReportWords = {
  title: '隐患统计',
  columns: { path: '辖区路径', name: '辖区', found: '发现', foundMajor: '其中重大', fixed: '已整改', open: '未整改', overdue: '逾期' },
  heads: { jurisdiction: '辖区', found: '发现', foundMajor: '其中重大', fixed: '已整改', open: '未整改', overdue: '逾期' },
  total: (name) => `${name}（合计）`,
  intro: (p) => `${p.from} 至 ${p.to} 期间发现与整改的隐患；未整改与逾期数截至 ${p.generated}。未整改 ${p.open} 项，其中逾期 ${p.overdue} 项。`,
};

const WORDS: Record<PrintLanguage, HazardReportWords> = { en: EN, 'zh-CN': ZH };

export interface HazardReportSpeech extends PrintSpeech {
  w: HazardReportWords;
}

export function hazardReportSpeech(lang: PrintLanguage, timeZone: string, names: readonly JurisdictionName[]): HazardReportSpeech {
  return { ...printSpeech(lang, timeZone, names), w: WORDS[lang] };
}
