import { useMemo, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n/use-translation';
import { call, fb } from './http';
import { useJurisdictions, type JurisdictionNode } from './queries';

/**
 * The one way the web shows a jurisdiction: by its name, never its path (`li.oberland.vaduz`), in
 * the UI language where the data has one (`names['zh-CN']`, OSM `name:zh`), with its parent's name
 * beside it where two jurisdictions share a name ("Balzers (Oberland)"). Names come from the tree
 * the user already holds (`GET /jurisdictions`); a path outside it (the issuer above, a neighbour
 * lending a unit) is asked of `GET /jurisdictions/names` once, batched with the others of the
 * same render, and shows "…" until then — or `fallback`, the name a record carries beside the path (`{ path, name }`),
 * so running text never shows the data's untranslated `name` where the tree has a local one, nor "…" where it has none.
 */
export type NameOf = (path: string, fallback?: string) => string;

interface Known { name: string; names: Record<string, string>; parent: { name: string; names: Record<string, string> } | null; ambiguous: boolean }

/** A jurisdiction's name in the UI language: the data's own for that language if it has one, else its name. */
export function localName(j: { name: string; names: Record<string, string> }, language: string): string {
  if (language.toLowerCase().startsWith('zh')) return j.names['zh-CN'] ?? j.names['zh-Hans'] ?? j.names.zh ?? j.name;
  return j.names[language] ?? j.names[language.split('-')[0]!] ?? j.name;
}

/** A select option for a jurisdiction; `depth`: its depth in the whole tree (1 = the root), whatever part of it I see. */
export interface JurisdictionOption { value: string; label: string; depth: number }

/**
 * Every jurisdiction of my tree as picker options, parents first, each in the UI language
 * (`localName`) and indented by its depth in my tree: the one list every jurisdiction picker shows
 * (a Chinese screen said "Wahlkreis Oberland" in its pickers while its pages said the local name).
 */
export function jurisdictionOptions(nodes: readonly JurisdictionNode[], language: string, indent = 0): JurisdictionOption[] {
  return nodes.flatMap((n) => [
    { value: n.id, label: `${'· '.repeat(indent)}${localName(n, language)}`, depth: n.path.split('.').length },
    ...jurisdictionOptions(n.children, language, indent + 1),
  ]);
}

/** Every jurisdiction of the tree by path, with its parent and whether another one in it shares its name. */
export function knownFromTree(tree: readonly JurisdictionNode[] | undefined): Map<string, Known> {
  const out = new Map<string, Known>();
  const count = new Map<string, number>();
  const walk = (nodes: readonly JurisdictionNode[], parent: JurisdictionNode | null) => {
    for (const n of nodes) {
      out.set(n.path, { name: n.name, names: n.names, parent: parent && { name: parent.name, names: parent.names }, ambiguous: false });
      count.set(n.name, (count.get(n.name) ?? 0) + 1);
      walk(n.children, n);
    }
  };
  walk(tree ?? [], null);
  for (const k of out.values()) k.ambiguous = (count.get(k.name) ?? 0) > 1;
  return out;
}

/** The words for one known jurisdiction: its name, with the parent's where ambiguous (`withParent` formats the pair). */
export function labelOf(k: Known, language: string, withParent: (name: string, parent: string) => string): string {
  const name = localName(k, language);
  return k.ambiguous && k.parent ? withParent(name, localName(k.parent, language)) : name;
}

/** What no tree holds: asked of the server in batches; `null` once the server said it does not know the path. */
const fetched = new Map<string, Known | null>();
const pending = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function ask(path: string): void {
  if (fetched.has(path) || pending.has(path)) return;
  pending.add(path);
  if (pending.size === 1) queueMicrotask(() => void flush());
}

async function flush(): Promise<void> {
  const paths = [...pending];
  pending.clear();
  for (let i = 0; i < paths.length; i += 200) {
    const batch = paths.slice(i, i + 200);
    try {
      const got = await call(fb.GET('/api/v1/jurisdictions/names', { params: { query: { paths: batch.join(',') } } }));
      const byPath = new Map(got.map((g) => [g.path, g]));
      for (const p of batch) fetched.set(p, byPath.get(p) ?? null);
    } catch {
      // Offline or refused: say what the path's last label says rather than "…" for ever.
      for (const p of batch) fetched.set(p, null);
    }
  }
  version++;
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/**
 * `nameOf(path)` over a tree the app holds, for code outside a render (alerts, toasts, live
 * regions): names from the tree, else from what the server said, else "…" while it is asked.
 */
export function jurisdictionNamer(tree: readonly JurisdictionNode[] | undefined, language: string, t: TFunction, known = knownFromTree(tree)): NameOf {
  const withParent = (name: string, parent: string) => t('jurisdictionName.withParent', { name, parent });
  return (path: string, fallback?: string) => {
    const k = known.get(path) ?? fetched.get(path);
    if (k) return labelOf(k, language, withParent);
    if (k === null) return fallback ?? path.split('.').pop() ?? path;
    // Outside the tree (once it is here): ask the server.
    if (tree) ask(path);
    return fallback ?? '…';
  };
}

/** `nameOf(path)` for this render (see `jurisdictionNamer`); re-renders when asked names arrive. */
export function useJurisdictionNames(): NameOf {
  const { t, i18n } = useTranslation();
  const tree = useJurisdictions().data;
  const arrived = useSyncExternalStore(subscribe, () => version);
  const known = useMemo(() => knownFromTree(tree), [tree]);
  // `arrived`: a new function once a batch of names is in, so memoised rows redraw.
  return useMemo(() => {
    void arrived;
    return jurisdictionNamer(tree, i18n.language, t, known);
  }, [known, tree, i18n.language, t, arrived]);
}
