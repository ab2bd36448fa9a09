import type { Incident } from '@firebreak/contracts';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconUsersPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { call, fb, problemText } from '../../api/http';
import { keys, useMe, useRecommendations } from '../../api/queries';
import { useNow } from '../../util/time';
import { reinforcementKeys, useIncidentReinforcements } from './api';
import { prefillFromShortfall, sortRequests } from './model';
import { RequestCard } from './RequestCard';
import { RequestForm } from './RequestForm';

/**
 * The incident's reinforcement requests, with "Request reinforcement" (prefilled from the run card's
 * shortfall) for its dispatchers. Granted units show here and among the recommendations, marked lent,
 * as soon as the grant's event arrives.
 */
export function IncidentReinforcements({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const now = useNow(1000);
  const mayAsk = (useMe().data?.permissions.includes('dispatch:assign') ?? false) && incident.state === 'open';
  const list = useIncidentReinforcements(incident.id);
  const rec = useRecommendations(incident.id, incident.state === 'open');
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: (id: string) => call(fb.POST('/api/v1/reinforcement-requests/{id}/cancel', { params: { path: { id } }, body: {} })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: reinforcementKeys.ofIncident(incident.id) });
      void client.invalidateQueries({ queryKey: keys.recommendations(incident.id) });
    },
  });
  const requests = sortRequests(list.data ?? []);
  if (!mayAsk && requests.length === 0) return null;
  const shortfall = rec.data?.shortfall ?? [];
  return (
    <Stack gap="xs" data-testid="reinforcements">
      <Group justify="space-between">
        <Title order={3} size="h5">{t('reinforcements.title')}</Title>
        {mayAsk && !asking && (
          <Button size="compact-sm" variant={shortfall.length ? 'filled' : 'default'} color="orange" leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => setAsking(true)} data-testid="request-reinforcement">
            {t('reinforcements.request')}
          </Button>
        )}
      </Group>
      {asking && <RequestForm incident={incident} prefill={prefillFromShortfall(shortfall)} onDone={() => setAsking(false)} />}
      {cancel.isError && <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">{problemText(cancel.error, t('errors.generic'))}</Alert>}
      {requests.length === 0 && !asking && <Text size="xs" c="dimmed">{t('reinforcements.none')}</Text>}
      {requests.map((r) => (
        <RequestCard key={r.id} r={r} now={now} actions={mayAsk && r.state !== 'cancelled' && (
          <Group justify="flex-end">
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => cancel.mutate(r.id)} loading={cancel.isPending && cancel.variables === r.id}
              data-testid="reinforcement-cancel">
              {t(r.state === 'open' ? 'reinforcements.cancel' : 'reinforcements.giveBack')}
            </Button>
          </Group>
        )} />
      ))}
    </Stack>
  );
}
