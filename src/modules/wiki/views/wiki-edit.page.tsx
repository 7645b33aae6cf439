/**
 * Writing a page: title, kind (new pages), the Markdown text, and what changed (for the history).
 * The revision the editor starts from travels with the form, so a save from an old revision is
 * merged with what was saved since, or comes back here as a conflict: the current version shown
 * beside, the editor's own text kept in the box, to reconcile and save again. Pure.
 */
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Select,
  TextInput,
  Textarea,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { MessageKey } from '../../../platform/i18n.js';
import { PAGE_TYPES, type PageType } from '../wiki.model.js';
import type { WikiCategory } from '../wiki-categories.js';

export interface WikiEditValues {
  title: string;
  body: string;
  summary: string;
  type: PageType;
  /** A category's slug, or '' for none. */
  category: string;
  baseRevisionId: string;
}

export type WikiEditErrors = Partial<Record<'title' | 'body' | 'summary' | 'type' | 'category', MessageKey>>;

export interface WikiEditProps {
  /** The page's slug; '' for a new page (its address comes from its title). */
  slug: string;
  /** Where the form posts. */
  action: string;
  /** Null when the page does not exist yet; `pendingReview` when changes in the text wait for review. */
  existing: { title: string; pendingReview?: boolean | undefined } | null;
  /** The categories a new page may be filed in (none for an existing page). */
  categories: readonly WikiCategory[];
  values: WikiEditValues;
  errors: WikiEditErrors;
  /** The version saved by someone else since the editor's base, when their edits overlap. */
  conflict?: { title: string; body: string } | undefined;
}

export function WikiEditPage({ slug, action, existing, categories, values, errors, conflict }: WikiEditProps) {
  const { t, href } = useUi();
  const heading = existing ? t('wiki.edit.titleEdit', { title: existing.title }) : t('wiki.edit.titleNew');
  const summary = (['title', 'type', 'category', 'body', 'summary'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `wiki-${f}`, message: t(errors[f]) }] : [],
  );
  const back = existing ? href(`/wiki/${slug}`) : href('/wiki');
  // A new guide or sheet still holding its usual sections as they came: say what to do with them.
  const untouchedTemplate =
    !existing && (values.type === 'guide' || values.type === 'good_practice') && values.body === t(`wiki.template.${values.type}`);
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('wiki.index.title'), href: href('/wiki') },
          ...(existing ? [{ label: existing.title, href: href(`/wiki/${slug}`) }] : []),
          { label: existing ? t('wiki.page.edit') : t('wiki.edit.titleNew') },
        ]}
      />
      <ErrorSummary errors={summary} />
      <h1>{heading}</h1>
      {existing?.pendingReview && !conflict ? <p>{t('wiki.review.editingPending')}</p> : null}
      {untouchedTemplate ? <p>{t('wiki.edit.templateLead')}</p> : null}
      {conflict ? (
        <NotificationBanner id="wiki-conflict" title={t('wiki.conflict.title')}>
          <p>{t('wiki.conflict.lead')}</p>
        </NotificationBanner>
      ) : null}
      {conflict ? (
        <section aria-labelledby="wiki-current">
          <h2 id="wiki-current">{t('wiki.conflict.current')}</h2>
          <p>
            <strong>{conflict.title}</strong>
          </p>
          <pre class="wiki-source">{conflict.body}</pre>
          <h2>{t('wiki.conflict.yours')}</h2>
        </section>
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField />
        <input type="hidden" name="baseRevisionId" value={values.baseRevisionId} />
        <TextInput
          id="wiki-title"
          name="title"
          label={t('wiki.edit.fieldTitle')}
          hint={t('wiki.edit.fieldTitleHint')}
          value={values.title}
          error={errors.title ? t(errors.title) : undefined}
        />
        {existing ? null : (
          <>
            <Select
              id="wiki-type"
              name="type"
              label={t('wiki.edit.fieldType')}
              options={PAGE_TYPES.map((type) => ({ value: type, label: t(`wiki.type.${type}`) }))}
              value={values.type}
              error={errors.type ? t(errors.type) : undefined}
            />
            <Select
              id="wiki-category"
              name="category"
              label={t('wiki.edit.fieldCategory')}
              hint={t('wiki.edit.fieldCategoryHint')}
              options={[{ value: '', label: t('wiki.category.none') }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
              value={values.category}
              optional
              error={errors.category ? t(errors.category) : undefined}
            />
          </>
        )}
        <Textarea
          id="wiki-body"
          name="body"
          label={t('wiki.edit.fieldBody')}
          hint={t('wiki.edit.fieldBodyHint')}
          value={values.body}
          rows={20}
          error={errors.body ? t(errors.body) : undefined}
        />
        <TextInput
          id="wiki-summary"
          name="summary"
          label={t('wiki.edit.fieldSummary')}
          hint={t('wiki.edit.fieldSummaryHint')}
          value={values.summary}
          optional
          error={errors.summary ? t(errors.summary) : undefined}
        />
        <div class="button-group">
          <Button>{t('wiki.edit.save')}</Button>
          <a href={back}>{t('wiki.edit.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
