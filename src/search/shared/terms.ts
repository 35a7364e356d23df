import { identifierParts } from './identifiers';

/** Letters and digits: what a word is made of, in any script. */
const WORD_CHAR = '[\\p{L}\\p{N}]';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The terms of a query, lower-cased: each word as typed (without surrounding quotes or punctuation)
 * and, for identifiers, each part (`oauth.token` → `oauth.token`, `oauth`, `token`), longest first.
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const word of query.toLowerCase().split(/\s+/)) {
    const trimmed = word.replace(/^[^\p{L}\p{N}/._-]+|[^\p{L}\p{N}]+$/gu, '');
    if (!trimmed) continue;
    terms.add(trimmed);
    const parts = identifierParts(trimmed);
    if (parts.length > 1) parts.forEach((part) => terms.add(part));
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/**
 * Where the terms occur in `text`, as [start, end) offsets: each occurrence that starts a word (a
 * prefix search found it), extended to the end of that word, so "tok" marks "Token".
 */
export function termRanges(text: string, terms: string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const alternatives = terms.map((term) => `${/^[\p{L}\p{N}]/u.test(term) ? `(?<!${WORD_CHAR})` : ''}${escapeRegExp(term)}${WORD_CHAR}*`);
  const pattern = new RegExp(alternatives.join('|'), 'giu');
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0]) ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
