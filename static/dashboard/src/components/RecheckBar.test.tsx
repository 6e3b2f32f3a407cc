/** @jest-environment jsdom */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { RecheckBar } from './RecheckBar';
import type { RunProgress } from '../../../../src/shared/resolver-api';

const running: RunProgress = {
  runId: 'r1',
  startedAt: '2026-11-29T21:00:00.000Z',
  projectsTotal: 3,
  projectsDone: 1,
  pending: ['HR', 'FAC'],
  failed: [],
  state: 'running',
  waiting: [{ key: 'HR', message: "Waiting 120 s for Jira's rate limit on GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer", until: '2026-11-29T21:02:00.000Z' }],
} as RunProgress;

describe('RecheckBar', () => {
  it('says which desk waits for Jira’s rate limit and for how long, so a long pause does not look like a hang', () => {
    render(<RecheckBar progress={running} running error={null} onStart={() => undefined} />);
    expect(screen.getByText('1 of 3 service desks checked')).toBeTruthy();
    expect(screen.getByTestId('rate-limit-wait').textContent).toBe("HR: Waiting 120 s for Jira's rate limit on GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer");
  });

  it('shows no wait when Jira asked for none', () => {
    render(<RecheckBar progress={{ ...running, waiting: undefined }} running error={null} onStart={() => undefined} />);
    expect(screen.queryByTestId('rate-limit-wait')).toBeNull();
  });
});
