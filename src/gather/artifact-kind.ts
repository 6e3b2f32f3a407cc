/** Artifacts the gatherer knows how to fetch; the union over the checks in a run is fetched. */
export type ArtifactKind =
  | 'serverInfo'
  | 'serviceAccount'
  | 'serviceAccountSelf'
  | 'endUserGroups'
  | 'projectRoles'
  | 'customers'
  | 'organizations'
  | 'requestTypes'
  | 'workflows'
  | 'screens'
  /** Field names (GET /field): read whenever screens are, so fields are named even when no screen shows them. */
  | 'fields'
  /** The site's resolutions (GET /resolution/search). */
  | 'resolutions'
  /** The groups named by the workflows' Restrict issue transition conditions. */
  | 'workflowGroups';
