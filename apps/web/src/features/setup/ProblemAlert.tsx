import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from '../../i18n/use-translation';
import { ApiError, problemText } from '../../api/http';

/** A refused upload: the server's explanation and, per row or field, what is wrong (at most 20). */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fields = error instanceof ApiError ? error.problem?.errors ?? [] : [];
  return (
    <Alert color="red" role="alert" title={t('setup.refused')}>
      <Text size="sm">{problemText(error, t('errors.generic'))}</Text>
      {fields.length > 1 && (
        <List size="sm" mt="xs">
          {fields.slice(0, 20).map((f) => <List.Item key={f.path}>{rowLabel(f.path, t)}: {f.message}</List.Item>)}
        </List>
      )}
    </Alert>
  );
}

/** `body.rows.4.kind` → "Row 4, kind": the onboarding endpoint names rows and columns that way. */
function rowLabel(path: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^body\.rows\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!m) return path.replace(/^(body|query)\./, '');
  return m[2] ? t('setup.onboard.rowColumn', { row: m[1], column: m[2] }) : t('setup.onboard.row', { row: m[1] });
}
