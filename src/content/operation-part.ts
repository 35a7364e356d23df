/**
 * The class of an h3 that is part of an OpenAPI operation (its Parameters, Request body, Responses,
 * Callbacks): the spec compiler writes it (openapi/compile-spec.ts), and the h3 starts no section
 * of its own (markdown/rehype-sections.ts), so the operation's code stacks beside all its parts.
 */
export const OPERATION_PART = 'operation-part';
