import type { DeclareMajorIncidentBody, Incident } from '@firebreak/contracts';
import { Button, Checkbox, NumberInput, Select, TextInput } from '@mantine/core';
import { IconUrgent } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { useNavigate } from 'react-router';
import { call, fb, once } from '../../api/http';
import { useMe } from '../../api/queries';
import { IssueModal } from '../issue/IssueModal';
import { fieldErrors } from '../issue/issue-form';
import { useCommandForm } from '../issue/use-command-form';
import { majorKeys, type MajorIncident } from './queries';

import { RESPONSE_LEVELS as LEVELS } from './enums';
const FIELDS = ['incidentId', 'title', 'level', 'casualtiesEstimate', 'exercise'];

/** "Declare major incident" on an open incident: the level is the declarer's call, or suggested from a casualty estimate. */
export function DeclareMajorButton({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const mayDeclare = useMe().data?.permissions.includes('dispatch:assign') ?? false;
  const [open, setOpen] = useState(false);
  if (!mayDeclare || incident.state !== 'open' || !incident.location) return null;
  return (
    <>
      <Button size="compact-sm" color="red" variant="light" leftSection={<IconUrgent size={14} aria-hidden />} onClick={() => setOpen(true)} data-testid="declare-major">
        {t('majorIncidents.declare')}
      </Button>
      {open && <DeclareModal incident={incident} onClose={() => setOpen(false)} />}
    </>
  );
}

function DeclareModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [title, setTitle] = useState(incident.narrative?.slice(0, 200) ?? t(`incidentType.${incident.type}`));
  const [level, setLevel] = useState<string | null>(null);
  const [estimate, setEstimate] = useState<number | string>('');
  const [exercise, setExercise] = useState(incident.origin !== 'live');
  const form = useCommandForm<DeclareMajorIncidentBody, MajorIncident>(
    (body, idempotencyKey) => call(fb.POST('/api/v1/major-incidents', { params: { header: once(idempotencyKey) }, body })), fieldErrors, (created) => {
      void client.invalidateQueries({ queryKey: majorKeys.all });
      onClose();
      void navigate(`/major-incidents/${created.id}`);
    },
  );
  const submit = () => {
    const body = {
      incidentId: incident.id, title: title.trim(), exercise,
      ...(level ? { level: level as DeclareMajorIncidentBody['level'] } : {}),
      ...(typeof estimate === 'number' ? { casualtiesEstimate: estimate } : {}),
    } as DeclareMajorIncidentBody;
    if (!body.title) return form.send({ body: null, problems: { title: 'majorIncidents.form.required' } });
    if (!level && typeof estimate !== 'number') return form.send({ body: null, problems: { level: 'majorIncidents.form.levelOrEstimate' } });
    form.send({ body, problems: null });
  };
  return (
    <IssueModal title={t('majorIncidents.declareTitle')} testId="declare-form" submitLabel={t('majorIncidents.declareSubmit')} onSubmit={submit} onClose={onClose}
      pending={form.pending} error={form.unplaced(FIELDS)}>
      <TextInput label={t('majorIncidents.form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required data-autofocus
        error={form.errorOf('title')} data-testid="declare-title" />
      <Select label={t('majorIncidents.form.level')} description={t('majorIncidents.form.levelHint')} data={LEVELS.map((l) => ({ value: l, label: t(`majorIncidents.levels.${l}`) }))}
        value={level} onChange={setLevel} clearable error={form.errorOf('level')} data-testid="declare-level" />
      <NumberInput label={t('majorIncidents.form.estimate')} value={estimate} onChange={setEstimate} min={0} max={1_000_000} allowDecimal={false}
        error={form.errorOf('casualtiesEstimate')} data-testid="declare-estimate" />
      <Checkbox label={t('majorIncidents.form.exercise')} checked={exercise} onChange={(e) => setExercise(e.currentTarget.checked)} data-testid="declare-exercise" />
    </IssueModal>
  );
}
