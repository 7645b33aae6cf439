/**
 * Leaflet as the global `L`: leaflet.markercluster is a UMD script that extends the global. Imported
 * before the plugin (ES modules evaluate in import order).
 */
import L from 'leaflet';

(globalThis as unknown as { L: typeof L }).L = L;

export default L;
