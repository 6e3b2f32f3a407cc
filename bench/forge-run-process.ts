/**
 * Child process: one measured Forge run (bench/forge-run.ts), so the parent's own
 * memory and CPU stay out of it. Its containers are its own children.
 */
import { measureForgeRun, type ForgeRunOptions, type ForgeRunSite } from './forge-run';
import { serve } from './ipc';

serve(async (message) => {
  if (message.type !== 'forge-run') throw new Error(`Unknown request ${message.type}`);
  const result = await measureForgeRun(message.site as ForgeRunSite, message.options as ForgeRunOptions);
  // A run of more than 400 desks leaves a hand-on timer behind; the measurement is done.
  setImmediate(() => process.exit(0));
  return result;
});
