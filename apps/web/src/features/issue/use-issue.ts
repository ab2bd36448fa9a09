import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, problemText } from '../../api/http';
import { fieldErrors, type DraftProblems } from './issue-form';

/**
 * Sends an issue form: one Idempotency-Key per opened form (a failed attempt is rolled back on the
 * server, so the corrected retry may reuse it), problems found here or by the server by field, and
 * on success the list marked stale and the new record opened.
 */
export function useIssue<Body, Result extends { id: string }>(path: '/directives' | '/campaigns', listKey: readonly unknown[], fields: readonly string[], onDone: () => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [local, setLocal] = useState<DraftProblems>({});
  const mutation = useMutation({
    mutationFn: (body: Body) => api<Result>(path, { body, idempotencyKey }),
    onSuccess: (created) => {
      void client.invalidateQueries({ queryKey: listKey });
      onDone();
      void navigate(`${path}/${created.id}`);
    },
  });
  const server = mutation.error instanceof ApiError ? fieldErrors(mutation.error.problem?.errors) : {};
  const errorOf = (field: string): string | undefined => (local[field] ? t(local[field]) : server[field]);
  // A failure no field shows: forbidden, conflict, network, or a field this form has no input for.
  const unplaced = mutation.error && !fields.some((f) => server[f]) ? problemText(mutation.error, t('errors.generic')) : null;
  const send = (built: { body: Body; problems: null } | { body: null; problems: DraftProblems }) => {
    if (mutation.isPending) return;
    if (built.problems) {
      setLocal(built.problems);
      return;
    }
    setLocal({});
    mutation.mutate(built.body);
  };
  return { send, errorOf, unplaced, pending: mutation.isPending };
}
