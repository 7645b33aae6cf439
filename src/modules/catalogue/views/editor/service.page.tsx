/**
 * A service as its editors see it: status, versions and dates, what to do next (edit, publish,
 * withdraw, return to draft, history, the public page), which translations are missing, and a
 * read-only preview of what citizens will read. Pure.
 */
import type { Locale } from '../../../../config.js';
import type { FieldError } from '../../../../platform/errors.js';
import { formatDate, pick, type MessageKey } from '../../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, NotificationBanner } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { ServiceOutcome } from '../../editor.schemas.js';
import { TRANSLATED_FIELDS, missingTranslations, type ServiceStatus } from '../../services.model.js';
import type { ServiceRecord } from '../../services.queries.js';
import { controlId } from '../../editor.schemas.js';
import { languageName } from './language-name.js';
import { StatusTag } from './status-tag.js';

export interface ServicePageProps {
  service: ServiceRecord;
  /** Translated (JSON). */
  organisationName: string;
  done?: ServiceOutcome | undefined;
  /** Why the last action was refused (a publish of an incomplete service, a stale page). */
  errors?: FieldError[];
  defaultLocale: Locale;
}

/** The status changes offered from each status, in the order of the buttons. */
const NEXT: Record<ServiceStatus, ServiceStatus[]> = {
  draft: ['published'],
  published: ['withdrawn', 'draft'],
  withdrawn: ['published', 'draft'],
};

export function ServicePage({ service, organisationName, done, errors = [], defaultLocale }: ServicePageProps) {
  const { t, href, locale, locales } = useUi();
  const text = (value: Record<string, string>) => pick(value, locale, defaultLocale);
  const name = text(service.name) || service.slug;
  const editHref = href(`/manage/services/${service.slug}/edit`);
  const missing = TRANSLATED_FIELDS.flatMap((f) =>
    Object.keys(service[f]).length === 0 ? [] : missingTranslations(service[f], locales).map((l) => ({ field: f, locale: l })),
  );
  const lines = (value: Record<string, string>) =>
    text(value)
      .split('\n')
      .filter((l) => l.trim() !== '');
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('serviceEditor.list.title'), href: href('/manage/services') }, { label: name }]} />
      {done ? (
        <NotificationBanner id="service-done" type="success">
          <p>{t(`serviceEditor.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary
        title={t('serviceEditor.service.refused')}
        errors={errors.map((e) => ({ fieldId: controlId(e.field), message: t(e.message as MessageKey) }))}
        autoFocus
      />
      {errors.length > 0 ? (
        <p>
          <a href={editHref}>{t('serviceEditor.service.fixIt')}</a>
        </p>
      ) : null}
      <h1>{name}</h1>
      <p>
        <StatusTag status={service.status} />
      </p>
      <dl class="mail-message__meta">
        <dt>{t('serviceEditor.service.organisation')}</dt>
        <dd>{pick(organisationName, locale, defaultLocale)}</dd>
        <dt>{t('serviceEditor.service.version')}</dt>
        <dd>{service.version}</dd>
        <dt>{t('serviceEditor.service.updated')}</dt>
        <dd>
          <time dateTime={service.updatedAt}>{formatDate(locale, service.updatedAt, 'datetime')}</time>
        </dd>
        {service.publishedAt ? (
          <>
            <dt>{t('serviceEditor.service.published')}</dt>
            <dd>
              <time dateTime={service.publishedAt}>{formatDate(locale, service.publishedAt, 'datetime')}</time>
            </dd>
          </>
        ) : null}
      </dl>
      <p>{t(`serviceEditor.service.explain.${service.status}`)}</p>
      <div class="button-group">
        <Button href={editHref}>{t('serviceEditor.service.edit')}</Button>
        {NEXT[service.status].map((status) => (
          <form method="post" action={href(`/manage/services/${service.slug}/status`)} class="inline-form" key={status}>
            <CsrfField />
            <input type="hidden" name="version" value={String(service.version)} />
            <input type="hidden" name="status" value={status} />
            <Button variant={status === 'published' ? 'secondary' : 'warning'}>{t(`serviceEditor.service.to.${status}`)}</Button>
          </form>
        ))}
      </div>
      <ul>
        <li>
          <a href={href(`/manage/services/${service.slug}/history`)}>{t('serviceEditor.service.history')}</a>
        </li>
        {service.status === 'published' ? (
          <li>
            <a href={href(`/services/${service.slug}`)}>{t('serviceEditor.service.publicPage')}</a>
          </li>
        ) : null}
      </ul>

      <h2>{t('serviceEditor.service.translations')}</h2>
      {missing.length === 0 ? (
        <p>{t('serviceEditor.service.allTranslated')}</p>
      ) : (
        <ul>
          {missing.map((m) => (
            <li key={`${m.field}-${m.locale}`}>
              {t('serviceEditor.service.missing', {
                field: t(`serviceEditor.fields.${m.field}`),
                language: languageName(m.locale, locale),
              })}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('serviceEditor.service.preview')}</h2>
      <p class="field__hint">{t('serviceEditor.service.previewHint')}</p>
      <div class="card">
        <h3 class="card__title">{name}</h3>
        <p class="lead">{text(service.summary)}</p>
        {lines(service.description).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        {lines(service.audience).length > 0 ? (
          <>
            <h4>{t('serviceEditor.fields.audience')}</h4>
            {lines(service.audience).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </>
        ) : null}
        {(['requirements', 'evidence'] as const).map((f) =>
          lines(service[f]).length > 0 ? (
            <div key={f}>
              <h4>{t(`serviceEditor.fields.${f}`)}</h4>
              <ul>
                {lines(service[f]).map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </div>
          ) : null,
        )}
        <h4>{t('serviceEditor.fields.channels')}</h4>
        <ul>
          {service.channels.map((c) => (
            <li key={c}>{t(`serviceEditor.channels.${c}`)}</li>
          ))}
        </ul>
        {service.onlineUrl ? (
          <p>
            <a href={service.onlineUrl} rel="noopener noreferrer">
              {t('serviceEditor.service.startOnline')}
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
