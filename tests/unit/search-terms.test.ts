import { describe, expect, test } from 'vitest';
import { queryTerms, termRanges } from '../../src/search/shared/terms';

const marked = (text: string, query: string) => termRanges(text, queryTerms(query)).map(([start, end]) => text.slice(start, end));

describe('queryTerms', () => {
  test('lower-cases the words of a query, longest first', () => {
    expect(queryTerms('Bearer tok')).toEqual(['bearer', 'tok']);
  });

  test('adds the parts of an identifier to the identifier itself', () => {
    expect(queryTerms('oauth.token')).toEqual(['oauth.token', 'oauth', 'token']);
    expect(queryTerms('/v1/users')).toEqual(['/v1/users', 'users', 'v1']);
  });

  test('drops quotes and trailing punctuation around words', () => {
    expect(queryTerms('"refresh token",')).toEqual(['refresh', 'token']);
  });

  test('gives no terms for a query of spaces', () => {
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('termRanges', () => {
  test('marks whole words that start with a term, as a prefix search found them', () => {
    expect(marked('Refresh the Bearer Token before it expires', 'bearer tok')).toEqual(['Bearer', 'Token']);
  });

  test('does not mark a term in the middle of a word', () => {
    expect(marked('OAuth needs an authorization', 'auth')).toEqual(['authorization']);
  });

  test('marks identifiers whole where they occur, and their parts elsewhere', () => {
    expect(marked('Call oauth.token, then store the token.', 'oauth.token')).toEqual(['oauth.token', 'token']);
    expect(marked('curl https://api.example.test/v1/users', '/v1/users')).toEqual(['/v1/users']);
  });

  test('treats regular-expression characters in the query as text', () => {
    expect(marked('a (b) c', '(b)')).toEqual(['b']);
    expect(marked('price $5.00', '$5.00')).toEqual(['5.00']);
  });

  test('finds nothing without terms', () => {
    expect(termRanges('anything', [])).toEqual([]);
  });
});
