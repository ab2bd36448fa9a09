import type { PatrolPlan } from '@firebreak/contracts';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, call, fb, once, problemText } from '../../api/http';
import { usePlaceName } from '../places/place-name';
import { usePlaceSearch } from '../supervision/queries';
import { localToday, shiftOn, typedSpan, windowsInShift } from './patrol';
import { refusalOf } from './patrol-edit';

/** A post as the form holds it: windows as typed; `begun` when one of its windows had begun when the form opened. */
interface PostDraft { key: string; id?: string; name: string; location: [number, number] | null; placeId: string | null; windows: string; begun: boolean }

type Span = { start: string; end: string };

/**
 * The form types minutes: a span that reads as one the plan holds (within its minute) is sent as
 * the plan holds it, so a window or shift left alone is not a change (a begun one would be refused).
 */
const asHeld = (span: Span, held: readonly Span[]): Span =>
  held.find((h) => Math.abs(Date.parse(h.start) - Date.parse(span.start)) < 60_000 && Math.abs(Date.parse(h.end) - Date.parse(span.end)) < 60_000) ?? span;

const shiftOf = (s: Span) => ({ shiftStart: s.start, shiftEnd: s.end });

const draftsOf = (plan: PatrolPlan, now: number): PostDraft[] => plan.posts.map((p) => ({
  key: p.id, id: p.id, name: p.name, location: p.location, placeId: p.placeId, windows: p.windows.map(typedSpan).join(', '),
  begun: p.windows.some((w) => Date.parse(w.start) <= now),
}));

/**
 * Edits a plan as a commander expects: title, date and shift (a night shift may run past
 * midnight), each post's name and windows, posts added at a key place and removed. Sent with the
 * version read (a plan changed meanwhile is refused, not overwritten). What has begun is marked
 * and cannot be removed here; the server keeps the rule, and its refusal is shown at the field it
 * names, in the reader's words.
 */
export function PatrolPlanEditForm({ plan, onDone, onDiscard }: { plan: PatrolPlan; onDone: (p: PatrolPlan) => void; onDiscard: () => void }) {
  const { t, i18n } = useTranslation();
  const [opened] = useState(() => Date.now());
  const [title, setTitle] = useState(plan.title);
  const [date, setDate] = useState(localToday(new Date(plan.shiftStart)));
  const [shift, setShift] = useState(typedSpan({ start: plan.shiftStart, end: plan.shiftEnd }));
  const [posts, setPosts] = useState<PostDraft[]>(() => draftsOf(plan, opened));
  const shiftSpan = shiftOn(date, shift);
  const read = posts.map((p) => (shiftSpan ? windowsInShift(shiftSpan, p.windows) : null));
  const key = useRef(crypto.randomUUID());
  const save = useMutation({
    mutationFn: () => call(fb.PATCH('/api/v1/coverage/patrol-plans/{id}', {
      params: { path: { id: plan.id }, header: once(key.current) },
      body: {
        expectedVersion: plan.version, title, ...shiftOf(asHeld(shiftSpan!, [{ start: plan.shiftStart, end: plan.shiftEnd }])),
        posts: posts.map((p, i) => {
          const held = plan.posts.find((q) => q.id === p.id)?.windows ?? [];
          return { ...(p.id ? { id: p.id } : { placeId: p.placeId }), name: p.name, location: p.location!, windows: (read[i] as { spans: Span[] }).spans.map((w) => asHeld(w, held)) };
        }),
      },
    })),
    onSuccess: (p) => { key.current = crypto.randomUUID(); onDone(p); },
  });
  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const refusal = refusalOf(problem?.code, problem?.errors, (k, o) => t(k, o), (k) => i18n.exists(k));
  const change = (i: number, patch: Partial<PostDraft>) => { save.reset(); setPosts((all) => all.map((q, j) => (j === i ? { ...q, ...patch } : q))); };
  const readable = shiftSpan !== null && title.trim() !== '' && posts.length > 0
    && posts.every((p, i) => p.name.trim() !== '' && p.location !== null && read[i] !== null && 'spans' in read[i]!);
  const windowError = (i: number): string | undefined => {
    const r = read[i];
    if (r && 'problem' in r) return r.problem === 'outside' ? t('coverage.patrol.outsideShift') : t('coverage.window.problem.format');
    return refusal.posts.get(i);
  };
  return (
    <Stack gap={6} p="xs" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4 }} data-testid="patrol-edit-form">
      <Text fw={600} size="sm">{t('coverage.patrol.editTitle')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('coverage.patrol.planTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} w={280} data-testid="patrol-edit-title" />
        <TextInput label={t('coverage.patrol.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={130} error={/^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : t('coverage.patrol.dateFormat')} data-testid="patrol-edit-date" />
        <TextInput label={t('coverage.patrol.shift')} value={shift} onChange={(e) => { save.reset(); setShift(e.currentTarget.value); }} w={160}
          error={shiftSpan ? (refusal.shift ?? undefined) : t('coverage.window.problem.format')} data-testid="patrol-edit-shift" />
      </Group>
      <Text size="xs" c="dimmed">{t('coverage.patrol.overnightHint')}</Text>
      {posts.map((p, i) => (
        <Group key={p.key} gap="sm" align="flex-start" wrap="wrap" data-testid="patrol-edit-post">
          <TextInput label={t('coverage.patrol.postName', { n: i + 1 })} value={p.name} w={220} onChange={(e) => change(i, { name: e.currentTarget.value })} data-testid="patrol-edit-post-name" />
          {!p.id && <PostPlacePicker onPick={(place) => change(i, { location: place.location, placeId: place.id, name: p.name.trim() === '' ? place.name : p.name })} missing={p.location === null} />}
          <TextInput label={t('coverage.patrol.postWindows', { post: p.name })} value={p.windows} w={260} error={windowError(i)} data-testid="patrol-edit-windows"
            onChange={(e) => change(i, { windows: e.currentTarget.value })} />
          <Stack gap={2} pt={24}>
            {p.begun ? (
              <Badge color="gray" variant="light" title={t('coverage.patrol.begunHint')} data-testid="patrol-edit-begun">{t('coverage.patrol.begunStays')}</Badge>
            ) : (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => { save.reset(); setPosts((all) => all.filter((_, j) => j !== i)); }}
                disabled={posts.length === 1} data-testid="patrol-edit-remove">{t('coverage.patrol.removePost')}</Button>
            )}
          </Stack>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} data-testid="patrol-edit-add"
          onClick={() => setPosts((all) => [...all, { key: crypto.randomUUID(), name: '', location: null, placeId: null, windows: all[all.length - 1]?.windows ?? '', begun: false }])}>
          {t('coverage.patrol.addPost')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">{t('coverage.patrol.editRule')}</Text>
      {save.isError && (
        <Alert color="red" role="alert" data-testid="patrol-edit-refused" title={problemText(save.error, t('errors.generic'))}>
          {refusal.plan.map((line) => <Text key={line} size="sm">{line}</Text>)}
        </Alert>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={() => save.mutate()} disabled={!readable} loading={save.isPending} data-testid="patrol-edit-save">{t('coverage.patrol.save')}</Button>
        <Button size="xs" variant="subtle" onClick={onDiscard}>{t('coverage.patrol.discard')}</Button>
      </Group>
    </Stack>
  );
}

/** Where a new post stands: a key place, searched by name as the commander types. */
function PostPlacePicker({ onPick, missing }: { onPick: (place: { id: string; name: string; location: [number, number] }) => void; missing: boolean }) {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  const [search, setSearch] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const found = usePlaceSearch(search);
  const [seen, setSeen] = useState(new Map<string, { id: string; name: string; location: [number, number] }>());
  const data = useMemo(() => (found.data ?? []).map((p) => ({ value: p.id, label: `${placeName(p)} · ${t(`placeCategory.${p.category}`)}` })), [found.data, placeName, t]);
  const options = value && seen.has(value) && !data.some((o) => o.value === value) ? [{ value, label: seen.get(value)!.name }, ...data] : data;
  return (
    <Select label={t('coverage.patrol.newPostPlace')} placeholder={t('supervision.form.placeSearch')} searchable data={options} value={value} searchValue={search} onSearchChange={setSearch} w={280}
      filter={({ options: all }) => all} error={missing ? t('coverage.patrol.pickPlace') : undefined} data-testid="patrol-edit-place"
      nothingFoundMessage={search.trim().length < 2 ? t('supervision.form.typeMore') : found.isFetching ? t('common.loading') : t('supervision.form.noPlace')}
      onChange={(id) => {
        const place = (found.data ?? []).find((p) => p.id === id);
        if (!id || !place) return;
        const picked = { id, name: placeName(place), location: place.location };
        setSeen((m) => new Map(m).set(id, picked));
        setValue(id);
        onPick(picked);
      }} />
  );
}
