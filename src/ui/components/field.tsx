/**
 * What every form field shares: a label, an optional hint, an optional error message, and the ids
 * that tie them to the control. Each field component composes these; a page never wires ids by hand.
 */
import type { ComponentChildren } from 'preact';
import { useUi } from '../context.js';
import { VisuallyHidden } from './visually-hidden.js';

/** Props common to every field. `id` is the control's id: the error summary links to `#id`. */
export interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  /** The error message from server-side validation; its presence puts the field in error. */
  error?: string | undefined;
  /** Marks the label "(optional)": we mark the few optional fields, not the many required ones. */
  optional?: boolean;
}

/** The ids of a field's hint and error, and the `aria-describedby` value that lists those present. */
export function fieldIds(id: string, hint: string | undefined, error: string | undefined) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { hintId, errorId, describedBy };
}

/** The label text with "(optional)" appended when asked. */
export function LabelText({ label, optional }: { label: string; optional?: boolean | undefined }) {
  const { t } = useUi();
  return (
    <>
      {label}
      {optional ? ` ${t('components.field.optional')}` : null}
    </>
  );
}

/** A hint under the label: format, example, where to find a number. */
export function Hint({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={id} class="field__hint">
      {children}
    </div>
  );
}

/**
 * The error message, prefixed with a visually hidden "Error:" so a screen reader announcing the
 * field's description says what kind of text it is, as sighted users see from the red.
 */
export function ErrorMessage({ id, children }: { id: string; children: ComponentChildren }) {
  const { t } = useUi();
  return (
    <p id={id} class="field__error">
      <VisuallyHidden>{t('components.field.errorPrefix')}</VisuallyHidden> {children}
    </p>
  );
}

/** The wrapper of a single-control field: label, hint, error, then the control. */
export function FieldShell(props: FieldProps & { children: ComponentChildren }) {
  const { id, label, hint, error, optional, children } = props;
  const { hintId, errorId } = fieldIds(id, hint, error);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for={id}>
        <LabelText label={label} optional={optional} />
      </label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}
