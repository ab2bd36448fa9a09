import { Alert, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { useSearchParams } from 'react-router';
import { ApiError, call, fb, rawQuery } from '../../api/http';
import { EmptyState, ErrorState, Loading } from '../../shell/States';
import { TraceForm } from './TraceForm';
import { TraceSections } from './TraceSections';
import { traceQueryOf } from './trace-query';
import { useJurisdictionNames } from '../../api/jurisdiction-names';
import { exportQuery } from '../../util/export-query';

/** API field errors of the trace query by form field ("query.to" -> "to"). */
function queryFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const e of err.problem?.errors ?? []) if (e.path.startsWith('query.')) out[e.path.slice(6)] ??= e.message;
  return out;
}

/**
 * The accountability trace: what the record shows for an incident (at the time of its call) or a
 * place over a window. Facts with their audit entries, no scores. The trace asked for lives in
 * the address, so it can be shared, reloaded and returned to from an audit page.
 */
export default function AccountabilityPage() {
  const { t, i18n } = useTranslation();
  const nameOf = useJurisdictionNames();
  const [params, setParams] = useSearchParams();
  const q = traceQueryOf(params);
  const trace = useQuery({ queryKey: ['accountability', 'trace', q], enabled: q !== null, retry: false, queryFn: () => call(fb.GET('/api/v1/accountability/trace', rawQuery(q!))) });
  const fieldErrors = queryFieldErrors(trace.error);
  const at = (s: string) => new Date(s).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const r = trace.data?.reference;
  // A download or a new tab carries no UI language: the exports are asked for in mine, with dates in my time zone.
  const exported = `${q}&${exportQuery(i18n.language)}`;

  return (
    <Box style={{ height: '100%', overflow: 'auto' }}>
      <Stack p="md" gap="md" data-testid="accountability">
        <div>
          <Title order={2} size="h3">{t('accountability.title')}</Title>
          <Text size="sm" c="dimmed">{t('accountability.intro')}</Text>
        </div>
        <TraceForm key={params.toString()} params={params} onTrace={(s) => setParams(new URLSearchParams(s))} serverErrors={fieldErrors} referenceName={r?.name} />
        {q === null ? <EmptyState title={t('accountability.askTitle')}>{t('accountability.askHint')}</EmptyState>
          : trace.isPending ? <Loading />
          : trace.isError ? (Object.keys(fieldErrors).length ? null : <ErrorState error={trace.error} onRetry={() => void trace.refetch()} />)
          : (
            <Stack gap="md" data-testid="trace" data-kind={trace.data.reference.kind} data-id={trace.data.reference.id}>
              <Card withBorder>
                <Group justify="space-between" align="flex-start">
                  <div>
                    <Title order={3} size="h4" data-testid="trace-reference">
                      {r!.incident ? [r!.incident.priority, t(`incidentType.${r!.incident.type}`), r!.incident.address].filter(Boolean).join(' · ') : r!.name}
                    </Title>
                    <Text size="sm">{nameOf(r!.jurisdictionPath)} · {r!.from === r!.to ? t('accountability.atTime', { date: at(r!.from) }) : t('accountability.window', { from: at(r!.from), to: at(r!.to) })} · {t('accountability.radius', { m: r!.radiusM })}</Text>
                    <Text size="xs" c="dimmed">{t('accountability.generatedAt', { date: at(trace.data.generatedAt) })}</Text>
                  </div>
                  <Group gap="xs">
                    <Button component="a" href={`/api/v1/accountability/trace.csv?${exported}`} download variant="light" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} data-testid="trace-csv">
                      {t('accountability.exportCsv')}
                    </Button>
                    <Button component="a" href={`/api/v1/accountability/trace.html?${exported}`} target="_blank" rel="noopener" variant="light" leftSection={<IconPrinter size={16} aria-hidden />} data-testid="trace-html">
                      {t('accountability.printable')}
                    </Button>
                  </Group>
                </Group>
                {trace.data.omittedOutsideScope > 0 && (
                  <Alert mt="sm" color="gray" icon={<IconInfoCircle size={16} aria-hidden />} data-testid="trace-omitted">{t('accountability.omitted', { count: trace.data.omittedOutsideScope })}</Alert>
                )}
              </Card>
              <TraceSections trace={trace.data} />
            </Stack>
          )}
      </Stack>
    </Box>
  );
}
