import type { StaffMember } from '@firebreak/contracts';
import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { call, fb, problemText } from '../../api/http';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { useMe } from '../../api/queries';
import { useTranslation } from '../../i18n/use-translation';
import { EmptyState, Loading } from '../../shell/States';
import { CreateStaffModal } from './CreateStaffModal';
import { EditStaffModal } from './EditStaffModal';
import { OneTimePassword } from './OneTimePassword';
import { filterStaff, oneTimePassword, refusalDetail, staffAccess } from './staff-list';

/** Every account in my scope: the list is paged by offset (500 a page, bounded so a runaway server cannot loop us). */
async function allStaff(): Promise<StaffMember[]> {
  const out: StaffMember[] = [];
  for (let page = 0; page < 40; page++) {
    const got = await call(fb.GET('/api/v1/staff', { params: { query: { limit: 500, offset: out.length } } }));
    out.push(...got);
    if (got.length < 500) break;
  }
  return out;
}

type Change = { id: string; disabled: boolean } | { id: string; password: string };

/**
 * The administrator's accounts screen: every account in my scope (the server's list, by my
 * `staff:read`), a filter, and with `staff:manage` a new account, disable/enable and a password
 * reset, and an account's display name and roles (EditStaffModal). Who may be changed is the server's to say (scope, higher roles, my own account): its
 * refusal shows on the row's alert as the problem's words, never a guess made here.
 */
export default function StaffPage() {
  const { t } = useTranslation();
  const me = useMe();
  const nameOf = useJurisdictionNames();
  const client = useQueryClient();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const [confirmReset, setConfirmReset] = useState<string | null>(null);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const access = staffAccess(me.data?.permissions ?? []);
  const staff = useQuery({ queryKey: ['staff', 'all'], queryFn: allStaff, enabled: access.read });
  const change = useMutation({
    mutationFn: (c: Change) => call(fb.PATCH('/api/v1/staff/{id}', { params: { path: { id: c.id } }, body: 'password' in c ? { password: c.password } : { disabled: c.disabled } })),
    onSuccess: (m, c) => {
      setConfirmReset(null);
      if ('password' in c) setShown({ username: m.username, password: c.password });
      void client.invalidateQueries({ queryKey: ['staff'] });
    },
  });
  const rows = useMemo(() => filterStaff(staff.data ?? [], filter, (r) => t(`roles.${r}`), nameOf, t('staff.device')), [staff.data, filter, t, nameOf]);

  if (me.isPending || (access.read && staff.isPending)) return <Loading />;
  if (!access.read) return <EmptyState title={t('staff.forbidden')} />;
  const failedOn = change.isError ? change.variables?.id : undefined;
  const refusal = refusalDetail(change.error);

  const row = (m: StaffMember) => (
    <Table.Tr key={m.id} data-testid="staff-row" data-username={m.username} data-disabled={m.disabled}>
      <Table.Td><Text ff="monospace" size="sm">{m.username}</Text></Table.Td>
      <Table.Td>{m.displayName}{m.kind === 'device' && <Badge ml="xs" variant="outline" size="sm">{t('staff.device')}</Badge>}</Table.Td>
      <Table.Td>{m.grants.length === 0 ? <Text c="dimmed" size="sm">{t('staff.noRoles')}</Text> : m.grants.map((g) => <div key={g.id}>{t(`roles.${g.role}`)} · {nameOf(g.jurisdictionPath)}</div>)}</Table.Td>
      <Table.Td data-testid="staff-row-home">{nameOf(m.jurisdictionPath)}</Table.Td>
      {/* Not upper-case and never cut ("ENAB…" in a narrow column): the state is the row's point. */}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Badge tt="none" miw="fit-content" style={{ overflow: 'visible' }} color={m.disabled ? 'gray' : 'green'} data-testid="staff-row-state">{m.disabled ? t('staff.disabled') : t('staff.enabled')}</Badge>
      </Table.Td>
      {/* Devices sign in by API token, never by password and code: a second factor is not theirs to have. */}
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="staff-row-mfa" data-mfa={m.kind === 'device' ? 'device' : m.mfaEnrolled ? 'on' : 'off'}>
        {m.kind === 'device'
          ? <Text size="sm" c="dimmed">{t('staff.mfaDevice')}</Text>
          : <Badge tt="none" miw="fit-content" style={{ overflow: 'visible' }} variant={m.mfaEnrolled ? 'filled' : 'outline'} color={m.mfaEnrolled ? 'green' : 'gray'}>{m.mfaEnrolled ? t('staff.mfaOn') : t('staff.mfaOff')}</Badge>}
      </Table.Td>
      {access.manage && (
        <Table.Td>
          {m.id !== me.data?.id && (
            <Stack gap={4}>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => { setEditing(m); change.reset(); }} aria-label={t('staff.edit.actionOne', { username: m.username })} data-testid="staff-edit-open">
                  {t('staff.edit.action')}
                </Button>
                <Button size="xs" variant="light" color={m.disabled ? 'green' : 'red'} loading={change.isPending && change.variables?.id === m.id && 'disabled' in change.variables}
                  onClick={() => change.mutate({ id: m.id, disabled: !m.disabled })} data-testid={m.disabled ? 'staff-enable' : 'staff-disable'}>
                  {m.disabled ? t('staff.enable') : t('staff.disable')}
                </Button>
                {m.kind === 'staff' && (confirmReset === m.id ? (
                  <>
                    <Button size="xs" color="red" loading={change.isPending} onClick={() => change.mutate({ id: m.id, password: oneTimePassword() })} data-testid="staff-reset-confirm">{t('staff.reset.confirm')}</Button>
                    <Button size="xs" variant="subtle" onClick={() => setConfirmReset(null)}>{t('actions.cancel')}</Button>
                  </>
                ) : (
                  <Button size="xs" variant="subtle" onClick={() => { setConfirmReset(m.id); change.reset(); }} data-testid="staff-reset">{t('staff.reset.action')}</Button>
                ))}
              </Group>
              {confirmReset === m.id && <Text size="xs" c="dimmed">{t('staff.reset.explain')}</Text>}
              {failedOn === m.id && <Alert color="red" p="xs" icon={<IconAlertTriangle size={14} aria-hidden />} role="alert" data-testid="staff-row-error">
                  {problemText(change.error, t('errors.generic'))}
                  {refusal && !problemText(change.error, '').includes(refusal) && <Text size="xs" mt={4} data-testid="staff-row-error-detail">{t('staff.serverSaid', { detail: refusal })}</Text>}
                </Alert>}
            </Stack>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );

  return (
    <Stack p="md" gap="sm" style={{ height: '100%', overflow: 'auto' }} data-testid="staff">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('staff.title')}</Title>
        {access.manage && <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="staff-new">{t('staff.create.open')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">{t('staff.explain')}</Text>
      <TextInput leftSection={<IconSearch size={16} aria-hidden />} placeholder={t('staff.filter')} aria-label={t('staff.filter')} value={filter}
        onChange={(e) => setFilter(e.currentTarget.value)} maw={420} data-testid="staff-filter" />
      {staff.isError && <Alert color="red" role="alert">{problemText(staff.error, t('errors.generic'))}</Alert>}
      {rows.length === 0 ? <Text c="dimmed" data-testid="staff-empty">{t('staff.none')}</Text> : (
        <Table striped highlightOnHover data-testid="staff-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.username')}</Table.Th>
              <Table.Th>{t('staff.displayName')}</Table.Th>
              <Table.Th>{t('staff.roles')}</Table.Th>
              <Table.Th>{t('staff.jurisdiction')}</Table.Th>
              <Table.Th>{t('staff.state')}</Table.Th>
              <Table.Th>{t('staff.mfa')}</Table.Th>
              {access.manage && <Table.Th>{t('staff.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{rows.map(row)}</Table.Tbody>
        </Table>
      )}
      {creating && <CreateStaffModal onClose={() => setCreating(false)} onCreated={(m, password) => { setCreating(false); setShown({ username: m.username, password }); }} />}
      {editing && <EditStaffModal member={editing} onClose={() => setEditing(null)} />}
      {shown && <OneTimePassword username={shown.username} password={shown.password} onClose={() => setShown(null)} />}
    </Stack>
  );
}
