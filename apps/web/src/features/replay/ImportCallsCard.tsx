import type { CallsImportSummary } from '@firebreak/contracts';
import { Alert, Button, Card, Checkbox, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';

/**
 * Past calls from a CAD export (the built-in San Francisco mapping), checked (dry run) and then
 * imported into the jurisdiction the replay screen has chosen, for administrators of it
 * (`POST /history/imports`). "Place the calls into this jurisdiction" is the import's `relocate`
 * (with its seed): another region's export lands where people are here, so a replay can run it on
 * this jurisdiction's roads; without it such calls are imported where they are and counted outside.
 */
export function ImportCallsCard({ jurisdictionId }: { jurisdictionId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [relocate, setRelocate] = useState(false);
  const [seed, setSeed] = useState(1);
  const send = async (dryRun: boolean) => call(fb.POST('/api/v1/history/imports', {
    body: { jurisdictionId, mapping: 'sf-fire', source: file!.name, csv: await file!.text(), dryRun, ...(relocate ? { relocate: true, seed } : {}) },
  }));
  const check = useMutation({ mutationFn: () => send(true) });
  // The replay screen's "newest call per origin" now has imported history to offer.
  const run = useMutation({ mutationFn: () => send(false), onSuccess: () => client.invalidateQueries({ queryKey: ['replay', 'newest-calls'] }) });
  const reset = () => { check.reset(); run.reset(); };
  const error = check.error ?? run.error;
  const summary = run.data ?? check.data;
  return (
    <Card withBorder data-testid="history-import">
      <Stack gap="xs">
        <Title order={3} size="h5">{t('replay.import.title')}</Title>
        <Text size="sm" c="dimmed">{t('replay.import.hint')}</Text>
        <label>
          <Text size="sm" fw={500}>{t('replay.import.file')}</Text>
          <input type="file" accept=".csv,text/csv" data-testid="history-import-file" onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); reset(); }} />
        </label>
        <Group align="flex-end">
          <Checkbox label={t('replay.import.relocate')} description={t('replay.import.relocateHint')} checked={relocate} onChange={(e) => { setRelocate(e.currentTarget.checked); reset(); }} data-testid="history-import-relocate" />
          {relocate && <NumberInput label={t('replay.seed')} value={seed} onChange={(v) => { setSeed(typeof v === 'number' ? v : 1); reset(); }} min={0} max={2147483647} allowDecimal={false} w={120} data-testid="history-import-seed" />}
        </Group>
        <Group>
          <Button variant="light" onClick={() => check.mutate()} disabled={!file || run.isSuccess} loading={check.isPending} data-testid="history-import-check">{t('replay.import.check')}</Button>
          <Button onClick={() => run.mutate()} disabled={!check.isSuccess || run.isSuccess} loading={run.isPending} data-testid="history-import-run">{t('replay.import.run')}</Button>
        </Group>
        {error && <Alert color="red" role="alert">{problemText(error, t('errors.generic'))}</Alert>}
        {summary && !error && <ImportSummary summary={summary} />}
      </Stack>
    </Card>
  );
}

function ImportSummary({ summary: s }: { summary: CallsImportSummary }) {
  const { t } = useTranslation();
  return (
    <Alert color={s.dryRun ? 'blue' : 'green'} data-testid="history-import-summary">
      <Text size="sm">{t(s.dryRun ? 'replay.import.wouldBe' : 'replay.import.done', { calls: s.calls, created: s.created, already: s.alreadyImported })}</Text>
      {s.relocated > 0 && <Text size="sm">{t('replay.import.relocated', { count: s.relocated })}</Text>}
      {s.outsideJurisdiction > 0 && <Text size="sm" c="orange">{t('replay.import.outside', { count: s.outsideJurisdiction })}</Text>}
      {s.rejected.length > 0 && <Text size="sm" c="orange">{t('replay.import.rejected', { count: s.rejected.length })}</Text>}
    </Alert>
  );
}
