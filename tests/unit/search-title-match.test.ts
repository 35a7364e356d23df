import { describe, expect, it } from 'vitest';
import { byTitleMatch, looksLikeTitle, titleMatch, titlePhrase, withTitledAsTyped } from '../../src/search/shared/title-match';

describe('titleMatch', () => {
  it('is 0 when the title is the query, in any case and punctuation', () => {
    expect(titleMatch('Installation', 'installation')).toBe(0);
    expect(titleMatch('Get a Widget', '  get A widget ')).toBe(0);
    expect(titleMatch('client_secret', 'client_secret')).toBe(0);
  });

  it('is 1 when the title holds every word typed, as whole words', () => {
    expect(titleMatch('Refresh the Bearer Token', 'bearer token')).toBe(1);
    expect(titleMatch('Call oauth.token', 'oauth.token')).toBe(1);
  });

  it('is 2 when a word is only a stem or a prefix of a title word, or the query has no words', () => {
    expect(titleMatch('Installing the Relay', 'installation')).toBe(2);
    expect(titleMatch('Bearer Token', 'bearer tok')).toBe(2);
    expect(titleMatch('Tokens', 'token')).toBe(2);
    expect(titleMatch('Anything', ' ?! ')).toBe(2);
  });
});

describe('byTitleMatch', () => {
  it('puts exact titles first, then titles holding every word, keeping the given order within each', () => {
    const results = ['Installing the Relay', 'Relay installation notes', 'Requirements', 'Installation', 'Installation guide'];
    expect(byTitleMatch(results, (title) => title, 'installation')).toEqual([
      'Installation',
      'Relay installation notes',
      'Installation guide',
      'Installing the Relay',
      'Requirements',
    ]);
  });

  it('keeps the order when no title matches', () => {
    expect(byTitleMatch(['b', 'a', 'c'], (title) => title, 'zzz')).toEqual(['b', 'a', 'c']);
  });
});

describe('withTitledAsTyped (a section named as typed, found past the first page)', () => {
  const firstPage = ['List repository teams', 'List child teams', 'List team members'];
  const further = ['List team repositories', 'List teams', 'Teams'];
  const same = (title: string) => title;

  it('puts a section titled as typed from further down in front, and keeps what it displaces next in line', () => {
    expect(withTitledAsTyped(firstPage, further, same, 'list teams')).toEqual(['List teams', 'List repository teams', 'List child teams', 'List team members']);
  });

  it('leaves the first page as it is when it already has the section, or nothing further down has it', () => {
    expect(withTitledAsTyped(['List child teams', 'List teams'], ['List teams'], same, 'List teams')).toEqual(['List teams', 'List child teams']);
    expect(withTitledAsTyped(firstPage, ['Get a team'], same, 'list teams')).toEqual(['List repository teams', 'List child teams', 'List team members']);
  });

  it('is tried only for queries of two words or more', () => {
    expect(looksLikeTitle('list teams')).toBe(true);
    expect(looksLikeTitle('settlement')).toBe(false);
    expect(looksLikeTitle(' teams ! ')).toBe(false);
  });
});

describe('titlePhrase (the query searched as words in a row)', () => {
  it('quotes the words typed, in lower case, without punctuation between them', () => {
    expect(titlePhrase('Get a repository')).toBe('"get a repository"');
    expect(titlePhrase('  Closing down - Get an assignment ')).toBe('"closing down get an assignment"');
  });

  it('leaves a query with quotes of its own, or of one word, alone', () => {
    expect(titlePhrase('"get a" repository')).toBeUndefined();
    expect(titlePhrase('repository')).toBeUndefined();
    expect(titlePhrase(' ?! ')).toBeUndefined();
  });
});
