import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, SESSION_ENDED, type SessionEndedDetail } from '../api/http';
import { useMe } from '../api/queries';
import { ErrorState } from '../shell/States';

/** Shows its children to a signed-in user; anyone else goes to the login screen and comes back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();

  useEffect(() => {
    const ended = (e: Event) => {
      client.clear();
      // The reason goes along, so the login screen can say "signed out after a period without activity".
      const reason = e instanceof CustomEvent ? (e.detail as SessionEndedDetail) : undefined;
      void navigate('/login', { replace: true, state: { from: location.pathname, ended: reason } });
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, [client, navigate, location.pathname]);

  if (me.isPending) return <Center mih="100vh"><Loader aria-label="loading" /></Center>;
  if (me.error instanceof ApiError && me.error.status === 401) {
    return <Navigate to="/login" replace state={{ from: location.pathname, ended: { code: me.error.problem?.code ?? null, detail: me.error.problem?.detail ?? null } }} />;
  }
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return children;
}
