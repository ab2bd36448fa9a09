import type { GoodsUnit } from '@firebreak/contracts';
import { Alert, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb } from '../../api/http';
import { ErrorState, Loading } from '../../shell/States';
import { decodeCountRows, encodeCountRows, type CountRow } from './checklist-form';
import { COUNT_UNITS, toBaseUnits } from './count-units';

/**
 * A counted-stock item: one amount per item the place's licence names, each in a unit the inspector
 * picks (kg or g, l or ml, rounds, items), turned into the ledger's integer base units on the digits.
 * The ledger's own figure is not shown: the count is blind, and the server holds it against the ledger.
 */
export function StockCountField({ placeId, itemKey, label, value, onChange, error }: {
  placeId: string; itemKey: string; label: ReactNode; value: string | undefined; onChange: (v: string | undefined) => void; error: string | undefined;
}) {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: ['goods', 'site-of-place', placeId], queryFn: () => call(fb.GET('/api/v1/goods/sites', { params: { query: { placeId } } })) });
  const rows = decodeCountRows(value);
  const site = sites.data?.[0];
  const rowOf = (key: string, unit: GoodsUnit): CountRow => rows.find((r) => r.itemKey === key) ?? { itemKey: key, amount: '', factor: COUNT_UNITS[unit][0]!.factor };
  const update = (next: CountRow) => {
    // The picked unit is kept even before an amount is typed; an item with no amount typed stays unanswered (buildAnswers).
    const known = rows.some((r) => r.itemKey === next.itemKey);
    onChange(encodeCountRows(known ? rows.map((r) => (r.itemKey === next.itemKey ? next : r)) : [...rows, next]));
  };

  return (
    <Stack gap={4} data-testid={`inspection-item-${itemKey}`} data-item={itemKey}>
      <Text size="sm" fw={500}>{label}</Text>
      <Text size="xs" c="dimmed">{t('inspection.stock.hint')}</Text>
      {sites.isPending ? <Loading /> : sites.isError ? <ErrorState error={sites.error} onRetry={() => void sites.refetch()} /> : !site ? (
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} data-testid="inspection-stock-no-site">{t('inspection.stock.noSite')}</Alert>
      ) : site.holdings.map((h) => {
        const unit = h.unit as GoodsUnit;
        const row = rowOf(h.key, unit);
        const base = row.amount.trim() === '' ? null : toBaseUnits(row.amount, row.factor);
        const name = `${h.name} (${h.key})`;
        const baseName = t(`inspection.units.${unit}`);
        return (
          <Group key={h.key} gap="xs" align="flex-start" wrap="wrap" data-testid={`stock-row-${h.key}`}>
            <TextInput label={t('inspection.stock.amount', { item: name })} inputMode="decimal" w={260} value={row.amount}
              onChange={(e) => update({ ...row, amount: e.currentTarget.value })} data-testid={`stock-amount-${h.key}`}
              error={row.amount.trim() !== '' && base === null ? t('inspection.stock.invalid', { base: baseName }) : undefined}
              description={base !== null ? t('inspection.stock.base', { count: base, base: baseName }) : undefined} />
            <NativeSelect label={t('inspection.stock.unit', { item: h.key })} w={120} value={String(row.factor)} data-testid={`stock-unit-${h.key}`}
              onChange={(e) => update({ ...row, factor: Number(e.currentTarget.value) })}
              data={COUNT_UNITS[unit].map((u) => ({ value: String(u.factor), label: t(`inspection.units.${u.unit}`) }))} />
          </Group>
        );
      })}
      {error && <Text size="xs" c="red.4" role="alert">{error}</Text>}
    </Stack>
  );
}
