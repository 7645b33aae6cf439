/**
 * Radios and checkboxes: a question with several answers, asked in a `<fieldset>` whose `<legend>`
 * is the question, so screen readers announce it with each option.
 */
import { ErrorMessage, Hint, LabelText, fieldIds, type FieldProps } from './field.js';

/** One answer; its hint (if any) is tied to its own input. */
export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string | undefined;
}

interface ChoicesProps extends Omit<FieldProps, 'label'> {
  /** The question, rendered as the fieldset's legend. */
  legend: string;
  options: readonly ChoiceOption[];
  /** Options side by side (two short answers such as Yes / No), otherwise stacked. */
  inline?: boolean;
}

/** Props of Radios: the question, the answers, and the one submitted value. */
export interface RadiosProps extends ChoicesProps {
  /** The submitted value, kept checked when the form comes back with errors. */
  value?: string | undefined;
}

/** Props of Checkboxes: the question, the answers, and the submitted values. */
export interface CheckboxesProps extends ChoicesProps {
  /** The submitted values, kept checked when the form comes back with errors. */
  values?: readonly string[] | undefined;
}

/** One answer among several. Use when the user must pick exactly one and the options are few. */
export function Radios(props: RadiosProps) {
  return <ChoiceGroup {...props} type="radio" isChecked={(v) => v === props.value} />;
}

/** Any number of answers, including none. Use "select all that apply" in the hint. */
export function Checkboxes(props: CheckboxesProps) {
  return <ChoiceGroup {...props} type="checkbox" isChecked={(v) => props.values?.includes(v) ?? false} />;
}

/**
 * The first input takes the field's own id, so an error summary link `#id` lands on the first
 * answer; the others take `id-2`, `id-3`… (the GOV.UK convention).
 */
function ChoiceGroup(props: ChoicesProps & { type: 'radio' | 'checkbox'; isChecked: (value: string) => boolean }) {
  const { id, name, legend, hint, error, optional, options, inline, type, isChecked } = props;
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <fieldset class={inline ? 'choices choices--inline' : 'choices'} aria-describedby={describedBy}>
        <legend class="choices__legend">
          <LabelText label={legend} optional={optional} />
        </legend>
        {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
        {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <ul class="choices__list">
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            const itemHintId = o.hint ? `${inputId}-item-hint` : undefined;
            return (
              <li class="choice" key={o.value}>
                <input
                  type={type}
                  id={inputId}
                  name={name}
                  value={o.value}
                  checked={isChecked(o.value)}
                  aria-describedby={itemHintId}
                  aria-invalid={error ? 'true' : undefined}
                />
                <div>
                  <label for={inputId}>{o.label}</label>
                  {itemHintId ? (
                    <div id={itemHintId} class="choice__hint">
                      {o.hint}
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
