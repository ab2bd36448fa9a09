import type { Role, StaffMember } from '@firebreak/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ROLES } from '../../api/enums';
import { call, fb, problemText } from '../../api/http';
import { jurisdictionOptions, useJurisdictionNames } from '../../api/jurisdiction-names';
import { useJurisdictions, useMe } from '../../api/queries';
import { useTranslation } from '../../i18n/use-translation';
import { refusalDetail } from './staff-list';

type Edit = { kind: 'rename'; displayName: string } | { kind: 'grant'; role: Role; jurisdictionId: string } | { kind: 'revoke'; grantId: string };

/**
 * One account's display name and roles after its creation: rename it, grant a role on a
 * jurisdiction of my tree, withdraw a grant. Each change is its own request (the API's
 * `PATCH /staff/{id}`, `POST /staff/{id}/grants`, `DELETE /staff/{id}/grants/{grantId}`), and the
 * account as the server returns it is what the dialog shows next. What lies beyond where I
 * administer (a role above my scope, a grant on a neighbour's ground) the server refuses: its
 * words show in the dialog, never a guess made here.
 */
export function EditStaffModal({ member, onClose }: { member: StaffMember; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const nameOf = useJurisdictionNames();
  const tree = useJurisdictions().data;
  const places = useMemo(() => jurisdictionOptions(tree ?? [], i18n.language), [tree, i18n.language]);
  const [current, setCurrent] = useState(member);
  // The server refuses a change to one's own roles (separation of duties): say so instead of offering it.
  const own = useMe().data?.id === member.id;
  const [displayName, setDisplayName] = useState(member.displayName);
  const [role, setRole] = useState<Role | null>(null);
  const [jurisdictionId, setJurisdictionId] = useState<string | null>(null);
  const edit = useMutation({
    mutationFn: (e: Edit) => {
      const path = { id: current.id };
      if (e.kind === 'rename') return call(fb.PATCH('/api/v1/staff/{id}', { params: { path }, body: { displayName: e.displayName } }));
      if (e.kind === 'grant') return call(fb.POST('/api/v1/staff/{id}/grants', { params: { path }, body: { role: e.role, jurisdictionId: e.jurisdictionId } }));
      return call(fb.DELETE('/api/v1/staff/{id}/grants/{grantId}', { params: { path: { ...path, grantId: e.grantId } } }));
    },
    onSuccess: (m, e) => {
      setCurrent(m);
      if (e.kind === 'grant') setRole(null);
      void client.invalidateQueries({ queryKey: ['staff'] });
    },
  });
  const pendingOn = (kind: Edit['kind'], grantId?: string) => edit.isPending && edit.variables?.kind === kind && (grantId === undefined || (edit.variables.kind === 'revoke' && edit.variables.grantId === grantId));
  const refusal = refusalDetail(edit.error);
  const trimmed = displayName.trim();

  return (
    <Modal opened onClose={onClose} size="lg" title={t('staff.edit.title', { username: current.username })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md" data-testid="staff-edit">
        <form onSubmit={(e) => { e.preventDefault(); if (trimmed && trimmed !== current.displayName) edit.mutate({ kind: 'rename', displayName: trimmed }); }}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={t('staff.displayName')} value={displayName} maxLength={200} data-autofocus
              onChange={(e) => setDisplayName(e.currentTarget.value)} error={trimmed ? undefined : t('staff.required')} data-testid="staff-edit-display-name" />
            <Button type="submit" variant="light" disabled={!trimmed || trimmed === current.displayName} loading={pendingOn('rename')} data-testid="staff-edit-rename">
              {t('staff.edit.rename')}
            </Button>
          </Group>
        </form>

        <Stack gap={6}>
          <Title order={3} size="h5">{t('staff.roles')}</Title>
          {current.grants.length === 0 ? <Text c="dimmed" size="sm" data-testid="staff-edit-no-roles">{t('staff.noRoles')}</Text> : (
            <Table data-testid="staff-edit-grants">
              <Table.Tbody>
                {current.grants.map((g) => (
                  <Table.Tr key={g.id} data-testid="staff-edit-grant" data-role={g.role} data-jurisdiction={g.jurisdictionPath}>
                    <Table.Td>{t(`roles.${g.role}`)} · {nameOf(g.jurisdictionPath)}</Table.Td>
                    <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                      <Button size="xs" variant="subtle" color="red" disabled={own} loading={pendingOn('revoke', g.id)} onClick={() => edit.mutate({ kind: 'revoke', grantId: g.id })}
                        aria-label={t('staff.edit.revokeOne', { role: t(`roles.${g.role}`), place: nameOf(g.jurisdictionPath) })} data-testid="staff-edit-revoke">
                        {t('staff.edit.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>

        <form onSubmit={(e) => { e.preventDefault(); if (role && jurisdictionId) edit.mutate({ kind: 'grant', role, jurisdictionId }); }}>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <Select label={t('staff.role')} value={role} onChange={(v) => setRole(v as Role | null)} w={200} comboboxProps={{ withinPortal: true }}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="staff-edit-role" />
            <Select label={t('staff.jurisdiction')} searchable value={jurisdictionId} onChange={setJurisdictionId} limit={300} style={{ flex: 1, minWidth: 200 }}
              data={places.map((p) => ({ value: p.value, label: p.label }))} data-testid="staff-edit-jurisdiction" />
            <Button type="submit" disabled={own || !role || !jurisdictionId} loading={pendingOn('grant')} data-testid="staff-edit-grant-add">{t('staff.edit.grant')}</Button>
          </Group>
          {current.kind === 'device' && <Text size="xs" c="dimmed" mt={4}>{t('staff.edit.deviceHint')}</Text>}
          {own && <Text size="xs" c="dimmed" mt={4} data-testid="staff-edit-own-roles">{t('staff.edit.ownRoles')}</Text>}
        </form>

        {edit.isError && (
          <Alert color="red" p="xs" icon={<IconAlertTriangle size={14} aria-hidden />} role="alert" data-testid="staff-edit-error">
            {problemText(edit.error, t('errors.generic'))}
            {refusal && !problemText(edit.error, '').includes(refusal) && <Text size="xs" mt={4} data-testid="staff-edit-error-detail">{t('staff.serverSaid', { detail: refusal })}</Text>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="staff-edit-done">{t('staff.password.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
