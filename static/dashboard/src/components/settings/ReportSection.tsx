/**
 * The report e-mail: schedule, recipients by name, and the report issue it is sent
 * about, explained, with a warning when that would be a customer-facing desk.
 */
import React, { useState } from 'react';
import Select, { AsyncSelect } from '@atlaskit/select';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import SectionMessage from '@atlaskit/section-message';
import type { AppSettings, DeliveryRecord, RecipientReach, ReportSchedule, ServiceDeskOption, Weekday } from '../../../../../src/shared/resolver-api';
import { useResolverClient } from '../../api/client-context';
import { messages } from '../../messages';
import { reportLocationWarning, storedPerson, type Option } from '../../model/settings-pickers';
import { deliveryDetail, OutcomeLozenge, reachWarnings } from '../DeliveryOutcome';
import { ProblemAlert } from '../ProblemAlert';
import { SettingsField } from './SettingsField';

const m = messages.settings;
const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const SCHEDULES: ReportSchedule[] = ['off', 'daily', 'weekly'];

export interface ReportSectionProps {
  settings: AppSettings;
  names: Readonly<Record<string, string>>;
  deskList: readonly ServiceDeskOption[] | null;
  errorsOf: (field: string) => string[];
  loadPeople: (query: string) => Promise<Option[]>;
  loadGroups: (query: string) => Promise<Option[]>;
  remember: (options: readonly Option[]) => void;
  update: (patch: Partial<AppSettings>) => void;
}

export function ReportSection({ settings: s, names, deskList, errorsOf, loadPeople, loadGroups, remember, update }: ReportSectionProps) {
  const location = reportLocationWarning(s.reportIssueKey, s.reportProjectKey, deskList);
  return (
    <section className="mw-fieldset" aria-labelledby="settings-report">
      <h2 id="settings-report" className="mw-section-title">{m.sections.report}</h2>
      <SettingsField id="schedule" label={m.schedule} errors={errorsOf('schedule')}>
        <Select<Option>
          inputId="schedule"
          options={SCHEDULES.map((v) => ({ value: v, label: m.scheduleNames[v] }))}
          value={{ value: s.schedule, label: m.scheduleNames[s.schedule] }}
          onChange={(o) => o && update({ schedule: o.value as ReportSchedule })}
        />
      </SettingsField>
      {s.schedule === 'weekly' && (
        <SettingsField id="weekday" label={m.weekday} errors={errorsOf('weekday')}>
          <Select<Option>
            inputId="weekday"
            options={WEEKDAYS.map((d) => ({ value: d, label: m.weekdayNames[d] }))}
            value={{ value: s.weekday, label: m.weekdayNames[s.weekday] }}
            onChange={(o) => o && update({ weekday: o.value as Weekday })}
          />
        </SettingsField>
      )}
      <SettingsField id="sendWhen" label={m.sendWhen} errors={errorsOf('sendWhen')}>
        <Select<Option>
          inputId="sendWhen"
          options={(['always', 'changes'] as const).map((v) => ({ value: v, label: m.sendWhenNames[v] }))}
          value={{ value: s.sendWhen, label: m.sendWhenNames[s.sendWhen] }}
          onChange={(o) => o && update({ sendWhen: o.value as AppSettings['sendWhen'] })}
        />
      </SettingsField>
      <SettingsField id="recipientUsers" label={m.recipientUsers} errors={errorsOf('recipients')}>
        <AsyncSelect<Option, true>
          inputId="recipientUsers"
          testId="recipient-users-picker"
          isMulti
          cacheOptions
          defaultOptions
          placeholder={m.searchPeople}
          noOptionsMessage={({ inputValue }) => m.noMatches(inputValue)}
          loadOptions={loadPeople}
          value={s.recipients.users.map((id) => storedPerson(id, names))}
          onChange={(o) => {
            remember(o);
            update({ recipients: { ...s.recipients, users: o.map((x) => x.value) } });
          }}
        />
      </SettingsField>
      <SettingsField id="recipientGroups" label={m.recipientGroups} errors={[]}>
        <AsyncSelect<Option, true>
          inputId="recipientGroups"
          isMulti
          cacheOptions
          defaultOptions
          placeholder={m.searchGroups}
          noOptionsMessage={({ inputValue }) => m.noMatches(inputValue)}
          loadOptions={loadGroups}
          value={s.recipients.groups.map((g) => ({ value: g, label: g }))}
          onChange={(o) => update({ recipients: { ...s.recipients, groups: o.map((x) => x.value) } })}
        />
      </SettingsField>
      <p className="mw-help" data-testid="report-explained">{m.reportExplained}</p>
      <SettingsField id="reportIssueKey" label={m.reportIssueKey} help={m.reportIssueKeyHelp} errors={errorsOf('reportIssueKey')}>
        <Textfield id="reportIssueKey" value={s.reportIssueKey ?? ''} onChange={(e) => update({ reportIssueKey: e.currentTarget.value.trim() || undefined })} />
      </SettingsField>
      <SettingsField id="reportProjectKey" label={m.reportProjectKey} help={m.reportProjectKeyHelp} errors={errorsOf('reportProjectKey')}>
        <Textfield id="reportProjectKey" value={s.reportProjectKey ?? ''} onChange={(e) => update({ reportProjectKey: e.currentTarget.value.trim().toUpperCase() || undefined })} />
      </SettingsField>
      {location && (
        <div data-testid="report-location-warning">
          <SectionMessage appearance={location === m.reportNowhere ? 'information' : 'warning'}>
            <p>{location}</p>
          </SectionMessage>
        </div>
      )}
      <TestReport />
    </section>
  );
}

/** 'Send a test report now': the saved settings' recipients get the current report; the outcome, Jira's error included, is shown. */
function TestReport() {
  const client = useResolverClient();
  const [busy, setBusy] = useState(false);
  const [record, setRecord] = useState<DeliveryRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async () => {
    setBusy(true);
    setRecord(null);
    setProblem(null);
    try {
      setRecord(await client.call('sendTestReport', {}));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="mw-field" data-testid="test-report">
      <Button onClick={send} isDisabled={busy} testId="send-test-report" aria-describedby="test-report-help">
        {busy ? m.testReportSending : m.testReport}
      </Button>
      <p id="test-report-help" className="mw-help">{m.testReportHelp}</p>
      <div role="status" data-testid="test-report-outcome">
        {record && (
          <p>
            <OutcomeLozenge outcome={record.outcome} /> {messages.delivery.result(messages.delivery.outcomeNames[record.outcome])} {deliveryDetail(record)}
          </p>
        )}
      </div>
      <ProblemAlert problem={problem} />
    </div>
  );
}

/** After a save: the recipients Jira will leave out of the report e-mail, because they cannot see the report issue. */
export function RecipientReachWarning({ reach }: { reach: RecipientReach | null }) {
  const lines = reach ? reachWarnings(reach) : [];
  if (!reach || lines.length === 0) return null;
  return (
    <div role="alert" data-testid="recipient-reach-warning">
      <SectionMessage appearance="warning" title={m.reachTitle(reach.issueKey)}>
        {lines.map((line, i) => <p key={i}>{line}</p>)}
      </SectionMessage>
    </div>
  );
}
