import { DEFAULT_ENGINE_SETTINGS } from '../../shared/report-model';
import type { AppSettings } from '../../shared/resolver-api';

/** Safe defaults: a first run needs only the service account; the weekly report e-mails nobody until recipients are set. */
export function defaultAppSettings(): AppSettings {
  return {
    ...structuredClone(DEFAULT_ENGINE_SETTINGS),
    schedule: 'weekly',
    weekday: 'MON',
    sendWhen: 'changes',
    recipients: { users: [], groups: [] },
  };
}
