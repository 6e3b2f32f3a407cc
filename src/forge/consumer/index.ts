export { processProjectJob, type JobResult } from './process-project-job';
export { finaliseRunIfComplete } from './finalise-run';
