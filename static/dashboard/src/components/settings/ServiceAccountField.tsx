/**
 * The Moveworks service account: required. Opening the picker suggests people; a
 * picked person shows by name; an e-mail address may be typed as it is.
 */
import React from 'react';
import { AsyncCreatableSelect } from '@atlaskit/select';
import { EMAIL_ADDRESS } from '../../../../../src/shared/identifiers';
import { messages } from '../../messages';
import { storedPerson, type Option } from '../../model/settings-pickers';
import { SettingsField } from './SettingsField';

const m = messages.settings;

export interface ServiceAccountFieldProps {
  value: string | undefined;
  names: Readonly<Record<string, string>>;
  errors: string[];
  loadPeople: (query: string) => Promise<Option[]>;
  onChange: (value: string | undefined, picked?: Option) => void;
}

export function ServiceAccountField({ value, names, errors, loadPeople, onChange }: ServiceAccountFieldProps) {
  return (
    <SettingsField id="serviceAccount" label={m.serviceAccount} help={m.serviceAccountHelp} errors={errors}>
      <AsyncCreatableSelect<Option>
        inputId="serviceAccount"
        testId="service-account-picker"
        cacheOptions
        defaultOptions
        isClearable
        isInvalid={errors.length > 0}
        aria-invalid={errors.length > 0}
        aria-errormessage={errors.length > 0 ? 'serviceAccount-error' : undefined}
        placeholder={m.searchPeople}
        noOptionsMessage={({ inputValue }) => m.noMatches(inputValue)}
        loadOptions={loadPeople}
        isValidNewOption={(input) => EMAIL_ADDRESS.test(input.trim())}
        formatCreateLabel={(input) => m.useTyped(input.trim())}
        onCreateOption={(input) => onChange(input.trim())}
        value={value ? storedPerson(value, names) : null}
        onChange={(o) => onChange(o ? o.value : undefined, o ?? undefined)}
      />
    </SettingsField>
  );
}
