/**
 * Pagefind ranks by stems: "installation" and "installing" are one word to it, so a query for
 * "installation" may list "Installing the Utility" above the section titled "Installation". A reader
 * who typed a section's name expects that section first, so the first results are put in order of
 * how their titles match the words as typed (whole words, any case), keeping Pagefind's order
 * within each kind of match.
 */

const WORDS = /[\p{L}\p{N}_]+/gu;
const wordsOf = (text: string): string[] => text.toLowerCase().match(WORDS) ?? [];

/** How a title matches a query: 0 its words are the query's, 1 it holds every word of the query, 2 neither. */
export function titleMatch(title: string, query: string): 0 | 1 | 2 {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return 2;
  const words = wordsOf(title);
  if (words.join(' ') === wanted.join(' ')) return 0;
  return wanted.every((word) => words.includes(word)) ? 1 : 2;
}

/** The results in order of title match, Pagefind's order kept within each (a stable sort). */
export function byTitleMatch<T>(results: readonly T[], titleOf: (result: T) => string, query: string): T[] {
  return results
    .map((result, order) => ({ result, order, match: titleMatch(titleOf(result), query) }))
    .sort((a, b) => a.match - b.match || a.order - b.order)
    .map(({ result }) => result);
}

/**
 * The query as a Pagefind phrase (its words in a row, in quotes), or undefined when the reader
 * quoted something already: their quotes are theirs.
 */
export function titlePhrase(query: string): string | undefined {
  if (query.includes('"')) return undefined;
  const words = wordsOf(query);
  return words.length >= 2 ? `"${words.join(' ')}"` : undefined;
}

/** Whether a query may be a section's name worth looking further for: two words or more. */
export const looksLikeTitle = (query: string): boolean => wordsOf(query).length >= 2;

/**
 * The first results to show for a query: the first page, with any section of the results looked
 * through further (`further`) whose title is the query as typed put in front, then ordered by
 * title match. Results pushed off the first page come next in line (`rest` of the returned list).
 */
export function withTitledAsTyped<T>(firstPage: readonly T[], further: readonly T[], titleOf: (result: T) => string, query: string): T[] {
  const exact = (result: T) => titleMatch(titleOf(result), query) === 0;
  const found = firstPage.some(exact) ? [] : further.filter(exact);
  return byTitleMatch([...found, ...firstPage], titleOf, query);
}
