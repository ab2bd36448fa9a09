import type { RecordVisitBody, SupervisionVisit } from '@firebreak/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call, fb, once } from '../../api/http';
import { useCommandForm } from '../issue/use-command-form';
import { visitFieldErrors } from './visit-form';

/** Sends the visit form (see useCommandForm); on success the visits and hazards are marked stale and the new visit opens. */
export function useRecordVisit(onDone: () => void) {
  const navigate = useNavigate();
  const client = useQueryClient();
  return useCommandForm<RecordVisitBody, SupervisionVisit>((body, idempotencyKey) => call(fb.POST('/api/v1/supervision/visits', { body, params: { header: once(idempotencyKey) } })), visitFieldErrors, (visit) => {
    // The visits (kept under 'hazards', see queries.ts) and the hazard lists, which show each correction.
    void client.invalidateQueries({ queryKey: ['hazards'] });
    if (visit.subjectType === 'place') void client.invalidateQueries({ queryKey: ['place', visit.subjectId] });
    onDone();
    void navigate(`/supervision/${visit.id}`);
  });
}
