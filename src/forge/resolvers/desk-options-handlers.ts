/**
 * What Settings offers for one desk, read from Jira as the caller: the issue types of
 * its request types (the values "issue types in scope" takes) and the statuses of the
 * workflows they use (the values a status-bucket override takes). Read with the
 * gatherer the checks use, for this one desk and only these two artifacts, so the
 * pickers offer exactly what the checks will judge.
 */
import { gatherSnapshot } from '../../gather/gather-snapshot';
import { JiraError } from '../../jira/jira-error';
import { fetchReason } from '../../requirements/fetch-reason';
import type { DeskOptions } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { resolverJira } from '../jira/resolver-jira';
import { getSettings as readSettings } from '../storage/settings-repo';
import { scopeProject, type Handler } from './handler';
import { asObject, projectKeyOf } from './payload';

export const getDeskOptions: Handler<'getDeskOptions'> = async (deps, caller, payload) => {
  const projectKey = scopeProject(caller, projectKeyOf(asObject(payload).projectKey))!;
  const settings = (await readSettings(deps.storage)).settings;
  const client = resolverJira(deps.jiraAsUser(caller.accountId), deps.log);
  let snapshot;
  try {
    // Every request type's issue type, whatever the scope says now: the picker is where the scope is chosen.
    snapshot = await gatherSnapshot(client, { ...settings, projectKeys: [projectKey], issueTypesInScope: {} }, { requires: ['requestTypes', 'workflows'], concurrency: 4 });
  } catch (e) {
    if (e instanceof JiraError) throw ResolverFailure.of('JIRA', `Jira could not list ${projectKey}'s issue types and statuses: ${e.message}`);
    throw e;
  }
  const project = snapshot.projects.find((p) => p.key === projectKey);
  if (!project || project.unavailable) {
    throw ResolverFailure.of('JIRA', `Jira did not give ${projectKey}'s details: ${project?.unavailable ? fetchReason(project.unavailable) : 'it is not a service desk you can see'}.`);
  }
  if (project.requestTypes && !project.requestTypes.ok) {
    throw ResolverFailure.of('JIRA', `Jira did not give ${projectKey}'s request types: ${fetchReason(project.requestTypes.error)}.`);
  }
  const requestTypes = project.requestTypes?.ok ? project.requestTypes.value : [];
  const issueTypes = project.issueTypes.map((t) => ({
    id: t.id,
    name: t.name ?? t.id,
    requestTypes: requestTypes.filter((rt) => rt.issueTypeId === t.id).map((rt) => rt.name),
  }));

  const statuses = new Map<string, DeskOptions['statuses'][number]>();
  const unread: string[] = [];
  const mapping = project.workflowByIssueType?.ok ? project.workflowByIssueType.value : {};
  for (const name of new Set(Object.values(mapping))) {
    const read = snapshot.workflows[name];
    if (!read?.ok) {
      unread.push(name);
      continue;
    }
    for (const s of read.value.statuses) {
      const id = s.id ?? s.statusReference;
      if (!id || !s.name) continue;
      const known = statuses.get(id);
      if (known) {
        if (!known.workflows.includes(name)) known.workflows.push(name);
      } else statuses.set(id, { id, name: s.name, ...(s.statusCategory ? { category: s.statusCategory } : {}), workflows: [name] });
    }
  }
  return {
    projectKey,
    issueTypes: issueTypes.sort((a, b) => a.name.localeCompare(b.name)),
    statuses: [...statuses.values()].sort((a, b) => a.name.localeCompare(b.name)),
    ...(unread.length > 0 || (project.workflowByIssueType && !project.workflowByIssueType.ok) ? { statusesIncomplete: true } : {}),
  };
};
