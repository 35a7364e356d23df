import { describe, expect, it, test } from 'vitest';
import { operationAliases, partAliases, redocSlug, schemaAliases, tagAliases, withRedocSections } from '../../../src/openapi/peer-anchors';
import type { Json, SpecOperation } from '../../../src/openapi/spec-model';

describe("Redoc's slug of a tag's name", () => {
  test.each([
    ['Domain Records', 'Domain-Records'],
    ['1-Click Applications', '1-Click-Applications'],
    ['Floating IP  Actions', 'Floating-IP-Actions'],
    ['Café & Bar', 'Cafe-Bar'],
    ['pets', 'pets'],
    ['  spaced - out ', 'spaced-out'],
    ['日本', '日本'],
  ])('%s → %s', (name, slug) => {
    expect(redocSlug(name)).toBe(slug);
  });
});

describe("Redoc's anchors of the sections of a spec's description", () => {
  test('follow each h1 and h2, the h2 under its h1, and none in fenced code', () => {
    const markdown = [
      '# Introduction',
      '',
      'Hi.',
      '',
      '## Getting *started* now',
      '',
      '```md',
      '# Not a heading',
      '```',
      '',
      '### Deeper',
      '',
      '# Errors',
    ].join('\n');
    expect(withRedocSections(markdown)).toBe(
      [
        '# Introduction',
        '',
        '<div class="anchors"><span id="section/Introduction"></span></div>',
        '',
        'Hi.',
        '',
        '## Getting *started* now',
        '',
        '<div class="anchors"><span id="section/Introduction/Getting-started-now"></span></div>',
        '',
        '```md',
        '# Not a heading',
        '```',
        '',
        '### Deeper',
        '',
        '# Errors',
        '',
        '<div class="anchors"><span id="section/Errors"></span></div>',
      ].join('\n'),
    );
  });
});

const operation = (fields: Json, method = 'get', path = '/users/{id}/groups') =>
  ({ method, path, operation: fields, webhook: false }) as unknown as SpecOperation;

describe('the anchors other renderers gave an operation', () => {
  it("are Widdershins', Redoc's, Scalar's and Swagger UI's, with the ids of Widdershins' heading of it", () => {
    expect(
      operationAliases(operation({ operationId: 'get_users_id_groups', summary: "List user's groups", tags: ['users'] }), 'users', 'list-user-39-s-groups'),
    ).toEqual([
      'opIdget_users_id_groups',
      'operation/get_users_id_groups',
      'tag/users/operation/get_users_id_groups',
      'tag/users/GET/users/{id}/groups',
      '/users/get_users_id_groups',
      // Widdershins' heading: the operationId (Slate's and Shins' ids of it alike here), or with --summary the summary as Shins made it.
      'get_users_id_groups',
      'list-user-s-groups',
    ]);
  });

  it("leave out the heading's own id; GitHub's operationIds have a slash", () => {
    const aliases = operationAliases(operation({ operationId: 'repos/get', summary: 'Get a repository', tags: ['repos'] }), 'repos', 'get-a-repository');
    expect(aliases).toContain('repos-get');
    expect(aliases).not.toContain('get-a-repository');
    expect(operationAliases(operation({ operationId: 'getMuseumHours' }), undefined, 'getmuseumhours')).not.toContain('getmuseumhours');
  });

  it("are Redoc's JSON pointer of an operation without an operationId, under its tag's anchor", () => {
    expect(operationAliases(operation({ tags: ['Pet Store'] }, 'get', '/pets/{id}'), 'Pet Store', 'x')).toContain('tag/Pet-Store/paths/~1pets~1{id}/get');
    expect(operationAliases(operation({}, 'put', '/a~b'), undefined, 'x')).toContain('/paths/~1a~0b/put');
    expect(operationAliases(operation({ operationId: 'getPet' }), undefined, 'x').filter((alias) => alias.includes('/paths/'))).toEqual([]);
  });

  it("are Swagger UI's deep links under each of its tags, its operationId as Swagger UI normalised it", () => {
    const swaggerUi = (fields: Json, method?: string, path?: string) =>
      operationAliases(operation(fields, method, path), undefined, 'x').filter((alias) => alias.startsWith('/') && !alias.startsWith('/paths/'));
    expect(swaggerUi({ operationId: 'repos/get', tags: ['repos', 'Pet Store'] })).toEqual(['/repos/repos_get', '/Pet%20Store/repos_get']);
    // No tag: "default". No operationId: the method and the path, each other character `_`.
    expect(swaggerUi({}, 'GET', '/pets/{id}')).toEqual(['/default/get_pets__id_']);
  });
});

describe("the ids Widdershins gave an operation's parameters and responses", () => {
  it("are its operationId and its summary as Widdershins slugged them, with the responses' schema on the responses", () => {
    const op = operation({ operationId: 'repos/get', summary: "List user's Groups" });
    expect(partAliases(op, 'parameters', 'list-user-39-s-groups-parameters')).toEqual(['repos_get-parameters', "list-user's-groups-parameters"]);
    expect(partAliases(op, 'responses', 'x')).toEqual([
      'repos_get-responses',
      'repos_get-responseschema',
      "list-user's-groups-responses",
      "list-user's-groups-responseschema",
    ]);
  });

  it('are the method and path without an operationId; the id of the heading beside them is left out; a webhook has none', () => {
    expect(partAliases(operation({ summary: 'Get a pet' }, 'get', '/pets/{id}?x'), 'parameters', 'get-a-pet-parameters')).toEqual([
      'get__pets_{id}-parameters',
    ]);
    // Widdershins drops webhooks.
    expect(partAliases({ ...operation({ operationId: 'petAdopted' }), webhook: true }, 'responses', 'x')).toEqual([]);
  });
});

describe('the anchors other renderers gave a tag or a schema', () => {
  it("are Redoc's, Widdershins' and Swagger UI's (`/default` for the operations without a tag)", () => {
    expect(tagAliases({ info: { title: 'Kennel' } }, 'Domain Records')).toEqual([
      'tag/Domain-Records',
      'tag/Domain Records',
      'kennel-domain-records',
      '/Domain%20Records',
    ]);
    expect(tagAliases({ info: { title: 'Kennel' } }, 'Operations', true).at(-1)).toBe('/default');
  });

  it("are Widdershins' (and Shins' of it, lower-cased) and Redoc's for a schema", () => {
    expect(schemaAliases('ApiResponse')).toEqual(['tocS_ApiResponse', 'tocs_apiresponse', 'schemaapiresponse', 'schema_ApiResponse', 'schema/ApiResponse']);
  });
});
