import { errorsByField, GENERAL, messagesFor, parseList } from './settings-form';

describe('settings form helpers', () => {
  it('groups VALIDATION messages by field and keeps field-less ones general', () => {
    const byField = errorsByField([
      { errorType: 'VALIDATION', field: 'serviceAccount', message: 'Enter an e-mail or accountId.' },
      { errorType: 'VALIDATION', field: 'issueTypesInScope.HR', message: 'Unknown issue type Foo.' },
      { errorType: 'VALIDATION', message: 'Too many projects.' },
      { errorType: 'CONFLICT', message: 'ignored here' },
    ]);
    expect(byField).toEqual({
      serviceAccount: ['Enter an e-mail or accountId.'],
      'issueTypesInScope.HR': ['Unknown issue type Foo.'],
      [GENERAL]: ['Too many projects.'],
    });
    expect(messagesFor(byField, 'issueTypesInScope')).toEqual(['Unknown issue type Foo.']);
    expect(messagesFor(byField, 'issueTypesInScope.HR')).toEqual(['Unknown issue type Foo.']);
    expect(messagesFor(byField, 'endUserGroups')).toEqual([]);
  });

  it('parses comma lists without blanks or duplicates', () => {
    expect(parseList(' Task, ,Service Request,Task ')).toEqual(['Task', 'Service Request']);
  });
});
