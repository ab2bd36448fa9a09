import type { MutualAidAgreement } from '@firebreak/contracts';
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowRight, IconArrowsLeftRight, IconCircleCheck, IconCircleOff, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useJurisdictions } from '../../api/queries';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { AgreementFormModal } from './AgreementFormModal';
import { sortAgreements } from './agreement-form';
import { useAgreements, type AgreementState } from './queries';
import { RevokeAgreementModal } from './RevokeAgreementModal';
import { useJurisdictionNames } from '../../api/jurisdiction-names';

const STATES: AgreementState[] = ['active', 'revoked', 'all'];

/** Cross-border agreements touching my scope: who lends which unit kinds to whom, since when, until when; make and end them. */
export default function MutualAidPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<AgreementState>('active');
  const list = useAgreements(state);
  const tree = useJurisdictions();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<MutualAidAgreement | null>(null);
  const nameOf = useJurisdictionNames();
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const rows = useMemo(() => sortAgreements(list.data ?? []), [list.data]);

  return (
    <Stack gap="md" data-testid="mutual-aid">
      <Text size="sm" c="dimmed" maw={960}>{t('settings.aid.intro')}</Text>
      <Group justify="space-between">
        <SegmentedControl value={state} onChange={(v) => setState(v as AgreementState)} aria-label={t('settings.aid.show')} data-testid="aid-state"
          data={STATES.map((s) => ({ value: s, label: t(`settings.aid.states.${s}`) }))} />
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="aid-new">{t('settings.aid.new')}</Button>
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : rows.length === 0 ? (
        <EmptyState title={t('settings.aid.empty')}>{t('settings.aid.emptyHint')}</EmptyState>
      ) : (
        <Table striped highlightOnHover withTableBorder data-testid="aid-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.aid.lender')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('settings.aid.direction')}</VisuallyHidden></Table.Th>
              <Table.Th>{t('settings.aid.borrower')}</Table.Th>
              <Table.Th>{t('settings.aid.kinds')}</Table.Th>
              <Table.Th>{t('settings.aid.direction')}</Table.Th>
              <Table.Th>{t('settings.aid.since')}</Table.Th>
              <Table.Th>{t('settings.aid.until')}</Table.Th>
              <Table.Th>{t('settings.aid.status')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('settings.aid.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => {
              const active = a.revokedAt === null;
              return (
                <Table.Tr key={a.id} data-testid="aid-row" data-id={a.id} data-state={active ? 'active' : 'revoked'} style={active ? undefined : { opacity: 0.7 }}>
                  <Table.Td><Text size="sm" fw={600}>{nameOf(a.providingJurisdictionPath)}</Text></Table.Td>
                  <Table.Td>{a.mutual ? <IconArrowsLeftRight size={18} aria-hidden /> : <IconArrowRight size={18} aria-hidden />}</Table.Td>
                  <Table.Td><Text size="sm" fw={600}>{nameOf(a.requestingJurisdictionPath)}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4}>{a.unitKinds.map((k) => <Badge key={k} size="sm" variant="outline" color="gray" tt="none">{t(`unitKind.${k}`)}</Badge>)}</Group>
                  </Table.Td>
                  <Table.Td><Text size="sm">{a.mutual ? t('settings.aid.mutual') : t('settings.aid.oneWay')}</Text></Table.Td>
                  <Table.Td><Text size="sm">{date(a.createdAt)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{a.revokedAt ? date(a.revokedAt) : '—'}</Text></Table.Td>
                  <Table.Td>
                    <Badge color={active ? 'green' : 'gray'} variant="light" leftSection={active ? <IconCircleCheck size={12} aria-hidden /> : <IconCircleOff size={12} aria-hidden />}>
                      {active ? t('settings.aid.active') : t('settings.aid.revoked')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {active && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(a)} data-testid="aid-revoke"
                        aria-label={t('settings.aid.revokeLabel', { from: nameOf(a.providingJurisdictionPath), to: nameOf(a.requestingJurisdictionPath) })}>
                        {t('settings.aid.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {creating && <AgreementFormModal tree={tree.data ?? []} onClose={() => setCreating(false)} />}
      {revoking && <RevokeAgreementModal agreement={revoking} nameOf={nameOf} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}
