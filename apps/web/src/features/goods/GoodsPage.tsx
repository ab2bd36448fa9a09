import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { Link, Outlet, useParams } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { useGoodsSites } from './api';
import { quantityText, STATE_COLOR } from './format';
import { DiscrepancyReport } from './DiscrepancyReport';
import { TransportPanel } from './TransportPanel';
import { usePlaceName } from '../places/place-name';

/**
 * Licensed sites in my scope: licence state first (lapsed and expiring on top: they need someone),
 * then what each holds; active transports; the stock counts' discrepancies. A site's detail (balances, ledger, movement form) opens beside the list.
 */
export default function GoodsPage() {
  const { t, i18n } = useTranslation();
  const sites = useGoodsSites();
  const nameOf = usePlaceName();
  const { id } = useParams();
  const rank = { lapsed: 0, expiring: 1, not_yet_valid: 2, valid: 3 } as const;
  const sorted = [...(sites.data ?? [])].sort((a, b) => rank[a.licence.state] - rank[b.licence.state] || a.place.name.localeCompare(b.place.name));
  return (
    <Group align="flex-start" gap="md" p="md" wrap="nowrap" data-testid="goods-page">
      <Stack gap="sm" style={{ flex: id ? '0 0 42%' : 1, minWidth: 0 }}>
        <Title order={2} size="h3">{t('goods.page.title')}</Title>
        <Text size="sm" c="dimmed">{t('goods.page.hint')}</Text>
        {sites.isPending ? <Loading /> : sites.isError ? <ErrorState error={sites.error} onRetry={() => void sites.refetch()} /> : sorted.length === 0 ? (
          <EmptyState title={t('goods.page.none')}>{t('goods.page.noneHint')}</EmptyState>
        ) : (
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('goods.page.site')}</Table.Th>
                <Table.Th>{t('goods.page.licence')}</Table.Th>
                <Table.Th>{t('goods.page.holds')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((s) => (
                <Table.Tr key={s.id} data-testid="goods-site-row" aria-selected={s.id === id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/goods/${s.id}`} fw={600} size="sm">{nameOf(s.place)}</Anchor>
                    <Text size="xs" c="dimmed">{t(`placeCategory.${s.place.category}`, { defaultValue: s.place.category })} · {s.supervisingName}{s.demo ? ` · ${t('goods.page.demo')}` : ''}</Text>
                  </Table.Td>
                  <Table.Td><Badge color={STATE_COLOR[s.licence.state]} variant="light">{t(`goods.state.${s.licence.state}`)}</Badge></Table.Td>
                  <Table.Td>
                    <Text size="xs">{s.holdings.filter((h) => h.balance > 0).map((h) => `${h.unNumber ?? t(`goods.category.${h.category ?? 'firearms'}`)} ${quantityText(h.balance, h.unit, i18n.language, t)}`).join(' · ') || t('goods.page.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <TransportPanel />
        <DiscrepancyReport />
      </Stack>
      {id && <div style={{ flex: 1, minWidth: 0 }}><Outlet /></div>}
    </Group>
  );
}
