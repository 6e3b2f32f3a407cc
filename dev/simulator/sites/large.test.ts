/**
 * The benchmark's site is cheap to build and cheap to serve: indexed lookups,
 * shared customer lists that copy on write.
 */
import { startSimulator } from '../server';
import { call, OPT_IN } from '../testing/client';
import { DEMO_CREDENTIALS, GROUP_IDS } from './demo';
import { buildLargeSite, LARGE_FIRST_DESK_ID } from './large';

describe('buildLargeSite', () => {
  it('builds 200 desks and 20,000 users quickly', () => {
    const started = Date.now();
    const model = buildLargeSite();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(model.serviceDesks()).toHaveLength(200);
    expect(model.userCount).toBe(20002);
    expect(model.groupMembers(GROUP_IDS.allEmployees)).toHaveLength(20000);
  });

  it('gives every 10th desk a missing team role and every 7th a few missing customers', () => {
    const model = buildLargeSite({ serviceDesks: 20, users: 500 });
    const sa = DEMO_CREDENTIALS.serviceAccount.accountId;
    const withoutSa = model.serviceDesks().filter((p) => !model.hasProjectRole(sa, p, 'Service Desk Team')).map((p) => p.key);
    expect(withoutSa).toEqual(['SD10', 'SD20']);
    const counts = model.serviceDesks().map((p) => model.customersOf(p.id).length);
    expect(counts[0]).toBe(500);
    expect(counts[6]).toBe(495);
  });

  it('copies a shared customer list on the first write, leaving the other desks alone', () => {
    const model = buildLargeSite({ serviceDesks: 3, users: 100 });
    const [first, second, third] = model.serviceDesks();
    const newcomer = DEMO_CREDENTIALS.serviceAccount.accountId;
    expect(model.addCustomers(second!.id, [newcomer])).toBe(1);
    expect(model.isCustomer(second!.id, newcomer)).toBe(true);
    expect(model.isCustomer(first!.id, newcomer)).toBe(false);
    expect(model.isCustomer(third!.id, newcomer)).toBe(false);
    expect(model.customersOf(third!.id)).toHaveLength(100);
  });

  it('serves a deep page of a 20,000-member group and a desk’s customers fast', async () => {
    const sim = await startSimulator({ site: buildLargeSite() });
    try {
      const admin = DEMO_CREDENTIALS.admin;
      const started = Date.now();
      for (let i = 0; i < 20; i++) {
        const page = (await call(sim, 'GET', `/rest/api/3/group/member?groupId=${GROUP_IDS.allEmployees}&startAt=${19000 + i}`, { as: admin })).json();
        expect(page.values).toHaveLength(50);
      }
      const customers = (await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${LARGE_FIRST_DESK_ID + 150}/customer?start=19950`, { as: admin, headers: OPT_IN })).json();
      expect(customers.isLastPage).toBe(true);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await sim.close();
    }
  });
});
