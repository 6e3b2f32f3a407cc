/**
 * Settings: the form's state and its save; each part of the form is its own section
 * component (components/settings/). Saves name the version they were read at; a
 * CONFLICT is shown with a reload, VALIDATION errors under their field. `projectKey`
 * narrows the form to one desk's issue types (project settings page).
 */
import React, { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import type { AppSettings, RecipientReach, ServiceDeskOption, VersionedSettings } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { useResolver } from '../api/use-resolver';
import { ResolverCallError } from '../api/resolver-client';
import { ErrorView, Loading } from '../components/LoadStates';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { DeskPickersSection, type OverrideRow } from '../components/settings/DeskPickersSection';
import { ParitySection } from '../components/settings/ParitySection';
import { RecipientReachWarning, ReportSection } from '../components/settings/ReportSection';
import { ScopeSection } from '../components/settings/ScopeSection';
import { ServiceAccountField } from '../components/settings/ServiceAccountField';
import { usePickers } from '../components/settings/use-pickers';
import { errorsByField, GENERAL, messagesFor } from '../model/settings-form';
import { overrideRowProblems, storedStatus } from '../model/settings-pickers';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';

const m = messages.settings;

export function SettingsPage({ projectKey }: { projectKey?: string }) {
  const { state, reload } = useResolver('getSettings', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <SettingsForm key={state.data.version} initial={state.data} projectKey={projectKey} onReload={reload} />;
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
  const [deskList, setDeskList] = useState<ServiceDeskOption[] | null>(null);
  const [desksLoading, setDesksLoading] = useState(false);
  const [rows, setRows] = useState<OverrideRow[]>(Object.entries(s.statusBucketOverrides));
  const [showRowProblems, setShowRowProblems] = useState(false);
  const pickers = usePickers(initial.accountNames);

  const update = (patch: Partial<AppSettings>) => {
    setSaved(false);
    setS((prev) => ({ ...prev, ...patch }));
  };

  useEffect(() => {
    // One bounded call; the desk pickers need the names before the admin opens them.
    if (projectKey) return;
    let live = true;
    setDesksLoading(true);
    client
      .call('listServiceDesks', {})
      .then((list) => live && setDeskList(list))
      .catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setDesksLoading(false));
    return () => {
      live = false;
    };
  }, [client, projectKey]);
  const desks = deskList?.map((d) => ({ value: d.key, label: `${d.name} (${d.key})` })) ?? null;

  const rowProblems = showRowProblems ? overrideRowProblems(rows, (status) => storedStatus(status, null).label) : rows.map(() => null);

  const save = async () => {
    setErrors({});
    setConflict(false);
    setFailure(null);
    setSaved(false);
    setReach(null);
    // An override row without a status, or a status twice, is said at its row, never dropped silently.
    if (overrideRowProblems(rows, (status) => status).some((p) => p !== null)) {
      setShowRowProblems(true);
      setErrors({ [GENERAL]: [] });
      return;
    }
    setShowRowProblems(false);
    setBusy(true);
    const settings: AppSettings = { ...s, statusBucketOverrides: Object.fromEntries(rows) };
    try {
      const next = await client.call('saveSettings', { settings, version });
      setS(next.settings);
      setVersion(next.version);
      setSaved(true);
      setReach(next.recipientReach ?? null);
      if (next.accountNames) pickers.remember(Object.entries(next.accountNames).map(([value, label]) => ({ value, label })));
    } catch (e) {
      if (e instanceof ResolverCallError && e.has('CONFLICT')) setConflict(true);
      else if (e instanceof ResolverCallError && e.has('VALIDATION')) setErrors(errorsByField(e.errors));
      else setFailure(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const errorsOf = (field: string) => messagesFor(errors, field);
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <section aria-labelledby="settings-heading" className="mw-page" data-testid="settings-page">
      <PageTitle id="settings-heading" title={m.heading} />
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
          <section className="mw-fieldset" aria-labelledby="settings-account">
            <h2 id="settings-account" className="mw-section-title">{m.sections.account}</h2>
            <ServiceAccountField
              value={s.serviceAccount}
              names={pickers.names}
              errors={errorsOf('serviceAccount')}
              loadPeople={pickers.loadPeople}
              onChange={(value, picked) => {
                if (picked) pickers.remember([picked]);
                update({ serviceAccount: value });
              }}
            />
          </section>
          <ScopeSection settings={s} desks={desks} desksLoading={desksLoading} errorsOf={errorsOf} loadGroups={pickers.loadGroups} update={update} />
        </>
      )}

      <DeskPickersSection
        settings={s}
        {...(projectKey ? { projectKey } : {})}
        desks={desks}
        errorsOf={errorsOf}
        update={update}
        rows={rows}
        rowProblems={rowProblems}
        setRows={(next) => {
          setSaved(false);
          setRows(next);
        }}
      />

      {!projectKey && <ParitySection settings={s} desks={desks} errorsOf={errorsOf} update={update} />}

      {!projectKey && (
        <ReportSection
          settings={s}
          names={pickers.names}
          deskList={deskList}
          errorsOf={errorsOf}
          loadPeople={pickers.loadPeople}
          loadGroups={pickers.loadGroups}
          remember={pickers.remember}
          update={update}
        />
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
