import type { Task, TaskSource, TaskStatus } from '@firebreak/contracts';

export type TaskScope = 'mine' | 'subtree';
export interface TaskFilter {
  scope: TaskScope;
  /** null: every status. */
  status: TaskStatus | null;
  overdueOnly: boolean;
  /** null: every source. */
  source?: TaskSource | null;
}

/** The tasks a filter keeps: mine are those owned by a post I hold now. */
export function filterTasks<T extends Pick<Task, 'ownerPostId' | 'status' | 'overdue' | 'source'>>(tasks: readonly T[], filter: TaskFilter, myPostIds: ReadonlySet<string>): T[] {
  return tasks.filter((t) => (filter.scope === 'subtree' || myPostIds.has(t.ownerPostId))
    && (filter.status === null || t.status === filter.status)
    && (!filter.source || t.source === filter.source)
    && (!filter.overdueOnly || t.overdue));
}

/**
 * The tops of my grants for a permission: a grant inside another grant's subtree adds nothing
 * (li.oberland covers li.oberland.vaduz), so each top is listed once.
 */
export function grantRoots<G extends { jurisdictionId: string; jurisdictionPath: string }>(grants: readonly G[]): G[] {
  const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
  const unique = [...new Map(grants.map((g) => [g.jurisdictionPath, g])).values()];
  return unique.filter((g) => !unique.some((o) => o !== g && within(g.jurisdictionPath, o.jurisdictionPath))).sort((a, b) => a.jurisdictionPath.localeCompare(b.jurisdictionPath));
}

/** Where a task comes from, as a link target in the app (campaigns and directives have screens). */
export function sourceLink(t: Pick<Task, 'source' | 'directiveId' | 'campaignId'>): string | null {
  if (t.source === 'directive' && t.directiveId) return `/directives/${t.directiveId}`;
  if (t.source === 'campaign' && t.campaignId) return `/campaigns/${t.campaignId}`;
  return null;
}

/** The list query of the task's whole tree (its source). */
export function treeQuery(t: Pick<Task, 'source' | 'directiveId' | 'campaignId' | 'standingDutyId'>): string {
  if (t.source === 'directive') return `directiveId=${t.directiveId}`;
  if (t.source === 'campaign') return `campaignId=${t.campaignId}`;
  return `standingDutyId=${t.standingDutyId}`;
}

/** Is `path` at or under one of `roots`? */
export const withinPaths = (path: string, roots: readonly string[]): boolean => roots.some((r) => path === r || path.startsWith(`${r}.`));
