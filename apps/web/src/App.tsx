import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/http';
import { RequireAuth } from './auth/RequireAuth';
import { IncidentBoard } from './features/incidents/IncidentBoard';
import { OpsPage } from './features/ops/OpsPage';
import { OperationsGate } from './auth/OperationsGate';
import { NotFound } from './shell/NotFound';
import { DeferredNotifications } from './shell/DeferredNotifications';
import { Shell } from './shell/Shell';
import { Loading } from './shell/States';
import { withScreenStrings } from './i18n';

// Charts (recharts) load only when the reports are opened: they stay out of the first load.
// Intake, incident detail and the unit board (with their form and table components) load when opened:
// the first load brings the map and the incident board only.
// A signed-in user's first screen is the map: the login form (and its inputs) loads only when needed.
const LoginPage = lazy(() => import('./auth/LoginPage').then((m) => ({ default: m.LoginPage })));
const IntakePanel = lazy(withScreenStrings(() => import('./features/incidents/IntakePanel').then((m) => ({ default: m.IntakePanel }))));
const IncidentDetail = lazy(withScreenStrings(() => import('./features/incidents/IncidentDetail').then((m) => ({ default: m.IncidentDetail }))));
const UnitBoard = lazy(withScreenStrings(() => import('./features/units/UnitBoard').then((m) => ({ default: m.UnitBoard }))));
const ReportsPage = lazy(withScreenStrings(() => import('./features/reports/ReportsPage')));
const CoveragePage = lazy(withScreenStrings(() => import('./features/coverage/CoveragePage')));
const ReplayPage = lazy(withScreenStrings(() => import('./features/replay/ReplayPage')));
const HazardBoardPage = lazy(withScreenStrings(() => import('./features/hazards/HazardBoardPage')));
const CampaignsPage = lazy(withScreenStrings(() => import('./features/campaigns/CampaignsPage')));
const CampaignDetail = lazy(withScreenStrings(() => import('./features/campaigns/CampaignDetail').then((m) => ({ default: m.CampaignDetail }))));
const PlaceDetailPage = lazy(withScreenStrings(() => import('./features/places/PlaceDetailPage')));
const DirectivesPage = lazy(withScreenStrings(() => import('./features/directives/DirectivesPage')));
const DirectiveDetail = lazy(withScreenStrings(() => import('./features/directives/DirectiveDetail').then((m) => ({ default: m.DirectiveDetail }))));
const TasksPage = lazy(withScreenStrings(() => import('./features/tasks/TasksPage')));
const TaskDetail = lazy(withScreenStrings(() => import('./features/tasks/TaskDetail').then((m) => ({ default: m.TaskDetail }))));
const PostsPage = lazy(withScreenStrings(() => import('./features/posts/PostsPage')));
const PostDetail = lazy(withScreenStrings(() => import('./features/posts/PostDetail').then((m) => ({ default: m.PostDetail }))));
const SupervisionPage = lazy(withScreenStrings(() => import('./features/supervision/SupervisionPage')));
const GoodsPage = lazy(withScreenStrings(() => import('./features/goods/GoodsPage')));
const GoodsSiteDetail = lazy(withScreenStrings(() => import('./features/goods/GoodsSiteDetail')));
const VisitDetail = lazy(withScreenStrings(() => import('./features/supervision/VisitDetail').then((m) => ({ default: m.VisitDetail }))));
const AccountabilityPage = lazy(withScreenStrings(() => import('./features/accountability/AccountabilityPage')));
const AuditEntriesPage = lazy(withScreenStrings(() => import('./features/accountability/AuditEntriesPage')));
const SettingsPage = lazy(withScreenStrings(() => import('./features/settings/SettingsPage')));
const ResponsePlansPage = lazy(withScreenStrings(() => import('./features/settings/ResponsePlansPage')));
const MutualAidPage = lazy(withScreenStrings(() => import('./features/settings/MutualAidPage')));
const StaffPage = lazy(withScreenStrings(() => import('./features/staff/StaffPage')));
const SetupPage = lazy(withScreenStrings(() => import('./features/setup/SetupPage')));
const ReinforcementsPage = lazy(withScreenStrings(() => import('./features/reinforcements/ReinforcementsPage')));
const MajorIncidentsPage = lazy(withScreenStrings(() => import('./features/major-incidents/MajorIncidentsPage')));
const MajorIncidentDetail = lazy(withScreenStrings(() => import('./features/major-incidents/MajorIncidentDetail').then((m) => ({ default: m.MajorIncidentDetail }))));
const AfterActionPage = lazy(withScreenStrings(() => import('./features/major-incidents/AfterActionPage')));
const AccountPage = lazy(withScreenStrings(() => import('./features/account/AccountPage')));

const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'sm',
  // A loader is a status (its aria-label, "Loading…", is read out): on a bare <span> the label is not allowed (axe
  // aria-prohibited-attr), and a screen reader would not say it.
  components: { Loader: { defaultProps: { role: 'status' } } },
});

/**
 * Text at 4.5:1 or more (WCAG AA; axe in the e2e walk, screens.e2e.test.ts): dimmed text one step
 * lighter than Mantine's dark default (#828282 is 4.0:1 on the page, 2.9:1 on a selected row), and
 * the filled colours that carry white text too light for it darkened (green 3.4:1, orange 3.6:1,
 * lime about 3:1 at Mantine's dark shade) — each now ≥ 5:1 with white. Yellow keeps dark text.
 */
const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {},
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-green-filled': '#237032',
    '--mantine-color-orange-filled': '#b8400b',
    '--mantine-color-lime-filled': '#4a7a0b',
    '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
    '--mantine-color-cyan-filled': 'var(--mantine-color-cyan-9)',
  },
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
    <MantineProvider theme={theme} defaultColorScheme="dark" cssVariablesResolver={contrastVariables}>
      <DeferredNotifications position="bottom-left" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<Suspense fallback={<Loading />}><LoginPage /></Suspense>} />
            <Route element={<RequireAuth><Shell /></RequireAuth>}>
              <Route element={<OperationsGate><OpsPage /></OperationsGate>}>
                <Route index element={<IncidentBoard />} />
                <Route path="incidents/new" element={<Suspense fallback={<Loading />}><IntakePanel /></Suspense>} />
                <Route path="incidents/:id" element={<Suspense fallback={<Loading />}><IncidentDetail /></Suspense>} />
              </Route>
              <Route path="units" element={<Suspense fallback={<Loading />}><UnitBoard /></Suspense>} />
              <Route path="reinforcements" element={<Suspense fallback={<Loading />}><ReinforcementsPage /></Suspense>} />
              <Route path="hazards" element={<Suspense fallback={<Loading />}><HazardBoardPage /></Suspense>} />
              <Route path="campaigns" element={<Suspense fallback={<Loading />}><CampaignsPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><CampaignDetail /></Suspense>} />
              </Route>
              <Route path="places/:id" element={<Suspense fallback={<Loading />}><PlaceDetailPage /></Suspense>} />
              <Route path="directives" element={<Suspense fallback={<Loading />}><DirectivesPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><DirectiveDetail /></Suspense>} />
              </Route>
              <Route path="tasks" element={<Suspense fallback={<Loading />}><TasksPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><TaskDetail /></Suspense>} />
              </Route>
              <Route path="posts" element={<Suspense fallback={<Loading />}><PostsPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><PostDetail /></Suspense>} />
              </Route>
              <Route path="major-incidents" element={<Suspense fallback={<Loading />}><MajorIncidentsPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><MajorIncidentDetail /></Suspense>} />
              </Route>
              <Route path="major-incidents/:id/report" element={<Suspense fallback={<Loading />}><AfterActionPage /></Suspense>} />
              <Route path="reports" element={<Suspense fallback={<Loading />}><ReportsPage /></Suspense>} />
              <Route path="replay" element={<Suspense fallback={<Loading />}><ReplayPage /></Suspense>} />
              <Route path="coverage" element={<Suspense fallback={<Loading />}><CoveragePage /></Suspense>} />
              <Route path="supervision" element={<Suspense fallback={<Loading />}><SupervisionPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><VisitDetail /></Suspense>} />
              </Route>
              <Route path="goods" element={<Suspense fallback={<Loading />}><GoodsPage /></Suspense>}>
                <Route path=":id" element={<Suspense fallback={<Loading />}><GoodsSiteDetail /></Suspense>} />
              </Route>
              <Route path="accountability" element={<Suspense fallback={<Loading />}><AccountabilityPage /></Suspense>} />
              <Route path="accountability/audit/:entityType/:entityId" element={<Suspense fallback={<Loading />}><AuditEntriesPage /></Suspense>} />
              <Route path="settings" element={<Suspense fallback={<Loading />}><SettingsPage /></Suspense>}>
                <Route path="response-plans" element={<Suspense fallback={<Loading />}><ResponsePlansPage /></Suspense>} />
                <Route path="mutual-aid" element={<Suspense fallback={<Loading />}><MutualAidPage /></Suspense>} />
              </Route>
              <Route path="staff" element={<Suspense fallback={<Loading />}><StaffPage /></Suspense>} />
              <Route path="setup" element={<Suspense fallback={<Loading />}><SetupPage /></Suspense>} />
              <Route path="account" element={<Suspense fallback={<Loading />}><AccountPage /></Suspense>} />
              <Route path="home" element={<Navigate to="/" replace />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
