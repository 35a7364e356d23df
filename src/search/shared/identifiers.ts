/**
 * Extra search words for identifiers in code and prose (`client_secret`, `oauth.token`,
 * `https://api.example/v1/users`, `SecureRandom`).
 *
 * Pagefind 1.6 indexes a punctuated word whole (`client_secret` → `clientsecret`) and by each part,
 * but not by a run of parts in the middle: `/v1/users` inside a URL, or `oauth/token` inside
 * `https://appointman.example/oauth/token`, cannot be found (pagefind#676, #267 for older versions,
 * which did not even split). Search is by prefix, so indexing every run that *ends* a token
 * (`v1users`, `users`…) makes every run of its parts findable. Earlier versions split less, so the
 * parts are listed too rather than trusting the tokenizer of the day.
 */

/** Ends a token: whitespace, quotes (typographic too), brackets and the punctuation between tokens in code (`a=b&c`). */
const TOKEN_BREAK = /[\s"'`‘’“”«»()[\]{}<>,;|=&?!*+^$\\#%~]+/u;
/** Separates the parts of a token: anything but letters and digits. */
const PART_BREAK = /[^\p{L}\p{N}]+/u;
/**
 * A lower-case letter followed by an upper-case one (`secureRandom`, `XMLHttpRequest` → `XMLHttp`,
 * `Request`). Acronyms are not split further: that would cut `RESTful` and `URLs` into nonsense.
 */
const CAMEL_BREAK = /(?<=\p{Ll})(?=\p{Lu})/u;
/** A cheap test that a token could have two parts: punctuation between letters or digits, or a case change. */
const MAYBE_IDENTIFIER = /[\p{L}\p{N}][^\p{L}\p{N}]+[\p{L}\p{N}]|\p{Ll}\p{Lu}/u;
/** Longest run of parts indexed as one word: longer runs are found by the prefix of a shorter one. */
const MAX_RUN = 6;
const MIN_PART = 2;

/** The parts of one token, lower-cased: `client_secret` → `client`, `secret`; `SecureRandom` → `secure`, `random`. */
export function identifierParts(token: string): string[] {
  return token
    .split(PART_BREAK)
    .flatMap((piece) => piece.split(CAMEL_BREAK))
    .filter(Boolean)
    .map((part) => part.toLowerCase());
}

/**
 * The words that make the identifiers in `text` findable whole and by their parts: every part of at
 * least two characters, and every run of two or more parts joined (`client_secret` gives `client`,
 * `secret`, `clientsecret`). Plain words, numbers and abbreviations (`e.g.`) give nothing.
 * The result is deduplicated, in order of first appearance.
 */
export function identifierWords(text: string): string[] {
  const words = new Set<string>();
  // Code repeats itself (one sample per language) and most words are plain: look at each token once.
  for (const token of new Set(text.split(TOKEN_BREAK))) for (const word of tokenWords(token)) words.add(word);
  return [...words];
}

/** Forgets the words of the tokens met so far: called when a build (or a dev reload) loads the content. */
export function forgetIdentifierWords(): void {
  wordsOfToken.clear();
}

/** The words of each token met so far: API docs repeat the same identifiers in every section. */
const wordsOfToken = new Map<string, readonly string[]>();
/** Beyond this many distinct tokens, start again rather than grow without bound. */
const MAX_REMEMBERED_TOKENS = 200_000;

function tokenWords(token: string): readonly string[] {
  let words = wordsOfToken.get(token);
  if (!words) {
    words = wordsOf(token);
    if (wordsOfToken.size >= MAX_REMEMBERED_TOKENS) wordsOfToken.clear();
    wordsOfToken.set(token, words);
  }
  return words;
}

/** What `identifierWords` gives for one token: nothing unless it has punctuation inside or a lower-to-upper case change. */
function wordsOf(token: string): string[] {
  if (!MAYBE_IDENTIFIER.test(token)) return [];
  const parts = identifierParts(token);
  if (parts.length < 2 || !parts.some((part) => /\p{L}/u.test(part) && part.length >= MIN_PART)) return [];
  const words: string[] = [];
  for (let start = 0; start < parts.length; start++) {
    const part = parts[start]!;
    if (part.length >= MIN_PART) words.push(part);
    if (start < parts.length - 1) words.push(parts.slice(start, start + MAX_RUN).join(''));
  }
  return words;
}
