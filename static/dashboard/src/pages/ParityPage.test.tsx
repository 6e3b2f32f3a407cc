/** @jest-environment jsdom */
import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ParityPage } from './ParityPage';
import { ResolverClientProvider } from '../api/client-context';
import { fakeClient } from '../testing/fake-client';
import type { ParityComparison, ParityView } from '../../../../src/shared/parity-model';

const HOSTILE = '<script>alert("x")</script> "Waiting" & \'agent\'';

function comparison(): ParityComparison {
  return {
    production: { baseUrl: 'https://acme.atlassian.net', key: 'ITSD', name: 'IT Service Desk', generatedAt: '2026-11-28T09:00:00.000Z' },
    nonProduction: { baseUrl: 'https://acme.atlassian.net', key: 'ITSDTEST', name: 'IT Service Desk (Test)', generatedAt: '2026-11-28T09:00:00.000Z' },
    matches: false,
    counts: { different: 1, unknown: 0, same: 1 },
    items: [
      {
        area: 'status',
        workflow: 'ITSD: Service Request Workflow',
        issueTypes: ['IT Help'],
        subject: `Status “${HOSTILE}”`,
        production: 'missing',
        nonProduction: 'New / Reopened',
        state: 'different',
        breaks: `The bot’s configuration names “${HOSTILE}”`,
        fixOn: 'production',
        remediation: `Add “${HOSTILE}” to production’s workflow`,
      },
      { area: 'role', subject: 'SA-PROJECT-ROLE', production: 'pass', nonProduction: 'pass', state: 'same' },
    ],
  };
}

function renderPage(view: ParityView, projectKey?: string) {
  const client = fakeClient({ getParity: view });
  render(
    <ResolverClientProvider client={client}>
      <ParityPage projectKey={projectKey} />
    </ResolverClientProvider>,
  );
  return client;
}

describe('ParityPage', () => {
  it('shows each pair side by side, differences first with what breaks and the side to fix, the matches collapsed, hostile names as text', async () => {
    const client = renderPage({ pairs: [{ pair: { production: 'ITSD', nonProduction: 'ITSDTEST' }, comparison: comparison() }], imported: null }, 'ITSD');
    const section = await screen.findByTestId('parity-pair-ITSD-ITSDTEST');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('ITSD ↔ ITSDTEST');
    expect(within(section).getByTestId('parity-headline').textContent).toBe('1 difference');
    expect(within(section).getByText('IT Service Desk (Test) (ITSDTEST)')).toBeTruthy();
    let items = within(section).getAllByTestId('parity-item');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['different']);
    const first = items[0];
    expect(within(first).getByRole('heading', { level: 4 }).textContent).toBe(`Status “${HOSTILE}”`);
    expect(within(first).getByTestId('parity-production').textContent).toBe('missing');
    expect(within(first).getByTestId('parity-non-production').textContent).toBe('New / Reopened');
    expect(within(first).getByText('What breaks in Moveworks')).toBeTruthy();
    expect(within(first).getByTestId('parity-breaks').textContent).toBe(`The bot’s configuration names “${HOSTILE}”`);
    expect(first.querySelector('.mw-parity-fix')?.textContent).toBe(`Fix on ITSD: Add “${HOSTILE}” to production’s workflow`);

    // The matches follow, once asked for.
    fireEvent.click(within(section).getByRole('button', { name: 'Show the item that matches' }));
    items = within(section).getAllByTestId('parity-item');
    expect(items.map((i) => i.getAttribute('data-state'))).toEqual(['different', 'same']);
    expect(items[1].textContent).toContain('SA-PROJECT-ROLE');
    expect(document.querySelector('script')).toBeNull();
    expect(client.calls[0]).toEqual({ name: 'getParity', payload: { projectKey: 'ITSD' } });
  });

  it('lists what could not be compared, with each side’s reason, after the differences', async () => {
    const c = comparison();
    c.items.splice(1, 0, { area: 'screen', workflow: 'ITSD: Incident Workflow', subject: 'Resolve screen fields', production: 'not recorded', nonProduction: 'Assignee', state: 'unknown' });
    c.counts = { different: 1, unknown: 1, same: 1 };
    renderPage({ pairs: [{ pair: { production: 'ITSD', nonProduction: 'ITSDTEST' }, comparison: c }], imported: null });
    const section = await screen.findByTestId('parity-pair-ITSD-ITSDTEST');
    expect(within(section).getByTestId('parity-headline').textContent).toBe('1 difference, 1 not compared');
    expect(within(section).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Differences (1)', 'Not compared (1)', 'The same on both sides (1)']);
    const unknown = within(section).getAllByTestId('parity-item')[1];
    expect(unknown.getAttribute('data-state')).toBe('unknown');
    expect(within(unknown).getByTestId('parity-production').textContent).toBe('not recorded');
    expect(within(unknown).queryByText('What breaks in Moveworks')).toBeNull();
  });

  it('says why a pair has no comparison yet', async () => {
    renderPage({ pairs: [{ pair: { production: 'ITSD', nonProduction: 'ITSDTEST' }, comparison: null, note: 'ITSDTEST has no result yet: run the checks.' }], imported: null });
    expect(await screen.findByText('ITSDTEST has no result yet: run the checks.')).toBeTruthy();
  });

  it('says how to pair desks when there is no pair', async () => {
    renderPage({ pairs: [], imported: null });
    expect(await screen.findByText('No desk is paired with a non-production desk')).toBeTruthy();
    expect(screen.getByText(/Settings › Non-production parity/)).toBeTruthy();
  });
});
