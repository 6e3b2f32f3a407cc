import { PassThrough } from 'stream';
import { isYes, terminalConfirm } from './terminal-confirm';

describe('terminalConfirm', () => {
  it('confirms only on y or yes', () => {
    expect(['y', 'Y', 'yes', ' YES '].map(isYes)).toEqual([true, true, true, true]);
    expect(['', 'n', 'no', 'yep', 'ok'].map(isYes)).toEqual([false, false, false, false, false]);
  });

  it('asks on the output stream and reads the answer; end of input is a no', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    output.on('data', (chunk: Buffer) => (asked += chunk.toString()));
    const answer = terminalConfirm(input, output)('Make these 2 changes? [y/N] ');
    input.write('yes\n');
    await expect(answer).resolves.toBe(true);
    expect(asked).toContain('Make these 2 changes? [y/N] ');

    const closed = new PassThrough();
    const ended = terminalConfirm(closed, new PassThrough())('Sure? ');
    closed.end();
    await expect(ended).resolves.toBe(false);
  });
});
