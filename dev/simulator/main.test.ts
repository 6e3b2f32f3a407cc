import { parseArgs } from './main';

describe('the standalone runner’s arguments', () => {
  it('defaults to the demo site on port 4010 without faults or validation', () => {
    expect(parseArgs([])).toEqual({ port: 4010, ready: false, scenario: undefined, validate: false });
  });

  it('reads --port, --ready, --scenario and --validate', () => {
    expect(parseArgs(['--port', '0', '--ready', '--scenario', 'rateLimited', '--validate'])).toEqual({ port: 0, ready: true, scenario: 'rateLimited', validate: true });
  });

  it('refuses an unknown scenario by listing the known ones, and a bad port', () => {
    expect(() => parseArgs(['--scenario', 'meteorStrike'])).toThrow(/Unknown scenario 'meteorStrike'. Known: healthy, rateLimited/);
    expect(() => parseArgs(['--port', 'http'])).toThrow(/--port must be a port number/);
  });
});
