export { processProjectJob, type JobResult, type ProcessJobOptions } from './process-project-job';
export { finaliseRunIfComplete } from './finalise-run';
