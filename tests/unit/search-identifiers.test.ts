import { describe, expect, test } from 'vitest';
import { identifierParts, identifierWords } from '../../src/search/shared/identifiers';

describe('identifierParts', () => {
  test('splits snake_case, dotted, slashed and camelCase identifiers into lower-case parts', () => {
    expect(identifierParts('client_secret')).toEqual(['client', 'secret']);
    expect(identifierParts('oauth.token')).toEqual(['oauth', 'token']);
    expect(identifierParts('/v1/users')).toEqual(['v1', 'users']);
    expect(identifierParts('SecureRandom')).toEqual(['secure', 'random']);
  });

  test('keeps acronyms whole instead of cutting RESTful or URLs into nonsense', () => {
    expect(identifierParts('RESTful')).toEqual(['restful']);
    expect(identifierParts('URLs')).toEqual(['urls']);
    expect(identifierParts('XMLHttpRequest')).toEqual(['xmlhttp', 'request']);
  });
});

describe('identifierWords', () => {
  test('gives every part and every run of parts joined, so an identifier is found whole and by its parts', () => {
    expect(identifierWords('client_secret')).toEqual(['client', 'clientsecret', 'secret']);
    expect(identifierWords('oauth.token')).toEqual(['oauth', 'oauthtoken', 'token']);
  });

  test('makes a path inside a URL findable: /v1/users becomes the word v1users', () => {
    const words = identifierWords('curl "https://api.example.test/v1/users"');
    expect(words).toContain('v1users');
    expect(words).toContain('users');
    expect(words).toContain('apiexampletestv1users');
  });

  test('makes oauth/token inside a URL findable as oauthtoken', () => {
    expect(identifierWords('https://auth.example.test/oauth/token')).toContain('oauthtoken');
  });

  test('splits code at assignments, query strings and quotes before looking for identifiers', () => {
    const words = identifierWords('-d client_secret=YOUR_CLIENT_SECRET&grant_type=refresh_token');
    expect(words).toEqual(expect.arrayContaining(['clientsecret', 'yourclientsecret', 'granttype', 'refreshtoken']));
    expect(words.some((word) => word.includes('secretgrant'))).toBe(false);
  });

  test('gives nothing for plain words, numbers, abbreviations and typographic apostrophes', () => {
    expect(identifierWords('The token expires after 3600 seconds, e.g. in an hour. You’re done.')).toEqual([]);
  });

  test('lists each word once, in order of first appearance', () => {
    expect(identifierWords('access_token access_token token_type')).toEqual(['access', 'accesstoken', 'token', 'tokentype', 'type']);
  });

  test('joins at most six parts into one word: longer runs are found by the prefix of a shorter one', () => {
    const words = identifierWords('a1.b2.c3.d4.e5.f6.g7.h8');
    expect(words).toContain('a1b2c3d4e5f6');
    expect(words.some((word) => word.length > 'a1b2c3d4e5f6'.length)).toBe(false);
  });
});
