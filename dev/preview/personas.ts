/**
 * Who the preview user is pretending to be. Each persona is a real user of the Jira
 * behind the preview, with its own transport, so the resolvers' permission checks
 * (mypermissions as the caller) decide exactly as they would in Jira.
 */
import type { JiraTransport } from '../../src/jira/transport';

export type PersonaId = 'site-admin' | 'project-admin' | 'agent';

export interface Persona {
  id: PersonaId;
  label: string;
  accountId: string;
  displayName: string;
  transport: JiraTransport;
}

export const PERSONA_LABELS: Record<PersonaId, string> = {
  'site-admin': 'Site admin',
  'project-admin': 'Project admin',
  agent: 'Agent',
};

export function isPersonaId(value: unknown): value is PersonaId {
  return value === 'site-admin' || value === 'project-admin' || value === 'agent';
}
