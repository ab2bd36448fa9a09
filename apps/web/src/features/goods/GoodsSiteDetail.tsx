import type { GoodsSite, GoodsTransfer } from '@firebreak/contracts';
import { Alert, Badge, Button, Card, Group, NumberInput, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useParams } from 'react-router';
import { call, fb, problemText } from '../../api/http';
import { useMe } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { goodsKeys, useGoodsLedger, useGoodsSite, useGoodsSites } from './api';
import { fill, itemText, quantityProblem, quantityText, STATE_COLOR } from './format';
import { usePlaceName } from '../places/place-name';

const KINDS = ['receipt', 'issue', 'transfer', 'consumption', 'destruction', 'loss'] as const;

/** A site: its licence and state, each item's stock against its maximum, the movement form and the ledger, newest first. */
export default function GoodsSiteDetail() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const site = useGoodsSite(id);
  const ledger = useGoodsLedger(id);
  const nameOf = usePlaceName();
  const mayRecord = useMe().data?.permissions.includes('goods:record') ?? false;
  if (site.isPending) return <Loading />;
  if (site.isError) return <ErrorState error={site.error} onRetry={() => void site.refetch()} />;
  const s = site.data;
  const l = s.licence;
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  const unitOf = (key: string) => s.holdings.find((h) => h.key === key)?.unit ?? 'item';
  return (
    <Stack gap="sm" data-testid="goods-site-detail">
      <Group justify="space-between">
        <Title order={3} size="h4">{nameOf(s.place)}</Title>
        <Badge color={STATE_COLOR[l.state]} size="lg" data-testid="licence-state">{t(`goods.state.${l.state}`)}</Badge>
      </Group>
      <Text size="sm">{t('goods.detail.licence', { number: l.number, from: date(l.validFrom), until: date(l.validUntil), by: s.supervisingName })}</Text>
      <Text size="sm" c="dimmed">{t('goods.detail.responsible', { name: l.responsiblePerson.name, role: l.responsiblePerson.role })} · {l.storageConditions}</Text>
      {s.lapseHazardId && <Alert color="red" icon={<IconAlertTriangle aria-hidden />}>{t('goods.detail.lapseHazard')}</Alert>}
      <Title order={4} size="h5">{t('goods.detail.stock')}</Title>
      {s.holdings.map((h) => (
        <Card key={h.key} withBorder padding="xs" data-testid="goods-holding" data-item={h.key}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>{itemText(h, t)} — {h.name}</Text>
            <Text size="sm" ff="monospace" data-testid="goods-balance">{quantityText(h.balance, h.unit, i18n.language, t)} / {quantityText(h.maxQuantity, h.unit, i18n.language, t)}</Text>
          </Group>
          <Progress value={fill(h)} color={fill(h) > 90 ? 'orange' : 'blue'} size="sm" mt={4} aria-label={t('goods.detail.fill', { item: h.key })} />
        </Card>
      ))}
      {mayRecord && <MovementForm site={s} />}
      <Title order={4} size="h5">{t('goods.detail.ledger')}</Title>
      {ledger.isPending ? <Loading /> : ledger.isError ? <ErrorState error={ledger.error} onRetry={() => void ledger.refetch()} /> : (
        <Table striped verticalSpacing={2} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('goods.detail.when')}</Table.Th><Table.Th>{t('goods.detail.kind')}</Table.Th><Table.Th>{t('goods.detail.item')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('goods.detail.quantity')}</Table.Th><Table.Th>{t('goods.detail.fromTo')}</Table.Th><Table.Th>{t('goods.detail.by')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ledger.data.map((m: GoodsTransfer) => {
              const out = m.debit.siteId === s.id && m.debit.kind === 'stock';
              return (
                <Table.Tr key={m.id} data-testid="goods-movement">
                  <Table.Td>{new Date(m.at).toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{t(`goods.kind.${m.kind}`)}{m.reversedBy ? ` (${t('goods.detail.reversed')})` : ''}</Table.Td>
                  <Table.Td>{m.itemKey}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }} ff="monospace">{out ? '−' : '+'}{quantityText(m.quantity, unitOf(m.itemKey), i18n.language, t)}</Table.Td>
                  <Table.Td>{m.counterparty ?? (out ? (m.credit.siteId === s.id ? t(`goods.account.${m.credit.kind}`) : nameOf(m.credit.siteName)) : (m.debit.siteId === s.id ? t(`goods.account.${m.debit.kind}`) : nameOf(m.debit.siteName)))}</Table.Td>
                  <Table.Td>{m.recordedBy.name}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Records one movement. Quantities are typed in base units (ml, g, rounds, items): the ledger is exact. */
function MovementForm({ site }: { site: GoodsSite }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sites = useGoodsSites();
  const [kind, setKind] = useState<(typeof KINDS)[number]>('receipt');
  const [itemKey, setItemKey] = useState<string | null>(site.holdings[0]?.key ?? null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [toSiteId, setToSiteId] = useState<string | null>(null);
  const [counterparty, setCounterparty] = useState('');
  // One id per movement typed: a double click or a retry after a timeout is answered, never applied twice.
  const movementId = useRef(crypto.randomUUID());
  const unit = site.holdings.find((h) => h.key === itemKey)?.unit ?? 'item';
  const problem = quantityProblem(quantity);
  const record = useMutation({
    mutationFn: () => call(fb.POST('/api/v1/goods/transfers', { body: {
      id: movementId.current, kind, siteId: site.id, itemKey: itemKey ?? '', quantity: Number(quantity),
      ...(kind === 'transfer' && toSiteId ? { toSiteId } : {}), ...(counterparty.trim() && (kind === 'receipt' || kind === 'issue') ? { counterparty: counterparty.trim() } : {}),
    } })),
    onSuccess: () => {
      movementId.current = crypto.randomUUID();
      setQuantity('');
      void client.invalidateQueries({ queryKey: goodsKeys.all });
    },
  });
  return (
    <Card withBorder padding="sm" data-testid="goods-movement-form">
      <Stack gap="xs">
        <Title order={4} size="h5">{t('goods.form.title')}</Title>
        <Group grow align="flex-end">
          <Select label={t('goods.form.kind')} data={KINDS.map((k) => ({ value: k, label: t(`goods.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as (typeof KINDS)[number])} allowDeselect={false} data-testid="movement-kind" />
          <Select label={t('goods.form.item')} data={site.holdings.map((h) => ({ value: h.key, label: `${h.key} — ${h.name}` }))} value={itemKey} onChange={setItemKey} allowDeselect={false} />
          <NumberInput label={t('goods.form.quantity', { unit: t(`goods.unit.${unit}`) })} value={quantity} onChange={setQuantity} clampBehavior="none" thousandSeparator data-testid="movement-quantity"
            error={problem && problem !== 'empty' ? t(`goods.form.problem.${problem}`, { unit: t(`goods.unit.${unit}`) }) : undefined} />
        </Group>
        {kind === 'transfer' && (
          <Select label={t('goods.form.toSite')} searchable data={(sites.data ?? []).filter((x) => x.id !== site.id).map((x) => ({ value: x.id, label: x.place.name }))} value={toSiteId} onChange={setToSiteId} />
        )}
        {(kind === 'receipt' || kind === 'issue') && <TextInput label={t('goods.form.counterparty')} value={counterparty} onChange={(e) => setCounterparty(e.currentTarget.value)} maxLength={200} />}
        {record.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(record.error, t('errors.generic'))}</Alert>}
        <Group justify="flex-end">
          <Button onClick={() => record.mutate()} loading={record.isPending} disabled={!itemKey || problem !== null || (kind === 'transfer' && !toSiteId)} data-testid="record-movement">{t('goods.form.record')}</Button>
        </Group>
      </Stack>
    </Card>
  );
}
