import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/use-translation';
import { callPath, type Method, problemText } from '../../api/http';
import { notifyError } from './notify';
import { majorKeys } from './queries';

/** One command on a major incident: sent with its own Idempotency-Key, the feature's queries refreshed after, a refusal shown as a notification. */
export function useMajorCommand<T = unknown>() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, method, body }: { path: string; method?: Method; body?: unknown }) =>
      callPath<T>(path, { method: method ?? 'POST', body, idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => void client.invalidateQueries({ queryKey: majorKeys.all }),
    onError: (err) => notifyError(problemText(err, t('errors.generic'))),
  });
}
