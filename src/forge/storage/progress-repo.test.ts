import { namesToKeep, summariseProgress, type RunHeader } from './progress-repo';

const header: RunHeader = {
  runId: 'r1',
  startedAt: '2026-11-30T09:00:00.000Z',
  projectKeys: ['ITSD', 'HR', 'FAC'],
  projectNames: { ITSD: 'IT Service Desk', HR: 'HR Help Desk' },
  reason: 'recheck',
};
const now = new Date('2026-11-30T09:01:00.000Z');

describe('run progress', () => {
  it('names the pending desks the run’s listing named, and only those still pending', () => {
    const progress = summariseProgress(header, { ITSD: { state: 'done', at: '2026-11-30T09:00:30.000Z' } }, now);
    expect(progress.pending).toEqual(['HR', 'FAC']);
    expect(progress.pendingNames).toEqual({ HR: 'HR Help Desk' });
    expect(summariseProgress({ ...header, projectNames: undefined }, {}, now).pendingNames).toBeUndefined();
  });

  it('keeps names within the header’s budget, in key order, and none that only repeat the key', () => {
    expect(namesToKeep(['A', 'B', 'C'], { A: 'Alpha', B: 'B', C: 'Gamma' })).toEqual({ A: 'Alpha', C: 'Gamma' });
    expect(namesToKeep(['A', 'B', 'C'], { A: 'Alpha', B: 'Beta', C: 'Gamma' }, 25)).toEqual({ A: 'Alpha', B: 'Beta' });
    expect(namesToKeep(['A'], {})).toBeUndefined();
  });
});
