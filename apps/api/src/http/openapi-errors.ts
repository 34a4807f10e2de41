import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

/** The one shape of every error (the public contract): some carry more, such as `currentVersion`. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: {
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      description: 'What is wrong and what to do; a list of field messages for invalid input',
    },
  },
  additionalProperties: true,
};

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Declares what every route can answer besides its own responses, so no route can forget it: 401
 * on every secured route, 400 on every route that takes input, and the error shape on every 4xx.
 */
export function declareErrorResponses(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Error = ERROR_SCHEMA;
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const { responses } = operation;
      if (operation.security?.length && !responses['401']) {
        responses['401'] = { description: 'No token, or one that is not valid (expired, forged, or from before a password reset or deactivation)' };
      }
      if ((operation.requestBody || operation.parameters?.length) && !responses['400']) {
        responses['400'] = { description: 'Invalid input: the message names each field and what it expects' };
      }
      for (const [status, response] of Object.entries(responses)) {
        if (/^4\d\d$/.test(status) && !response.content) response.content = errorContent;
      }
    }
  }
  return document;
}
