/**
 * The demo site's simulator for a test file: started before its tests with every
 * response checked against Atlassian's schemas, each test ending with no contract
 * violation, closed after them. `onStart` receives it (to keep, or to prepare).
 */
import { startSimulator, type RunningSimulator } from '../server';
import { buildDemoSite } from '../sites/demo';

export function useValidatedDemoSimulator(onStart: (sim: RunningSimulator) => void): void {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ site: buildDemoSite(), validateResponses: true });
    onStart(sim);
  });
  afterAll(() => sim?.close());
  afterEach(() => expect(sim?.violations).toEqual([]));
}
