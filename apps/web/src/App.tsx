import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/http';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { IncidentBoard } from './features/incidents/IncidentBoard';
import { OpsPage } from './features/ops/OpsPage';
import { OperationsGate } from './auth/OperationsGate';
import { NotFound } from './shell/NotFound';
import { Shell } from './shell/Shell';
import { Loading } from './shell/States';

// Charts (recharts) load only when the reports are opened: they stay out of the first load.
// Intake, incident detail and the unit board (with their form and table components) load when opened:
// the first load brings the map and the incident board only.
const IntakePanel = lazy(() => import('./features/incidents/IntakePanel').then((m) => ({ default: m.IntakePanel })));
const IncidentDetail = lazy(() => import('./features/incidents/IncidentDetail').then((m) => ({ default: m.IncidentDetail })));
const UnitBoard = lazy(() => import('./features/units/UnitBoard').then((m) => ({ default: m.UnitBoard })));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage'));
const HazardBoardPage = lazy(() => import('./features/hazards/HazardBoardPage'));
const CampaignsPage = lazy(() => import('./features/campaigns/CampaignsPage'));
const CampaignDetail = lazy(() => import('./features/campaigns/CampaignDetail').then((m) => ({ default: m.CampaignDetail })));
const PlaceDetailPage = lazy(() => import('./features/places/PlaceDetailPage'));
const DirectivesPage = lazy(() => import('./features/directives/DirectivesPage'));
const DirectiveDetail = lazy(() => import('./features/directives/DirectiveDetail').then((m) => ({ default: m.DirectiveDetail })));

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'sm',
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Live events keep the cache fresh; refetch on focus only as a safety net.
      staleTime: 30_000,
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="dark">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireAuth><Shell /></RequireAuth>}>
              <Route element={<OperationsGate><OpsPage /></OperationsGate>}>
                <Route index element={<IncidentBoard />} />
                <Route path="incidents/new" element={<Suspense fallback={<Loading />}><IntakePanel /></Suspense>} />
                <Route path="incidents/:id" element={<Suspense fallback={<Loading />}><IncidentDetail /></Suspense>} />
              </Route>
              <Route path="units" element={<Suspense fallback={<Loading />}><UnitBoard /></Suspense>} />
              <Route path="hazards" element={<Suspense fallback={<Loading />}><HazardBoardPage /></Suspense>} />
              <Route path="campaigns" element={<Suspense fallback={<Loading />}><CampaignsPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><CampaignDetail /></Suspense>} />
              </Route>
              <Route path="places/:id" element={<Suspense fallback={<Loading />}><PlaceDetailPage /></Suspense>} />
              <Route path="directives" element={<Suspense fallback={<Loading />}><DirectivesPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><DirectiveDetail /></Suspense>} />
              </Route>
              <Route path="reports" element={<Suspense fallback={<Loading />}><ReportsPage /></Suspense>} />
              <Route path="home" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
