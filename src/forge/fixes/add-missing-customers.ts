/**
 * One-click fix for CUST-COVERAGE: makes every active member of the end-user groups
 * a customer of the service desk, as the calling admin. It recomputes who is missing
 * (the stored evidence lists only the first few) with the check's own `coverage`:
 * customers added one by one and members of the desk's organizations are both
 * covered, so nobody an organization already covers is added. It posts in batches of
 * 50 with the experimental-API header, and on a refused batch retries its users one
 * by one so every user gets an outcome. Idempotent: customers are not posted again.
 * Bounded by a deadline so the resolver answers inside Forge's 25 s; what is left
 * is said in `incomplete` and a second click continues.
 */
import type { DeskOrganization } from '../../gather/snapshot';
import type { JiraTransport } from '../../jira/transport';
import { coverage } from '../../requirements/customers/cust-coverage';
import type { FixItemResult } from '../../shared/resolver-api';
import { callJira } from '../jira/call-jira';

export const CUSTOMER_BATCH = 50;
const EXPERIMENTAL = { 'X-ExperimentalApi': 'opt-in' };

export interface CustomersFixOutcome {
  items: FixItemResult[];
  /** Set when the work stopped early (deadline; a group, the customers or the desk's organizations could not be read). */
  incomplete?: string;
}

interface MemberPage {
  values?: { accountId?: string; displayName?: string; active?: boolean }[];
  isLast?: boolean;
  total?: number;
}

interface JsmPage<T> {
  values?: T[];
  isLastPage?: boolean;
}

type CustomerPage = JsmPage<{ accountId?: string }>;

class Stop extends Error {}

export async function addMissingCustomers(
  transport: JiraTransport,
  serviceDeskId: string,
  groups: readonly string[],
  deadline: () => boolean,
): Promise<CustomersFixOutcome> {
  const check = () => {
    if (deadline()) throw new Stop('The time for one request ran out before every user was handled; click the fix again to continue.');
  };
  try {
    const members = new Map<string, string | undefined>();
    for (const group of groups) {
      let startAt = 0;
      for (;;) {
        check();
        const page = await callJira<MemberPage>(
          transport,
          'GET',
          `/rest/api/3/group/member?groupname=${encodeURIComponent(group)}&includeInactiveUsers=false&startAt=${startAt}&maxResults=50`,
        );
        if (!page.ok) throw new Stop(`Jira refused to list the members of ${group}: ${page.message}`);
        const values = page.body?.values ?? [];
        for (const m of values) if (m.accountId && m.active !== false) members.set(m.accountId, m.displayName);
        if (page.body?.isLast !== false || values.length === 0) break;
        startAt += values.length;
      }
    }

    const customers = new Set<string>();
    let start = 0;
    for (;;) {
      check();
      const page = await callJira<CustomerPage>(transport, 'GET', `/rest/servicedeskapi/servicedesk/${encodeURIComponent(serviceDeskId)}/customer?start=${start}&limit=50`, {
        headers: EXPERIMENTAL,
      });
      if (!page.ok) throw new Stop(`Jira refused to list the desk's customers: ${page.message}`);
      const values = page.body?.values ?? [];
      for (const c of values) if (c.accountId) customers.add(c.accountId);
      if (page.body?.isLastPage !== false || values.length === 0) break;
      start += values.length;
    }

    // JSM pages: every page read until isLastPage, so no organization or member is missed.
    const jsmAll = async <T>(path: string, what: string): Promise<T[]> => {
      const all: T[] = [];
      for (let from = 0; ; ) {
        check();
        const page = await callJira<JsmPage<T>>(transport, 'GET', `${path}?start=${from}&limit=50`);
        if (!page.ok) throw new Stop(`Jira refused to list ${what}: ${page.message}`);
        const values = page.body?.values ?? [];
        all.push(...values);
        if (page.body?.isLastPage !== false || values.length === 0) return all;
        from += values.length;
      }
    };
    const organizations: DeskOrganization[] = [];
    const listed = await jsmAll<{ id?: string; name?: string }>(`/rest/servicedeskapi/servicedesk/${encodeURIComponent(serviceDeskId)}/organization`, "the desk's organizations");
    for (const o of listed) {
      if (!o.id) continue;
      const name = o.name ?? o.id;
      const users = await jsmAll<{ accountId?: string }>(`/rest/servicedeskapi/organization/${encodeURIComponent(o.id)}/user`, `the members of organization ${name}`);
      organizations.push({ id: o.id, name, memberIds: users.map((u) => u.accountId).filter((id): id is string => Boolean(id)) });
    }

    const endUsers = [...members].map(([accountId, displayName]) => (displayName ? { accountId, displayName } : { accountId }));
    const missing = coverage([endUsers], [...customers], organizations).missingUsers.map((u) => u.accountId);
    const items: FixItemResult[] = [];
    const item = (accountId: string, outcome: FixItemResult['outcome'], message?: string): FixItemResult => {
      const name = members.get(accountId);
      return { item: accountId, ...(name ? { displayName: name } : {}), outcome, ...(message ? { message } : {}) };
    };
    const post = (accountIds: string[]) =>
      callJira(transport, 'POST', `/rest/servicedeskapi/servicedesk/${encodeURIComponent(serviceDeskId)}/customer`, {
        body: { accountIds },
        headers: EXPERIMENTAL,
      });

    for (let i = 0; i < missing.length; i += CUSTOMER_BATCH) {
      if (deadline()) {
        return { items, incomplete: `${missing.length - i} users are still missing: the time for one request ran out. Click the fix again to continue.` };
      }
      const batch = missing.slice(i, i + CUSTOMER_BATCH);
      const answer = await post(batch);
      if (answer.ok) {
        items.push(...batch.map((id) => item(id, 'added')));
        continue;
      }
      // The batch was refused as a whole: find out user by user who can be added.
      for (const id of batch) {
        const single = await post([id]);
        items.push(single.ok ? item(id, 'added') : item(id, 'failed', single.message));
      }
    }
    return { items };
  } catch (e) {
    if (e instanceof Stop) return { items: [], incomplete: e.message };
    throw e;
  }
}
