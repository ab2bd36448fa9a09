import type { Role, StaffMember } from '@firebreak/contracts';
import { Select, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ROLES } from '../../api/enums';
import { call, fb, once } from '../../api/http';
import { jurisdictionOptions } from '../../api/jurisdiction-names';
import { useJurisdictions } from '../../api/queries';
import { useTranslation } from '../../i18n/use-translation';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors } from '../issue/issue-form';
import { useCommandForm } from '../issue/use-command-form';
import { oneTimePassword } from './staff-list';

interface Draft { username: string; displayName: string; role: Role | null; jurisdictionId: string | null }

/**
 * A new staff account: username, display name, one role on its home jurisdiction (more roles are
 * granted later). The picker holds my tree; the server refuses a place or a role beyond where I
 * administer, under the field. The password is drawn once per opened form, so a retry after a
 * refusal sends the same body under the same Idempotency-Key.
 */
export function CreateStaffModal({ onClose, onCreated }: { onClose: () => void; onCreated: (m: StaffMember, password: string) => void }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const tree = useJurisdictions().data;
  const places = useMemo(() => jurisdictionOptions(tree ?? [], i18n.language), [tree, i18n.language]);
  const [password] = useState(() => oneTimePassword());
  const [draft, setDraft] = useState<Draft>({ username: '', displayName: '', role: null, jurisdictionId: null });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const form = useCommandForm<Parameters<typeof post>[0], StaffMember>(
    (body, key) => post(body, key),
    // A grant's jurisdiction is the home one picked here: its refusal shows under the picker.
    (errors) => {
      const f = fieldErrors(errors);
      return { ...f, ...(f.grants && !f.jurisdictionId ? { jurisdictionId: f.grants } : {}) };
    },
    (m) => {
      void client.invalidateQueries({ queryKey: ['staff'] });
      onCreated(m, password);
    },
  );
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!draft.username.trim()) problems.username = 'staff.required';
    if (!draft.displayName.trim()) problems.displayName = 'staff.required';
    if (!draft.role) problems.role = 'staff.required';
    if (!draft.jurisdictionId) problems.jurisdictionId = 'staff.required';
    if (Object.keys(problems).length > 0 || !draft.role || !draft.jurisdictionId) return form.send({ body: null, problems });
    form.send({
      body: {
        username: draft.username.trim(), displayName: draft.displayName.trim(), kind: 'staff', jurisdictionId: draft.jurisdictionId, password,
        grants: [{ role: draft.role, jurisdictionId: draft.jurisdictionId }],
      },
      problems: null,
    });
  };
  return (
    <IssueModal title={t('staff.create.title')} testId="staff-create-form" submitLabel={t('staff.create.submit')} onSubmit={submit} onClose={onClose}
      pending={form.pending} error={form.unplaced(['username', 'displayName', 'role', 'jurisdictionId', 'password'])}>
      <TextInput label={t('staff.username')} description={t('staff.create.usernameHint')} required value={draft.username} data-autofocus
        onChange={(e) => set({ username: e.currentTarget.value.toLowerCase() })} error={form.errorOf('username')} data-testid="staff-create-username" />
      <TextInput label={t('staff.displayName')} required value={draft.displayName} onChange={(e) => set({ displayName: e.currentTarget.value })}
        error={form.errorOf('displayName')} data-testid="staff-create-display-name" />
      <Select label={t('staff.role')} required value={draft.role} onChange={(v) => set({ role: v as Role | null })} error={form.errorOf('role')}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} data-testid="staff-create-role" />
      <Select label={t('staff.jurisdiction')} required searchable value={draft.jurisdictionId} onChange={(v) => set({ jurisdictionId: v })} limit={300}
        data={places.map((p) => ({ value: p.value, label: p.label }))} error={form.errorOf('jurisdictionId')} data-testid="staff-create-jurisdiction" />
    </IssueModal>
  );
}

const post = (body: { username: string; displayName: string; kind: 'staff'; jurisdictionId: string; password: string; grants: { role: Role; jurisdictionId: string }[] }, key: string) =>
  call(fb.POST('/api/v1/staff', { params: { header: once(key) }, body }));
