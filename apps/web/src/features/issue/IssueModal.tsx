import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Kbd } from '../../shell/Kbd';

/**
 * The frame both issue forms share: a modal (Escape closes, focus stays inside), Ctrl+Enter
 * submits from any field like the incident intake, a general error above the buttons.
 */
export function IssueModal({ title, testId, submitLabel, onSubmit, onClose, pending, error, children }: {
  title: string;
  testId: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  pending: boolean;
  /** A failure not tied to one field (those show under their field). */
  error: string | null;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('actions.cancel') }}>
      <form
        // Our own checks name each field in both languages; the browser's bubbles would only show one at a time.
        noValidate
        data-testid={testId}
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', onSubmit]])}
      >
        <Stack gap="sm">
          {children}
          {error && <Alert color="red" icon={<IconAlertTriangle size={16} aria-hidden />} data-testid={`${testId}-error`}>{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
            <Button type="submit" loading={pending} rightSection={<Kbd name="submitIntake" />} data-testid={`${testId}-submit`}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
