import { describe, expect, it } from 'vitest';
import { couldMatch, everyWordFound } from '../../src/search/shared/fallback-match';

describe('couldMatch: a word a result shows, for a word typed', () => {
  it('accepts words the typed one starts (prefix search) and what stemming leaves', () => {
    expect(couldMatch('auth', 'authentication')).toBe(true);
    expect(couldMatch('token', 'token')).toBe(true);
    expect(couldMatch('installation', 'installing')).toBe(true);
    expect(couldMatch('running', 'run')).toBe(true);
    expect(couldMatch('authorization', 'authorized')).toBe(true);
    expect(couldMatch('ponies', 'pony')).toBe(true);
    expect(couldMatch('installa', 'installing')).toBe(true);
  });

  it('refuses the short starts Pagefind falls back to for a word it does not know', () => {
    expect(couldMatch('webhook', 'we')).toBe(false);
    expect(couldMatch('orchid', 'or')).toBe(false);
    expect(couldMatch('documentation', 'doc')).toBe(false);
    expect(couldMatch('sdafadsfasdf', 'sd')).toBe(false);
  });
});

const result = (excerpt: string, title = '', keywords = '') => ({ excerpt, meta: { title, keywords } });

describe('everyWordFound', () => {
  it('is false when no result shows a word for one typed: Pagefind matched only "we" for "webhook"', () => {
    const found = [result('<mark>We</mark> require that applications…', 'Authentication'), result('… so <mark>we</mark> can …', 'Refresh the Bearer Token')];
    expect(everyWordFound('webhook', found)).toBe(false);
    expect(everyWordFound('bearer webhook', found)).toBe(false);
  });

  it('is true when each word shows in a marked word, a title or the keywords, in any case and accents', () => {
    expect(everyWordFound('installation', [result('<mark>Installing</mark> the relay')])).toBe(true);
    expect(everyWordFound('bearer tok', [result('pass the <mark>token</mark>', 'Refresh the Bearer Token')])).toBe(true);
    expect(everyWordFound('uber', [result('', 'Über Straße')])).toBe(true);
    expect(everyWordFound('v1users', [result('', 'Users', 'v1 v1users users')])).toBe(true);
  });

  it('leaves identifiers and punctuation to Pagefind, and has nothing to say without results', () => {
    expect(everyWordFound('client_secret /v1/users', [result('nothing marked')])).toBe(true);
    expect(everyWordFound('webhook', [])).toBe(true);
  });
});
