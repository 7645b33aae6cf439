/** The outcome banner and the refusal summary shared by the taxonomy lists. */
import type { FieldError } from '../../../../platform/errors.js';
import type { MessageKey } from '../../../../platform/i18n.js';
import { ErrorSummary, NotificationBanner } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { TaxonomyOutcome } from '../../taxonomy.schemas.js';

/** A success banner after a redirect, or the summary of why a delete was refused (linking to the row). */
export function TaxonomyNotices({ done, errors = [] }: { done?: TaxonomyOutcome | undefined; errors?: FieldError[] }) {
  const { t } = useUi();
  return (
    <>
      {done ? (
        <NotificationBanner id="taxonomy-done" type="success">
          <p>{t(`taxonomy.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary
        title={t('taxonomy.refused')}
        errors={errors.map((e) => ({ fieldId: `row-${e.field}`, message: t(e.message as MessageKey) }))}
      />
    </>
  );
}
