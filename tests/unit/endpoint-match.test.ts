import { describe, expect, test } from 'vitest';
import { matchEndpoints, pathQuery, type Endpoint } from '../../src/search/shared/endpoint-match';

const endpoint = (method: string, path: string): Endpoint => ({ method, path, url: `/#${method}${path}`, title: `${method} ${path}`, parent: '', doc: '' });
const ENDPOINTS = [
  endpoint('GET', '/repos/{owner}/{repo}'),
  endpoint('PATCH', '/repos/{owner}/{repo}'),
  endpoint('GET', '/repos/{owner}/{repo}/issues'),
  endpoint('GET', '/users/{username}/repos'),
  endpoint('GET', '/repos/{owner}/{repo}/contents/{path}'),
  endpoint('GET', '/{id}'),
  endpoint('GET', '/orgs/{org}/teams/{team_slug}'),
  endpoint('GET', '/files/{name}.json'),
];
const found = (query: string) => {
  const parsed = pathQuery(query);
  return parsed ? matchEndpoints(ENDPOINTS, parsed).map((one) => `${one.method} ${one.path}`) : undefined;
};

describe('a query that names a request', () => {
  test('is a path, a method and a path, or a whole URL; anything else is left to full-text search', () => {
    expect(pathQuery('/repos/octo/hello')).toEqual({ segments: ['repos', 'octo', 'hello'] });
    expect(pathQuery('get /repos/octo/hello?page=2')).toEqual({ method: 'GET', segments: ['repos', 'octo', 'hello'] });
    expect(pathQuery('https://api.github.com/repos/octo/hello#x')).toEqual({ segments: ['repos', 'octo', 'hello'] });
    expect(pathQuery('repos octo')).toBeUndefined();
    expect(pathQuery('oauth.token')).toBeUndefined();
    expect(pathQuery('/')).toBeUndefined();
  });

  test('finds the operations whose template it fits, the method narrowing them', () => {
    expect(found('/repos/octo/hello')).toEqual(['GET /repos/{owner}/{repo}', 'PATCH /repos/{owner}/{repo}']);
    expect(found('PATCH /repos/octo/hello')).toEqual(['PATCH /repos/{owner}/{repo}']);
    expect(found('/repos/{owner}/{repo}/issues')).toEqual(['GET /repos/{owner}/{repo}/issues']);
    expect(found('/users/octocat/repos')).toEqual(['GET /users/{username}/repos']);
    expect(found('/files/pets.json')).toEqual(['GET /files/{name}.json']);
    expect(found('/files/pets.xml')).toEqual([]);
  });

  test('never matches on variables alone, and puts a prefix the templates lack (a server path) after exact fits', () => {
    expect(found('/anything')).toEqual([]);
    expect(found('https://api.test/v3/orgs/acme/teams/core')).toEqual(['GET /orgs/{org}/teams/{team_slug}']);
    expect(found('/v3/repos/octo/hello')).toEqual(['GET /repos/{owner}/{repo}', 'PATCH /repos/{owner}/{repo}']);
    expect(found('/users/octocat/repos/extra')).toEqual([]);
  });
});
