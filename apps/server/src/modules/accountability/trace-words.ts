import type { HazardGrade, HazardState, IncidentType, PlaceCategory, PostKind } from '@firebreak/contracts';
import type { JurisdictionName, PrintLanguage as TraceLanguage } from '@firebreak/contracts';
import { PLACE_CATEGORY_WORDS, printSpeech, type PrintSpeech } from '../../platform/http/print-speech.js';

/**
 * The words of the trace's exports (CSV and printable page) in the reader's language: the web app
 * sends its UI language (`lang`) and time zone with the link, as a download carries no session
 * language. The vocabulary is the web's own (`accountability.*`, `hazards.*`, `incidentType.*`,
 * `placeCategory.*` in apps/web/src/i18n/locales): `trace-words.test.ts` holds the two equal, so a
 * printed trace reads as the screen it came from.
 */
export { PRINT_LANGUAGES as TRACE_LANGUAGES, type PrintLanguage as TraceLanguage } from '../../platform/http/print-speech.js';

export interface TraceWords {
  title: string;
  sections: Record<'hazard' | 'task' | 'directive' | 'tier' | 'dispatch' | 'post', string>;
  /** The CSV's header. */
  columns: { section: string; id: string; path: string; what: string; facts: string; audit: string };
  /** The printable page's table heads. */
  heads: { what: string; facts: string; audit: string };
  none: string;
  intro: (p: { what: string; where: string; when: string; radius: number; generated: string }) => string;
  at: (date: string) => string;
  window: (from: string, to: string) => string;
  omitted: (count: number) => string;
  grade: Record<HazardGrade, string>;
  hazardState: Record<HazardState, string>;
  taskStatus: Record<'open' | 'in_progress' | 'done', string>;
  concern: Record<'place' | 'category' | 'jurisdiction', string>;
  missedAnswer: Record<'acknowledgement' | 'report', string>;
  postKind: Record<PostKind, string>;
  incidentType: Record<IncidentType, string>;
  placeCategory: Record<PlaceCategory, string>;
  goal: (requirement: 'responded' | 'on_scene', units: number) => string;
  hazardWhat: (title: string, grade: string, place: string, distance: string) => string;
  hazardFacts: (p: { raised: string; hours: number; state: string; due: string; overdueSince: string | null }) => string;
  taskWhat: (title: string, concern: string) => string;
  taskFacts: (p: { post: string; status: string; due: string; overdueSince: string }) => string;
  directiveFacts: (p: { missed: string; due: string; answeredAt: string | null }) => string;
  tierWhat: (tier: number, goal: string) => string;
  tierFacts: (deadline: string) => string;
  recommended: { yes: string; no: string };
  notSent: string;
  sentFacts: (p: { at: string; by: string | null; eta: number | null; onScene: string | null; actual: number | null; cleared: string | null; cancelled: string | null }) => string;
  vacant: string;
  holder: (name: string, from: string, to: string | null) => string;
  unknownPlace: string;
}

const EN: TraceWords = {
  title: 'Accountability trace',
  sections: {
    hazard: 'Open hazards at and near the place',
    task: 'Overdue tasks',
    directive: 'Directives answered late or not at all',
    tier: 'Missed response tiers',
    dispatch: 'Units recommended and sent',
    post: 'Responsible posts and who held them',
  },
  columns: { section: 'section', id: 'id', path: 'jurisdiction_path', what: 'what', facts: 'facts', audit: 'audit_ids' },
  heads: { what: 'What', facts: 'Facts', audit: 'Audit entries' },
  none: 'None on record.',
  intro: (p) => `${p.what} in ${p.where}, ${p.when}; places within ${p.radius} m. Facts from the record as of ${p.generated}; no assessment of any person.`,
  at: (date) => `at ${date}`,
  window: (from, to) => `from ${from} to ${to}`,
  omitted: (count) => ` ${count} line(s) outside your scope are left out.`,
  grade: { general: 'General', major: 'Major' },
  hazardState: { open: 'Open', rectifying: 'Being rectified', submitted: 'Fix submitted', verified: 'Verified', closed: 'Closed' },
  taskStatus: { open: 'Open', in_progress: 'In progress', done: 'Done' },
  concern: { place: 'about the place', category: 'about places of its kind', jurisdiction: 'of a responsible jurisdiction' },
  missedAnswer: { acknowledgement: 'Acknowledgement', report: 'Report' },
  postKind: { leader: 'Leader', deputy: 'Deputy', head_of_department: 'Head of department', duty_post: 'Duty post', other: 'Other' },
  incidentType: {
    traffic_accident: 'Traffic accident', fire: 'Fire', explosion: 'Explosion', hazmat_leak: 'Hazardous material leak', violent_crime: 'Violent crime',
    campus_incident: 'School or campus incident', medical: 'Medical emergency', public_disorder: 'Public disorder', rescue: 'Rescue', other: 'Other',
  },
  placeCategory: PLACE_CATEGORY_WORDS.en,
  goal: (r, n) => r === 'responded' ? (n === 1 ? 'first unit responded' : `${n} units responded`) : (n === 1 ? 'a unit on scene' : `${n} units on scene`),
  hazardWhat: (title, grade, place, distance) => `${title} (${grade}) at ${place}, ${distance}`,
  hazardFacts: (p) => `raised ${p.raised}; ${p.hours} h old; ${p.state}; due ${p.due}${p.overdueSince ? `; overdue since ${p.overdueSince}` : ''}`,
  taskWhat: (title, concern) => `${title} (${concern})`,
  taskFacts: (p) => `owner post ${p.post}; ${p.status}; due ${p.due}; overdue since ${p.overdueSince}`,
  directiveFacts: (p) => `${p.missed} due ${p.due}; ${p.answeredAt ? `answered late at ${p.answeredAt}` : 'not answered'}`,
  tierWhat: (tier, goal) => `Tier ${tier}: ${goal}`,
  tierFacts: (deadline) => `deadline ${deadline}; missed`,
  recommended: { yes: 'recommended', no: 'not recommended' },
  notSent: 'recommended, not sent',
  sentFacts: (p) => [
    `sent ${p.at} by ${p.by ?? 'unknown'}`, `ETA ${p.eta === null ? 'unknown' : `${p.eta} s`}`,
    p.onScene ? `on scene ${p.onScene} (after ${p.actual} s)` : 'never on scene',
    p.cleared ? `cleared ${p.cleared}` : null, p.cancelled ? `cancelled ${p.cancelled}` : null,
  ].filter((x) => x !== null).join('; '),
  vacant: 'vacant',
  holder: (name, from, to) => `${name} from ${from}${to ? ` to ${to}` : ''}`,
  unknownPlace: '—',
};

const ZH: TraceWords = {
  title: '责任追溯',
  sections: {
    hazard: '该场所及附近的未整改隐患',
    task: '逾期任务',
    directive: '逾期或未答复的指令',
    tier: '未达标的响应等级',
    dispatch: '推荐与派出的力量',
    post: '责任岗位及在岗人员',
  },
  columns: { section: '部分', id: '编号', path: '辖区路径', what: '对象', facts: '事实', audit: '审计记录编号' },
  heads: { what: '对象', facts: '事实', audit: '审计记录' },
  none: '无记录。',
  intro: (p) => `${p.where}的${p.what}，${p.when}；半径 ${p.radius} 米内的场所。事实取自截至 ${p.generated} 的记录，不评价任何个人。`,
  at: (date) => `时刻 ${date}`,
  window: (from, to) => `${from} 至 ${to}`,
  omitted: (count) => `有 ${count} 条超出您权限范围，未列出。`,
  grade: { general: '一般', major: '重大' },
  hazardState: { open: '待整改', rectifying: '整改中', submitted: '已提交整改', verified: '已验收', closed: '已销号' },
  taskStatus: { open: '未开始', in_progress: '进行中', done: '已完成' },
  concern: { place: '针对该场所', category: '针对该类场所', jurisdiction: '属责任辖区' },
  missedAnswer: { acknowledgement: '签收', report: '报告' },
  postKind: { leader: '负责人', deputy: '副职', head_of_department: '部门负责人', duty_post: '值班岗位', other: '其他' },
  incidentType: {
    traffic_accident: '交通事故', fire: '火灾', explosion: '爆炸', hazmat_leak: '危化品泄漏', violent_crime: '暴力犯罪',
    campus_incident: '校园事件', medical: '医疗急救', public_disorder: '扰乱公共秩序', rescue: '救援', other: '其他',
  },
  placeCategory: PLACE_CATEGORY_WORDS['zh-CN'],
  goal: (r, n) => r === 'responded' ? (n === 1 ? '首支力量已响应' : `${n} 支力量已响应`) : (n === 1 ? '首支力量到场' : `${n} 支力量到场`),
  hazardWhat: (title, grade, place, distance) => `${title}（${grade}），${place}，${distance}`,
  hazardFacts: (p) => `发现于 ${p.raised}；已存在 ${p.hours} 小时；${p.state}；整改期限 ${p.due}${p.overdueSince ? `；自 ${p.overdueSince} 起逾期` : ''}`,
  taskWhat: (title, concern) => `${title}（${concern}）`,
  taskFacts: (p) => `责任岗位 ${p.post}；${p.status}；期限 ${p.due}；自 ${p.overdueSince} 起逾期`,
  directiveFacts: (p) => `${p.missed}期限 ${p.due}；${p.answeredAt ? `逾期答复，${p.answeredAt}` : '未答复'}`,
  tierWhat: (tier, goal) => `第 ${tier} 级：${goal}`,
  tierFacts: (deadline) => `时限 ${deadline}；未达标`,
  recommended: { yes: '系统推荐', no: '非推荐' },
  notSent: '已推荐，未派出',
  sentFacts: (p) => [
    `${p.at} 派出，派出人：${p.by ?? '未知'}`, `预计 ${p.eta === null ? '未知' : `${p.eta} 秒`}`,
    p.onScene ? `${p.onScene} 到场（用时 ${p.actual} 秒）` : '未到场',
    p.cleared ? `${p.cleared} 归队` : null, p.cancelled ? `${p.cancelled} 取消` : null,
  ].filter((x) => x !== null).join('；'),
  vacant: '空缺',
  holder: (name, from, to) => to ? `${name}，自 ${from} 至 ${to}` : `${name}，自 ${from}`,
  unknownPlace: '—',
};

const WORDS: Record<TraceLanguage, TraceWords> = { en: EN, 'zh-CN': ZH };

/** How the trace's exports say things: its words, and the shared manner of dates (in the reader's zone) and jurisdictions by name. */
export interface TraceSpeech extends PrintSpeech {
  w: TraceWords;
}

export function traceSpeech(lang: TraceLanguage, timeZone: string, names: readonly JurisdictionName[]): TraceSpeech {
  return { ...printSpeech(lang, timeZone, names), w: WORDS[lang] };
}

/** The words alone, for tests that compare them with the web's locale files. */
export const traceWords = (lang: TraceLanguage): TraceWords => WORDS[lang];
