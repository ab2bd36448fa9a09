import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/queries';
import { landingFor } from './landing';

/** The operations screen for those who may read incidents; anyone else goes to their own start screen. */
export function OperationsGate({ children }: { children: ReactNode }) {
  const permissions = useMe().data?.permissions ?? [];
  const landing = landingFor(permissions);
  if (landing !== '/') return <Navigate to={landing} replace />;
  return children;
}
