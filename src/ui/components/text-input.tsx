/** A single-line text field with its label, hint and error. */
import { FieldShell, fieldIds, type FieldProps } from './field.js';

/** Props of TextInput. */
export interface TextInputProps extends FieldProps {
  /** The submitted value, kept when the form comes back with errors. */
  value?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'search';
  /** The autocomplete token (name, email, postal-code…), so browsers can fill it in (WCAG 1.3.5). */
  autocomplete?: string;
  /** Numbers are typed as text with a numeric keyboard: type=number mangles postcodes and ids. */
  inputMode?: 'numeric' | 'decimal' | 'email' | 'tel' | 'url' | 'text';
  spellcheck?: boolean;
  /** The width hints at the expected length: short (postcode), medium (email), full (default). */
  width?: 'short' | 'medium' | 'full';
}

/** A labelled `<input>` wired to its hint and error through `aria-describedby` and `aria-invalid`. */
export function TextInput(props: TextInputProps) {
  const { id, name, hint, error, value, type = 'text', autocomplete, inputMode, spellcheck, width = 'full' } = props;
  const { describedBy } = fieldIds(id, hint, error);
  const cls = ['input', width === 'full' ? '' : `input--${width}`, error ? 'input--error' : ''].filter(Boolean).join(' ');
  return (
    <FieldShell {...props}>
      <input
        class={cls}
        id={id}
        name={name}
        type={type}
        value={value ?? ''}
        autocomplete={autocomplete}
        inputMode={inputMode}
        spellcheck={spellcheck}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
    </FieldShell>
  );
}
