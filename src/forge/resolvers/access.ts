/**
 * Which permission each resolver needs (see authz/authorise.ts), and which projects
 * a payload asks to touch, so the project settings page cannot reach another project.
 */
import type { ResolverName } from '../../shared/resolver-api';
import type { Access } from '../authz/authorise';
import { asObject } from './payload';

export const RESOLVER_ACCESS: Record<ResolverName, Access> = {
  getContext: 'project',
  getOverview: 'site',
  getProjectView: 'project',
  getSiteView: 'site',
  startRecheck: 'project',
  getProgress: 'project',
  getSettings: 'project',
  saveSettings: 'project',
  attest: 'site',
  revokeAttestation: 'site',
  acknowledge: 'project',
  removeAcknowledgement: 'project',
  previewFix: 'project',
  applyFix: 'project',
  getFixRun: 'project',
  getConnectorValues: 'site',
  exportReport: 'project',
  getHistory: 'project',
  sendTestReport: 'site',
  searchUsers: 'site',
  searchGroups: 'site',
  listServiceDesks: 'site',
  getDeskOptions: 'project',
  getParity: 'project',
  importParityReport: 'site',
  clearParityReport: 'site',
};

/** Project keys named in a payload (only strings; malformed ones are rejected later by the handler). */
export function requestedProjects(payload: unknown): string[] {
  const p = asObject(payload);
  const keys: string[] = [];
  if (typeof p.projectKey === 'string' && p.projectKey !== '') keys.push(p.projectKey);
  if (Array.isArray(p.projectKeys)) keys.push(...p.projectKeys.filter((k): k is string => typeof k === 'string'));
  return keys;
}
