import { botTransitions, reopenTransitions, resolveTransitions, theTransitionInto } from './bot-transitions';
import { transitionRef, viewWorkflow } from './workflow-view';
import { drop, readyTransitions, STATUSES, transition, workflowData } from '../testing/workflow-builder';

describe('viewWorkflow', () => {
  it('buckets the statuses the workflow lists and names transition ends', () => {
    const view = viewWorkflow('W', workflowData());
    expect(view.statuses.map((s) => [s.name, s.bucket])).toEqual([
      ['Open', 'new'],
      ['In Progress', 'in_progress'],
      ['Waiting for customer', 'waiting'],
      ['Resolved', 'resolved'],
    ]);
    expect(transitionRef(view.transitions.find((t) => t.id === '41')!)).toEqual({
      id: '41',
      name: 'Wait for customer',
      type: 'DIRECTED',
      from: ['In Progress'],
      to: 'Waiting for customer',
      toBucket: 'waiting',
    });
    expect(transitionRef(view.transitions.find((t) => t.id === '11')!).from).toBe('any');
  });

  it('falls back to the statuses the transitions touch when the workflow lists none', () => {
    const data = workflowData();
    const view = viewWorkflow('W', { ...data, workflow: { ...data.workflow, statuses: undefined } });
    expect(view.statuses.map((s) => s.ref).sort()).toEqual(['1', '10002', '3', '5']);
  });

  it('keeps a status missing from the top-level list, without a bucket', () => {
    const data = workflowData();
    const view = viewWorkflow('W', { ...data, workflow: { ...data.workflow, statuses: [...(data.workflow.statuses ?? []), { statusReference: '999' }] } });
    expect(view.statuses.find((s) => s.ref === '999')).toMatchObject({ name: '999', category: null, bucket: null, bucketSource: 'none' });
  });
});

describe('the Resolve / Reopen / bot transitions', () => {
  const view = (ts = readyTransitions()) => viewWorkflow('W', workflowData(ts));

  it('prefers the global transition into Resolved', () => {
    const ts = [...readyTransitions(), transition({ id: '61', name: 'Close', type: 'DIRECTED', toStatusReference: '5', links: [{ fromStatusReference: '3' }] })];
    expect(resolveTransitions(view(ts))).toMatchObject({ global: true, transitions: [{ id: '11' }] });
  });

  it('falls back to every transition into Resolved when none is global', () => {
    const ts = [...drop('11')(readyTransitions()), transition({ id: '61', name: 'Close', type: 'DIRECTED', toStatusReference: '5' }), transition({ id: '62', name: 'Done', type: 'DIRECTED', toStatusReference: '5' })];
    const chosen = resolveTransitions(view(ts));
    expect(chosen.global).toBe(false);
    expect(chosen.transitions.map((t) => t.id)).toEqual(['61', '62']);
  });

  it('never takes the initial transition as the Reopen transition', () => {
    expect(reopenTransitions(view(drop('31')(readyTransitions()))).transitions).toEqual([]);
  });

  it('the bot’s transitions are the global ones into Resolved, In Progress and New', () => {
    const ts = [...readyTransitions(), transition({ id: '91', name: 'Wait (global)', type: 'GLOBAL', toStatusReference: '10002' })];
    expect(botTransitions(view(ts)).map((t) => t.id)).toEqual(['11', '21', '31']);
  });

  it('an In Progress fallback takes directed transitions when no global one exists', () => {
    expect(theTransitionInto(view(drop('21')(readyTransitions())), 'in_progress')).toMatchObject({ global: false, transitions: [{ id: '51' }] });
  });

  it('uses bucket overrides', () => {
    const v = viewWorkflow('W', workflowData(), { [STATUSES.waiting.id!]: 'resolved' });
    expect(resolveTransitions(v).transitions.map((t) => t.id)).toEqual(['11']);
    expect(v.statuses.filter((s) => s.bucket === 'resolved').map((s) => s.name)).toEqual(['Waiting for customer', 'Resolved']);
  });
});
