/** (H4) This part of the places module's OpenAPI description — stub. */
import type { OpenApiFragment } from '../../platform/openapi.js';

export const openDataOpenApi: OpenApiFragment = { paths: {}, schemas: {} };
