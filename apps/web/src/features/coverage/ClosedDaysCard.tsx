import type { ClosedDay, PlaceCategory } from '@firebreak/contracts';
import { ActionIcon, Badge, Button, Card, Collapse, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { PLACE_CATEGORIES } from '../../api/enums';
import { call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { closedDayCount, closedDayName, nextClosedDay } from './closed-days';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS = ['public_holiday', 'school_holiday'] as const;

/**
 * Closed days (public and school holidays) of the chosen jurisdiction for a year: its own list,
 * editable with `units:manage` (the whole year's list is sent back, with the version read), and those set above it
 * that apply here too. Coverage on a date leaves out the places they close; transport permits do
 * not keep a route away from a school closed that day. A setting, not the page's job: folded to one
 * line ("16 closed days in 2026 · next: …") until opened, so the live 1-3-5 figures stay in view.
 */
export function ClosedDaysCard({ jurisdictionId, year }: { jurisdictionId: string; year: number }) {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  // Setting closed days is for those who set coverage settings (the server checks the jurisdiction too).
  const mayEdit = useMe().data?.permissions.includes('units:manage') ?? false;
  const list = useQuery({
    queryKey: ['closed-days', jurisdictionId, year],
    queryFn: () => call(fb.GET('/api/v1/coverage/closed-days/{jurisdictionId}', { params: { path: { jurisdictionId }, query: { year } } })),
  });
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('school_holiday');
  const [name, setName] = useState('');
  const [categories, setCategories] = useState<PlaceCategory[]>(['school', 'kindergarten']);
  const save = useMutation({
    mutationFn: (days: ClosedDay[]) => call(fb.PUT('/api/v1/coverage/closed-days/{jurisdictionId}', {
      params: { path: { jurisdictionId } }, body: { year, days, ...(list.data?.version != null ? { expectedVersion: list.data.version } : {}) },
    })),
    onSuccess: (saved) => {
      client.setQueryData(['closed-days', jurisdictionId, year], saved);
      setName('');
      // Coverage on a date counts differently now.
      void client.invalidateQueries({ queryKey: ['coverage'] });
    },
  });
  const last = to === '' ? from : to;
  const valid = ISO_DATE.test(from) && ISO_DATE.test(last) && from.startsWith(`${year}-`) && last >= from && name.trim() !== '' && categories.length > 0;
  const own = list.data?.days ?? [];
  const range = (d: { from: string; to: string }) => (d.from === d.to ? d.from : `${d.from} – ${d.to}`);
  const all = list.data ? [...own, ...list.data.inherited] : [];
  // Today's local date (the browser's): the next closed day is the first not yet over.
  const today = new Date().toLocaleDateString('en-CA');
  const next = nextClosedDay(all, today);
  const dayFormat = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const when = (d: { from: string }) => dayFormat.format(new Date(`${d.from}T12:00:00Z`));
  return (
    <Card withBorder data-testid="closed-days" py="xs">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h6">{t('coverage.closedDays.title', { year })}</Title>
            {list.data && (
              <Text size="sm" c="dimmed" data-testid="closed-days-summary">
                {all.length === 0 ? t('coverage.closedDays.none') : t('coverage.closedDays.summary', { count: closedDayCount(all, year), year })}
                {next && ` · ${t('coverage.closedDays.next', { date: when(next), name: closedDayName(next, i18n.language).name })}`}
              </Text>
            )}
          </Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="closed-days-toggle">
            {open ? t('coverage.closedDays.hide') : mayEdit ? t('coverage.closedDays.showEdit') : t('coverage.closedDays.show')}
          </Button>
        </Group>
        <Collapse expanded={open}>
          <Stack gap="xs">
            <Text size="xs" c="dimmed">{t('coverage.closedDays.hint')}</Text>
            {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} /> : (
              <Table fz="sm" data-testid="closed-days-table">
                <Table.Thead><Table.Tr><Table.Th>{t('coverage.closedDays.dates')}</Table.Th><Table.Th>{t('coverage.closedDays.name')}</Table.Th><Table.Th>{t('coverage.closedDays.kind')}</Table.Th><Table.Th>{t('coverage.closedDays.closes')}</Table.Th><Table.Th>{t('coverage.closedDays.setBy')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {[...own.map((d, i) => ({ d, i, by: null as string | null })), ...list.data.inherited.map((d) => ({ d, i: -1, by: nameOf(d.jurisdictionPath, d.jurisdictionName) }))]
                    .sort((a, b) => a.d.from.localeCompare(b.d.from))
                    .map(({ d, i, by }) => (
                      <Table.Tr key={`${by ?? 'own'}-${d.from}-${d.name}`} data-testid={by === null ? 'closed-day-own' : 'closed-day-inherited'}>
                        <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>{range(d)}</Table.Td>
                        <Table.Td>{(() => {
                          const shown = closedDayName(d, i18n.language);
                          return <>{shown.name}{shown.official && <Text span size="xs" c="dimmed"> · {shown.official}</Text>}</>;
                        })()}</Table.Td>
                        <Table.Td><Badge variant="light" color={d.kind === 'public_holiday' ? 'red' : 'blue'}>{t(`coverage.closedDays.kinds.${d.kind}`)}</Badge></Table.Td>
                        <Table.Td fz="xs">{d.categories.map((c) => t(`placeCategory.${c}`)).join(', ')}</Table.Td>
                        <Table.Td fz="xs">{by ?? t('coverage.closedDays.here')}</Table.Td>
                        <Table.Td>{by === null && mayEdit && (
                          <ActionIcon variant="subtle" color="red" aria-label={t('coverage.closedDays.remove')} title={t('coverage.closedDays.remove')} loading={save.isPending}
                            onClick={() => save.mutate(own.filter((_, j) => j !== i))} data-testid="closed-day-remove">×</ActionIcon>
                        )}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
            {mayEdit && <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput label={t('coverage.closedDays.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={130} placeholder={`${year}-03-19`} data-testid="closed-day-from"
                error={ISO_DATE.test(from) && from.startsWith(`${year}-`) ? undefined : t('coverage.closedDays.inYear', { year })} />
              <TextInput label={t('coverage.closedDays.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={130} placeholder={t('coverage.closedDays.sameDay')} data-testid="closed-day-to"
                error={to === '' || (ISO_DATE.test(to) && to >= from) ? undefined : t('coverage.closedDays.toAfterFrom')} />
              <Select label={t('coverage.closedDays.kind')} value={kind} onChange={(v) => setKind((v ?? 'school_holiday') as (typeof KINDS)[number])} allowDeselect={false} w={170} data-testid="closed-day-kind"
                data={KINDS.map((k) => ({ value: k, label: t(`coverage.closedDays.kinds.${k}`) }))} />
              <TextInput label={t('coverage.closedDays.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={200} data-testid="closed-day-name" />
              <MultiSelect label={t('coverage.closedDays.closes')} data={PLACE_CATEGORIES.map((c) => ({ value: c, label: t(`placeCategory.${c}`) }))} value={categories} miw={220}
                onChange={(v) => setCategories(v as PlaceCategory[])} data-testid="closed-day-categories" />
              <Button disabled={!valid || !list.data} loading={save.isPending} data-testid="closed-day-add"
                onClick={() => save.mutate([...own, { from, to: last, kind, name: name.trim(), categories }])}>{t('coverage.closedDays.add')}</Button>
            </Group>}
            {save.isError && <ErrorState error={save.error} />}
          </Stack>
        </Collapse>
      </Stack>
    </Card>
  );
}
