/**
 * The place form, for a mediator editing their place or an admin creating one: every field of a
 * place in fieldsets (identity; address and location; opening hours; contact; what help is offered;
 * presentation in each language; the e-services it helps with). "Check the hours" and "Find
 * e-services" re-render the form without saving (so both work without JavaScript): the first shows
 * the opening-hours warnings and a weekly preview (OpeningHoursPreview), the second adds matching
 * e-services to tick.
 * Comes back with an error summary, inline errors and every value kept. Pure.
 */
import { SUPPORTED_LOCALES } from '../../../config.js';
import { pick, type MessageKey } from '../../../platform/i18n.js';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Select,
  TextInput,
  Textarea,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { ServiceChoice } from '../manage.service.js';
import type { PlaceClock } from '../opening-hours.js';
import { placeFieldId, type PlaceFormValues } from '../place-form.js';
import { codesOf, type VocabularyName } from '../places.model.js';
import { PLACE_LIST_FIELDS, type PlaceListField } from '../places.write.js';
import { OpeningHoursPreview } from './opening-hours.js';

/** The e-service choices: ticked ones first, then the search's matches. */
export interface ServicePicker {
  /** The services ticked (their records), kept across re-renders. */
  chosen: readonly ServiceChoice[];
  /** The search's matches not already chosen. */
  found: readonly ServiceChoice[];
  /** The search as typed; null when no search was run. */
  query: string | null;
}

export interface PlaceFormPageProps {
  mode: 'edit' | 'new';
  /** The stored place (edit): its slug and name. */
  place: { slug: string; name: string } | null;
  values: PlaceFormValues;
  /** Translated messages by control id (see placeFieldId), in the order to list them. */
  errors: Readonly<Record<string, string>>;
  municipalities: readonly { id: number; name: string; postcode: string }[];
  organisations: readonly { id: number; name: string }[];
  services: ServicePicker;
  /** After "Check the hours", a save or an error: the hours previewed (warnings, error or weekly table) in the place's clock. */
  preview: { value: string; clock: PlaceClock } | null;
  /** Just saved (edit) or created (new). */
  done: 'saved' | 'created' | null;
  /** Admins see the links to the mediators page and to delete the place. */
  canManageMediators: boolean;
}

/** The catalog key of a vocabulary code's label (written by the directory's helper). */
const vocabKey = (vocabulary: VocabularyName, code: string) => `places.vocab.${vocabulary}.${code}` as MessageKey;

const LIST_LEGEND: Record<PlaceListField, MessageKey> = {
  services: 'placesManage.form.services',
  publics: 'placesManage.form.publics',
  specificSupport: 'placesManage.form.specificSupport',
  fees: 'placesManage.form.fees',
  accessModes: 'placesManage.form.accessModes',
  supportModes: 'placesManage.form.supportModes',
  equipment: 'placesManage.form.equipment',
  accessibility: 'placesManage.form.accessibility',
};

function Section({ id, legend, children }: { id: string; legend: string; children: preact.ComponentChildren }) {
  return (
    <fieldset aria-labelledby={`${id}-legend`}>
      <legend class="choices__legend">
        <h2 id={`${id}-legend`}>{legend}</h2>
      </legend>
      {children}
    </fieldset>
  );
}

export function PlaceFormPage(props: PlaceFormPageProps) {
  const { mode, place, values, errors, municipalities, organisations, services, preview, done, canManageMediators } = props;
  const { t, href, locale } = useUi();
  const err = (field: string) => errors[placeFieldId(field)];
  const title = mode === 'new' ? t('placesManage.form.newTitle') : t('placesManage.form.editTitle', { name: place!.name });
  const action = mode === 'new' ? href('/manage/places/new') : href(`/manage/places/${place!.slug}`);
  const summary = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message }));
  const localeName = (l: string) => t(`placesManage.form.locale.${l}` as MessageKey);
  const chosenIds = new Set(values.serviceIds);
  const serviceOptions = [...services.chosen, ...services.found].map((s) => ({
    value: String(s.id),
    label: pick(s.name, locale) || s.slug,
  }));
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('placesManage.list.title'), href: href('/manage/places') }, { label: title }]} />
      <ErrorSummary errors={summary} />
      {done ? (
        <NotificationBanner id="place-saved" type="success">
          <p>{done === 'created' ? t('placesManage.form.created') : t('placesManage.form.saved')}</p>
          {place ? (
            <p>
              <a href={href(`/places/${place.slug}`)}>{t('placesManage.form.viewPublic', { name: place.name })}</a>
            </p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      {place ? (
        <ul>
          <li>
            <a href={href(`/places/${place.slug}`)}>{t('placesManage.form.viewPublic', { name: place.name })}</a>
          </li>
          <li>
            <a href={href(`/manage/places/${place.slug}/workshops`)}>{t('placesManage.list.workshops')}</a>
          </li>
          <li>
            <a href={href(`/manage/places/${place.slug}/slots`)}>{t('placesManage.list.slots')}</a>
          </li>
          {canManageMediators ? (
            <>
              <li>
                <a href={href(`/manage/places/${place.slug}/mediators`)}>{t('placesManage.list.mediators')}</a>
              </li>
              <li>
                <a href={href(`/manage/places/${place.slug}/delete`)}>{t('placesManage.delete.link')}</a>
              </li>
            </>
          ) : null}
        </ul>
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField />
        <input type="hidden" name="source" value={values.source} />
        <input type="hidden" name="externalId" value={values.externalId} />
        <Section id="place-identity" legend={t('placesManage.form.identity')}>
          <TextInput id="place-name" name="name" label={t('placesManage.form.name')} value={values.name} error={err('name')} />
          {mode === 'new' ? (
            <TextInput
              id="place-slug"
              name="slug"
              label={t('placesManage.form.slug')}
              hint={t('placesManage.form.slugHint')}
              value={values.slug}
              error={err('slug')}
              spellcheck={false}
              optional
            />
          ) : null}
          <Select
            id="place-organisation"
            name="organisationId"
            label={t('placesManage.form.organisation')}
            hint={t('placesManage.form.organisationHint')}
            placeholder={t('placesManage.form.organisationNone')}
            value={values.organisationId}
            error={err('organisationId')}
            options={organisations.map((o) => ({ value: String(o.id), label: pick(o.name, locale) }))}
            optional
          />
          <TextInput
            id="place-pivot"
            name="pivot"
            label={t('placesManage.form.pivot')}
            hint={t('placesManage.form.pivotHint')}
            value={values.pivot}
            error={err('pivot')}
            inputMode="numeric"
            width="medium"
            spellcheck={false}
            optional
          />
          <Checkboxes
            id="place-mobile"
            name="mobile"
            legend={t('placesManage.form.mobileLegend')}
            values={values.mobile ? ['yes'] : []}
            options={[{ value: 'yes', label: t('placesManage.form.mobile') }]}
          />
        </Section>

        <Section id="place-location" legend={t('placesManage.form.location')}>
          <TextInput
            id="place-address"
            name="address"
            label={t('placesManage.form.address')}
            value={values.address}
            error={err('address')}
            autocomplete="address-line1"
          />
          <TextInput
            id="place-address-complement"
            name="addressComplement"
            label={t('placesManage.form.addressComplement')}
            value={values.addressComplement}
            autocomplete="address-line2"
            optional
          />
          <TextInput
            id="place-postcode"
            name="postcode"
            label={t('placesManage.form.postcode')}
            value={values.postcode}
            error={err('postcode')}
            autocomplete="postal-code"
            inputMode="numeric"
            width="short"
          />
          <Select
            id="place-municipality"
            name="municipalityId"
            label={t('placesManage.form.municipality')}
            placeholder={t('placesManage.form.municipalityChoose')}
            value={values.municipalityId}
            error={err('municipalityId')}
            options={municipalities.map((m) => ({ value: String(m.id), label: `${m.name} (${m.postcode})` }))}
          />
          <TextInput
            id="place-insee-code"
            name="inseeCode"
            label={t('placesManage.form.inseeCode')}
            hint={t('placesManage.form.inseeCodeHint')}
            value={values.inseeCode}
            error={err('inseeCode')}
            width="short"
            spellcheck={false}
            optional
          />
          <TextInput
            id="place-latitude"
            name="latitude"
            label={t('placesManage.form.latitude')}
            hint={t('placesManage.form.coordinatesHint')}
            value={values.latitude}
            error={err('latitude')}
            inputMode="decimal"
            width="medium"
            optional
          />
          <TextInput
            id="place-longitude"
            name="longitude"
            label={t('placesManage.form.longitude')}
            value={values.longitude}
            error={err('longitude')}
            inputMode="decimal"
            width="medium"
            optional
          />
          <TextInput
            id="place-country"
            name="country"
            label={t('placesManage.form.country')}
            hint={t('placesManage.form.countryHint')}
            value={values.country}
            error={err('country')}
            width="short"
            spellcheck={false}
          />
          <TextInput
            id="place-region"
            name="region"
            label={t('placesManage.form.region')}
            hint={t('placesManage.form.regionHint')}
            value={values.region}
            error={err('region')}
            width="short"
            spellcheck={false}
            optional
          />
          <TextInput
            id="place-time-zone"
            name="timeZone"
            label={t('placesManage.form.timeZone')}
            hint={t('placesManage.form.timeZoneHint')}
            value={values.timeZone}
            error={err('timeZone')}
            width="medium"
            spellcheck={false}
          />
        </Section>

        <Section id="place-hours" legend={t('placesManage.form.hours')}>
          <Textarea
            id="place-opening-hours"
            name="openingHours"
            label={t('placesManage.form.openingHours')}
            hint={t('placesManage.form.openingHoursHint')}
            value={values.openingHours}
            error={err('openingHours')}
            rows={3}
            optional
          />
          {preview ? <OpeningHoursPreview value={preview.value} clock={preview.clock} id="place-hours" /> : null}
          <Button variant="secondary" name="action" value="check">
            {t('placesManage.form.checkHours')}
          </Button>
        </Section>

        <Section id="place-contact" legend={t('placesManage.form.contact')}>
          <TextInput
            id="place-phone"
            name="phone"
            type="tel"
            label={t('placesManage.form.phone')}
            value={values.phone}
            error={err('phone')}
            autocomplete="off"
            width="medium"
            optional
          />
          <TextInput
            id="place-email"
            name="email"
            type="email"
            label={t('placesManage.form.email')}
            value={values.email}
            error={err('email')}
            autocomplete="off"
            spellcheck={false}
            optional
          />
          <TextInput
            id="place-website"
            name="website"
            type="url"
            label={t('placesManage.form.website')}
            hint={t('placesManage.form.websiteHint')}
            value={values.website}
            error={err('website')}
            autocomplete="off"
            spellcheck={false}
            optional
          />
        </Section>

        <Section id="place-help" legend={t('placesManage.form.help')}>
          {(Object.entries(PLACE_LIST_FIELDS) as [PlaceListField, VocabularyName][]).map(([field, vocabulary]) => (
            <Checkboxes
              key={field}
              id={placeFieldId(field)}
              name={field}
              legend={t(LIST_LEGEND[field])}
              hint={field === 'services' ? t('placesManage.form.servicesHint') : t('placesManage.form.selectAll')}
              values={values[field]}
              error={err(field)}
              options={codesOf(vocabulary).map((c) => ({ value: c, label: t(vocabKey(vocabulary, c)) }))}
              optional={field !== 'services'}
            />
          ))}
        </Section>

        <Section id="place-presentation" legend={t('placesManage.form.presentation')}>
          <p class="field__hint">{t('placesManage.form.presentationHint')}</p>
          {SUPPORTED_LOCALES.map((l) => (
            <Textarea
              key={`summary-${l}`}
              id={`place-summary-${l}`}
              name={`summary_${l}`}
              label={t('placesManage.form.summary', { language: localeName(l) })}
              hint={t('placesManage.form.summaryHint')}
              value={values.summary[l] ?? ''}
              error={errors[`place-summary-${l}`]}
              rows={3}
            />
          ))}
          {SUPPORTED_LOCALES.map((l) => (
            <Textarea
              key={`details-${l}`}
              id={`place-details-${l}`}
              name={`details_${l}`}
              label={t('placesManage.form.details', { language: localeName(l) })}
              value={values.details[l] ?? ''}
              error={errors[`place-details-${l}`]}
              rows={6}
              optional
            />
          ))}
        </Section>

        <Section id="place-eservices" legend={t('placesManage.form.eservices')}>
          <p class="field__hint">{t('placesManage.form.eservicesHint')}</p>
          {serviceOptions.length > 0 ? (
            <Checkboxes
              id="place-service-ids"
              name="serviceIds"
              legend={t('placesManage.form.eservicesChosen', { count: values.serviceIds.length })}
              values={[...chosenIds]}
              options={serviceOptions}
            />
          ) : (
            <p>{t('placesManage.form.eservicesNone')}</p>
          )}
          {services.query !== null && services.found.length === 0 ? (
            <p role="status">{t('placesManage.form.eservicesNoMatch', { q: services.query })}</p>
          ) : null}
          <TextInput
            id="place-services-search"
            name="serviceQuery"
            type="search"
            label={t('placesManage.form.eservicesSearch')}
            hint={t('placesManage.form.eservicesSearchHint')}
            value={services.query ?? ''}
            spellcheck={false}
          />
          <Button variant="secondary" name="action" value="searchServices">
            {t('placesManage.form.eservicesSearchButton')}
          </Button>
        </Section>

        <div class="button-group">
          <Button name="action" value="save">
            {mode === 'new' ? t('placesManage.form.create') : t('placesManage.form.save')}
          </Button>
          <a href={href('/manage/places')}>{t('placesManage.form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
