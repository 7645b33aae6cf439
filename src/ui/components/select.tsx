/** A drop-down list with its label, hint and error. */
import { FieldShell, fieldIds, type FieldProps } from './field.js';

/** One option of a Select, Radios or Checkboxes. */
export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

/** Props of Select. */
export interface SelectProps extends FieldProps {
  options: readonly Option[];
  /** The submitted value, kept selected when the form comes back with errors. */
  value?: string | undefined;
  /** A first, empty option ("Choose…"), so nothing is pre-chosen for the user. */
  placeholder?: string;
}

/**
 * A labelled `<select>`. Prefer Radios for fewer than about seven options: they are all visible at
 * once and easier to use for people with low vision or tremor.
 */
export function Select(props: SelectProps) {
  const { id, name, hint, error, options, value, placeholder } = props;
  const { describedBy } = fieldIds(id, hint, error);
  return (
    <FieldShell {...props}>
      <select
        class={error ? 'select input--error' : 'select'}
        id={id}
        name={name}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
