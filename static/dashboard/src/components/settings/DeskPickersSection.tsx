/**
 * Issue types in scope and status-bucket overrides, picked from what Jira has: the
 * chosen desk's request types' issue types and its workflows' statuses (getDeskOptions).
 * One desk at a time, so a site with hundreds of desks is not a page of text fields;
 * the desks narrowed elsewhere are listed. On a desk's own settings page, only its
 * issue types.
 */
import React, { useEffect, useState } from 'react';
import Select from '@atlaskit/select';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { StatusBucket } from '../../../../../src/shared/report-model';
import type { AppSettings, DeskOptions } from '../../../../../src/shared/resolver-api';
import { useResolverClient } from '../../api/client-context';
import { messages } from '../../messages';
import { issueTypeOptions, statusOptions, storedIssueTypes, storedStatus, type Option } from '../../model/settings-pickers';
import { FieldMessages } from '../FieldMessages';
import { SettingsField } from './SettingsField';

const m = messages.settings;
const BUCKETS: StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];

export type OverrideRow = [string, StatusBucket];

export interface DeskPickersSectionProps {
  settings: AppSettings;
  /** A desk's own settings page: only this desk, only its issue types. */
  projectKey?: string;
  desks: Option[] | null;
  errorsOf: (field: string) => string[];
  update: (patch: Partial<AppSettings>) => void;
  rows: OverrideRow[];
  rowProblems: (string | null)[];
  setRows: (next: (rows: OverrideRow[]) => OverrideRow[]) => void;
}

type Loaded = { key: string; options: DeskOptions | null; problem: string | null; loading: boolean };

function firstDesk(s: AppSettings, desks: Option[] | null): string | undefined {
  return Object.keys(s.issueTypesInScope)[0] ?? s.projectKeys[0] ?? desks?.[0]?.value;
}

export function DeskPickersSection({ settings: s, projectKey, desks, errorsOf, update, rows, rowProblems, setRows }: DeskPickersSectionProps) {
  const client = useResolverClient();
  const [chosen, setChosen] = useState<string | undefined>(projectKey);
  const deskKey = projectKey ?? chosen ?? firstDesk(s, desks);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!deskKey) return;
    let live = true;
    setLoaded({ key: deskKey, options: null, problem: null, loading: true });
    client
      .call('getDeskOptions', { projectKey: deskKey })
      .then((options) => live && setLoaded({ key: deskKey, options, problem: null, loading: false }))
      .catch((e: unknown) => live && setLoaded({ key: deskKey, options: null, problem: e instanceof Error ? e.message : String(e), loading: false }));
    return () => {
      live = false;
    };
  }, [client, deskKey]);

  const options = loaded && loaded.key === deskKey ? loaded.options : null;
  const deskLabel = (key: string) => desks?.find((d) => d.value === key)?.label ?? key;
  const narrowedElsewhere = Object.entries(s.issueTypesInScope)
    .filter(([k, v]) => k !== deskKey && v.length > 0)
    .map(([k, v]) => `${k}: ${v.length}`);
  const deskOptions = projectKey ? [] : (desks ?? []).filter((d) => s.projectKeys.length === 0 || s.projectKeys.includes(d.value));

  return (
    <section className="mw-fieldset" aria-labelledby="settings-desks" data-testid="desk-pickers">
      <h2 id="settings-desks" className="mw-section-title">{m.sections.desks}</h2>
      {!projectKey && (
        <SettingsField id="optionsDesk" label={m.desk} help={m.deskHelp} errors={[]}>
          <Select<Option>
            inputId="optionsDesk"
            options={deskOptions}
            value={deskKey ? { value: deskKey, label: deskLabel(deskKey) } : null}
            onChange={(o) => o && setChosen(o.value)}
          />
        </SettingsField>
      )}
      {loaded?.loading && <p className="mw-muted" role="status">{m.deskLoading}</p>}
      {loaded?.problem && deskKey && (
        <div role="alert">
          <SectionMessage appearance="warning"><p>{m.deskFailed(deskKey, loaded.problem)}</p></SectionMessage>
        </div>
      )}
      {deskKey && (
        <SettingsField id="issueTypes" label={m.issueTypes(deskLabel(deskKey))} help={m.issueTypesHelp} errors={errorsOf(`issueTypesInScope.${deskKey}`).concat(errorsOf('issueTypesInScope'))}>
          <Select<Option, true>
            inputId="issueTypes"
            testId="issue-types-picker"
            isMulti
            isLoading={loaded?.loading}
            options={issueTypeOptions(options)}
            value={storedIssueTypes(s.issueTypesInScope[deskKey] ?? [], options)}
            onChange={(o) => update({ issueTypesInScope: { ...s.issueTypesInScope, [deskKey]: o.map((x) => x.value) } })}
          />
        </SettingsField>
      )}
      {narrowedElsewhere.length > 0 && <p className="mw-muted">{m.narrowedElsewhere(narrowedElsewhere.join(', '))}</p>}

      {!projectKey && (
        <fieldset className="mw-fieldset mw-fieldset-plain" data-testid="status-overrides">
          <legend>{m.buckets}</legend>
          <p className="mw-help">{m.bucketsHelp}</p>
          {options?.statusesIncomplete && <p className="mw-muted">{m.statusesIncomplete}</p>}
          {rows.map(([status, bucket], i) => {
            const shown = status ? storedStatus(status, options) : null;
            return (
              <div key={i} className="mw-override-row" data-override-row={i}>
                <div>
                  <label htmlFor={`override-status-${i}`} className="mw-label">{m.bucketStatus}</label>
                  <Select<Option>
                    inputId={`override-status-${i}`}
                    isInvalid={rowProblems[i] !== null}
                    aria-invalid={rowProblems[i] !== null}
                    aria-errormessage={rowProblems[i] ? `override-status-${i}-error` : undefined}
                    isLoading={loaded?.loading}
                    options={statusOptions(options)}
                    value={shown}
                    onChange={(o) => o && setRows((all) => all.map((r, j) => (j === i ? [o.value, r[1]] : r)))}
                  />
                  <FieldMessages id={`override-status-${i}-error`} messages={rowProblems[i] ? [rowProblems[i]!] : []} />
                </div>
                <div>
                  <label htmlFor={`override-bucket-${i}`} className="mw-label">{m.bucket}</label>
                  <Select<Option>
                    inputId={`override-bucket-${i}`}
                    options={BUCKETS.map((b) => ({ value: b, label: m.bucketNames[b] }))}
                    value={{ value: bucket, label: m.bucketNames[bucket] }}
                    onChange={(o) => o && setRows((all) => all.map((r, j) => (j === i ? [r[0], o.value as StatusBucket] : r)))}
                  />
                </div>
                <Button appearance="subtle" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
                  {m.removeOverride(shown?.label ?? '')}
                </Button>
              </div>
            );
          })}
          <div>
            <Button onClick={() => setRows((all) => [...all, ['', 'in_progress']])}>{m.addOverride}</Button>
          </div>
          <FieldMessages id="statusBucketOverrides-error" messages={errorsOf('statusBucketOverrides')} />
        </fieldset>
      )}
    </section>
  );
}
