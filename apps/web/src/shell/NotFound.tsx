import { Button } from '@mantine/core';
import { useTranslation } from '../i18n/use-translation';
import { Link } from 'react-router';
import { EmptyState } from './States';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('errors.notFound')}>
      <Button component={Link} to="/" mt="sm">{t('nav.operations')}</Button>
    </EmptyState>
  );
}
