import type { Post } from '@firebreak/contracts';

/**
 * Posts to give a task to: at or under `underPath` (null: any I see), except `exceptId`, in
 * path order, each labelled with its holder so the reader knows who will do the work.
 */
export function postOptions(posts: readonly Post[], underPath: string | null, exceptId: string | null, vacant = '—', where: (path: string) => string = (path) => path): { value: string; label: string }[] {
  return posts
    .filter((p) => p.id !== exceptId && (underPath === null || p.jurisdictionPath === underPath || p.jurisdictionPath.startsWith(`${underPath}.`)))
    .sort((a, b) => a.jurisdictionPath.localeCompare(b.jurisdictionPath) || a.title.localeCompare(b.title))
    .map((p) => ({ value: p.id, label: `${p.title} · ${p.holder?.displayName ?? vacant} (${where(p.jurisdictionPath)})` }));
}
