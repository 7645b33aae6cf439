/**
 * The places pages' island (loaded only by `/places` and `/places/{slug}`, a few hundred bytes):
 * "Use my location" in the directory's form, and "Show the map", which fetches the map (Leaflet,
 * islands/map.ts, about 50 KB compressed) only when someone asks for it: on a slow or metered
 * connection the list costs nothing more. Both only enhance a page that works without them.
 *
 * The map's data is a `<script type="application/json">` block in its section (the CSP allows no
 * inline script; a data block is not one), with the URLs of the map's script and stylesheet. The
 * directory's markers are not in it but at `pointsUrl` (same origin, same filters), fetched with
 * the map.
 */

interface MapBlock {
  assets: { js: string; css: string };
  points?: unknown[];
  pointsUrl?: string;
}

/** The markers: in the block, or fetched from `pointsUrl`; null when they could not be had. */
async function loadPoints(data: MapBlock): Promise<unknown[] | null> {
  if (typeof data.pointsUrl !== 'string' || !data.pointsUrl.startsWith('/') || data.pointsUrl.startsWith('//')) return data.points ?? [];
  try {
    const response = await fetch(data.pointsUrl, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return null;
    const body = (await response.json()) as { points?: unknown };
    return Array.isArray(body.points) ? body.points : null;
  } catch {
    return null;
  }
}

function readData(section: HTMLElement): (MapBlock & Record<string, unknown>) | null {
  const block = document.getElementById(section.dataset.placesMap ?? '');
  try {
    return block ? (JSON.parse(block.textContent ?? '') as MapBlock & Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Adds the map's stylesheet once and resolves when it applies. */
function loadStylesheet(href: string): Promise<void> {
  const existing = document.querySelector<HTMLLinkElement>(`link[href="${href}"]`);
  if (existing) return Promise.resolve();
  return new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.appendChild(link);
  });
}

function enableMap(section: HTMLElement): void {
  const data = readData(section);
  const button = section.querySelector<HTMLButtonElement>('[data-show-map]');
  const canvas = section.querySelector<HTMLElement>('[data-map-canvas]');
  if (!data || !button || !canvas) return;
  section.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    const [map, points] = await Promise.all([
      import(/* @vite-ignore */ data.assets.js) as Promise<{ showMap: (c: HTMLElement, d: unknown) => void }>,
      loadPoints(data),
      loadStylesheet(data.assets.css),
    ]);
    // Without its markers the map would say nothing: the button stays, to try again.
    if (!points) {
      button.disabled = false;
      return;
    }
    data.points = points;
    canvas.hidden = false;
    button.hidden = true;
    map.showMap(canvas, data);
    // The map takes the focus (Leaflet makes it focusable): the next Tab reaches its first marker.
    canvas.focus();
  });
}

/** "Use my location": fills lat/lng from the browser's geolocation, empties the municipality, submits. */
function enableLocate(form: HTMLFormElement): void {
  const box = form.querySelector<HTMLElement>('[data-locate]');
  const button = box?.querySelector('button');
  const status = box?.querySelector<HTMLElement>('[role="status"]');
  if (!box || !button || !status || !('geolocation' in navigator)) return;
  box.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = box.dataset.locating ?? '';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const set = (name: string, value: string) => {
          let input = form.querySelector<HTMLInputElement>(`input[type="hidden"][name="${name}"]`);
          if (!input) {
            input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            form.appendChild(input);
          }
          input.value = value;
        };
        set('lat', position.coords.latitude.toFixed(5));
        set('lng', position.coords.longitude.toFixed(5));
        const near = form.querySelector<HTMLInputElement>('input[name="near"]');
        if (near) near.value = '';
        form.submit();
      },
      () => {
        status.textContent = box.dataset.failed ?? '';
      },
      { timeout: 10000, maximumAge: 600000 },
    );
  });
}

document.querySelectorAll<HTMLElement>('[data-places-map]').forEach(enableMap);
document.querySelectorAll<HTMLFormElement>('[data-places-filters]').forEach(enableLocate);
