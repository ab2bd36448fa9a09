/** What the placement form takes: posts to place, and the minutes a post must reach its places in (MCLP). */
export const PLACEMENT_LIMITS = { posts: { min: 1, max: 100 }, minutes: { min: 1, max: 30 } } as const;

export type WholeProblem = 'empty' | 'whole' | 'range';

/**
 * A count typed into the form: empty, a fraction or negative, or outside its bounds is a problem
 * named under the field (the server would refuse it anyway, in English, after a round trip).
 */
export function wholeProblem(typed: number | string, limits: { min: number; max: number }): WholeProblem | null {
  if (typeof typed === 'string' && typed.trim() === '') return 'empty';
  const n = Number(typed);
  if (!Number.isInteger(n)) return 'whole';
  return n < limits.min || n > limits.max ? 'range' : null;
}
