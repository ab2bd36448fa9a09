import type { JurisdictionName, PlaceCategory, PrintLanguage } from '@firebreak/contracts';
import { PLACE_CATEGORY_WORDS, printSpeech, type PrintSpeech } from '../../platform/http/print-speech.js';

/** The words of the coverage report's exports (CSV and printable page) in the reader's language; the headings are the web's (`campaigns.*`). */
export interface CoverageReportWords {
  coverageTitle: string;
  /** The CSV's header: English keeps the column names scripts already read. */
  columns: { path: string; name: string; category: string; inScope: string; inspected: string; missed: string; pending: string; percent: string };
  heads: { jurisdiction: string; inScope: string; inspected: string; missed: string; coverage: string };
  category: Record<PlaceCategory, string>;
  facts: (p: { issuer: string; categories: string; from: string; to: string; due: string; missed: string }) => string;
  summary: (p: { where: string; inspected: string; total: string; percent: string; missed: string; generated: string }) => string;
}

const EN: CoverageReportWords = {
  coverageTitle: 'coverage',
  columns: { path: 'jurisdiction_path', name: 'jurisdiction', category: 'category', inScope: 'in_scope', inspected: 'inspected', missed: 'missed', pending: 'pending', percent: 'coverage_percent' },
  heads: { jurisdiction: 'Jurisdiction', inScope: 'In scope', inspected: 'Inspected', missed: 'Missed', coverage: 'Coverage' },
  category: PLACE_CATEGORY_WORDS.en,
  facts: (p) => `Issued by ${p.issuer} · categories: ${p.categories} · period ${p.from} – ${p.to} · due ${p.due} · missed after ${p.missed}`,
  summary: (p) => `Coverage of ${p.where}: ${p.inspected} of ${p.total} places inspected (${p.percent}), ${p.missed} missed. Generated ${p.generated}.`,
};

const ZH: CoverageReportWords = {
  coverageTitle: '覆盖情况',
  columns: { path: '辖区路径', name: '辖区', category: '类别', inScope: '范围内', inspected: '已检查', missed: '漏检', pending: '待检查', percent: '覆盖率' },
  heads: { jurisdiction: '辖区', inScope: '范围内', inspected: '已检查', missed: '漏检', coverage: '覆盖情况' },
  category: PLACE_CATEGORY_WORDS['zh-CN'],
  facts: (p) => `发起单位 ${p.issuer} · 类别：${p.categories} · 期间 ${p.from} – ${p.to} · ${p.due} 截止 · ${p.missed} 后计为漏检`,
  summary: (p) => `${p.where}覆盖情况：已检查 ${p.inspected} / ${p.total} 处（${p.percent}），漏检 ${p.missed} 处。生成于 ${p.generated}。`,
};

const WORDS: Record<PrintLanguage, CoverageReportWords> = { en: EN, 'zh-CN': ZH };

export interface CoverageReportSpeech extends PrintSpeech {
  w: CoverageReportWords;
}

export function coverageReportSpeech(lang: PrintLanguage, timeZone: string, names: readonly JurisdictionName[]): CoverageReportSpeech {
  return { ...printSpeech(lang, timeZone, names), w: WORDS[lang] };
}
