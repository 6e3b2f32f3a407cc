export { runScheduledTrigger, MAX_JITTER_SECONDS, type ScheduledOutcome } from './scheduled-run';
