/** What is checked: the end-user groups, the service desks in scope and the Moveworks skills. */
import React from 'react';
import Select, { AsyncSelect } from '@atlaskit/select';
import { Checkbox } from '@atlaskit/checkbox';
import { ALL_SKILLS, type MoveworksSkill } from '../../../../../src/shared/report-model';
import type { AppSettings } from '../../../../../src/shared/resolver-api';
import { messages } from '../../messages';
import type { Option } from '../../model/settings-pickers';
import { FieldMessages } from '../FieldMessages';
import { SettingsField } from './SettingsField';

const m = messages.settings;

export interface ScopeSectionProps {
  settings: AppSettings;
  desks: Option[] | null;
  desksLoading: boolean;
  errorsOf: (field: string) => string[];
  loadGroups: (query: string) => Promise<Option[]>;
  update: (patch: Partial<AppSettings>) => void;
}

export function ScopeSection({ settings: s, desks, desksLoading, errorsOf, loadGroups, update }: ScopeSectionProps) {
  return (
    <section className="mw-fieldset" aria-labelledby="settings-scope">
      <h2 id="settings-scope" className="mw-section-title">{m.sections.scope}</h2>
      <SettingsField id="endUserGroups" label={m.endUserGroups} help={m.endUserGroupsHelp} errors={errorsOf('endUserGroups')}>
        <AsyncSelect<Option, true>
          inputId="endUserGroups"
          isMulti
          cacheOptions
          defaultOptions
          placeholder={m.searchGroups}
          noOptionsMessage={({ inputValue }) => m.noMatches(inputValue)}
          loadOptions={loadGroups}
          value={s.endUserGroups.map((g) => ({ value: g, label: g }))}
          onChange={(o) => update({ endUserGroups: o.map((x) => x.value) })}
        />
      </SettingsField>
      <SettingsField id="projectKeys" label={m.projects} help={m.projectsHelp} errors={errorsOf('projectKeys')}>
        <Select<Option, true>
          inputId="projectKeys"
          isMulti
          isLoading={desksLoading}
          options={desks ?? []}
          value={s.projectKeys.map((k) => desks?.find((d) => d.value === k) ?? { value: k, label: k })}
          onChange={(o) => update({ projectKeys: o.map((x) => x.value) })}
        />
      </SettingsField>
      <fieldset className="mw-fieldset mw-fieldset-plain">
        <legend>{m.skills}</legend>
        {ALL_SKILLS.map((skill: MoveworksSkill) => (
          <Checkbox
            key={skill}
            label={m.skillNames[skill]}
            isChecked={s.skills.includes(skill)}
            onChange={(e) => update({ skills: e.currentTarget.checked ? [...s.skills, skill] : s.skills.filter((x) => x !== skill) })}
          />
        ))}
        <FieldMessages id="skills-error" messages={errorsOf('skills')} />
      </fieldset>
    </section>
  );
}
