/**
 * previewFix's work: read what the fix needs for the desks in scope (as the caller),
 * plan, and describe the plan without its payloads. Nothing is written. Bounded by
 * the resolver's time: desks not read in time are named, and planned when the fix
 * runs (it reads them again then, batch by batch).
 */
import type { Fix } from '../../fixes/fix';
import { JiraClient } from '../../jira/jira-client';
import type { FixPreview } from '../../shared/resolver-api';
import type { SiteSnapshot } from '../../gather/snapshot';
import type { Caller } from '../authz/authorise';
import type { AppDeps } from '../deps';
import { fixMetas } from '../../fixes/registry';
import { planWithUsages } from '../../fixes/plan-with-usages';
import { readWorkflowUsages } from '../../gather/workflow-usages';
import { getSettings } from '../storage/settings-repo';
import { batchesOf, gatherForFix, mergeSnapshots, planCaller, planInput } from './gather-for-fix';
import { watchConsent } from './consent-watch';
import { desksInScope } from './desks-in-scope';

/** Changes the dialog lists; the totals count them all. */
export const PREVIEW_CHANGES_SHOWN = 200;
/** More items than this are applied in the background, with progress, rather than in one request. */
export const INLINE_MAX_ITEMS = 500;

export async function previewFix(deps: AppDeps, caller: Caller, fix: Fix, projectKey: string | undefined, deadlineMs: number): Promise<FixPreview> {
  const desks = await desksInScope(deps.storage, fix, projectKey, deps.now());
  const info = fixMetas([fix])[0]!;
  const empty: FixPreview = { fix: info, ...(projectKey ? { projectKey } : {}), desks, changes: [], changesTotal: 0, itemsTotal: 0, blockers: [], notPreviewed: [], background: false };
  if (fix.meta.scope === 'desk' && desks.length === 0) return empty;

  const { settings } = await getSettings(deps.storage);
  const consent = watchConsent(deps.jiraAsUser(caller.accountId));
  const client = new JiraClient(consent.transport, { logger: deps.log, deadlineMs });
  const batches = fix.meta.scope === 'site' ? [[]] : batchesOf(desks);
  const snapshots: SiteSnapshot[] = [];
  const read: string[] = [];
  const notPreviewed: string[] = [];
  for (const batch of batches) {
    const snapshot = snapshots.length > 0 && deps.now().getTime() >= deadlineMs ? 'timeout' : await withinTime(gatherForFix(client, fix, settings, batch, { now: deps.now, ...(snapshots[0] ? { knownGroups: snapshots[0].endUserGroups } : {}) }), deadlineMs - deps.now().getTime());
    if (snapshot === 'timeout') {
      notPreviewed.push(...batch);
      continue;
    }
    consent.rethrow();
    snapshots.push(snapshot);
    read.push(...batch);
  }
  if (snapshots.length === 0) return { ...empty, notPreviewed: desks, background: true };

  const plan = await planWithUsages(fix, planInput(fix, mergeSnapshots(snapshots), settings, read, planCaller(caller, desks)), (ids) => readWorkflowUsages(client, ids));
  consent.rethrow();
  const itemsTotal = plan.changes.reduce((n, c) => n + c.items, 0);
  return {
    ...empty,
    ...(plan.summary ? { summary: plan.summary } : {}),
    changes: plan.changes.slice(0, PREVIEW_CHANGES_SHOWN).map(({ id, summary, target, reach, items }) => ({ id, summary, target, reach, items })),
    changesTotal: plan.changes.length,
    itemsTotal,
    blockers: plan.blockers,
    notPreviewed,
    background: batches.length > 1 || notPreviewed.length > 0 || itemsTotal > INLINE_MAX_ITEMS,
  };
}

async function withinTime<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
