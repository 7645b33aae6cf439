/** The OpenAPI description of the catalogue's API (helper: API). */
import type { OpenApiFragment } from '../../platform/openapi.js';

export const catalogueOpenApi: OpenApiFragment = { paths: {} };
