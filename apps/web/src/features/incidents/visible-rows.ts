/**
 * Which rows of a list of same-height rows a scrolled viewport shows, plus `overscan` rows each
 * side: rows [first, last) are drawn, spacers stand for the others.
 */
export function visibleRows({ count, rowHeight, top, height, overscan }: { count: number; rowHeight: number; top: number; height: number; overscan: number }): { first: number; last: number } {
  if (count === 0 || rowHeight <= 0) return { first: 0, last: Math.min(count, overscan) };
  const first = Math.max(0, Math.min(count - 1, Math.floor(top / rowHeight) - overscan));
  const last = Math.min(count, Math.max(first + 1, Math.ceil((top + height) / rowHeight) + overscan));
  return { first, last };
}
