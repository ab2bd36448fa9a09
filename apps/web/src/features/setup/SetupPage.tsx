import type { SetupOsmReport } from '@firebreak/contracts';
import { Alert, Button, Container, Stack, Stepper, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { useMe } from '../../api/queries';
import { ErrorState, Loading } from '../../shell/States';
import { ExtractStep } from './ExtractStep';
import { OnboardStep } from './OnboardStep';
import { useSetupStatus } from './setup-api';

/**
 * "Set up your region": the first run without the demo. The region's OSM extract (previewed, then
 * imported), then the agency's stations, units and staff, then the dispatch screen.
 */
export default function SetupPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = me.data?.permissions.includes('jurisdictions:manage') ?? false;
  const status = useSetupStatus(mayManage);
  const client = useQueryClient();
  const [step, setStep] = useState<number | null>(null);
  const [imported, setImported] = useState<SetupOsmReport | null>(null);

  if (me.data && !mayManage) return <Container py="md"><Alert color="yellow">{t('setup.forbidden')}</Alert></Container>;
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  // A deployment set up already starts at its lists (stations, units, staff), not at the extract.
  const active = step ?? (status.data.empty ? 0 : 1);
  const onImported = (r: SetupOsmReport) => {
    setImported(r);
    setStep(1);
    void client.invalidateQueries();
  };
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={2}>{t('setup.title')}</Title>
        {status.data.demo && <Alert color="yellow">{t('setup.demoOn')}</Alert>}
        <Stepper active={active} onStepClick={(s) => s < active && s > 0 && setStep(s)} allowNextStepsSelect={false}>
          <Stepper.Step label={t('setup.steps.extract')} description={t('setup.steps.extractHint')}>
            <ExtractStep levels={status.data.levels} onImported={onImported} />
          </Stepper.Step>
          <Stepper.Step label={t('setup.steps.onboard')} description={t('setup.steps.onboardHint')}>
            {imported && <Alert color="green" mb="md" data-testid="setup-imported">{t('setup.imported', { created: imported.created, updated: imported.updated, places: imported.keyPlaces.created ?? 0 })}</Alert>}
            <OnboardStep />
            <Button mt="md" onClick={() => setStep(2)}>{t('setup.next')}</Button>
          </Stepper.Step>
          <Stepper.Completed>
            <Stack align="flex-start">
              <Text>{t('setup.doneText')}</Text>
              <Button component={Link} to="/">{t('setup.toDispatch')}</Button>
            </Stack>
          </Stepper.Completed>
        </Stepper>
      </Stack>
    </Container>
  );
}
