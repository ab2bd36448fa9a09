import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { ErrorState, Loading } from '../../shell/States';
import { useDiscrepancyReport } from './api';
import { usePlaceName } from '../places/place-name';

/**
 * Stock counts against the ledger, per site under its supervising jurisdiction: how many counts,
 * how many found a difference above tolerance, how many of those major (each a hazard). The
 * inspector's count raises the hazard; this is where the duty officer sees which sites keep
 * disagreeing with their books, worst first within each jurisdiction (the server's order).
 */
export function DiscrepancyReport() {
  const { t, i18n } = useTranslation();
  const report = useDiscrepancyReport();
  const nameOf = useJurisdictionNames();
  const placeName = usePlaceName();
  return (
    <Stack gap="xs" data-testid="discrepancy-report">
      <Title order={3} size="h4">{t('goods.discrepancies.title')}</Title>
      {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : report.data.length === 0 ? (
        <Text size="sm" c="dimmed">{t('goods.discrepancies.none')}</Text>
      ) : (
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('goods.discrepancies.jurisdiction')}</Table.Th>
              <Table.Th>{t('goods.page.site')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('goods.discrepancies.counts')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('goods.discrepancies.found')}</Table.Th>
              <Table.Th>{t('goods.discrepancies.last')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.data.map((r) => (
              <Table.Tr key={r.siteId} data-testid="discrepancy-row" data-site-id={r.siteId}>
                <Table.Td>{nameOf(r.jurisdictionPath)}</Table.Td>
                <Table.Td><Anchor component={Link} to={`/goods/${r.siteId}`} size="sm">{placeName(r.siteName)}</Anchor></Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{r.reconciliations}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {r.discrepancies}
                  {r.major > 0 && <Badge color="red" variant="light" ml={6} data-testid="discrepancy-major">{t('goods.discrepancies.major', { count: r.major })}</Badge>}
                </Table.Td>
                <Table.Td>{new Date(r.lastAt).toLocaleString(i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
