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
  /** The groups named by the workflows' Restrict issue transition conditions. */
  | 'workflowGroups';
