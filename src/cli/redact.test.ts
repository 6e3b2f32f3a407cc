import { createRedactor, redactingWriter } from './redact';

describe('createRedactor', () => {
  it('replaces every occurrence of a token and its Basic auth form', () => {
    const redact = createRedactor(['abcd1234'], [['a@acme.com', 'abcd1234']]);
    const basic = Buffer.from('a@acme.com:abcd1234').toString('base64');
    expect(redact(`x abcd1234 y abcd1234 Basic ${basic}`)).toBe('x [redacted] y [redacted] Basic [redacted]');
  });
  it('ignores empty and very short values so ordinary text survives', () => {
    const redact = createRedactor([undefined, '', 'ab']);
    expect(redact('ab abc')).toBe('ab abc');
  });
  it('redacts through a writer', () => {
    const chunks: string[] = [];
    const writer = redactingWriter({ write: (c) => chunks.push(c) }, () => createRedactor(['s3cret-value']));
    writer.write('token=s3cret-value\n');
    expect(chunks).toEqual(['token=[redacted]\n']);
  });
});
