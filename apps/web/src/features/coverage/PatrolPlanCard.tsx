import type { PatrolPlan, PatrolPresence, PlacementResult } from '@firebreak/contracts';
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { onStreamEvents } from '../../live/stream-listeners';
import { ErrorState, Loading } from '../../shell/States';
import { CancelledNote, PatrolPlanActions } from './PatrolPlanActions';
import { clockSpan, isLoud, localToday, shiftOn, VERDICT_COLOR, windowsInShift } from './patrol';

/** Presence moves with every AVL fix: read again at most this often while the plan is open. */
const PRESENCE_REFRESH_MS = 15_000;

/**
 * Patrol plans: from the suggested posts, a plan for a shift (each post held in the windows
 * given, e.g. the schools' opening), its posts assigned to units, and the visible-presence record
 * (minutes each unit stood at its post per window, from AVL), missed windows loud.
 */
export function PatrolPlanCard({ jurisdictionId, placement, windowHours }: { jurisdictionId: string; placement: PlacementResult | null; windowHours: string | null }) {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const mayPlan = me?.permissions.includes('units:manage') ?? false;
  const client = useQueryClient();
  const plans = useQuery({
    queryKey: ['patrol-plans', jurisdictionId],
    queryFn: () => call(fb.GET('/api/v1/coverage/patrol-plans', { params: { query: { jurisdictionId } } })),
  });
  // Another commander's new, edited or cancelled plan shows in the list as it happens.
  useEffect(() => onStreamEvents((events) => {
    if (events.some((e) => e.type.startsWith('coverage.patrol_plan_'))) void client.invalidateQueries({ queryKey: ['patrol-plans', jurisdictionId] });
  }), [client, jurisdictionId]);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = chosen ?? plans.data?.[0]?.id ?? null;
  return (
    <Card withBorder data-testid="patrol-plans">
      <Title order={3} size="h5" mb="xs">{t('coverage.patrol.title')}</Title>
      {mayPlan && placement && placement.posts.length > 0 && (
        <CreatePlan jurisdictionId={jurisdictionId} placement={placement} windowHours={windowHours} onCreated={(plan) => { setChosen(plan.id); void client.invalidateQueries({ queryKey: ['patrol-plans'] }); }} />
      )}
      {mayPlan && !placement && <Text size="sm" c="dimmed" mb="xs">{t('coverage.patrol.fromPlacement')}</Text>}
      {plans.isPending ? <Loading /> : plans.isError ? <ErrorState error={plans.error} /> : plans.data.length === 0 ? (
        <Text size="sm" c="dimmed">{t('coverage.patrol.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Select label={t('coverage.patrol.plan')} value={shown} onChange={setChosen} allowDeselect={false} maw={480} data-testid="patrol-plan-choice"
            data={plans.data.map((p) => ({ value: p.id, label: `${p.title} · ${new Date(p.shiftStart).toLocaleDateString(i18n.language)} · ${p.state === 'cancelled' ? t('coverage.patrol.cancelled') : t('coverage.patrol.assignedOf', { assigned: p.assigned, posts: p.posts })}` }))} />
          {shown && <PlanDetail key={shown} planId={shown} mayPlan={mayPlan} meId={me?.id} />}
        </Stack>
      )}
    </Card>
  );
}

function CreatePlan({ jurisdictionId, placement, windowHours, onCreated }: { jurisdictionId: string; placement: PlacementResult; windowHours: string | null; onCreated: (p: PatrolPlan) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(localToday());
  const [shift, setShift] = useState('06:00-14:00');
  const [windows, setWindows] = useState(windowHours ?? '07:00-08:30');
  // A night shift runs past midnight (22:00-06:00); its windows fall the first time their clock comes round in it.
  const shiftSpan = shiftOn(date, shift);
  const read = shiftSpan ? windowsInShift(shiftSpan, windows) : null;
  const windowSpans = read && 'spans' in read ? read.spans : null;
  // One key per plan made: a double click or a retry never makes two plans.
  const key = useRef(crypto.randomUUID());
  const create = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/coverage/patrol-plans', {
      params: { header: once(key.current) },
      body: {
        jurisdictionId, title: t('coverage.patrol.defaultTitle', { date, hours: windows }), shiftStart: shiftSpan!.start, shiftEnd: shiftSpan!.end,
        ...(placement.kind === 'mclp' ? { minutes: placement.minutes } : {}),
        posts: placement.posts.map((p, i) => ({ name: p.name ?? t('coverage.patrol.postN', { n: i + 1 }), location: p.location, placeId: p.placeId, serves: p.serves, windows: windowSpans! })),
      },
    })),
    onSuccess: (plan) => { key.current = crypto.randomUUID(); onCreated(plan); },
  });
  return (
    <Stack gap={4} mb="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('coverage.patrol.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} w={130} placeholder="2026-03-02" error={/^\d{4}-\d{2}-\d{2}$/.test(date) ? undefined : t('coverage.patrol.dateFormat')} data-testid="patrol-date" />
        <TextInput label={t('coverage.patrol.shift')} value={shift} onChange={(e) => setShift(e.currentTarget.value)} w={140} error={shiftSpan ? undefined : t('coverage.window.problem.format')} data-testid="patrol-shift" />
        <TextInput label={t('coverage.patrol.windows')} value={windows} onChange={(e) => setWindows(e.currentTarget.value)} w={240} error={windowSpans || !shiftSpan ? undefined : read && 'problem' in read && read.problem === 'outside' ? t('coverage.patrol.outsideShift') : t('coverage.window.problem.format')} data-testid="patrol-windows" />
        <Button onClick={() => create.mutate()} disabled={!shiftSpan || !windowSpans} loading={create.isPending} data-testid="patrol-create">{t('coverage.patrol.create', { count: placement.posts.length })}</Button>
      </Group>
      <Text size="xs" c="dimmed">{t('coverage.patrol.windowsHint')} {t('coverage.patrol.overnightHint')}</Text>
      {create.isError && <ErrorState error={create.error} />}
    </Stack>
  );
}

function PlanDetail({ planId, mayPlan: mayManage, meId }: { planId: string; mayPlan: boolean; meId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const plan = useQuery({ queryKey: ['patrol-plan', planId], queryFn: () => call(fb.GET('/api/v1/coverage/patrol-plans/{id}', { params: { path: { id: planId } } })) });
  const presence = useQuery({
    queryKey: ['patrol-plan', planId, 'presence'],
    queryFn: () => call(fb.GET('/api/v1/coverage/patrol-plans/{id}/presence', { params: { path: { id: planId } } })),
    refetchInterval: PRESENCE_REFRESH_MS,
  });
  const jurisdictionId = plan.data?.jurisdictionId;
  const units = useQuery({
    queryKey: ['patrol-plan-units', jurisdictionId],
    enabled: mayManage && jurisdictionId !== undefined,
    queryFn: () => call(fb.GET('/api/v1/units', { params: { query: { jurisdictionId: jurisdictionId!, limit: 1000 } } })),
  });
  useEffect(() => onStreamEvents((events) => {
    if (events.some((e) => e.type.startsWith('coverage.patrol_'))) void client.invalidateQueries({ queryKey: ['patrol-plan', planId] });
  }), [client, planId]);
  const changed = (updated: PatrolPlan) => {
    client.setQueryData(['patrol-plan', planId], updated);
    void client.invalidateQueries({ queryKey: ['patrol-plan', planId, 'presence'] });
    void client.invalidateQueries({ queryKey: ['patrol-plans'] });
  };
  const assign = useMutation({
    mutationFn: ({ postId, unitId }: { postId: string; unitId: string | null }) => call(fb.PUT('/api/v1/coverage/patrol-plans/{id}/assignments', { params: { path: { id: planId } }, body: { assignments: [{ postId, unitId }] } })),
    onSuccess: (updated) => changed(updated),
  });
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorState error={plan.error} />;
  const p = plan.data;
  // A cancelled plan is read only: the server refuses its assignments and edits.
  const mayPlan = mayManage && p.state === 'active';
  const record = presence.data;
  const byPost = new Map((record?.posts ?? []).map((x) => [x.postId, x]));
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.callSign }));
  // A unit already assigned but outside the list (another level's) still shows by its call sign.
  for (const post of p.posts) if (post.unitId && !unitOptions.some((o) => o.value === post.unitId)) unitOptions.push({ value: post.unitId, label: post.callSign ?? post.unitId });
  return (
    <Stack gap="xs" data-testid="patrol-plan">
      <Text size="sm">{t('coverage.patrol.summary', { shift: clockSpan({ start: p.shiftStart, end: p.shiftEnd }, i18n.language), radius: p.radiusMetres, count: p.posts.length })}</Text>
      <CancelledNote plan={p} meId={meId} />
      {mayPlan && <PatrolPlanActions key={p.version} plan={p} onChanged={changed} />}
      {record && <PresenceBanner record={record} />}
      {assign.isError && <ErrorState error={assign.error} />}
      <Table fz="sm" data-testid="patrol-posts">
        <Table.Thead>
          <Table.Tr><Table.Th>{t('coverage.patrol.post')}</Table.Th><Table.Th>{t('coverage.patrol.unit')}</Table.Th><Table.Th>{t('coverage.patrol.window')}</Table.Th><Table.Th>{t('coverage.patrol.required')}</Table.Th><Table.Th>{t('coverage.patrol.present')}</Table.Th><Table.Th>{t('coverage.patrol.verdict')}</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.posts.flatMap((post) => {
            const rec = byPost.get(post.id);
            return post.windows.map((w, i) => {
              const wr = rec?.windows[i];
              const loud = wr !== undefined && isLoud(wr.verdict);
              return (
                <Table.Tr key={`${post.id}-${i}`} data-testid="patrol-window" data-verdict={wr?.verdict ?? ''} style={loud ? { background: 'var(--mantine-color-red-light)' } : undefined}>
                  {i === 0 && <Table.Td rowSpan={post.windows.length}>{post.name}</Table.Td>}
                  {i === 0 && (
                    <Table.Td rowSpan={post.windows.length}>
                      {mayPlan ? (
                        <Select size="xs" data={unitOptions} value={post.unitId} placeholder={t('coverage.patrol.unassigned')} clearable searchable w={200} aria-label={t('coverage.patrol.unitFor', { post: post.name })}
                          onChange={(unitId) => assign.mutate({ postId: post.id, unitId })} disabled={assign.isPending} data-testid="patrol-unit" />
                      ) : (post.callSign ?? t('coverage.patrol.unassigned'))}
                    </Table.Td>
                  )}
                  <Table.Td ff="monospace">{clockSpan(w, i18n.language)}</Table.Td>
                  <Table.Td>{wr ? t('coverage.patrol.minutes', { count: wr.requiredMinutes }) : '—'}</Table.Td>
                  <Table.Td fw={loud ? 700 : undefined} c={loud ? 'red.8' : undefined} data-testid="patrol-present">{wr ? t('coverage.patrol.minutes', { count: wr.presentMinutes }) : '—'}</Table.Td>
                  <Table.Td>{wr && <Badge color={VERDICT_COLOR[wr.verdict]} variant={loud ? 'filled' : 'light'} leftSection={loud ? <IconAlertTriangle size={12} /> : undefined}>{t(`coverage.patrol.verdicts.${wr.verdict}`)}</Badge>}</Table.Td>
                </Table.Tr>
              );
            });
          })}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">{t('coverage.patrol.rule', { share: Math.round((record?.heldShare ?? 0.8) * 100), radius: p.radiusMetres, gap: Math.round((record?.maxGapSeconds ?? 120) / 60) })}</Text>
    </Stack>
  );
}

function PresenceBanner({ record }: { record: PatrolPresence }) {
  const { t } = useTranslation();
  if (record.missedWindows === 0) return <Text size="sm" c="green.8" data-testid="patrol-all-held">{t('coverage.patrol.noneMissed')}</Text>;
  return (
    <Alert color="red" variant="filled" icon={<IconAlertTriangle />} data-testid="patrol-missed">
      {t('coverage.patrol.missed', { count: record.missedWindows })}
    </Alert>
  );
}
