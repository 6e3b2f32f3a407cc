/**
 * The parts of a fix the admin sees: its meta, the Jira objects a change writes and
 * whom they reach, what blocks it, and what each change did. The fix units
 * (src/fixes/fix.ts) produce them; the resolvers, the dashboard and the CLI show them.
 */

/** Who may apply a fix; authorised on the server from the caller's own Jira permissions. */
export type FixPermission = 'site-admin' | 'project-admin';

export interface FixMeta {
  /** Stable, kebab-case: 'add-to-service-desk-team'. */
  id: string;
  /** The button and dialog title: "Add the service account to Service Desk Team". */
  title: string;
  /** One paragraph: what the fix changes in Jira, in an admin's words. */
  description: string;
  /** The check IDs this fix makes pass. */
  resolves: readonly string[];
  /** 'desk': planned for one service desk (or each failing desk); 'site': once for the site. */
  scope: 'site' | 'desk';
  permission: FixPermission;
  /** The Forge scopes its writes use (declared in manifest.yml). */
  scopes: readonly string[];
  /**
   * The past tense of one item done, for the results' summary ("12 added, 0 failed");
   * default "changed".
   */
  itemVerb?: string;
}

/** One Jira object a change writes, named as an admin knows it. */
export interface ChangeTarget {
  kind: 'project-role' | 'customers' | 'workflow' | 'screen' | 'group' | 'application-role';
  id: string;
  name: string;
  /** Where Jira versions the object (workflows), the version the plan was made from. */
  version?: string;
}

/** Every project and issue type a change reaches: a shared workflow or screen changes for all of them. */
export interface ChangeReach {
  projects: { key: string; name: string }[];
  issueTypes?: { id: string; name: string }[];
  /**
   * Set when Jira was not asked, or did not say, where a changed workflow is used:
   * the reach lists what the run read, and other projects may use it too.
   */
  unconfirmed?: string;
}

/** Why nothing (or only part) can be done by this caller or through the API. */
export interface FixBlocker {
  reason: string;
  /** Who can do it instead, e.g. "a site admin (Atlassian Administration)". */
  who?: string;
  link?: string;
}

export type ChangeOutcome = 'applied' | 'unchanged' | 'refused' | 'failed';

/** One item of a change (a user added, a field put on a screen…), for the per-item list of the results. */
export interface ItemResult {
  /** accountId, field id…: what Jira knows it by. */
  id: string;
  name?: string;
  /** done: this change did it; unchanged: it was so already; failed: `message` says why, in Jira's words. */
  outcome: 'done' | 'unchanged' | 'failed';
  message?: string;
}

export interface ChangeResult {
  changeId: string;
  outcome: ChangeOutcome;
  /** Jira's own words when it refused; what was done otherwise. */
  message: string;
  /** Per item where Jira answers per item (users added…): counts for the summary. */
  itemsDone?: number;
  itemsFailed?: number;
  /** Where Jira versions the object: e.g. workflow version "3" → "4". */
  before?: string;
  after?: string;
  /** Per item where Jira answers per item; the counts above summarise them. */
  items?: ItemResult[];
}
