/** The page frame: surface-specific navigation between the sub-pages, and the theme switch. */
import React, { Suspense, lazy, useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { OverviewPage } from './pages/OverviewPage';
import { Loading } from './components/LoadStates';
import type { ColorMode, Surface } from './model/surface';
import { messages } from './messages';

export interface AppProps {
  surface: Surface;
  colorMode: ColorMode;
  onColorModeChange: (mode: ColorMode) => void;
}

// Only the first page of each surface is in the main chunk; the rest load when opened.
const ProjectPage = lazy(() => import('./pages/ProjectPage').then((m) => ({ default: m.ProjectPage })));
const ConnectorPage = lazy(() => import('./pages/ConnectorPage').then((m) => ({ default: m.ConnectorPage })));
const SettingsPage = lazy(() => import('./pages/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const HistoryPage = lazy(() => import('./pages/HistoryPage').then((m) => ({ default: m.HistoryPage })));

type AdminPage = 'overview' | 'project' | 'connector' | 'settings' | 'history';
const ADMIN_PAGES: AdminPage[] = ['overview', 'project', 'connector', 'settings', 'history'];

function ThemeSwitch({ colorMode, onColorModeChange }: Omit<AppProps, 'surface'>) {
  const dark = colorMode === 'dark';
  return (
    <Button appearance="subtle" onClick={() => onColorModeChange(dark ? 'light' : 'dark')} testId="theme-switch">
      {messages.theme.toggle(dark)}
    </Button>
  );
}

function AdminApp() {
  const [page, setPage] = useState<AdminPage>('overview');
  const [projectKey, setProjectKey] = useState<string | null>(null);
  const openProject = (key: string) => {
    setProjectKey(key);
    setPage('project');
  };
  return (
    <Tabs id="mw-pages" selected={ADMIN_PAGES.indexOf(page)} onChange={(i) => setPage(ADMIN_PAGES[i])}>
      <TabList>
        {ADMIN_PAGES.map((p) => (
          <Tab key={p} testId={`tab-${p}`}>
            {p === 'project' && projectKey ? `${messages.nav.project}: ${projectKey}` : messages.nav[p]}
          </Tab>
        ))}
      </TabList>
      <TabPanel>{page === 'overview' && <OverviewPage onOpenProject={openProject} onOpenSettings={() => setPage('settings')} />}</TabPanel>
      <TabPanel>
        {page === 'project' &&
          (projectKey ? <ProjectPage projectKey={projectKey} onBack={() => setPage('overview')} /> : <EmptyState header={messages.project.pick} headingLevel={1} />)}
      </TabPanel>
      <TabPanel>{page === 'connector' && <ConnectorPage />}</TabPanel>
      <TabPanel>{page === 'settings' && <SettingsPage />}</TabPanel>
      <TabPanel>{page === 'history' && <HistoryPage />}</TabPanel>
    </Tabs>
  );
}

type ProjectSubPage = 'project' | 'settings' | 'history';
const PROJECT_PAGES: ProjectSubPage[] = ['project', 'settings', 'history'];

function ProjectApp({ projectKey }: { projectKey: string }) {
  const [page, setPage] = useState<ProjectSubPage>('project');
  return (
    <Tabs id="mw-project-pages" selected={PROJECT_PAGES.indexOf(page)} onChange={(i) => setPage(PROJECT_PAGES[i])}>
      <TabList>
        {PROJECT_PAGES.map((p) => <Tab key={p} testId={`tab-${p}`}>{messages.nav[p]}</Tab>)}
      </TabList>
      <TabPanel>{page === 'project' && <ProjectPage projectKey={projectKey} siteChecksReadOnly />}</TabPanel>
      <TabPanel>{page === 'settings' && <SettingsPage projectKey={projectKey} />}</TabPanel>
      <TabPanel>{page === 'history' && <HistoryPage projectKey={projectKey} />}</TabPanel>
    </Tabs>
  );
}

export function App({ surface, colorMode, onColorModeChange }: AppProps) {
  return (
    <main className="mw-app" data-surface={surface.kind}>
      <div className="mw-topbar">
        <span className="mw-app-title">{messages.appTitle}</span>
        <ThemeSwitch colorMode={colorMode} onColorModeChange={onColorModeChange} />
      </div>
      <Suspense fallback={<Loading />}>
        {surface.kind === 'admin' && <AdminApp />}
        {surface.kind === 'project' && <ProjectApp projectKey={surface.projectKey} />}
      </Suspense>
      {surface.kind === 'unknown' && <EmptyState header={messages.states.deniedTitle} description={messages.states.deniedBody} headingLevel={1} />}
    </main>
  );
}
