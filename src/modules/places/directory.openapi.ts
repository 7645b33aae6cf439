/** (H2) This part of the places module's OpenAPI description — stub. */
import type { OpenApiFragment } from '../../platform/openapi.js';

export const directoryOpenApi: OpenApiFragment = { paths: {}, schemas: {} };
