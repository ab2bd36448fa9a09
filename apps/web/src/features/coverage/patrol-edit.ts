/**
 * The edit form's reading of a refused edit (pure): each problem the server names placed at its
 * field — the shift, a post (by its place in the list sent), or the plan as a whole — in the
 * reader's words. The begun rule (`PATROL_PLAN_BEGUN`) is put in words here, per field, so a
 * commander reads in their own language which window or post has begun and stays; other codes
 * take their translated text, else the server's message.
 */

export interface FieldProblem { path: string; message: string }
export interface Refusal { shift: string | null; posts: Map<number, string>; plan: string[] }

type Translate = (key: string, options?: Record<string, unknown>) => string;

function begunWords(path: string, message: string, t: Translate): string {
  if (path === 'body.shiftStart' || path === 'body.shiftEnd') {
    if (message.includes('in the past')) return t('coverage.patrol.refused.shiftPast');
    return t(path === 'body.shiftStart' ? 'coverage.patrol.refused.shiftStarted' : 'coverage.patrol.refused.shiftOver');
  }
  if (/^body\.posts\.\d+\.windows\.\d+$/.test(path)) return t('coverage.patrol.refused.windowPast');
  if (/^body\.posts\.\d+\.windows$/.test(path)) return t('coverage.patrol.refused.windowBegun');
  if (/^body\.posts\.\d+\.location$/.test(path)) return t('coverage.patrol.refused.postMoved');
  const removed = /post "(.*)" has begun/.exec(message);
  return removed ? t('coverage.patrol.refused.postRemoved', { name: removed[1] }) : message;
}

export function refusalOf(code: string | undefined, errors: readonly FieldProblem[] | undefined, t: Translate, known: (key: string) => boolean): Refusal {
  const out: Refusal = { shift: null, posts: new Map(), plan: [] };
  for (const e of errors ?? []) {
    const words = code === 'PATROL_PLAN_BEGUN' ? begunWords(e.path, e.message, t)
      : code && known(`problems.${code}`) ? t(`problems.${code}`) : e.message;
    const post = /^body\.posts\.(\d+)(\.|$)/.exec(e.path);
    if (post) {
      const i = Number(post[1]);
      out.posts.set(i, out.posts.has(i) ? `${out.posts.get(i)} ${words}` : words);
    } else if (e.path === 'body.shiftStart' || e.path === 'body.shiftEnd') {
      out.shift = out.shift ? `${out.shift} ${words}` : words;
    } else if (!out.plan.includes(words)) {
      out.plan.push(words);
    }
  }
  return out;
}
