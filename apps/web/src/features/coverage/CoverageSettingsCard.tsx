import type { CoverageSettings, PlaceCategory } from '@firebreak/contracts';
import { Button, Card, Collapse, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { DEFAULT_CATEGORY_HOURS } from '../../api/enums';
import { call, fb } from '../../api/http';
import { useMe } from '../../api/queries';
import { ErrorState } from '../../shell/States';
import { settingsBody, thresholdProblem } from './coverage-settings';

/**
 * The jurisdiction's coverage settings: below which share of key places within 1, 3 or 5 minutes
 * the move-up alert is raised, and the default opening hours per category (for places OSM gives
 * none). Before this card they were settable only over the API, so out of the box a duty officer
 * could neither see why the alert did (not) show nor change it. Folded to one line like the closed
 * days; editable with `units:manage` (the server checks the jurisdiction too).
 */
export function CoverageSettingsCard({ jurisdictionId }: { jurisdictionId: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const mayEdit = useMe().data?.permissions.includes('units:manage') ?? false;
  const key = ['coverage-settings', jurisdictionId];
  const settings = useQuery({ queryKey: key, queryFn: () => call(fb.GET('/api/v1/coverage/settings/{id}', { params: { path: { id: jurisdictionId } } })) });
  const [percent, setPercent] = useState<number | string>('');
  const [minutes, setMinutes] = useState<'1' | '3' | '5'>('3');
  const [hours, setHours] = useState<Partial<Record<PlaceCategory, string>>>({});
  const s = settings.data;
  // What is in force, into the form (again after a save or another jurisdiction).
  useEffect(() => {
    if (!s) return;
    setPercent(Math.round(s.moveUpThreshold * 1000) / 10);
    setMinutes(String(s.moveUpMinutes) as '1' | '3' | '5');
    setHours(s.categoryHours);
  }, [s]);
  const save = useMutation({
    mutationFn: (cur: CoverageSettings) => call(fb.PUT('/api/v1/coverage/settings/{id}', {
      params: { path: { id: jurisdictionId } }, body: settingsBody(cur, { percent: Number(percent), minutes: Number(minutes) as 1 | 3 | 5, hours }),
    })),
    onSuccess: (saved) => {
      client.setQueryData(key, saved);
      // The move-up alert and the places' hours count differently now.
      void client.invalidateQueries({ queryKey: ['coverage'] });
    },
  });
  const problem = thresholdProblem(percent);
  const share = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const categories = Object.keys({ ...DEFAULT_CATEGORY_HOURS, ...(s?.categoryHours ?? {}) }) as PlaceCategory[];
  return (
    <Card withBorder data-testid="coverage-settings" py="xs">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="wrap">
            <Title order={3} size="h6">{t('coverage.settings.title')}</Title>
            {s && (
              <Text size="sm" c="dimmed" data-testid="coverage-settings-summary">
                {t('coverage.settings.summary', { share: share.format(s.moveUpThreshold), minutes: s.moveUpMinutes })}
                {' · '}{s.setAt === null ? t('coverage.settings.builtIn') : s.setAt === s.jurisdictionPath ? t('coverage.settings.setHere') : t('coverage.settings.inherited')}
              </Text>
            )}
          </Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="coverage-settings-toggle">
            {open ? t('coverage.closedDays.hide') : mayEdit ? t('coverage.closedDays.showEdit') : t('coverage.closedDays.show')}
          </Button>
        </Group>
        <Collapse expanded={open}>
          {settings.isError ? <ErrorState error={settings.error} /> : s && (
            <Stack gap="xs">
              <Text size="xs" c="dimmed">{t('coverage.settings.hint')}</Text>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <NumberInput label={t('coverage.settings.threshold')} value={percent} onChange={setPercent} clampBehavior="none" decimalScale={1} suffix=" %" w={190} disabled={!mayEdit}
                  error={problem ? t(`coverage.settings.problem.${problem}`) : undefined} data-testid="coverage-settings-threshold" />
                <Stack gap={4}>
                  <Text size="sm" fw={500}>{t('coverage.settings.minutes')}</Text>
                  <SegmentedControl value={minutes} onChange={(v) => setMinutes(v as typeof minutes)} disabled={!mayEdit} data-testid="coverage-settings-minutes"
                    data={['1', '3', '5'].map((m) => ({ value: m, label: t('coverage.tierMinutes', { minutes: Number(m) }) }))} />
                </Stack>
                {categories.map((c) => (
                  <TextInput key={c} label={t('coverage.settings.hours', { category: t(`placeCategory.${c}`) })} value={hours[c] ?? ''} w={220} disabled={!mayEdit}
                    onChange={(e) => { const v = e.currentTarget.value; setHours((h) => ({ ...h, [c]: v })); }} data-testid={`coverage-settings-hours-${c}`} />
                ))}
              </Group>
              {mayEdit && (
                <Group>
                  <Button onClick={() => save.mutate(s)} loading={save.isPending} disabled={problem !== null} data-testid="coverage-settings-save">{t('coverage.settings.save')}</Button>
                </Group>
              )}
              {save.isError && <ErrorState error={save.error} />}
            </Stack>
          )}
        </Collapse>
      </Stack>
    </Card>
  );
}
