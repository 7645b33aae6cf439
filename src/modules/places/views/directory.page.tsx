/**
 * The directory of Digital Public Spaces (`/places`): a GET form of filters that matter to someone
 * who needs help, and the list of places, nearest first when a location is given. The list is the
 * page; the map beside it is an enhancement (hidden until its script runs) over the same places.
 */
import { Breadcrumbs, Button, Checkboxes, ErrorSummary, Pagination, Tag, type ErrorSummaryItem } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { directorySearch, hasFilters, type DirectoryQuery } from '../directory.schemas.js';
import { codesOf, type VocabularyName } from '../places.model.js';
import type { DirectoryResult, TerritoryPlace } from '../places.queries.js';
import { municipalityLabel } from '../places.queries.js';
import { OpeningStatusLine } from './opening-hours.js';
import { MapDataBlock, formatDistance, vocabLabel, vocabLabels, type MapData } from './place-parts.js';

export interface DirectoryPageProps {
  query: DirectoryQuery;
  /** The e-service of `eservice=`, in the reader's language. */
  eserviceName?: string | undefined;
  municipalities: readonly TerritoryPlace[];
  /** This page's places. */
  places: readonly DirectoryResult[];
  total: number;
  page: number;
  pageCount: number;
  /** What distances are measured from: a municipality's name, `here` (the person's position), or none. */
  origin: { kind: 'municipality'; name: string } | { kind: 'here' } | null;
  errors: readonly ErrorSummaryItem[];
  /** The near field's own error (an unknown municipality). */
  nearError?: string | undefined;
  map: MapData;
  /** Whether any listed place has coordinates (the map section is shown only then). */
  hasMapPoints: boolean;
}

/** A yes/no filter with its own parameter name, as a checkbox. */
interface Flag {
  id: string;
  name: string;
  value: string;
  label: string;
  checked: boolean;
}

/** Several yes/no filters under one question (each checkbox has its own name: open=now, saturday=1…). */
function FlagChoices({ legend, flags }: { legend: string; flags: Flag[] }) {
  return (
    <div class="field">
      <fieldset class="choices">
        <legend class="choices__legend">{legend}</legend>
        <ul class="choices__list">
          {flags.map((f) => (
            <li class="choice" key={f.id}>
              <input type="checkbox" id={f.id} name={f.name} value={f.value} checked={f.checked} />
              <div>
                <label for={f.id}>{f.label}</label>
              </div>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

/** The location field: free text (a name or a postcode) with the territory's municipalities suggested. */
function NearField({
  value,
  error,
  municipalities,
}: {
  value: string | undefined;
  error?: string | undefined;
  municipalities: readonly TerritoryPlace[];
}) {
  const { t } = useUi();
  const describedBy = ['near-hint', error ? 'near-error' : ''].filter(Boolean).join(' ');
  const match = value === undefined ? undefined : municipalities.find((m) => m.slug === value);
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label class="field__label" for="near">
        {t('places.directory.near')}
      </label>
      <div id="near-hint" class="field__hint">
        {t('places.directory.nearHint')}
      </div>
      {error ? (
        <p id="near-error" class="field__error">
          <span class="visually-hidden">{t('components.field.errorPrefix')}</span> {error}
        </p>
      ) : null}
      <input
        class={error ? 'input input--medium input--error' : 'input input--medium'}
        id="near"
        name="near"
        type="text"
        list="near-list"
        autocomplete="address-level2"
        value={match ? municipalityLabel(match) : (value ?? '')}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
      />
      <datalist id="near-list">
        {municipalities.map((m) => (
          <option key={m.slug} value={municipalityLabel(m)} />
        ))}
      </datalist>
    </div>
  );
}

function FiltersForm(props: DirectoryPageProps & { action: string }) {
  const { t } = useUi();
  const { query } = props;
  const f = query.filters;
  const options = <V extends VocabularyName>(vocabulary: V) =>
    codesOf(vocabulary).map((c) => ({ value: c, label: vocabLabel(t, vocabulary, c) }));
  return (
    <form method="get" action={props.action} class="card places-filters" aria-labelledby="filters-heading" data-places-filters>
      <h2 id="filters-heading" class="card__title">
        {t('places.directory.filters')}
      </h2>
      <fieldset class="choices">
        <legend class="choices__legend">{t('places.directory.where')}</legend>
        <NearField value={query.near} error={props.nearError} municipalities={props.municipalities} />
        {query.near === undefined && query.lat !== undefined && query.lng !== undefined ? (
          <>
            <input type="hidden" name="lat" value={String(query.lat)} />
            <input type="hidden" name="lng" value={String(query.lng)} />
          </>
        ) : null}
        <p
          class="places-locate"
          hidden
          data-locate
          data-locating={t('places.directory.locating')}
          data-failed={t('places.directory.locationFailed')}
        >
          <button type="button" class="button button--secondary">
            {t('places.directory.useMyLocation')}
          </button>
          <span role="status" aria-live="polite"></span>
        </p>
      </fieldset>
      <Checkboxes id="service" name="service" legend={t('places.directory.help')} options={options('services')} values={f.services} />
      <FlagChoices
        legend={t('places.directory.when')}
        flags={[
          { id: 'open', name: 'open', value: 'now', label: t('places.directory.openNow'), checked: f.openNow },
          { id: 'saturday', name: 'saturday', value: '1', label: t('places.directory.saturday'), checked: f.saturday },
          { id: 'evening', name: 'evening', value: '1', label: t('places.directory.evening'), checked: f.evening },
        ]}
      />
      <FlagChoices
        legend={t('places.directory.cost')}
        flags={[{ id: 'free', name: 'free', value: '1', label: t('places.directory.free'), checked: f.free }]}
      />
      <Checkboxes id="public" name="public" legend={t('places.directory.publics')} options={options('publics')} values={f.publics} />
      <Checkboxes
        id="support"
        name="support"
        legend={t('places.directory.support')}
        options={options('specificSupport')}
        values={f.support}
      />
      <Checkboxes id="access" name="access" legend={t('places.directory.access')} options={options('accessibility')} values={f.access} />
      {query.eservice !== undefined && props.eserviceName !== undefined ? (
        <FlagChoices
          legend={t('places.directory.eserviceLegend')}
          flags={[
            {
              id: 'eservice',
              name: 'eservice',
              value: query.eservice,
              label: t('places.directory.eservice', { name: props.eserviceName }),
              checked: true,
            },
          ]}
        />
      ) : null}
      <div class="button-group">
        <Button>{t('places.directory.submit')}</Button>
        <a href={props.action}>{t('places.directory.clear')}</a>
      </div>
    </form>
  );
}

/** The filters in effect, each with a link that removes it. */
function ActiveFilters({ query, eserviceName, action }: { query: DirectoryQuery; eserviceName?: string | undefined; action: string }) {
  const { t } = useUi();
  if (!hasFilters(query)) return null;
  const f = query.filters;
  const without = (change: (q: DirectoryQuery) => void) => {
    const copy: DirectoryQuery = {
      ...query,
      filters: { ...f, services: [...f.services], publics: [...f.publics], support: [...f.support], access: [...f.access] },
    };
    change(copy);
    return action + directorySearch(copy);
  };
  const items: { label: string; href: string }[] = [
    ...f.services.map((c) => ({
      label: vocabLabel(t, 'services', c),
      href: without((q) => (q.filters.services = f.services.filter((x) => x !== c))),
    })),
    ...(f.openNow ? [{ label: t('places.directory.openNow'), href: without((q) => (q.filters.openNow = false)) }] : []),
    ...(f.saturday ? [{ label: t('places.directory.saturday'), href: without((q) => (q.filters.saturday = false)) }] : []),
    ...(f.evening ? [{ label: t('places.directory.evening'), href: without((q) => (q.filters.evening = false)) }] : []),
    ...(f.free ? [{ label: t('places.directory.free'), href: without((q) => (q.filters.free = false)) }] : []),
    ...f.publics.map((c) => ({
      label: vocabLabel(t, 'publics', c),
      href: without((q) => (q.filters.publics = f.publics.filter((x) => x !== c))),
    })),
    ...f.support.map((c) => ({
      label: vocabLabel(t, 'specificSupport', c),
      href: without((q) => (q.filters.support = f.support.filter((x) => x !== c))),
    })),
    ...f.access.map((c) => ({
      label: vocabLabel(t, 'accessibility', c),
      href: without((q) => (q.filters.access = f.access.filter((x) => x !== c))),
    })),
    ...(query.eservice !== undefined
      ? [{ label: t('places.directory.eservice', { name: eserviceName ?? query.eservice }), href: without((q) => delete q.eservice) }]
      : []),
  ];
  return (
    <div class="places-active">
      <h3 class="visually-hidden">{t('places.directory.activeFilters')}</h3>
      <ul class="tag-list">
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href} aria-label={t('places.directory.removeFilter', { label: i.label })}>
              {i.label} ×
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlaceItem({ place }: { place: DirectoryResult }) {
  const { t, href, locale } = useUi();
  const meta = [place.municipality, place.distanceKm !== null ? formatDistance(t, locale, place.distanceKm) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="card places-item">
      <h3 class="card__title">
        <a href={href(`/places/${place.slug}`)}>{place.name}</a>
      </h3>
      <p class="card__meta">{meta}</p>
      <OpeningStatusLine status={place.status} />
      {place.services.length > 0 ? (
        <p>
          {t('places.directory.helpWith')} {vocabLabels(t, 'services', place.services).join(', ')}
        </p>
      ) : null}
      {place.fees.includes('free') || place.accessibility.includes('wheelchair') ? (
        <ul class="tag-list">
          {place.fees.includes('free') ? (
            <li>
              <Tag tone="success">{vocabLabel(t, 'fees', 'free')}</Tag>
            </li>
          ) : null}
          {place.accessibility.includes('wheelchair') ? (
            <li>
              <Tag tone="neutral">{vocabLabel(t, 'accessibility', 'wheelchair')}</Tag>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

export function DirectoryPage(props: DirectoryPageProps) {
  const { t, href } = useUi();
  const action = href('/places');
  const { origin } = props;
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.crumbs.home'), href: href('/') }, { label: t('places.crumbs.places') }]} />
      <div class="prose">
        <h1>{t('places.directory.title')}</h1>
        <p class="lead">{t('places.directory.lead')}</p>
      </div>
      {props.errors.length > 0 ? <ErrorSummary errors={props.errors} title={t('places.directory.errorsTitle')} /> : null}
      <div class="places-layout">
        <FiltersForm {...props} action={action} />
        <div class="places-results">
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">{t('places.directory.count', { count: props.total })}</h2>
            <p>
              {origin?.kind === 'municipality'
                ? t('places.directory.sortedByDistance', { from: origin.name })
                : origin?.kind === 'here'
                  ? t('places.directory.sortedByDistanceHere')
                  : t('places.directory.sortedByName')}
            </p>
            <ActiveFilters query={props.query} eserviceName={props.eserviceName} action={action} />
            {props.places.length > 0 ? (
              <ol class="places-list card-grid">
                {props.places.map((p) => (
                  <PlaceItem key={p.slug} place={p} />
                ))}
              </ol>
            ) : (
              <div class="prose">
                <h3>{t('places.directory.emptyTitle')}</h3>
                <p>{t('places.directory.emptyHelp')}</p>
                <p>
                  <a href={action}>{t('places.directory.emptyAll')}</a>
                </p>
              </div>
            )}
            <Pagination page={props.page} pageCount={props.pageCount} basePath={action} query={directorySearch(props.query)} />
          </section>
          {props.hasMapPoints ? (
            <section class="places-map" aria-labelledby="map-heading" hidden data-places-map="places-map-data">
              <h2 id="map-heading">{t('places.directory.map')}</h2>
              <p class="field__hint" id="map-hint">
                {t('places.directory.mapHint')}
              </p>
              <button type="button" class="button button--secondary" data-show-map>
                {t('places.directory.showMap')}
              </button>
              <div class="places-map__canvas" data-map-canvas role="region" aria-label={t('places.directory.map')} hidden></div>
              <MapDataBlock id="places-map-data" data={props.map} />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
