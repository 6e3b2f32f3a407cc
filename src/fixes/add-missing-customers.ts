/**
 * Fix for CUST-COVERAGE: make every end user who is not yet a customer of the desk
 * one, in batches of 50 (one change per batch, so a long run resumes by batch).
 * Who is missing comes from the check's own `coverage`: customers added one by one
 * and members of the desk's organizations are both covered, so nobody an
 * organization already covers is added.
 *
 * JSM answers 400 when any account of a batch does not exist, yet adds the valid
 * ones without saying which. So a refused batch is never reported as "none added":
 * each of its users is posted again alone, which is idempotent (204 for someone who
 * is a customer already), and each gets Jira's own answer.
 */
import { DESK_CUSTOMERS } from '../gather/project-details';
import type { JiraClient } from '../jira/jira-client';
import { coverage } from '../requirements/customers/cust-coverage';
import type { Fetched } from '../shared/fetched';
import { entryForGroup, normaliseGroupNames } from '../shared/group-names';
import type { Fix, FixPlan, PlannedChange } from './fix';
import type { ChangeResult, FixBlocker, ItemResult } from '../shared/fix-model';
import { writeFailure } from './jira-words';
import { permissionBlocker } from './permission';
import { emptyPlan } from './plan-scope';

export const ADD_MISSING_CUSTOMERS = 'add-missing-customers';
/** Accounts per POST: small enough that a refused batch costs few single retries. */
export const CUSTOMER_BATCH = 50;
const EXPERIMENTAL = { 'X-ExperimentalApi': 'opt-in' };

export interface CustomersChangePayload {
  projectKey: string;
  serviceDeskId: string;
  accounts: { accountId: string; displayName?: string }[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const addMissingCustomers: Fix = {
  meta: {
    id: ADD_MISSING_CUSTOMERS,
    title: 'Add missing customers',
    description:
      'Adds every end user who is not yet a customer of the service desk as a customer, in batches of 50. Members of the desk’s organizations are customers already and are left alone.',
    resolves: ['CUST-COVERAGE'],
    scope: 'desk',
    permission: 'project-admin',
    scopes: ['manage:servicedesk-customer'],
    itemVerb: 'added',
  },
  requires: ['endUserGroups', 'customers', 'organizations'],
  changes: ['customers'],

  plan({ snapshot, settings, projects, caller }): FixPlan {
    const plan = emptyPlan(ADD_MISSING_CUSTOMERS, projects);
    const groups = normaliseGroupNames(settings.endUserGroups);
    if (groups.length === 0) {
      plan.blockers.push({ reason: 'No end-user group is configured, so there is nobody to compare with the customers. Name the group(s) in Settings first.' });
      return plan;
    }
    const unread = groups.flatMap((name) => {
      const fetched = entryForGroup(snapshot.endUserGroups, name);
      if (!fetched) return [`${name}: not read`];
      return fetched.ok ? [] : [`${name}: ${fetched.error.message}`];
    });
    if (unread.length > 0) {
      plan.blockers.push({ reason: `The members of the end-user group(s) could not be read (${unread.join('; ')}), so nobody is added.` });
      return plan;
    }
    const memberLists = groups.map((name) => {
      const fetched = entryForGroup(snapshot.endUserGroups, name);
      return fetched?.ok ? fetched.value.members : [];
    });

    const perDesk: { name: string; users: number }[] = [];
    for (const project of projects) {
      const blocker = deskBlocker(project, caller);
      if (blocker) {
        plan.blockers.push(blocker);
        continue;
      }
      if (!project.customers?.ok || !project.organizations?.ok || !project.serviceDeskId) continue; // deskBlocker covers these
      const missing = coverage(memberLists, project.customers.value, project.organizations.value).missingUsers;
      if (missing.length === 0) continue;
      // Sorted so the same state always gives the same batches (change ids stay stable across re-plans).
      const sorted = [...missing].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
      const batches = Math.ceil(sorted.length / CUSTOMER_BATCH);
      for (let b = 0; b < batches; b += 1) {
        const accounts = sorted.slice(b * CUSTOMER_BATCH, (b + 1) * CUSTOMER_BATCH).map((u) => (u.displayName ? { accountId: u.accountId, displayName: u.displayName } : { accountId: u.accountId }));
        const payload: CustomersChangePayload = { projectKey: project.key, serviceDeskId: project.serviceDeskId, accounts };
        plan.changes.push({
          id: `${project.key}:customers:${b + 1}`,
          summary: `Add ${plural(accounts.length, 'user', 'users')} to the customers of ${project.name} (${project.key})${batches > 1 ? `, batch ${b + 1} of ${batches}` : ''}`,
          target: { kind: 'customers', id: project.serviceDeskId, name: `Customers of ${project.key}` },
          reach: { projects: [{ key: project.key, name: project.name }] },
          items: accounts.length,
          payload,
        });
      }
      perDesk.push({ name: project.name, users: missing.length });
    }
    const users = perDesk.reduce((n, d) => n + d.users, 0);
    if (perDesk.length === 1) plan.summary = `Add ${plural(users, 'user', 'users')} to ${perDesk[0]!.name}'s customers`;
    else if (perDesk.length > 1) plan.summary = `Add ${plural(users, 'user', 'users')} to the customers of ${perDesk.length} service desks`;
    return plan;
  },

  async apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    const p = change.payload as CustomersChangePayload;
    const post = (accountIds: string[]) => client.post(DESK_CUSTOMERS, { accountIds }, { path: { serviceDeskId: p.serviceDeskId }, headers: EXPERIMENTAL });
    const item = (a: CustomersChangePayload['accounts'][number], outcome: ItemResult['outcome'], message?: string): ItemResult => ({
      id: a.accountId,
      ...(a.displayName ? { name: a.displayName } : {}),
      outcome,
      ...(message ? { message } : {}),
    });
    const summarise = (items: ItemResult[], extra: string): ChangeResult => {
      const done = items.filter((i) => i.outcome === 'done').length;
      const failed = items.length - done;
      const outcome = done > 0 ? 'applied' : items.some((i) => i.outcome === 'failed') ? 'refused' : 'unchanged';
      return { changeId: change.id, outcome, message: `${done} added, ${failed} failed${extra}`, itemsDone: done, itemsFailed: failed, items };
    };

    try {
      // 204: every account is a customer now (JSM skips those who were already).
      await post(p.accounts.map((a) => a.accountId));
      return summarise(p.accounts.map((a) => item(a, 'done')), '.');
    } catch (error) {
      const batch = writeFailure(error);
      // Only a 400 may have added part of the batch; any other refusal added nobody.
      if (batch.status !== 400) {
        return { changeId: change.id, outcome: batch.outcome, message: batch.message, itemsDone: 0, itemsFailed: p.accounts.length, items: p.accounts.map((a) => item(a, 'failed', batch.message)) };
      }
      const items: ItemResult[] = [];
      for (const account of p.accounts) {
        try {
          await post([account.accountId]);
          items.push(item(account, 'done'));
        } catch (single) {
          items.push(item(account, 'failed', writeFailure(single).message));
        }
      }
      return summarise(items, `; Jira refused the batch (${batch.message}), so each user was confirmed alone.`);
    }
  },
};

function deskBlocker(project: Parameters<Fix['plan']>[0]['projects'][number], caller: Parameters<Fix['plan']>[0]['caller']): FixBlocker | undefined {
  const permission = permissionBlocker('project-admin', caller, project.key, 'add customers to it');
  if (permission) return permission;
  if (project.unavailable) return { reason: `${project.key} could not be read: ${project.unavailable.message}` };
  if (!project.serviceDeskId) return { reason: `Jira lists no service desk for ${project.key}, so it has no customers to add to.` };
  if (!project.customers?.ok) return { reason: `The customers of ${project.key} could not be listed (${whyUnread(project.customers)}), so nobody is added.` };
  if (!project.organizations?.ok) {
    return { reason: `The organizations of ${project.key} could not be read (${whyUnread(project.organizations)}); their members are customers too, so nobody is added.` };
  }
  return undefined;
}

/** Jira's reason for a failed read, or that the run did not read it at all. */
function whyUnread(fetched: Fetched<unknown> | undefined): string {
  return fetched && !fetched.ok ? fetched.error.message : 'they were not read in this run';
}
