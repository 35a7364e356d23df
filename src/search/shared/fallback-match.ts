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
 * The first word of the query that none of the results shows, if any: then no section has it, and
 * the query finds nothing, however many of its other words match. Every run of letters and digits
 * typed is a word (`client_secret` is `client` and `secret`, which a section's identifier keywords
 * hold; `onerror=alert(1)>zqxj` holds `zqxj`); a single letter or digit is left out, as its prefix
 * matches nearly everything.
 */
export function missingWord(query: string, results: readonly ShownResult[]): string | undefined {
  const typed = wordsOf(query).filter((word) => [...word].length > 1);
  if (typed.length === 0 || results.length === 0) return undefined;
  const shown = new Set<string>();
  for (const result of results) {
    for (const word of wordsOf(`${result.meta.title ?? ''} ${result.meta.keywords ?? ''}`)) shown.add(word);
    for (const [, marked] of result.excerpt.matchAll(MARK)) for (const word of wordsOf(marked ?? '')) shown.add(word);
  }
  return typed.find((word) => ![...shown].some((candidate) => couldMatch(word, candidate)));
}
