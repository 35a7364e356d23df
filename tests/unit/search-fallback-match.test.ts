import { describe, expect, it } from 'vitest';
import { couldMatch, missingWord } from '../../src/search/shared/fallback-match';

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

describe('missingWord', () => {
  it('names the word no result shows: Pagefind matched only "we" for "webhook"', () => {
    const found = [result('<mark>We</mark> require that applications…', 'Authentication'), result('… so <mark>we</mark> can …', 'Refresh the Bearer Token')];
    expect(missingWord('webhook', found)).toBe('webhook');
    expect(missingWord('bearer webhook', found)).toBe('webhook');
  });

  it('is none when each word shows in a marked word, a title or the keywords, in any case and accents', () => {
    expect(missingWord('installation', [result('<mark>Installing</mark> the relay')])).toBeUndefined();
    expect(missingWord('bearer tok', [result('pass the <mark>token</mark>', 'Refresh the Bearer Token')])).toBeUndefined();
    expect(missingWord('uber', [result('', 'Über Straße')])).toBeUndefined();
    expect(missingWord('v1users', [result('', 'Users', 'v1 v1users users')])).toBeUndefined();
  });

  it('takes every run of letters and digits typed as a word, in identifiers and markup too', () => {
    const secret = [result('send the <mark>client_secret</mark>', 'Exchange the Code', 'client secret clientsecret')];
    expect(missingWord('client_secret', secret)).toBeUndefined();
    expect(missingWord('client_zqxj', secret)).toBe('zqxj');
    const markup = [result('the <mark>img</mark> tag', 'Images', 'img src onerror alert')];
    expect(missingWord('<img src=x onerror=alert(1)>zqxj', markup)).toBe('zqxj');
    expect(missingWord('<img src=x onerror=alert(1)>', markup)).toBeUndefined();
  });

  it('has nothing to say without results, or without a word of two letters or more', () => {
    expect(missingWord('webhook', [])).toBeUndefined();
    expect(missingWord('a 1 /', [result('nothing marked')])).toBeUndefined();
  });
});
