import type { OnboardKind, OnboardReport } from '@firebreak/contracts';
import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { onboardFile } from './setup-api';
import { ProblemAlert } from './ProblemAlert';

const KINDS: OnboardKind[] = ['stations', 'units', 'staff'];

/** Step 2: the agency's stations, units and staff lists, each checked (dry run) and then imported. */
export function OnboardStep() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t('setup.onboard.intro')}</Text>
      {KINDS.map((kind) => <OnboardCard key={kind} kind={kind} />)}
    </Stack>
  );
}

function OnboardCard({ kind }: { kind: OnboardKind }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: () => onboardFile(kind, file!, true) });
  const run = useMutation({ mutationFn: () => onboardFile(kind, file!, false) });
  return (
    <Card withBorder data-testid={`setup-onboard-${kind}`}>
      <Stack gap="xs">
        <Title order={5}>{t(`setup.onboard.kind.${kind}`)}</Title>
        <Text size="sm" c="dimmed">{t(`setup.onboard.columns.${kind}`)}</Text>
        <label>
          <Text size="sm" fw={500}>{t('setup.onboard.file')}</Text>
          <input type="file" accept=".csv,.geojson,.json" data-testid={`setup-onboard-${kind}-file`} onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); check.reset(); run.reset(); }} />
        </label>
        <Group>
          <Button variant="light" onClick={() => check.mutate()} disabled={!file || run.isSuccess} loading={check.isPending}>{t('setup.onboard.check')}</Button>
          <Button onClick={() => run.mutate()} disabled={!check.isSuccess || run.isSuccess} loading={run.isPending}>{t('setup.onboard.import')}</Button>
        </Group>
        {check.error && <ProblemAlert error={check.error} />}
        {check.data && !run.data && <Report report={check.data} />}
        {run.error && <ProblemAlert error={run.error} />}
        {run.data && <Report report={run.data} />}
      </Stack>
    </Card>
  );
}

function Report({ report }: { report: OnboardReport }) {
  const { t } = useTranslation();
  return (
    <Alert color={report.dryRun ? 'blue' : 'green'} data-testid="setup-onboard-report">
      <Text size="sm">{t(report.dryRun ? 'setup.onboard.wouldBe' : 'setup.onboard.done', { created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected })}</Text>
      {report.secrets.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">{t('setup.onboard.passwords')}</Text>
          <List size="sm">{report.secrets.map((s) => <List.Item key={s.username}><code>{s.username}</code>: <code>{s.password}</code></List.Item>)}</List>
        </>
      )}
    </Alert>
  );
}
