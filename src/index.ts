/**
 * Forge entry points only (named in manifest.yml's function handlers). The wiring
 * lives in src/forge/runtime/entry-points.ts; the app's logic in src/forge/*.
 */
export {
  resolverHandler as handler,
  queueConsumerHandler as consumer,
  scheduledTriggerHandler as scheduled,
} from './forge/runtime/entry-points';
