/**
 * A reason the run could not start or finish (exit 2). Its message is one
 * sentence for a person, never a stack trace, never a secret.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** More problems found at the same time, one sentence each. */
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The site was unreachable or refused the credentials on the first call (exit 2). */
export class RunAbortedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunAbortedError';
  }
}
