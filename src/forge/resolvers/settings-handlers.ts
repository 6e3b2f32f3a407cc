/**
 * Settings. Jira administrators change everything; a project administrator, from
 * the project settings page, may change only that project's issue types in scope:
 * a save that differs anywhere else is refused and nothing is stored. A full save
 * also answers who the report e-mail would reach, so Settings can warn at once.
 */
import type { AppSettings } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { accountIdsOf, accountNames } from '../jira/account-names';
import { displayNameOf } from '../jira/display-name';
import { reportRecipientReach } from '../jira/report-recipient-reach';
import { getSettings as readSettings, saveSettings as writeSettings } from '../storage/settings-repo';
import { validateSettings } from '../storage/settings-validation';
import type { Handler } from './handler';
import { asObject } from './payload';

/** With the names of the people it names; a desk's own settings page shows none of them, so it reads none. */
export const getSettings: Handler<'getSettings'> = async (deps, caller) => {
  const current = await readSettings(deps.storage);
  if (caller.limitedToProject) return current;
  return { ...current, accountNames: await accountNames(deps, caller.accountId, accountIdsOf(current.settings)) };
};

function withoutProject(settings: Omit<AppSettings, 'attestations' | 'acknowledgements'>, projectKey: string): string {
  const { [projectKey]: _own, ...others } = settings.issueTypesInScope;
  return JSON.stringify({ ...settings, issueTypesInScope: Object.fromEntries(Object.entries(others).sort()) });
}

export const saveSettings: Handler<'saveSettings'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  if (caller.limitedToProject) {
    const key = caller.limitedToProject;
    const proposed = validateSettings(p.settings);
    if (!proposed.ok) throw new ResolverFailure(proposed.errors);
    const current = validateSettings((await readSettings(deps.storage)).settings);
    if (!current.ok || withoutProject(proposed.settings, key) !== withoutProject(current.settings, key)) {
      throw ResolverFailure.of('UNAUTHORISED', `From the settings of project ${key} you can change only its issue types in scope; ask a Jira administrator for the rest.`);
    }
  }
  const byName = await displayNameOf(deps, caller.accountId);
  const saved = await writeSettings(deps.storage, { settings: p.settings, version: p.version }, caller.accountId, deps.now(), byName);
  if (caller.limitedToProject) return saved;
  const [recipientReach, names] = await Promise.all([reportRecipientReach(deps, saved.settings), accountNames(deps, caller.accountId, accountIdsOf(saved.settings))]);
  const named = { ...saved, accountNames: names };
  return recipientReach ? { ...named, recipientReach } : named;
};
