import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/queries';
import { useSetupStatus } from '../features/setup/setup-api';
import { landingFor } from './landing';

/**
 * The operations screen for those who may read incidents; anyone else goes to their own start screen.
 * An administrator of a deployment still to be set up (first run without the demo: no region, no
 * units) goes to "Set up your region" instead of an empty map.
 */
export function OperationsGate({ children }: { children: ReactNode }) {
  const permissions = useMe().data?.permissions ?? [];
  const setup = useSetupStatus(permissions.includes('jurisdictions:manage'));
  if (setup.data?.empty) return <Navigate to="/setup" replace />;
  const landing = landingFor(permissions);
  if (landing !== '/') return <Navigate to={landing} replace />;
  return children;
}
