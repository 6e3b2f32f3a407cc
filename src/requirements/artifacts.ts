/**
 * What the check runner needs to know about each artifact a check can require:
 * what to call it, where Jira serves it, the permission that reads it, and how to
 * tell in a snapshot whether it was read, failed, or was not gathered at all.
 */
import type { ArtifactKind } from '../gather/artifact-kind';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import type { FetchError } from '../shared/fetched';
import { entryForGroup, normaliseGroupNames } from '../shared/group-names';
import type { EngineSettings } from '../shared/report-model';

export interface ArtifactInfo {
  /** What it is, for a sentence: "the roles of the project and their members". */
  label: string;
  /** The Jira call that reads it (the failed call's own endpoint is named when known). */
  endpoint: string;
  /** What the account running the checks needs to read it. */
  permission: string;
  /** The check that owns this artifact: others requiring it depend on that check (dependsOn). */
  owner?: string;
  /** What to do when Jira answered but the answer could not be used (bad request, not found, malformed). */
  whenUnusable?: string;
}

export const ARTIFACTS: Readonly<Record<ArtifactKind, ArtifactInfo>> = {
  serverInfo: {
    label: "the site's server information",
    endpoint: 'GET /rest/api/3/serverInfo',
    permission: 'access to Jira on this site',
  },
  serviceAccount: {
    label: 'the service account',
    endpoint: 'GET /rest/api/3/user/search, GET /rest/api/3/user',
    permission: 'the "Browse users and groups" global permission',
    owner: 'SA-EXISTS',
    whenUnusable:
      "Configure the service account by its accountId (open its profile from People; the id is the last part of the address), which works even when Jira hides e-mail addresses.",
  },
  serviceAccountSelf: {
    label: 'the service account as it sees itself (with its own token)',
    endpoint: 'GET /rest/api/3/myself',
    permission: "the service account's own API token (--service-account-token)",
  },
  endUserGroups: {
    label: 'the members of the end-user group(s)',
    endpoint: 'GET /rest/api/3/group/member',
    permission: 'the "Browse users and groups" global permission',
    whenUnusable: "Check the group names in Settings: they must match the groups' names in Jira exactly.",
  },
  projectRoles: {
    label: "the project's roles and their members",
    endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role',
    permission: 'the Administer projects permission on this project (or Administer Jira)',
  },
  customers: {
    label: "the service desk's customers",
    endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
    permission: 'agent or admin permission on this service desk',
    // The customer listing is experimental: Jira answers 412 to a request without its opt-in header.
    whenUnusable: 'Jira refused the experimental customers API, which needs the "X-ExperimentalApi: opt-in" header on every request; update the app (or mw-readiness), then run the checks again.',
  },
  organizations: {
    label: "the service desk's organizations and their members",
    endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
    permission: 'agent or admin permission on this service desk',
  },
  requestTypes: {
    label: "the service desk's request types",
    endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
    permission: 'agent or admin permission on this service desk',
  },
  workflows: {
    label: 'which workflow each issue type of the project uses',
    endpoint: 'GET /rest/api/3/workflowscheme/project, POST /rest/api/3/workflows',
    permission: 'the Administer Jira global permission (Administer projects for a team-managed project)',
    // POST /rest/api/3/workflows answers a caller without the permission with 401, not 403; any other refusal still points at what lets the account see the workflows.
    whenUnusable:
      "Make sure the account running the checks can see the project's workflows: Administer Jira, or Administer projects for a team-managed project (whose workflows belong to the project); then run the checks again.",
  },
  screens: {
    label: "the workflows' transition screens",
    endpoint: 'GET /rest/api/3/screens/{screenId}/tabs',
    permission: 'the Administer Jira global permission',
  },
  fields: {
    label: "the site's fields and their names",
    endpoint: 'GET /rest/api/3/field',
    permission: 'access to Jira on this site (Jira lists the fields of projects the account can browse)',
  },
  resolutions: {
    label: "the site's resolutions",
    endpoint: 'GET /rest/api/3/resolution/search',
    permission: 'access to Jira on this site',
  },
  workflowGroups: {
    label: "the groups the workflows' transition conditions admit",
    endpoint: 'GET /rest/api/3/group/member',
    permission: 'the "Browse users and groups" global permission',
  },
};

/** What a snapshot holds of one artifact, for one check's input. */
export type ArtifactReading =
  | { state: 'read' }
  | { state: 'failed'; errors: FetchError[] }
  /** No check of the run asked for it: a fault in whoever planned the run. */
  | { state: 'not-gathered' };

export interface ArtifactScope {
  snapshot: SiteSnapshot;
  settings: EngineSettings;
  project?: ProjectSnapshot;
}

const READ: ArtifactReading = { state: 'read' };
const NOT_GATHERED: ArtifactReading = { state: 'not-gathered' };

function reading(fetched: { ok: true } | { ok: false; error: FetchError } | undefined): ArtifactReading {
  if (!fetched) return NOT_GATHERED;
  return fetched.ok ? READ : { state: 'failed', errors: [fetched.error] };
}

function projectReading(scope: ArtifactScope, pick: (p: ProjectSnapshot) => Parameters<typeof reading>[0]): ArtifactReading {
  // A site check requiring a project artifact has nothing to read it from.
  return scope.project ? reading(pick(scope.project)) : NOT_GATHERED;
}

/** Whether the snapshot holds `kind` for this input, failed, or not at all. */
export function readArtifact(kind: ArtifactKind, scope: ArtifactScope): ArtifactReading {
  const { snapshot, settings } = scope;
  switch (kind) {
    case 'serverInfo':
      return reading(snapshot.serverInfo);
    case 'serviceAccount':
      // Nothing configured is nothing to read: the check itself says to configure one.
      if (!settings.serviceAccount?.trim()) return READ;
      return reading(snapshot.serviceAccount);
    case 'serviceAccountSelf':
      return reading(snapshot.serviceAccountSelf);
    case 'endUserGroups': {
      const errors: FetchError[] = [];
      for (const name of normaliseGroupNames(settings.endUserGroups)) {
        const fetched = entryForGroup(snapshot.endUserGroups, name);
        if (!fetched) return NOT_GATHERED;
        if (!fetched.ok) errors.push(fetched.error);
      }
      return errors.length > 0 ? { state: 'failed', errors } : READ;
    }
    case 'projectRoles':
      return projectReading(scope, (p) => p.roles);
    case 'customers':
      return projectReading(scope, (p) => p.customers);
    case 'organizations':
      return projectReading(scope, (p) => p.organizations);
    case 'requestTypes':
      return projectReading(scope, (p) => p.requestTypes);
    case 'workflows':
      return scope.project ? reading(scope.project.workflowByIssueType) : READ;
    case 'screens':
      return snapshot.screens ? READ : NOT_GATHERED;
    case 'workflowGroups':
      return snapshot.workflowGroups ? READ : NOT_GATHERED;
    case 'fields':
      return reading(snapshot.fieldNames);
    case 'resolutions':
      return reading(snapshot.resolutions);
  }
}
