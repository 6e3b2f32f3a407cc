import { validateSettings } from './settings-validation';

const fieldsOf = (input: unknown): (string | undefined)[] => {
  const r = validateSettings(input);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('settings validation: the service account', () => {
  it('refuses settings without a service account, under the serviceAccount field', () => {
    for (const serviceAccount of [undefined, null, '', '   ']) {
      const r = validateSettings({ serviceAccount, endUserGroups: ['all-employees'] });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors).toEqual([{ errorType: 'VALIDATION', field: 'serviceAccount', message: 'Choose the Moveworks service account: every check starts from it.' }]);
    }
  });

  it('accepts an e-mail address or an accountId', () => {
    expect(fieldsOf({ serviceAccount: 'moveworks-bot@acme.com' })).toEqual([]);
    expect(fieldsOf({ serviceAccount: '557058:f0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b' })).toEqual([]);
  });

  it('still names what is wrong with a service account that is neither', () => {
    expect(fieldsOf({ serviceAccount: 'not an account' })).toEqual(['serviceAccount']);
  });
});
