/**
 * Pieces the directory and the place page share: vocabulary labels in the reader's language,
 * distances, the map's data block and the assets the map needs.
 */
import type { Locale } from '../../../config.js';
import { formatNumber, type MessageKey, type Translate } from '../../../platform/i18n.js';
import type { VocabularyCode, VocabularyName, WorkshopLevel } from '../places.model.js';

/** The label of a vocabulary code in the reader's language (`places.vocab.<vocabulary>.<code>`). */
export function vocabLabel<V extends VocabularyName>(t: Translate, vocabulary: V, code: VocabularyCode<V>): string {
  return t(`places.vocab.${vocabulary}.${code}` as MessageKey);
}

/** The labels of a list of codes, in the given order. */
export function vocabLabels<V extends VocabularyName>(t: Translate, vocabulary: V, codes: readonly VocabularyCode<V>[]): string[] {
  return codes.map((c) => vocabLabel(t, vocabulary, c));
}

/** A workshop level's label (`places.levels.<level>`). */
export function levelLabel(t: Translate, level: WorkshopLevel | string): string {
  return t(`places.levels.${level}` as MessageKey);
}

/** "2.3 km" in the reader's locale: one decimal under 10 km, whole kilometres beyond. */
export function formatDistance(t: Translate, locale: Locale, km: number): string {
  const digits = km < 10 ? 1 : 0;
  return t('places.directory.distance', {
    distance: formatNumber(locale, km, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
}

/** A marker of the map: where the place is and where its page is. */
export interface MapPoint {
  name: string;
  /** The accessible name of its marker ("name, municipality"). */
  label: string;
  lat: number;
  lng: number;
  url: string;
}

/** What the map island reads from the page: the map's script and stylesheet, the tile server, the markers and its few words. */
export interface MapData {
  assets: { js: string; css: string };
  tiles: string;
  points: MapPoint[];
  /** Where the island fetches the points from when there are too many to carry in the page. */
  pointsUrl?: string;
  labels: { zoomIn: string; zoomOut: string; cluster: string; attribution: string };
}

/**
 * The map's data as a JSON block the island reads (`<script type="application/json">` is data, not
 * code: the CSP allows no inline script and this is none). `<` is escaped so no text inside can
 * close the element.
 */
export function MapDataBlock({ id, data }: { id: string; data: MapData }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/json" id={id} dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The places pages' stylesheet and island, for a page's <head>; the page works without the island. */
export function MapAssets({ css, js }: { css: string; js: string }) {
  return (
    <>
      <link rel="stylesheet" href={css} />
      <script src={js} type="module"></script>
    </>
  );
}
