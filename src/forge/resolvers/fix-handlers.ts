/**
 * The generic fix resolvers, one set for every fix in the registry (src/fixes):
 * previewFix plans and changes nothing; applyFix re-plans on the server and applies as
 * the caller; getFixRun reports a run's progress and results. Each is authorised
 * twice: for the surface (RESOLVER_ACCESS, like every resolver: a project admin only
 * on their own desk's settings page) and for the fix's own `permission` (a fix that
 * needs a Jira administrator is refused to a project admin).
 */
import type { Fix } from '../../fixes/fix';
import { findFix } from '../../fixes/registry';
import { JiraError } from '../../jira/jira-error';
import type { Caller } from '../authz/authorise';
import { ResolverFailure } from '../errors';
import { previewFix as planPreview } from '../fix-runs/preview';
import { startFixRun } from '../fix-runs/start';
import { fixRunView } from '../fix-runs/view';
import { loadFixRun } from '../storage/fix-run-repo';
import { scopeProject, type Handler } from './handler';
import { asObject, optionalProjectKey } from './payload';

/** Forge gives a resolver 25 s; the work stops starting new steps after this, leaving room to answer. */
export const RESOLVER_BUDGET_MS = 20_000;

const FIX_ID = /^[a-z]+(-[a-z]+)+$/;
const RUN_ID = /^fix-[a-z0-9-]{1,60}$/;

function fixOf(payload: unknown, caller: Caller): Fix {
  const id = asObject(payload).fixId;
  const fix = typeof id === 'string' && FIX_ID.test(id) ? findFix(id) : undefined;
  if (!fix) throw ResolverFailure.of('VALIDATION', 'A fix id such as add-missing-customers is required.', 'fixId');
  if (fix.meta.permission === 'site-admin' && !caller.siteAdmin) throw ResolverFailure.of('UNAUTHORISED', `Only Jira administrators can ${fix.meta.title.toLowerCase()}.`);
  return fix;
}

/** The one desk a call works on: the settings page's own desk, else the one named, else none (every failing desk). */
function deskOf(payload: unknown, caller: Caller, fix: Fix): string | undefined {
  const requested = optionalProjectKey(asObject(payload).projectKey);
  return fix.meta.scope === 'site' ? undefined : scopeProject(caller, requested);
}

/** Jira refusing the reads a plan needs is the caller's to know, in Jira's words. */
function asJiraFailure(error: unknown): never {
  if (error instanceof JiraError) throw ResolverFailure.of('JIRA', `Jira could not be read for this fix: ${error.message}`);
  throw error;
}

export const previewFix: Handler<'previewFix'> = async (deps, caller, payload) => {
  const fix = fixOf(payload, caller);
  const deadlineMs = deps.now().getTime() + RESOLVER_BUDGET_MS * 0.75;
  return planPreview(deps, caller, fix, deskOf(payload, caller, fix), deadlineMs).catch(asJiraFailure);
};

export const applyFix: Handler<'applyFix'> = async (deps, caller, payload) => {
  const fix = fixOf(payload, caller);
  const projectKey = deskOf(payload, caller, fix);
  const run = await startFixRun(deps, caller, fix, projectKey, { deadlineMs: deps.now().getTime() + RESOLVER_BUDGET_MS }).catch(asJiraFailure);
  return fixRunView(deps.storage, run);
};

export const getFixRun: Handler<'getFixRun'> = async (deps, caller, payload) => {
  const runId = asObject(payload).runId;
  if (typeof runId !== 'string' || !RUN_ID.test(runId)) throw ResolverFailure.of('VALIDATION', 'A fix run id is required.', 'runId');
  const run = await loadFixRun(deps.storage, runId);
  // On a desk's settings page only that desk's runs exist: another desk's run answers as unknown.
  if (!run || (caller.limitedToProject && run.projectKey !== caller.limitedToProject)) throw ResolverFailure.of('NOT_FOUND', 'There is no such fix run.');
  return fixRunView(deps.storage, run);
};
