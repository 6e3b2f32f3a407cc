/**
 * How a JobQueue says Forge did not take a push, in the app's own terms, so the run
 * can tell "not now" (the site's events per minute are used up: push again later,
 * nothing failed) from "never" (these jobs will not run: record them failed).
 */

/** The site's async events per minute are used up; Forge's advice is to push again after a minute. */
export class PushRateLimited extends Error {
  constructor(message = 'Forge refused the push: too many events pushed this minute.') {
    super(message);
    this.name = 'PushRateLimited';
  }
}

/** Forge took the push but refused some of its events; only those jobs are lost. */
export class PushPartlyRefused extends Error {
  constructor(
    message: string,
    readonly refusedProjectKeys: string[],
  ) {
    super(message);
    this.name = 'PushPartlyRefused';
  }
}
