import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { ErrorState, Loading } from '../../shell/States';
import { useMajorHoldings } from './api';
import { itemText, quantityText, STATE_COLOR } from './format';
import { usePlaceName } from '../places/place-name';

/** The server's radius (transport.routes.ts HOLDINGS_NEAR_METRES), said in the hint. */
const NEAR_METRES = 500;

/**
 * What licensed sites near a major incident (its point or any cordon) hold per their ledgers:
 * UN number and hazard class or category, and quantity — firefighters need it before they go in.
 */
export function MajorHoldings({ majorId }: { majorId: string }) {
  const { t, i18n } = useTranslation();
  const near = useMajorHoldings(majorId);
  const nameOf = usePlaceName();
  return (
    <Card withBorder padding="sm" data-testid="major-holdings">
      <Stack gap="xs">
        <Title order={3} size="h5">{t('goods.majorHoldings.title')}</Title>
        <Text size="xs" c="dimmed">{t('goods.majorHoldings.hint', { m: NEAR_METRES })}</Text>
        {near.isPending ? <Loading /> : near.isError ? <ErrorState error={near.error} onRetry={() => void near.refetch()} /> : near.data.every((s) => s.holdings.length === 0) ? (
          <Text size="sm">{t('goods.majorHoldings.none')}</Text>
        ) : (
          <Table verticalSpacing={2}>
            <Table.Tbody>
              {near.data.filter((s) => s.holdings.length > 0).flatMap((s) => s.holdings.map((h, i) => (
                <Table.Tr key={`${s.siteId}-${h.itemKey}`} data-testid="major-holding">
                  <Table.Td>{i === 0 && <><Text size="sm" fw={600}>{nameOf(s.name)}</Text><Text size="xs" c="dimmed">{t('goods.majorHoldings.distance', { m: s.distanceMeters })} <Badge size="xs" color={STATE_COLOR[s.licenceState as keyof typeof STATE_COLOR] ?? 'gray'} variant="light">{t(`goods.state.${s.licenceState}`)}</Badge></Text></>}</Table.Td>
                  <Table.Td><Text size="sm">{itemText(h, t)}</Text><Text size="xs" c="dimmed">{h.name}</Text></Table.Td>
                  <Table.Td><Text size="sm" ta="right">{quantityText(h.balance, h.unit as 'ml', i18n.language, t)}</Text></Table.Td>
                </Table.Tr>
              )))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
