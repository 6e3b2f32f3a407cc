import { buildDemoSite, DEMO_CREDENTIALS, GROUP_IDS } from '../simulator/sites/demo';
import { DEMO_VARIANTS, demoVariantFrom } from './demo-variants';

describe('demo variants', () => {
  it('no-product-access takes the service account out of jira-servicedesk-users and nobody else', () => {
    const site = buildDemoSite();
    const before = site.groupMembers(GROUP_IDS.serviceDeskUsers).length;
    DEMO_VARIANTS['no-product-access'](site);
    expect(site.isMember(DEMO_CREDENTIALS.serviceAccount.accountId, GROUP_IDS.serviceDeskUsers)).toBe(false);
    expect(site.groupMembers(GROUP_IDS.serviceDeskUsers)).toHaveLength(before - 1);
  });

  it('DEMO_VARIANT names a known variant or is refused with the known ones', () => {
    expect(demoVariantFrom(undefined)).toBeUndefined();
    expect(demoVariantFrom('no-product-access')).toBe('no-product-access');
    expect(() => demoVariantFrom('toString')).toThrow('DEMO_VARIANT must be one of no-product-access, not "toString".');
  });
});
