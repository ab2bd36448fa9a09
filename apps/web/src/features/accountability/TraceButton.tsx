import { Button } from '@mantine/core';
import { IconFileSearch } from '@tabler/icons-react';
import { useTranslation } from '../../i18n/use-translation';
import { Link } from 'react-router';
import { useMe } from '../../api/queries';

/** Opens the accountability trace of an incident; shown only to those who may read it. */
export function AccountabilityTraceButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const mayRead = useMe().data?.permissions.includes('accountability:read') ?? false;
  if (!mayRead) return null;
  return (
    <Button component={Link} to={`/accountability?incidentId=${incidentId}`} size="compact-sm" variant="light" leftSection={<IconFileSearch size={14} aria-hidden />} data-testid="incident-trace">
      {t('accountability.openTrace')}
    </Button>
  );
}
