export { processProjectJob, type JobResult, type ProcessJobOptions } from './process-project-job';
export { finaliseRunIfComplete } from './finalise-run';
export { consumeQueueEvent, queueEventOf } from './queue-event';
