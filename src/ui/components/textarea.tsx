/** A multi-line text field with its label, hint and error. */
import { FieldShell, fieldIds, type FieldProps } from './field.js';

/** Props of Textarea. */
export interface TextareaProps extends FieldProps {
  /** The submitted value, kept when the form comes back with errors. */
  value?: string | undefined;
  rows?: number;
  autocomplete?: string;
}

/** A labelled `<textarea>` that grows vertically only, so it never widens the page. */
export function Textarea(props: TextareaProps) {
  const { id, name, hint, error, value = '', rows = 5, autocomplete } = props;
  const { describedBy } = fieldIds(id, hint, error);
  return (
    <FieldShell {...props}>
      <textarea
        class={error ? 'textarea input--error' : 'textarea'}
        id={id}
        name={name}
        rows={rows}
        autocomplete={autocomplete}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      >
        {/* HTML drops one newline right after <textarea>: add one back so a leading blank line survives. */}
        {value.startsWith('\n') ? `\n${value}` : value}
      </textarea>
    </FieldShell>
  );
}
