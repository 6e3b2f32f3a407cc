/**
 * The page frame: surface-specific navigation between the sub-pages. The theme is
 * Jira's (main.tsx follows it through the bridge), so the app has no switch of its
 * own. Each entry point opens the page it names (a sidebar sub-page's route, the
 * Configure link's settings), and tab changes become routes through Forge's history
 * so the address can be shared and back and forward work.
 */
import React, { Suspense, lazy, useEffect, useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import EmptyState from '@atlaskit/empty-state';
import { OverviewPage } from './pages/OverviewPage';
import { Loading } from './components/LoadStates';
import type { Surface } from './model/surface';
import {
  ADMIN_PAGES,
  PROJECT_PAGES,
  adminViewFromPath,
  openingAdminView,
  pathOfAdminView,
  pathOfProjectPage,
  projectPageFromPath,
  tabsSetRoute,
  type AdminEntry,
  type AdminPage,
  type AdminView,
  type ProjectSubPage,
} from './model/route';
import { useRoutedState, type RouteHistory } from './api/use-routed-state';
import { messages } from './messages';

export interface AppProps {
  surface: Surface;
  /** Forge's view.createHistory(), or null where the page has none. */
  history?: RouteHistory | null;
}

// Only the first page of each surface is in the main chunk; the rest load when opened.
const ProjectPage = lazy(() => import('./pages/ProjectPage').then((m) => ({ default: m.ProjectPage })));
const ConnectorPage = lazy(() => import('./pages/ConnectorPage').then((m) => ({ default: m.ConnectorPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ParityPage = lazy(() => import('./pages/ParityPage').then((m) => ({ default: m.ParityPage })));
const SitePage = lazy(() => import('./pages/SitePage').then((m) => ({ default: m.SitePage })));
const HistoryPage = lazy(() => import('./pages/HistoryPage').then((m) => ({ default: m.HistoryPage })));

const adminViewOrOverview = (pathname: string): AdminView => adminViewFromPath(pathname) ?? { page: 'overview' };

function AdminApp({ entry, history }: { entry: AdminEntry; history: RouteHistory | null }) {
  const routed = tabsSetRoute(entry) ? history : null;
  const [view, go] = useRoutedState(routed, openingAdminView(entry, history?.location.pathname), adminViewOrOverview, pathOfAdminView);
  // The last desk opened, so the Project tab returns to it after a visit elsewhere.
  const [lastProject, setLastProject] = useState<string | null>(view.projectKey ?? null);
  useEffect(() => {
    if (view.projectKey) setLastProject(view.projectKey);
  }, [view.projectKey]);
  const openPage = (page: AdminView['page']) => go(page === 'project' && lastProject ? { page, projectKey: lastProject } : { page });
  const tabProject = view.projectKey ?? lastProject;
  // One panel per page id, rendered in ADMIN_PAGES' order: no second list whose positions must match the tabs.
  const adminPanel: Record<AdminPage, () => React.ReactNode> = {
    overview: () =>
      view.site ? (
        <SitePage onBack={() => go({ page: 'overview' })} />
      ) : (
        <OverviewPage onOpenProject={(key) => go({ page: 'project', projectKey: key })} onOpenSettings={() => go({ page: 'settings' })} onOpenSite={() => go({ page: 'overview', site: true })} />
      ),
    project: () =>
      view.projectKey ? <ProjectPage projectKey={view.projectKey} onBack={() => go({ page: 'overview' })} onOpenSite={() => go({ page: 'overview', site: true })} /> : <EmptyState header={messages.project.pick} headingLevel={1} />,
    connector: () => <ConnectorPage />,
    parity: () => <ParityPage />,
    settings: () => <SettingsPage />,
    history: () => <HistoryPage />,
  };
  return (
    <Tabs id="mw-pages" selected={ADMIN_PAGES.indexOf(view.page)} onChange={(i) => openPage(ADMIN_PAGES[i])}>
      <TabList>
        {ADMIN_PAGES.map((p) => (
          <Tab key={p} testId={`tab-${p}`}>
            {p === 'project' && tabProject ? `${messages.nav.project}: ${tabProject}` : messages.nav[p]}
          </Tab>
        ))}
      </TabList>
      {ADMIN_PAGES.map((p) => (
        <TabPanel key={p}>{view.page === p && adminPanel[p]()}</TabPanel>
      ))}
    </Tabs>
  );
}

function ProjectApp({ projectKey, history }: { projectKey: string; history: RouteHistory | null }) {
  const [page, go] = useRoutedState(history, projectPageFromPath(history?.location.pathname ?? ''), projectPageFromPath, pathOfProjectPage);
  const projectPanel: Record<ProjectSubPage, () => React.ReactNode> = {
    project: () => <ProjectPage projectKey={projectKey} siteChecksReadOnly />,
    parity: () => <ParityPage projectKey={projectKey} />,
    settings: () => <SettingsPage projectKey={projectKey} />,
    history: () => <HistoryPage projectKey={projectKey} />,
  };
  return (
    <Tabs id="mw-project-pages" selected={PROJECT_PAGES.indexOf(page)} onChange={(i) => go(PROJECT_PAGES[i])}>
      <TabList>
        {PROJECT_PAGES.map((p) => <Tab key={p} testId={`tab-${p}`}>{messages.nav[p]}</Tab>)}
      </TabList>
      {PROJECT_PAGES.map((p) => (
        <TabPanel key={p}>{page === p && projectPanel[p]()}</TabPanel>
      ))}
    </Tabs>
  );
}

export function App({ surface, history = null }: AppProps) {
  return (
    <main className="mw-app" data-surface={surface.kind}>
      <div className="mw-topbar">
        <span className="mw-app-title">{messages.appTitle}</span>
      </div>
      <Suspense fallback={<Loading />}>
        {surface.kind === 'admin' && <AdminApp entry={surface.entry} history={history} />}
        {surface.kind === 'project' && <ProjectApp projectKey={surface.projectKey} history={history} />}
      </Suspense>
      {surface.kind === 'unknown' && <EmptyState header={messages.states.deniedTitle} description={messages.states.deniedBody} headingLevel={1} />}
    </main>
  );
}
