import type { RecordVisitBody, SupervisionVisit } from '@firebreak/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, problemText } from '../../api/http';
import { visitFieldErrors, type VisitProblems } from './visit-form';

/**
 * Sends the visit form: one Idempotency-Key per opened form (a refused attempt is rolled back on
 * the server, so the corrected retry reuses it), problems found here or by the server under their
 * field, and on success the visits and hazards marked stale and the new visit opened.
 */
export function useRecordVisit(onDone: () => void) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [local, setLocal] = useState<VisitProblems>({});
  const mutation = useMutation({
    mutationFn: (body: RecordVisitBody) => api<SupervisionVisit>('/supervision/visits', { body, idempotencyKey }),
    onSuccess: (visit) => {
      // The visits (kept under 'hazards', see queries.ts) and the hazard lists, which show each correction.
      void client.invalidateQueries({ queryKey: ['hazards'] });
      if (visit.subjectType === 'place') void client.invalidateQueries({ queryKey: ['place', visit.subjectId] });
      onDone();
      void navigate(`/supervision/${visit.id}`);
    },
  });
  const server = mutation.error instanceof ApiError ? visitFieldErrors(mutation.error.problem?.errors) : {};
  const errorOf = (path: string): string | undefined => (local[path] ? t(local[path]) : server[path]);
  /** A failure no shown field carries: forbidden, conflict, network, or a field without an input here. */
  const unplaced = (shown: readonly string[]) => (mutation.error && !shown.some((p) => server[p]) ? problemText(mutation.error, t('errors.generic')) : null);
  const send = (built: { body: RecordVisitBody; problems: null } | { body: null; problems: VisitProblems }) => {
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
