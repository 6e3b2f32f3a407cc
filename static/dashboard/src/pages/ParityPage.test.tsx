/** @jest-environment jsdom */
import React from 'react';
import { render, screen, within } from '@testing-library/react';
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
  it('shows each pair side by side, differences first with what breaks and the side to fix, hostile names as text', async () => {
    const client = renderPage({ pairs: [{ pair: { production: 'ITSD', nonProduction: 'ITSDTEST' }, comparison: comparison() }], imported: null }, 'ITSD');
    const section = await screen.findByTestId('parity-pair-ITSD-ITSDTEST');
    expect(within(section).getByText('ITSD ↔ ITSDTEST', { exact: false })).toBeTruthy();
    expect(within(section).getByText('1 difference')).toBeTruthy();
    const rows = section.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Different');
    expect(rows[0].textContent).toContain(`Status “${HOSTILE}”`);
    expect(rows[0].textContent).toContain(`Fix on ITSD: Add “${HOSTILE}” to production’s workflow`);
    expect(rows[1].textContent).toContain('Same');
    expect(document.querySelector('script')).toBeNull();
    expect(client.calls[0]).toEqual({ name: 'getParity', payload: { projectKey: 'ITSD' } });
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
