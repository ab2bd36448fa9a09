import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { problemText } from '../../api/http';

/**
 * Sends one task command: one Idempotency-Key per opened form (a refused attempt is rolled back on
 * the server, so the corrected retry may reuse it); on success every task query is marked stale
 * (the stream would too, a moment later) and the form closes.
 */
export function useTaskCommand<Body, Result>(request: (body: Body, idempotencyKey: string) => Promise<Result>, onDone: (result: Result) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const mutation = useMutation({
    mutationFn: (body: Body) => request(body, idempotencyKey),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['tasks'] });
      onDone(result);
    },
  });
  const error = mutation.error ? problemText(mutation.error, t('errors.generic')) : null;
  return { send: (body: Body) => !mutation.isPending && mutation.mutate(body), error, pending: mutation.isPending };
}
