/**
 * Settings: service account, end-user groups, projects and issue types in scope,
 * skills, status bucket overrides, schedule and recipients. Saves name the version
 * they were read at; a CONFLICT is shown with a reload, VALIDATION errors per field.
 * `projectKey` narrows the form to one desk's issue types (project settings page).
 */
import React, { useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import Button from '@atlaskit/button/new';
import Select, { AsyncSelect } from '@atlaskit/select';
import { Checkbox } from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { MoveworksSkill, StatusBucket } from '../../../../src/shared/report-model';
import { ALL_SKILLS } from '../../../../src/shared/report-model';
import type { AppSettings, DeliveryRecord, RecipientReach, ReportSchedule, VersionedSettings, Weekday } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { useResolver } from '../api/use-resolver';
import { ResolverCallError } from '../api/resolver-client';
import { ErrorView, Loading } from '../components/LoadStates';
import { FieldMessages } from '../components/FieldMessages';
import { ProblemAlert } from '../components/ProblemAlert';
import { deliveryDetail, OutcomeLozenge, reachWarnings } from '../components/DeliveryOutcome';
import { errorsByField, formatList, GENERAL, messagesFor, parseList } from '../model/settings-form';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';

type Option = { label: string; value: string };
const m = messages.settings;
const BUCKETS: StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];
const WEEKDAYS: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const SCHEDULES: ReportSchedule[] = ['off', 'daily', 'weekly'];

const toOptions = (values: readonly string[]): Option[] => values.map((v) => ({ label: v, value: v }));

export function SettingsPage({ projectKey }: { projectKey?: string }) {
  const { state, reload } = useResolver('getSettings', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <SettingsForm key={state.data.version} initial={state.data} projectKey={projectKey} onReload={reload} />;
}

function Field({ id, label, help, errors, children }: { id: string; label: string; help?: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div className="mw-field" data-field={id}>
      <label htmlFor={id} className="mw-label">{label}</label>
      {children}
      {help && <p id={`${id}-help`} className="mw-help">{help}</p>}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
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
function RecipientReachWarning({ reach }: { reach: RecipientReach | null }) {
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

function SettingsForm({ initial, projectKey, onReload }: { initial: VersionedSettings; projectKey?: string; onReload: () => void }) {
  const client = useResolverClient();
  const [s, setS] = useState<AppSettings>(initial.settings);
  const [version, setVersion] = useState(initial.version);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [reach, setReach] = useState<RecipientReach | null>(null);
  const [busy, setBusy] = useState(false);
  const [desks, setDesks] = useState<Option[] | null>(null);
  const [overrideRows, setOverrideRows] = useState<[string, StatusBucket][]>(Object.entries(s.statusBucketOverrides));

  const update = (patch: Partial<AppSettings>) => {
    setSaved(false);
    setS((prev) => ({ ...prev, ...patch }));
  };

  const loadUsers = async (query: string): Promise<Option[]> =>
    (await client.call('searchUsers', { query })).map((u) => ({ value: u.accountId, label: u.emailAddress ? `${u.displayName} (${u.emailAddress})` : u.displayName }));
  const loadGroups = async (query: string): Promise<Option[]> => (await client.call('searchGroups', { query })).map((g) => ({ value: g.name, label: g.name }));
  const [desksLoading, setDesksLoading] = useState(false);
  useEffect(() => {
    // One bounded call; the project picker needs the names before the admin opens it.
    if (projectKey) return;
    let live = true;
    setDesksLoading(true);
    client
      .call('listServiceDesks', {})
      .then((list) => live && setDesks(list.map((d) => ({ value: d.key, label: `${d.name} (${d.key})` }))))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setDesksLoading(false));
    return () => {
      live = false;
    };
  }, [client, projectKey]);

  const save = async () => {
    setBusy(true);
    setErrors({});
    setConflict(false);
    setFailure(null);
    setSaved(false);
    setReach(null);
    const settings: AppSettings = { ...s, statusBucketOverrides: Object.fromEntries(overrideRows.filter(([k]) => k.trim())) };
    try {
      const next = await client.call('saveSettings', { settings, version });
      setS(next.settings);
      setVersion(next.version);
      setSaved(true);
      setReach(next.recipientReach ?? null);
    } catch (e) {
      if (e instanceof ResolverCallError && e.has('CONFLICT')) setConflict(true);
      else if (e instanceof ResolverCallError && e.has('VALIDATION')) setErrors(errorsByField(e.errors));
      else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string) => messagesFor(errors, field);
  const hasErrors = Object.keys(errors).length > 0;
  // Empty scope means every desk, so offer every desk's issue types.
  const issueTypeKeys = projectKey ? [projectKey] : s.projectKeys.length > 0 ? s.projectKeys : (desks ?? []).map((d) => d.value);

  return (
    <section aria-labelledby="settings-heading" className="mw-page">
      <Heading size="large" as="h1" id="settings-heading">{m.heading}</Heading>
      {initial.updatedAt && <p className="mw-muted">{m.lastSaved(initial.updatedByName ?? initial.updatedBy ?? '—', formatDateTime(initial.updatedAt))}</p>}
      {conflict && (
        <div role="alert" data-testid="settings-conflict">
          <SectionMessage appearance="warning" title={m.conflictTitle} actions={[<SectionMessageAction key="reload" onClick={onReload}>{m.reload}</SectionMessageAction>]}>
            <p>{m.conflictBody}</p>
          </SectionMessage>
        </div>
      )}
      {hasErrors && (
        <div role="alert">
          <SectionMessage appearance="error" title={m.invalid}>
            {(errors[GENERAL] ?? []).map((msg, i) => <p key={i}>{msg}</p>)}
          </SectionMessage>
        </div>
      )}
      <ProblemAlert problem={failure} />

      {!projectKey && (
        <>
          <Field id="serviceAccount" label={m.serviceAccount} help={m.serviceAccountHelp} errors={err('serviceAccount')}>
            <AsyncSelect<Option>
              inputId="serviceAccount"
              cacheOptions
              defaultOptions
              isClearable
              placeholder={m.searchPlaceholder}
              loadOptions={loadUsers}
              value={s.serviceAccount ? { value: s.serviceAccount, label: s.serviceAccount } : null}
              onChange={(o) => update({ serviceAccount: o ? o.value : undefined })}
            />
          </Field>
          <Field id="endUserGroups" label={m.endUserGroups} help={m.endUserGroupsHelp} errors={err('endUserGroups')}>
            <AsyncSelect<Option, true>
              inputId="endUserGroups"
              isMulti
              cacheOptions
              defaultOptions
              placeholder={m.searchPlaceholder}
              loadOptions={loadGroups}
              value={toOptions(s.endUserGroups)}
              onChange={(o) => update({ endUserGroups: o.map((x) => x.value) })}
            />
          </Field>
          <Field id="projectKeys" label={m.projects} help={m.projectsHelp} errors={err('projectKeys')}>
            <Select<Option, true>
              inputId="projectKeys"
              isMulti
              isLoading={desksLoading}
              options={desks ?? []}
              value={s.projectKeys.map((k) => desks?.find((d) => d.value === k) ?? { value: k, label: k })}
              onChange={(o) => update({ projectKeys: o.map((x) => x.value) })}
            />
          </Field>
        </>
      )}

      {issueTypeKeys.map((key) => (
        <Field key={key} id={`issueTypes-${key}`} label={m.issueTypes(key)} help={m.issueTypesHelp} errors={err(`issueTypesInScope.${key}`)}>
          <Textfield
            id={`issueTypes-${key}`}
            defaultValue={formatList(s.issueTypesInScope[key])}
            onBlur={(e) => update({ issueTypesInScope: { ...s.issueTypesInScope, [key]: parseList(e.currentTarget.value) } })}
          />
        </Field>
      ))}

      {!projectKey && (
        <>
          <fieldset className="mw-fieldset">
            <legend>{m.skills}</legend>
            {ALL_SKILLS.map((skill: MoveworksSkill) => (
              <Checkbox
                key={skill}
                label={m.skillNames[skill]}
                isChecked={s.skills.includes(skill)}
                onChange={(e) => update({ skills: e.currentTarget.checked ? [...s.skills, skill] : s.skills.filter((x) => x !== skill) })}
              />
            ))}
            <FieldMessages id="skills-error" messages={err('skills')} />
          </fieldset>

          <fieldset className="mw-fieldset">
            <legend>{m.buckets}</legend>
            {overrideRows.map(([status, bucket], i) => (
              <div key={i} className="mw-override-row">
                <div>
                  <label htmlFor={`override-status-${i}`} className="mw-label">{m.bucketStatus}</label>
                  <Textfield
                    id={`override-status-${i}`}
                    value={status}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setOverrideRows((rows) => rows.map((r, j) => (j === i ? [v, r[1]] : r)));
                    }}
                  />
                </div>
                <div>
                  <label htmlFor={`override-bucket-${i}`} className="mw-label">{m.bucket}</label>
                  <Select<Option>
                    inputId={`override-bucket-${i}`}
                    options={BUCKETS.map((b) => ({ value: b, label: m.bucketNames[b] }))}
                    value={{ value: bucket, label: m.bucketNames[bucket] }}
                    onChange={(o) => o && setOverrideRows((rows) => rows.map((r, j) => (j === i ? [r[0], o.value as StatusBucket] : r)))}
                  />
                </div>
                <Button appearance="subtle" onClick={() => setOverrideRows((rows) => rows.filter((_, j) => j !== i))}>
                  {m.removeOverride(status)}
                </Button>
              </div>
            ))}
            <Button onClick={() => setOverrideRows((rows) => [...rows, ['', 'in_progress']])}>{m.addOverride}</Button>
            <FieldMessages id="statusBucketOverrides-error" messages={err('statusBucketOverrides')} />
          </fieldset>

          <fieldset className="mw-fieldset">
            <legend>{m.schedule}</legend>
            <Field id="schedule" label={m.schedule} errors={err('schedule')}>
              <Select<Option>
                inputId="schedule"
                options={SCHEDULES.map((v) => ({ value: v, label: m.scheduleNames[v] }))}
                value={{ value: s.schedule, label: m.scheduleNames[s.schedule] }}
                onChange={(o) => o && update({ schedule: o.value as ReportSchedule })}
              />
            </Field>
            {s.schedule === 'weekly' && (
              <Field id="weekday" label={m.weekday} errors={err('weekday')}>
                <Select<Option>
                  inputId="weekday"
                  options={toOptions(WEEKDAYS)}
                  value={{ value: s.weekday, label: s.weekday }}
                  onChange={(o) => o && update({ weekday: o.value as Weekday })}
                />
              </Field>
            )}
            <Field id="sendWhen" label={m.sendWhen} errors={err('sendWhen')}>
              <Select<Option>
                inputId="sendWhen"
                options={(['always', 'changes'] as const).map((v) => ({ value: v, label: m.sendWhenNames[v] }))}
                value={{ value: s.sendWhen, label: m.sendWhenNames[s.sendWhen] }}
                onChange={(o) => o && update({ sendWhen: o.value as AppSettings['sendWhen'] })}
              />
            </Field>
            <Field id="recipientUsers" label={m.recipientUsers} errors={err('recipients.users')}>
              <AsyncSelect<Option, true>
                inputId="recipientUsers"
                isMulti
                cacheOptions
                placeholder={m.searchPlaceholder}
                loadOptions={loadUsers}
                value={toOptions(s.recipients.users)}
                onChange={(o) => update({ recipients: { ...s.recipients, users: o.map((x) => x.value) } })}
              />
            </Field>
            <Field id="recipientGroups" label={m.recipientGroups} errors={err('recipients.groups')}>
              <AsyncSelect<Option, true>
                inputId="recipientGroups"
                isMulti
                cacheOptions
                placeholder={m.searchPlaceholder}
                loadOptions={loadGroups}
                value={toOptions(s.recipients.groups)}
                onChange={(o) => update({ recipients: { ...s.recipients, groups: o.map((x) => x.value) } })}
              />
            </Field>
            <Field id="reportIssueKey" label={m.reportIssueKey} help={m.reportIssueKeyHelp} errors={err('reportIssueKey')}>
              <Textfield id="reportIssueKey" value={s.reportIssueKey ?? ''} onChange={(e) => update({ reportIssueKey: e.currentTarget.value || undefined })} />
            </Field>
            <Field id="reportProjectKey" label={m.reportProjectKey} help={m.reportProjectKeyHelp} errors={err('reportProjectKey')}>
              <Textfield id="reportProjectKey" value={s.reportProjectKey ?? ''} onChange={(e) => update({ reportProjectKey: e.currentTarget.value || undefined })} />
            </Field>
            <TestReport />
          </fieldset>
        </>
      )}

      <div className="mw-actions">
        <Button appearance="primary" onClick={save} isDisabled={busy} testId="save-settings">
          {busy ? m.saving : m.save}
        </Button>
        {saved && <span role="status">{m.saved}</span>}
      </div>
      <RecipientReachWarning reach={reach} />
    </section>
  );
}
