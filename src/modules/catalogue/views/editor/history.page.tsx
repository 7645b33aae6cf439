/**
 * A service's history: each revision (who, when, what kind of change) with what changed, field by
 * field. Texts show a word-level diff: removed words in <del>, added words in <ins>, each with a
 * visually hidden "removed"/"added" for screen readers (which do not announce those elements). Pure.
 */
import type { Locale } from '../../../../config.js';
import { participantName } from '../../../../platform/gdpr.js';
import { formatDate, pick } from '../../../../platform/i18n.js';
import { Breadcrumbs, KeysetPagination, VisuallyHidden } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { ServiceRevision } from '../../services.queries.js';
import {
  ACCESSIBILITY,
  CHANNELS,
  SERVICE_STATUSES,
  TRANSLATED_FIELDS,
  type Accessibility,
  type Channel,
  type FieldChange,
  type ServiceStatus,
} from '../../services.model.js';
import { diffWords } from '../../text-diff.js';
import { languageName } from './language-name.js';

export interface HistoryPageProps {
  slug: string;
  name: Record<string, string>;
  revisions: ServiceRevision[];
  /** The cursor of this page (absent on the first), and of the next one. */
  before?: number | undefined;
  nextBefore: number | null;
  defaultLocale: Locale;
}

const TEXT_FIELDS = new Set<string>([...TRANSLATED_FIELDS]);

/** Splits text into lines for display (no CSS needed to keep line breaks). */
function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        <span key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </span>
      ))}
    </>
  );
}

/** The before → after of one text, as a word diff. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const { t } = useUi();
  return (
    <p>
      {diffWords(before, after).map((part, i) =>
        part.type === 'same' ? (
          <Lines key={i} text={part.text} />
        ) : part.type === 'removed' ? (
          <del key={i}>
            <VisuallyHidden>{`[${t('serviceEditor.history.removed')}: `}</VisuallyHidden>
            <Lines text={part.text} />
            <VisuallyHidden>]</VisuallyHidden>
          </del>
        ) : (
          <ins key={i}>
            <VisuallyHidden>{`[${t('serviceEditor.history.added')}: `}</VisuallyHidden>
            <Lines text={part.text} />
            <VisuallyHidden>]</VisuallyHidden>
          </ins>
        ),
      )}
    </p>
  );
}

/** "Summary (Français)" for `summary.fr`, "Channels" for `channels`. */
function FieldLabel({ field }: { field: string }) {
  const { t, locale } = useUi();
  const [base, lang] = field.split('.') as [string, string | undefined];
  const known = new Set<string>([
    ...TRANSLATED_FIELDS,
    'slug',
    'organisation',
    'sector',
    'lifeEvents',
    'keywords',
    'channels',
    'onlineUrl',
    'isFree',
    'costAmount',
    'costCurrency',
    'processingTime',
    'contactEmail',
    'contactPhone',
    'contactPage',
    'languages',
    'accessibility',
    'accessibilityUrl',
    'related',
    'status',
    'identifier',
  ]);
  const label = known.has(base) ? t(`serviceEditor.fields.${base as 'slug'}`) : base;
  if (!lang) return <>{label}</>;
  return <>{`${label} (${languageName(lang, locale)})`}</>;
}

/** A recorded value in words: statuses, channels, accessibility, yes/no and languages are codes. */
function useValueText() {
  const { t, locale } = useUi();
  const list = (v: string, one: (item: string) => string) =>
    v
      .split(', ')
      .map((item) => one(item))
      .join(', ');
  return (field: string, value: string): string => {
    switch (field) {
      case 'status':
        return (SERVICE_STATUSES as readonly string[]).includes(value) ? t(`serviceEditor.status.${value as ServiceStatus}`) : value;
      case 'channels':
        return list(value, (c) => ((CHANNELS as readonly string[]).includes(c) ? t(`serviceEditor.channels.${c as Channel}`) : c));
      case 'accessibility':
        return (ACCESSIBILITY as readonly string[]).includes(value) ? t(`serviceEditor.accessibility.${value as Accessibility}`) : value;
      case 'isFree':
        return value === 'yes' ? t('serviceEditor.form.yes') : value === 'no' ? t('serviceEditor.form.no') : value;
      case 'languages':
        return list(value, (l) => languageName(l, locale));
      default:
        return value;
    }
  };
}

function Change({ change }: { change: FieldChange }) {
  const { t } = useUi();
  const valueText = useValueText();
  const base = change.field.split('.')[0]!;
  const none = <em>{t('serviceEditor.history.empty')}</em>;
  return (
    <div>
      <dt>
        <FieldLabel field={change.field} />
      </dt>
      <dd>
        {TEXT_FIELDS.has(base) && change.before !== null && change.after !== null ? (
          <TextDiff before={change.before} after={change.after} />
        ) : (
          <p>
            {change.before === null ? (
              none
            ) : (
              <del>
                <VisuallyHidden>{`[${t('serviceEditor.history.removed')}: `}</VisuallyHidden>
                <Lines text={valueText(base, change.before)} />
                <VisuallyHidden>]</VisuallyHidden>
              </del>
            )}
            {' → '}
            {change.after === null ? (
              none
            ) : (
              <ins>
                <VisuallyHidden>{`[${t('serviceEditor.history.added')}: `}</VisuallyHidden>
                <Lines text={valueText(base, change.after)} />
                <VisuallyHidden>]</VisuallyHidden>
              </ins>
            )}
          </p>
        )}
      </dd>
    </div>
  );
}

export function HistoryPage({ slug, name, revisions, before, nextBefore, defaultLocale }: HistoryPageProps) {
  const { t, href, locale } = useUi();
  const title = pick(name, locale, defaultLocale) || slug;
  const base = href(`/manage/services/${slug}/history`);
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('serviceEditor.list.title'), href: href('/manage/services') },
          { label: title, href: href(`/manage/services/${slug}`) },
          { label: t('serviceEditor.history.crumb') },
        ]}
      />
      <h1>{t('serviceEditor.history.title', { name: title })}</h1>
      <p class="lead">{t('serviceEditor.history.lead')}</p>
      {revisions.length === 0 ? <p>{t('serviceEditor.history.none')}</p> : null}
      {revisions.map((r) => (
        <section key={r.id} aria-labelledby={`revision-${r.id}`}>
          <h2 id={`revision-${r.id}`}>
            {t('serviceEditor.history.revision', { version: r.version, action: t(`serviceEditor.actions.${r.action as 'update'}`) })}
          </h2>
          <p>
            {r.author === null ? t('serviceEditor.history.commandLine') : participantName(r.author.displayName, t)}
            {' · '}
            <time dateTime={r.createdAt}>{formatDate(locale, r.createdAt, 'datetime')}</time>
          </p>
          {r.version === 1 ? (
            <p>{t('serviceEditor.history.createdFields', { count: r.changes.length })}</p>
          ) : (
            <dl>
              {r.changes.map((c) => (
                <Change key={c.field} change={c} />
              ))}
            </dl>
          )}
        </section>
      ))}
      <KeysetPagination
        label={t('serviceEditor.history.pagination')}
        newestHref={before ? base : null}
        olderHref={nextBefore ? `${base}?before=${nextBefore}` : null}
      />
    </div>
  );
}
