/**
 * The map of the places pages: Leaflet with clustered markers, loaded by islands/places.ts only
 * when someone asks for it (about 50 KB compressed). It enhances: the list and the address say
 * everything the map shows.
 *
 * Markers are images with the place's name as `alt`, focusable with Tab and opened with Enter
 * (Leaflet's keyboard support); a cluster is a button whose text says how many places it holds and
 * zooms in; each marker's popup links to the place's page and takes the focus when it opens.
 */
import L from './leaflet-global.js';
import 'leaflet.markercluster';

interface MapPoint {
  name: string;
  label: string;
  lat: number;
  lng: number;
  url: string;
}
export interface MapData {
  tiles: string;
  points: MapPoint[];
  labels: { zoomIn: string; zoomOut: string; cluster: string; attribution: string };
}

/** A pin drawn in SVG (a data: image: no request, allowed by img-src). */
const PIN =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="40" viewBox="0 0 28 40"><path d="M14 1C7 1 1 6.6 1 13.6 1 23 14 39 14 39s13-16 13-25.4C27 6.6 21 1 14 1z" fill="#1d4f91" stroke="#fff" stroke-width="2"/><circle cx="14" cy="14" r="5" fill="#fff"/></svg>',
  );

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Draws the map of `data` in `canvas` (visible by then). */
export function showMap(canvas: HTMLElement, data: MapData): void {
  const map = L.map(canvas, { zoomControl: false, scrollWheelZoom: false });
  L.control.zoom({ zoomInTitle: data.labels.zoomIn, zoomOutTitle: data.labels.zoomOut }).addTo(map);
  map.attributionControl.setPrefix(false);
  L.tileLayer(data.tiles, { maxZoom: 19, attribution: escapeHtml(data.labels.attribution) }).addTo(map);
  const icon = L.icon({ iconUrl: PIN, iconSize: [28, 40], iconAnchor: [14, 39], popupAnchor: [0, -34] });
  const markers = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      // The visible number and, for screen readers, what it means: a cluster is a focusable button.
      return L.divIcon({
        html: `<div><span aria-hidden="true">${count}</span><span class="visually-hidden">${escapeHtml(data.labels.cluster.replace('{count}', String(count)))}</span></div>`,
        className: 'marker-cluster marker-cluster-small',
        iconSize: L.point(40, 40),
      });
    },
  });
  for (const p of data.points) {
    const marker = L.marker([p.lat, p.lng], { icon, alt: p.label, title: p.label, keyboard: true });
    marker.bindPopup(`<a href="${escapeHtml(p.url)}">${escapeHtml(p.name)}</a>`);
    markers.addLayer(marker);
  }
  map.addLayer(markers);
  if (data.points.length === 1) map.setView([data.points[0]!.lat, data.points[0]!.lng], 15);
  else map.fitBounds(L.latLngBounds(data.points.map((p) => [p.lat, p.lng] as [number, number])), { padding: [24, 24], maxZoom: 15 });
  // Opening a popup with the keyboard moves focus to its link, so Enter then Tab is not lost in the map.
  map.on('popupopen', (e) => {
    const link = (e as L.PopupEvent).popup.getElement()?.querySelector('a');
    if (link) link.focus();
  });
}
