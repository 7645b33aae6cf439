/**
 * A Digital Public Space's page (`/places/{slug}`): the help it gives, whether it is open now and
 * its week of opening hours (in the place's time zone), where it is and how to get there, how to
 * contact it, its equipment and accessibility, its mediators, the e-services they help with, its
 * next workshops and appointments. A small map is an enhancement; the address and the directions
 * link say everything the map does.
 */
import type { Locale } from '../../../config.js';
import { formatDate, pick, type Translate } from '../../../platform/i18n.js';
import { Breadcrumbs, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { DaySchedule, OpeningStatus } from '../opening-hours.js';
import type { PlaceDetail, UpcomingWorkshop } from '../place-page.queries.js';
import { isCode, type VocabularyCode, type VocabularyName } from '../places.model.js';
import { OpeningHoursTable, OpeningStatusLine } from './opening-hours.js';
import { levelLabel, MapDataBlock, vocabLabel, vocabLabels, type MapData } from './place-parts.js';

export interface PlacePageProps {
  place: PlaceDetail;
  status: OpeningStatus;
  week: DaySchedule[];
  /** Today's local date in the place's zone (`YYYY-MM-DD`), to mark its row. */
  today: string;
  workshops: UpcomingWorkshop[];
  freeSlots: number;
  map: MapData | null;
  defaultLocale: Locale;
}

/** A heading and its content, with the heading's id for `aria-labelledby`. */
function Part({ id, title, children }: { id: string; title: string; children: preact.ComponentChildren }) {
  return (
    <section class="place-part" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A list of vocabulary labels, or "Not given." */
function CodeList<V extends VocabularyName>({
  vocabulary,
  codes,
  none,
}: {
  vocabulary: V;
  codes: readonly VocabularyCode<V>[];
  none?: string;
}) {
  const { t } = useUi();
  if (codes.length === 0) return <p>{none ?? t('places.place.notGiven')}</p>;
  return (
    <ul>
      {vocabLabels(t, vocabulary, codes).map((label) => (
        <li key={label}>{label}</li>
      ))}
    </ul>
  );
}

/** OpenStreetMap's directions to the place (the person chooses where from). */
export function directionsUrl(place: Pick<PlaceDetail, 'latitude' | 'longitude' | 'address' | 'postcode' | 'municipality'>): string {
  if (place.latitude !== null && place.longitude !== null) {
    return `https://www.openstreetmap.org/directions?to=${place.latitude}%2C${place.longitude}#map=17/${place.latitude}/${place.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.address}, ${place.postcode} ${place.municipality}`)}`;
}

function WorkshopItem({ workshop, timeZone }: { workshop: UpcomingWorkshop; timeZone: string }) {
  const { t, href, locale } = useUi();
  return (
    <li>
      <a href={href(`/workshops/${workshop.id}`)}>{workshop.title}</a>
      <br />
      {t('places.place.workshopWhen', {
        date: formatDate(locale, workshop.startsAt, 'datetime', timeZone),
        duration: workshop.durationMinutes,
      })}
      <br />
      {isCode('services', workshop.theme) ? `${t('places.place.theme', { theme: vocabLabel(t, 'services', workshop.theme) })} · ` : ''}
      {t('places.place.level', { level: levelLabel(t, workshop.level) })}{' '}
      {workshop.seatsLeft === 0 ? (
        <Tag tone="neutral">{t('places.place.workshopFull')}</Tag>
      ) : (
        <Tag tone="success">{t('places.place.workshopSeatsLeft', { count: workshop.seatsLeft })}</Tag>
      )}
    </li>
  );
}

function Contact({ place, t }: { place: PlaceDetail; t: Translate }) {
  if (!place.phone && !place.email && !place.website) return <p>{t('places.place.noContact')}</p>;
  return (
    <ul>
      {place.phone ? (
        <li>
          {t('places.place.phone')} <a href={`tel:${place.phone.replace(/[^+0-9]/g, '')}`}>{place.phone}</a>
        </li>
      ) : null}
      {place.email ? (
        <li>
          {t('places.place.email')} <a href={`mailto:${place.email}`}>{place.email}</a>
        </li>
      ) : null}
      {place.website && /^https?:\/\//i.test(place.website) ? (
        <li>
          <a href={place.website}>{t('places.place.website', { name: place.name })}</a>
        </li>
      ) : null}
    </ul>
  );
}

export function PlacePage(props: PlacePageProps) {
  const { t, href, locale } = useUi();
  const { place } = props;
  const summary = pick(place.summary, locale, props.defaultLocale);
  const details = pick(place.details, locale, props.defaultLocale);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('places.crumbs.home'), href: href('/') },
          { label: t('places.crumbs.places'), href: href('/places') },
          { label: place.name },
        ]}
      />
      <div class="prose">
        <h1>{place.name}</h1>
        <p class="lead">{`${place.municipality}`}</p>
        <OpeningStatusLine status={props.status} />
        {summary ? <p>{summary}</p> : null}
        {details
          ? details
              .split(/\n{2,}/)
              .filter((p) => p.trim() !== '')
              .map((p, i) => <p key={i}>{p}</p>)
          : null}
      </div>
      <div class="place-layout">
        <Part id="help-heading" title={t('places.place.helpTitle')}>
          <CodeList vocabulary="services" codes={place.services} />
          {place.supportModes.length > 0 ? (
            <>
              <h3>{t('places.place.supportModesTitle')}</h3>
              <CodeList vocabulary="supportModes" codes={place.supportModes} />
            </>
          ) : null}
        </Part>
        <Part id="hours-heading" title={t('places.place.hoursTitle')}>
          {place.openingHours ? <OpeningHoursTable days={props.week} today={props.today} /> : <p>{t('places.place.hoursNone')}</p>}
        </Part>
        <Part id="address-heading" title={t('places.place.addressTitle')}>
          <address>
            {place.address}
            <br />
            {place.addressComplement ? (
              <>
                {place.addressComplement}
                <br />
              </>
            ) : null}
            {`${place.postcode} ${place.municipality}`}
          </address>
          {place.mobile ? <p>{t('places.place.mobile')}</p> : null}
          <p>
            <a href={directionsUrl(place)}>{t('places.place.directions', { name: place.name })}</a>
          </p>
          {props.map ? (
            <div class="place-map" hidden data-places-map="place-map-data">
              <button type="button" class="button button--secondary" data-show-map>
                {t('places.place.showMap')}
              </button>
              <div
                class="places-map__canvas places-map__canvas--small"
                data-map-canvas
                role="region"
                aria-label={t('places.place.map', { name: place.name })}
                hidden
              ></div>
              <MapDataBlock id="place-map-data" data={props.map} />
            </div>
          ) : null}
        </Part>
        <Part id="contact-heading" title={t('places.place.contactTitle')}>
          <Contact place={place} t={t} />
          <h3>{t('places.place.accessModesTitle')}</h3>
          <CodeList vocabulary="accessModes" codes={place.accessModes} />
          <h3>{t('places.place.feesTitle')}</h3>
          <CodeList vocabulary="fees" codes={place.fees} />
        </Part>
        <Part id="appointments-heading" title={t('places.place.appointmentsTitle')}>
          <p>{t('places.place.appointmentsIntro')}</p>
          <p>{props.freeSlots > 0 ? t('places.place.slotsAvailable', { count: props.freeSlots }) : t('places.place.slotsNone')}</p>
          <p>
            <a href={href(`/places/${place.slug}/appointments`)}>{t('places.place.book')}</a>
          </p>
        </Part>
        <Part id="workshops-heading" title={t('places.place.workshopsTitle')}>
          {props.workshops.length > 0 ? (
            <ul>
              {props.workshops.map((w) => (
                <WorkshopItem key={w.id} workshop={w} timeZone={place.clock.timeZone} />
              ))}
            </ul>
          ) : (
            <p>{t('places.place.workshopsNone')}</p>
          )}
          <p>
            <a href={href(`/workshops?place=${encodeURIComponent(place.slug)}`)}>{t('places.place.allWorkshops')}</a>
          </p>
          <p>
            <a href={`/places/${place.slug}/calendar.ics`}>{t('places.place.calendar')}</a>
            <br />
            <span class="field__hint">{t('places.place.calendarHint')}</span>
          </p>
        </Part>
        <Part id="equipment-heading" title={t('places.place.equipmentTitle')}>
          <CodeList vocabulary="equipment" codes={place.equipment} />
        </Part>
        <Part id="accessibility-heading" title={t('places.place.accessibilityTitle')}>
          <CodeList vocabulary="accessibility" codes={place.accessibility} none={t('places.place.accessibilityNone')} />
          {place.publics.length > 0 ? (
            <>
              <h3>{t('places.place.publicsTitle')}</h3>
              <CodeList vocabulary="publics" codes={place.publics} />
            </>
          ) : null}
          {place.support.length > 0 ? (
            <>
              <h3>{t('places.place.supportTitle')}</h3>
              <CodeList vocabulary="specificSupport" codes={place.support} />
            </>
          ) : null}
        </Part>
        <Part id="mediators-heading" title={t('places.place.mediatorsTitle')}>
          {place.mediators.length > 0 ? (
            <ul>
              {place.mediators.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : (
            <p>{t('places.place.mediatorsNone')}</p>
          )}
        </Part>
        <Part id="services-heading" title={t('places.place.servicesTitle')}>
          {place.eservices.length > 0 ? (
            <ul>
              {[...place.eservices]
                .map((s) => ({ slug: s.slug, name: pick(s.name, locale, props.defaultLocale) || s.slug }))
                .sort((a, b) => a.name.localeCompare(b.name, locale))
                .map((s) => (
                  <li key={s.slug}>
                    <a href={href(`/services/${s.slug}`)}>{s.name}</a>
                  </li>
                ))}
            </ul>
          ) : (
            <p>{t('places.place.servicesNone')}</p>
          )}
        </Part>
      </div>
    </>
  );
}
