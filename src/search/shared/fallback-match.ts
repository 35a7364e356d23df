/**
 * Pagefind never answers "nothing" for a word it does not know: it searches the longest start of
 * that word that is in the index instead (its PR #315, with no option to turn it off), so
 * "webhook" lists every section with "we" in it. A section it lists must show the word it matched
 * (marked in the excerpt, or in the title or the identifier keywords); when none of the first
 * results shows a word that shares enough of its beginning with a word typed, that word was not
 * found and neither is the query.
 */

const WORDS = /[\p{L}\p{N}]+/gu;
/** Lower case without accents: Pagefind matches "uber" to "Über". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const wordsOf = (text: string): string[] => fold(text).match(WORDS) ?? [];

const commonStart = (a: string, b: string) => {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
};

/**
 * Whether `shown` could be what Pagefind matched for the typed `word`: a word it starts (a prefix
 * search), or one sharing a beginning of 3 letters or more that is half the word or all but its
 * last 4 letters (what stemming leaves: "running" finds "run", "authorization" finds
 * "authorized"), but not "we" for "webhook" or "doc" for "documentation".
 */
export function couldMatch(word: string, shown: string): boolean {
  if (shown.startsWith(word)) return true;
  const common = commonStart(word, shown);
  return common >= 3 && (2 * common >= word.length || common >= word.length - 4);
}

/** What a result shows of its matches: its title, its identifier keywords and the words marked in its excerpt. */
export interface ShownResult {
  excerpt: string;
  meta: { title?: string; keywords?: string };
}

const MARK = /<mark>(.*?)<\/mark>/g;

/**
 * Whether every plain word of the query (letters and digits only: identifiers and phrases with
 * punctuation are left to Pagefind) shows up in at least one of the results.
 */
export function everyWordFound(query: string, results: readonly ShownResult[]): boolean {
  const typed = query
    .split(/\s+/)
    .map(fold)
    .filter((word) => /^[\p{L}\p{N}]+$/u.test(word));
  if (typed.length === 0 || results.length === 0) return true;
  const shown = new Set<string>();
  for (const result of results) {
    for (const word of wordsOf(`${result.meta.title ?? ''} ${result.meta.keywords ?? ''}`)) shown.add(word);
    for (const [, marked] of result.excerpt.matchAll(MARK)) for (const word of wordsOf(marked ?? '')) shown.add(word);
  }
  return typed.every((word) => [...shown].some((candidate) => couldMatch(word, candidate)));
}
