/** @jest-environment jsdom */
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { EvidenceTable, LIST_CAP, labelOf } from './EvidenceTable';

describe('EvidenceTable', () => {
  it('shows people by display name and Jira objects by name, with labelled rows, never JSON', () => {
    const evidence = {
      groups: ['all-employees'],
      missing: 2,
      coveredThroughOrganizations: [{ id: '1', name: 'Field Operations', users: 4 }],
      missingUsers: [
        { accountId: '712020:aaa', displayName: 'Noah Fischer' },
        { accountId: '712020:bbb', displayName: 'Hannah Schmidt' },
      ],
      project: { key: 'HR', style: 'company-managed' },
      role: { id: '10100', name: 'Service Desk Team' },
      active: true,
    };
    const { container } = render(<EvidenceTable evidence={evidence} caption="Evidence: CUST-COVERAGE" />);
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/[{}]|"/);
    expect(text).not.toContain('712020:aaa');
    expect(screen.getByText('Missing users')).toBeTruthy();
    expect(screen.getByText('Noah Fischer').getAttribute('title')).toBe('712020:aaa');
    expect(screen.getByText('Service Desk Team')).toBeTruthy();
    expect(screen.getByText('Yes')).toBeTruthy();
    const orgs = screen.getByText('Covered through organizations').closest('tr') as HTMLElement;
    expect(within(orgs).getByText('Field Operations')).toBeTruthy();
  });

  it('stops long lists with "and N more" and nests workflow details as tables', () => {
    const users = Array.from({ length: LIST_CAP + 5 }, (_, i) => `user${i}`);
    const workflows = [{ workflow: 'HR: Service Request Workflow', issueTypes: [{ id: '10007', name: 'HR Inquiry' }], verdict: 'violated', details: { resolveTransitions: [{ id: '41', name: 'Resolve', from: ['In Progress'], to: 'Resolved', missing: ['Resolution'] }] } }];
    const { container } = render(<EvidenceTable evidence={{ users, workflows }} caption="Evidence" />);
    expect(container.textContent).toContain('and 5 more');
    expect(container.textContent).not.toMatch(/[{}]/);
    expect(screen.getByText('HR Inquiry')).toBeTruthy();
    expect(screen.getByText('Resolve')).toBeTruthy();
    expect(container.querySelectorAll('table').length).toBeGreaterThan(2);
  });

  it('labels keys as words', () => {
    expect(labelOf('missingUsers')).toBe('Missing users');
    expect(labelOf('byIssueType')).toBe('By issue type');
    expect(labelOf('screen_id')).toBe('Screen id');
  });
});
