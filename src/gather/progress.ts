/**
 * Progress of a gather run, for the CLI's stderr line and the app's stored progress.
 * `done` / `total` count within the stage (projects, workflows, screens…).
 */
export type GatherStage = 'server' | 'service-account' | 'end-user-groups' | 'projects' | 'project-details' | 'workflows' | 'screens' | 'done';

export interface GatherProgress {
  stage: GatherStage;
  projectKey?: string;
  done: number;
  total: number;
  message: string;
}
