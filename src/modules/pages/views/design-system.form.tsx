/**
 * The design system's demo form: every field component in one form, with an error summary linked
 * to the fields in error and the submitted values kept. It posts back to the design system page,
 * which validates it for real.
 */
import { useUi } from '../../../ui/context.js';
import { Button, Checkboxes, CsrfField, ErrorSummary, Radios, Select, TextInput, Textarea } from '../../../ui/components/index.js';
import {
  DEMO_CONTACTS,
  DEMO_MUNICIPALITIES,
  DEMO_TOPICS,
  type DemoField,
  type DemoFormErrors,
  type DemoFormValues,
} from '../design-system.schemas.js';

/** The form's values and errors, and whether they come from a real submission. */
export interface DemoFormState {
  values: DemoFormValues;
  errors: DemoFormErrors;
  /** True after a POST: the error summary then takes focus (and the page confirms a valid form). */
  submitted: boolean;
}

const FIELD_ORDER: readonly DemoField[] = ['name', 'email', 'postcode', 'municipality', 'contact', 'topics', 'message'];

/** The form, in the error state it was given. */
export function DemoForm({ values, errors, submitted }: DemoFormState) {
  const { t, href } = useUi();
  const error = (field: DemoField) => (errors[field] ? t(errors[field]) : undefined);
  const summary = FIELD_ORDER.filter((f) => errors[f]).map((f) => ({ fieldId: `demo-${f}`, message: error(f)! }));
  return (
    <>
      <ErrorSummary errors={summary} autoFocus={submitted} />
      {/*
        novalidate: the server's messages, in the error summary, replace the browser's own bubbles.
        No #fragment on the action: navigating to a fragment moves focus, undoing the island's focus
        on the error summary.
      */}
      <form method="post" action={href('/design-system')} noValidate class="prose">
        <CsrfField />
        <TextInput
          id="demo-name"
          name="name"
          label={t('designSystem.form.name')}
          value={values.name}
          error={error('name')}
          autocomplete="name"
          spellcheck={false}
        />
        <TextInput
          id="demo-email"
          name="email"
          type="email"
          label={t('designSystem.form.email')}
          hint={t('designSystem.form.emailHint')}
          value={values.email}
          error={error('email')}
          autocomplete="email"
          spellcheck={false}
          width="medium"
        />
        <TextInput
          id="demo-postcode"
          name="postcode"
          label={t('designSystem.form.postcode')}
          hint={t('designSystem.form.postcodeHint')}
          value={values.postcode}
          error={error('postcode')}
          autocomplete="postal-code"
          inputMode="numeric"
          width="short"
          optional
        />
        <Select
          id="demo-municipality"
          name="municipality"
          label={t('designSystem.form.municipality')}
          placeholder={t('designSystem.form.municipalityPlaceholder')}
          options={DEMO_MUNICIPALITIES}
          value={values.municipality}
          error={error('municipality')}
          optional
        />
        <Radios
          id="demo-contact"
          name="contact"
          legend={t('designSystem.form.contact')}
          value={values.contact}
          error={error('contact')}
          options={DEMO_CONTACTS.map((c) => ({
            value: c,
            label: t(`designSystem.form.contactOption.${c}`),
            hint: c === 'email' ? undefined : t(`designSystem.form.contactHint.${c}`),
          }))}
        />
        <Checkboxes
          id="demo-topics"
          name="topics"
          legend={t('designSystem.form.topics')}
          hint={t('designSystem.form.topicsHint')}
          values={values.topics}
          error={error('topics')}
          options={DEMO_TOPICS.map((topic) => ({ value: topic, label: t(`designSystem.form.topicOption.${topic}`) }))}
          optional
        />
        <Textarea
          id="demo-message"
          name="message"
          label={t('designSystem.form.message')}
          hint={t('designSystem.form.messageHint')}
          value={values.message}
          error={error('message')}
          optional
        />
        <Button>{t('designSystem.form.submit')}</Button>
      </form>
    </>
  );
}
