import type { SelectHTMLAttributes } from 'react';
import { useMinistries } from '../api/queries';
import { SelectField } from './Field';

interface Props extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  /** The first option, with value "" (e.g. "Alle", "Kies een ministerie"). */
  emptyLabel: string;
  /** A ministry that is not a choice here (the current lead when transferring). */
  except?: string | null;
}

/** A select of the current ministries by name; a default value given before they load is kept. */
export function MinistrySelect({ label, emptyLabel, except, defaultValue, ...select }: Props) {
  const ministries = useMinistries();
  const wanted = typeof defaultValue === 'string' ? defaultValue : '';
  return (
    <SelectField label={label} defaultValue={defaultValue} key={ministries.data ? 'geladen' : 'laden'} {...select}>
      <option value="">{emptyLabel}</option>
      {(ministries.data ?? [])
        .filter((m) => m.code !== except)
        .map((m) => (
          <option key={m.code} value={m.code}>
            {m.name}
          </option>
        ))}
      {wanted && !ministries.data ? <option value={wanted}>{wanted}</option> : null}
    </SelectField>
  );
}
