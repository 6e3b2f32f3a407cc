/**
 * The requirement group of each check id the report fixtures use, for fixtures
 * that cannot import the catalogue (the dashboard's, the renderers'). A test in
 * src/engine holds it to the catalogue, so a fixture never files a check under a
 * group the engine would not.
 */
import type { RequirementGroup } from '../report-model';

export const FIXTURE_GROUPS: Readonly<Record<string, RequirementGroup>> = {
  'SA-EXISTS': 'service-account',
  'SA-TIMEZONE': 'service-account',
  'SA-PRODUCT-ACCESS': 'service-account',
  'SA-API-TOKEN': 'service-account',
  'SA-PROJECT-ROLE': 'service-account',
  'MW-MARKETPLACE-APP': 'moveworks',
  'MW-CONNECTOR': 'moveworks',
  'MW-ACCOUNTID-SETTING': 'moveworks',
  'CUST-COVERAGE': 'customers',
  'WF-STATUS-BUCKETS': 'workflows',
  'WF-ANY-TO-RESOLVED': 'workflows',
  'WF-ANY-TO-IN-PROGRESS': 'workflows',
  'WF-ANY-TO-REOPENED': 'workflows',
  'WF-RESOLVE-SCREEN-ASSIGNEE': 'workflows',
  'WF-RESOLVE-SCREEN-FIELDS': 'workflows',
  'WF-BOT-TRANSITIONS-RESTRICTED': 'workflows',
  'WF-RESOLVE-SETS-RESOLUTION': 'workflows',
  'WF-REOPEN-UNASSIGNS': 'workflows',
  'WF-EXPORT': 'workflows',
  'PARITY-CONFIG': 'workflows',
};

/** A fixture's group: the catalogue's for a known id, else the fixture's own choice (ids like "A" or "X-Y"). */
export function fixtureGroup(id: string, fallback: RequirementGroup = 'workflows'): RequirementGroup {
  return FIXTURE_GROUPS[id] ?? fallback;
}
