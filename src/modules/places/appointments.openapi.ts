/** (H3b) This part of the places module's OpenAPI description — stub. */
import type { OpenApiFragment } from '../../platform/openapi.js';

export const appointmentsOpenApi: OpenApiFragment = { paths: {}, schemas: {} };
