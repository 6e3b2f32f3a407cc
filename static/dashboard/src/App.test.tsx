/** @jest-environment jsdom */
import React from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './App';
import { ResolverClientProvider } from './api/client-context';
import { fakeClient } from './testing/fake-client';
import type { Surface } from './model/surface';
import type { RouteHistory } from './api/use-routed-state';

/** Forge's history as its docs describe it: paths relative to the module's URL, listeners told (location, action). */
function fakeHistory(start: string) {
  const listeners: ((location: { pathname: string }, action: string) => void)[] = [];
  const pushed: string[] = [];
  const history = {
    location: { pathname: start },
    pushed,
    push(path: string) {
      pushed.push(path);
      history.location = { pathname: path };
      listeners.forEach((l) => l(history.location, 'PUSH'));
    },
    listen(listener: (location: { pathname: string }, action: string) => void) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    /** The browser's back or forward button. */
    pop(path: string) {
      history.location = { pathname: path };
      listeners.forEach((l) => l(history.location, 'POP'));
    },
  };
  return history;
}

const client = () =>
  fakeClient({
    getOverview: { report: null, progress: null, settingsConfigured: false },
    listServiceDesks: [],
    getHistory: { entries: [], deliveries: [], lastDiff: null },
  });

function renderApp(surface: Surface, history: RouteHistory | null) {
  render(
    <ResolverClientProvider client={client()}>
      <App surface={surface} history={history} />
    </ResolverClientProvider>,
  );
}

const selected = (tab: string) => screen.getByTestId(`tab-${tab}`).getAttribute('aria-selected');

/** The app rendered at `path` on `surface`, once it shows `tab`; its history records what it pushes. */
async function openedAt(path: string, surface: Surface, tab: string) {
  const history = fakeHistory(path);
  renderApp(surface, history);
  await waitFor(() => expect(selected(tab)).toBe('true'));
  return history;
}

async function clickTab(tab: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(`tab-${tab}`));
  });
}

describe('App routing', () => {
  it("opens the sub-page Jira's sidebar names in the route", async () => {
    renderApp({ kind: 'admin', entry: 'sidebar' }, fakeHistory('/settings'));
    await waitFor(() => expect(selected('settings')).toBe('true'));
  });

  it('opens Settings from the Configure link, and keeps its tabs out of the address', async () => {
    const history = await openedAt('/', { kind: 'admin', entry: 'configure' }, 'settings');
    await clickTab('history');
    expect(selected('history')).toBe('true');
    expect(history.pushed).toEqual([]);
  });

  it('opens Settings from the Configure link when Forge gives that page no history', async () => {
    renderApp({ kind: 'admin', entry: 'configure' }, null);
    await waitFor(() => expect(selected('settings')).toBe('true'));
  });

  it('pushes the route of the tab chosen, and follows back and forward', async () => {
    const history = fakeHistory('/overview');
    renderApp({ kind: 'admin', entry: 'sidebar' }, history);
    expect(selected('overview')).toBe('true');
    await clickTab('history');
    expect(history.pushed).toEqual(['/history']);
    expect(selected('history')).toBe('true');
    act(() => history.pop('/connector'));
    await waitFor(() => expect(selected('connector')).toBe('true'));
    act(() => history.pop('/'));
    await waitFor(() => expect(selected('overview')).toBe('true'));
  });

  it('routes the project settings page tabs too', async () => {
    const history = await openedAt('/history', { kind: 'project', projectKey: 'HR' }, 'history');
    await clickTab('settings');
    expect(history.pushed).toEqual(['/settings']);
  });
});
