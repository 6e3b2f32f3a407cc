/**
 * Non-production parity: pairs of a production desk and the desk Moveworks was tuned
 * on (saved with the settings), and the import of a sandbox site's report as the
 * non-production side (stored at once, refused whole when it is not a report).
 */
import React, { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import SectionMessage from '@atlaskit/section-message';
import type { ParityPair } from '../../../../../src/shared/report-model';
import type { ParityImportSummary } from '../../../../../src/shared/parity-model';
import type { AppSettings } from '../../../../../src/shared/resolver-api';
import { useResolverClient } from '../../api/client-context';
import { messages } from '../../messages';
import type { Option } from '../../model/settings-pickers';
import { formatDateTime } from '../../model/status-display';
import { FieldMessages } from '../FieldMessages';

const m = messages.parity.settings;

export interface ParitySectionProps {
  settings: AppSettings;
  desks: Option[] | null;
  errorsOf: (field: string) => string[];
  update: (patch: Partial<AppSettings>) => void;
}

const IMPORTED_PREFIX = 'imported:';

export function ParitySection({ settings: s, desks, errorsOf, update }: ParitySectionProps) {
  const client = useResolverClient();
  const [imported, setImported] = useState<ParityImportSummary | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const pairs = s.parityPairs ?? [];

  useEffect(() => {
    let live = true;
    client
      .call('getParity', {})
      .then((view) => live && setImported(view.imported))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client]);

  const siteOptions = desks ?? [];
  const counterpartOptions: Option[] = [
    ...siteOptions,
    ...(imported?.desks ?? []).map((d) => ({ value: `${IMPORTED_PREFIX}${d.key}`, label: m.importedDesk(d.name, d.key) })),
  ];
  const setPairs = (next: ParityPair[]) => update({ parityPairs: next });
  const label = (key: string) => siteOptions.find((d) => d.value === key)?.label ?? key;
  const counterpartValue = (p: ParityPair): Option =>
    p.source === 'imported'
      ? { value: `${IMPORTED_PREFIX}${p.nonProduction}`, label: m.importedDesk(imported?.desks.find((d) => d.key === p.nonProduction)?.name ?? p.nonProduction, p.nonProduction) }
      : { value: p.nonProduction, label: label(p.nonProduction) };
  const fromCounterpart = (production: string, value: string): ParityPair =>
    value.startsWith(IMPORTED_PREFIX) ? { production, nonProduction: value.slice(IMPORTED_PREFIX.length), source: 'imported' } : { production, nonProduction: value };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setImportProblem(null);
    try {
      const text = await file.text();
      setImported(await client.call('importParityReport', { text, fileName: file.name }));
    } catch (e) {
      setImportProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setImporting(false);
    }
  };
  const clear = async () => {
    setImportProblem(null);
    try {
      await client.call('clearParityReport', {});
      setImported(null);
    } catch (e) {
      setImportProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="mw-fieldset" aria-labelledby="settings-parity" data-testid="settings-parity">
      <h2 id="settings-parity" className="mw-section-title">{m.heading}</h2>
      <p className="mw-muted">{m.intro}</p>
      <table className="mw-table" data-testid="parity-pairs">
        <caption className="mw-visually-hidden">{m.heading}</caption>
        <thead>
          <tr>
            <th scope="col">{m.production}</th>
            <th scope="col">{m.nonProduction}</th>
            <th scope="col"><span className="mw-visually-hidden">{m.remove}</span></th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p, i) => (
            <tr key={`${p.production}-${i}`}>
              <td>
                <Select<Option>
                  inputId={`parity-production-${i}`}
                  aria-label={m.production}
                  options={siteOptions}
                  value={{ value: p.production, label: label(p.production) }}
                  onChange={(o) => o && setPairs(pairs.map((x, j) => (j === i ? { ...x, production: o.value } : x)))}
                />
              </td>
              <td>
                <Select<Option>
                  inputId={`parity-counterpart-${i}`}
                  aria-label={m.nonProduction}
                  options={counterpartOptions}
                  value={counterpartValue(p)}
                  onChange={(o) => o && setPairs(pairs.map((x, j) => (j === i ? fromCounterpart(x.production, o.value) : x)))}
                />
              </td>
              <td>
                <Button appearance="subtle" onClick={() => setPairs(pairs.filter((_, j) => j !== i))}>{m.remove}</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pairs.length === 0 && <p className="mw-muted">{m.none}</p>}
      <FieldMessages id="parityPairs-error" messages={errorsOf('parityPairs')} />
      <Button
        onClick={() => {
          const first = siteOptions[0]?.value;
          if (first) setPairs([...pairs, { production: first, nonProduction: siteOptions[1]?.value ?? first }]);
        }}
        isDisabled={siteOptions.length === 0}
        testId="parity-add-pair"
      >
        {m.add}
      </Button>

      <h3 className="mw-section-title">{m.importHeading}</h3>
      <p className="mw-muted">{m.importIntro}</p>
      {imported ? (
        <p data-testid="parity-imported">
          {m.importedSummary(imported.fileName ?? '—', imported.baseUrl, formatDateTime(imported.generatedAt), imported.desks.length)}{' '}
          <Button appearance="subtle" onClick={clear}>{m.clear}</Button>
        </p>
      ) : (
        <p className="mw-muted">{m.noImport}</p>
      )}
      <label className="mw-file-label">
        {importing ? m.importing : m.chooseFile}
        <input type="file" accept="application/json,.json" disabled={importing} onChange={(e) => void onFile(e.currentTarget.files?.[0])} data-testid="parity-import-file" />
      </label>
      {importProblem && (
        <div role="alert">
          <SectionMessage appearance="error" title={m.importRefused}>
            <p>{importProblem}</p>
          </SectionMessage>
        </div>
      )}
    </section>
  );
}
