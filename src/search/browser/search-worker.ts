/// <reference lib="webworker" />
import { missingWord } from '../shared/fallback-match';
import { looksLikeTitle, titleMatch, titlePhrase, withTitledAsTyped } from '../shared/title-match';
import { ENDPOINTS_FILE, matchEndpoints, pathQuery, type Endpoint } from '../shared/endpoint-match';
/**
 * Runs Pagefind off the page's main thread and answers the search box (search.ts) with only what it
 * shows: the number of results and the data of the first few. Pagefind's own worker sends every
 * result of a query to the page (7,600 of them for "created after" at 5,000 endpoints), which cost
 * the page 20–30 ms per search; here Pagefind runs inside this worker, where it does not start one of
 * its own, and its results stay here until "Show more" asks for the next ones.
 */

/** What this worker uses of Pagefind's browser API (`pagefind.js`). */
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(language?: string): Promise<void>;
  mergeIndex(indexPath: string, options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
  preload(term: string): Promise<void>;
}
interface PagefindResult {
  /** The section's page hash: the same section has the same id in every search. */
  id: string;
  data(): Promise<ResultData>;
}

export interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; keywords?: string };
  filters?: { parent?: string[]; doc?: string[] };
}

export type WorkerRequest =
  | { type: 'load'; id: number; bundle: string; baseUrl: string; language: string }
  | { type: 'search'; id: number; query: string; count: number }
  | { type: 'more'; id: number; from: number; count: number }
  /**
   * A query being typed: fetches the index chunks it needs and loads the data of its first `count`
   * results (warm), so its search, once the debounce is over, waits for neither. Not answered.
   */
  | { type: 'preload'; id: number; query: string; count: number };

export type WorkerAnswer =
  | { type: 'loaded'; id: number }
  | { type: 'failed'; id: number }
  | { type: 'results'; id: number; total: number; shown: ResultData[]; /** A word no section has (the query then finds nothing). */ missing?: string }
  /** Pagefind answers no results object when its engine cannot start (a CSP without 'wasm-unsafe-eval', say). */
  | { type: 'unavailable'; id: number };

/** A title match counts 5× (Pagefind's default); identifier keywords 0.3×: they make code findable without letting code-heavy sections outrank the prose that explains a term. */
const RANKING = { metaWeights: { title: 5, keywords: 0.3 } };
/**
 * How many results past the first page a query of two words or more looks through for a section
 * titled as typed. Pagefind weighs a long section down, so a reader who types a section's name may
 * not see it on the first page: GitHub's REST API's "Get a repository" (its response is a long
 * table) came 38th for that query, "List organizations" 25th.
 */
const TITLE_LOOKAHEAD = 40;
/**
 * How many results of the query searched as a phrase are looked through first. Pagefind matches
 * each word as a prefix of the words in the index chunks it has loaded so far, so the plain ranking
 * depends on what the reader searched before ("Get a repository" came 42nd in a fresh session,
 * 48th after a thousand other searches); the phrase's results are few and the same in any session
 * (it came 2nd of 28 in both).
 */
const PHRASE_LOOKAHEAD = 20;
/** Words around the match in an excerpt. */
const EXCERPT_WORDS = 22;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let engine: Pagefind | undefined;
/** Where the index is and the site's base URL, from the `load` request. */
let site: { bundle: string; baseUrl: string } | undefined;
/** The site's operations (endpoint-match.ts), fetched the first time a query looks like a path. */
let endpointList: Promise<Endpoint[]> | undefined;
/** The results of the last search, for "Show more". */
let lastResults: PagefindResult[] = [];

const answer = (message: WorkerAnswer) => scope.postMessage(message);

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'load') {
    try {
      const [pagefind, shards] = await Promise.all([
        import(/* @vite-ignore */ `${request.bundle}pagefind.js`) as Promise<Pagefind>,
        shardFolders(request.bundle),
      ]);
      const options = { excerptLength: EXCERPT_WORDS, ranking: RANKING, baseUrl: request.baseUrl };
      await pagefind.options(options);
      // A worker has no <html lang> for Pagefind to read: the page tells it.
      await pagefind.init(request.language);
      // A large site's index is in shards (search-shards.ts): Pagefind searches them all and merges the results by score.
      await Promise.all(shards.map((folder) => pagefind.mergeIndex(`${request.bundle}${folder}`, { ...options, language: request.language })));
      engine = pagefind;
      site = { bundle: request.bundle, baseUrl: request.baseUrl };
      answer({ type: 'loaded', id: request.id });
    } catch {
      answer({ type: 'failed', id: request.id });
    }
    return;
  }
  if (request.type === 'preload') {
    await engine?.preload(request.query).catch(() => undefined);
    void warm(request.query, request.count);
    return;
  }
  // A search supersedes the warm-ups still waiting. It searches at once; only loading its results'
  // data waits for the warm-up running now (inTurn).
  warmNext = undefined;
  const search = request.type === 'search' ? await engine?.search(request.query).catch(() => null) : undefined;
  await inTurn(() => answerQuery(request, search));
}

/**
 * Pagefind keeps one data object per section, and each loading of it rewrites that object with the
 * excerpt and word places of the search that loads it: a warm-up loading a section while a search's
 * answer is made gave that answer the warm-up's excerpt, marks on an older query's words ("The" for
 * "bearer t" in the answer to "bearer tok"). So what loads data takes turns; searching does not.
 */
let lane: Promise<unknown> = Promise.resolve();
function inTurn<T>(job: () => Promise<T>): Promise<T> {
  const next = lane.then(job, job);
  lane = next.catch(() => undefined);
  return next;
}

/** A search (`search`: Pagefind's answer to its query), or more results of the last one. */
async function answerQuery(
  request: Extract<WorkerRequest, { type: 'search' | 'more' }>,
  search: Awaited<ReturnType<Pagefind['search']>> | undefined,
): Promise<void> {
  if (!engine) return answer({ type: 'failed', id: request.id });
  if (request.type === 'search') {
    if (!search) return answer({ type: 'unavailable', id: request.id });
    const byPath = await endpointResults(request.query);
    // The first results are shown in order of title match (title-match.ts): their data is loaded
    // anyway, so this costs no request; later pages ("Show more") keep Pagefind's order.
    const withData = (from: number, to: number) => Promise.all(search.results.slice(from, to).map(async (result) => ({ result, data: await result.data() })));
    const first = await withData(0, request.count);
    const titleOf = (entry: (typeof first)[number]) => entry.data.meta.title ?? '';
    const lookFurther =
      looksLikeTitle(request.query) && search.results.length > request.count && !first.some((entry) => titleMatch(titleOf(entry), request.query) === 0);
    const further = lookFurther ? await titledFurther(request.query, () => withData(request.count, request.count + TITLE_LOOKAHEAD)) : [];
    const missing = missingWord(
      request.query,
      first.map((entry) => entry.data),
    );
    if (byPath.length) {
      // A concrete request (`/repos/octo/hello`): the operations it fits first, then what full-text search found.
      const urls = new Set(byPath.map((entry) => entry.data.url));
      lastResults = [...byPath.map((entry) => entry.result), ...search.results.filter((_, index) => !urls.has(first[index]?.data.url ?? ''))];
      return answer({ type: 'results', id: request.id, total: lastResults.length, shown: await dataOf(0, request.count) });
    }
    if (missing) {
      // Pagefind searched a shorter start of a word it does not know (fallback-match.ts).
      lastResults = [];
      return answer({ type: 'results', id: request.id, total: 0, shown: [], missing });
    }
    // A section titled as typed, found further down, is shown first; the results it pushes off the first page stay next in line.
    const ordered = withTitledAsTyped(first, further, titleOf, request.query);
    const placed = new Set(ordered.map((entry) => entry.result.id));
    lastResults = [...ordered.map((entry) => entry.result), ...search.results.slice(request.count).filter((result) => !placed.has(result.id))];
    answer({ type: 'results', id: request.id, total: lastResults.length, shown: ordered.slice(0, request.count).map((entry) => entry.data) });
    return;
  }
  answer({ type: 'results', id: request.id, total: lastResults.length, shown: await dataOf(request.from, request.count) });
}

/**
 * The results to look through for a section titled as typed, when the first page has none: the
 * first results of the query searched as a phrase when one of them is that section, else the plain
 * search's next results (`plainFurther`), which also find a title whose words Pagefind does not
 * keep in a row (punctuation between them).
 */
async function titledFurther(
  query: string,
  plainFurther: () => Promise<Array<{ result: PagefindResult; data: ResultData }>>,
): Promise<Array<{ result: PagefindResult; data: ResultData }>> {
  const phrase = titlePhrase(query);
  const search = phrase && engine ? await engine.search(phrase).catch(() => null) : null;
  const results = search?.results.slice(0, PHRASE_LOOKAHEAD) ?? [];
  const fromPhrase = await Promise.all(results.map(async (result) => ({ result, data: await result.data() })));
  if (fromPhrase.some((entry) => titleMatch(entry.data.meta.title ?? '', query) === 0)) return fromPhrase;
  return plainFurther();
}

/** The text typed last and how many of its results to load, waiting for the warm-up running now to end. */
let warmNext: { query: string; count: number } | undefined;
let warming = false;

/**
 * While a query is being typed, searches its latest text and loads the data of its first results:
 * Pagefind keeps every fragment it loaded, and a word typed key by key mostly finds the sections its
 * last prefix found, so the search after the debounce finds their data at hand (a common word at
 * 5,000 endpoints: loading ten results' data was 75–85 ms of the 217 ms after the last key). One
 * warm-up at a time, for the latest text only, so typing never piles up searches.
 */
async function warm(query: string, count: number): Promise<void> {
  warmNext = { query, count };
  if (warming) return;
  warming = true;
  try {
    while (warmNext !== undefined && engine) {
      const next = warmNext;
      warmNext = undefined;
      const search = await engine.search(next.query).catch(() => null);
      await inTurn(() => Promise.all((search?.results ?? []).slice(0, next.count).map((result) => result.data().catch(() => undefined))));
    }
  } finally {
    warming = false;
  }
}

/**
 * The operations a query that looks like a request fits (endpoint-match.ts), as results whose data
 * is at hand: the title and section of each, and its method and path as the excerpt.
 */
async function endpointResults(query: string): Promise<Array<{ result: PagefindResult; data: ResultData }>> {
  const request = pathQuery(query);
  if (!request || !site) return [];
  const { bundle, baseUrl } = site;
  endpointList ??= fetch(`${bundle}${ENDPOINTS_FILE}`)
    .then((response) => (response.ok ? (response.json() as Promise<{ endpoints?: Endpoint[] }>) : { endpoints: [] }))
    .then((list) => (Array.isArray(list.endpoints) ? list.endpoints : []))
    .catch(() => []);
  // Pagefind escapes `<` and `>` in excerpts and marks matches: the same here (excerpt.ts reads it as text).
  const escape = (text: string) => text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return matchEndpoints(await endpointList, request).map((endpoint) => {
    const data: ResultData = {
      url: `${baseUrl.replace(/\/$/, '')}${endpoint.url}`,
      excerpt: `<mark>${escape(`${endpoint.method} ${endpoint.path}`)}</mark>`,
      meta: { title: endpoint.title },
      filters: { ...(endpoint.parent ? { parent: [endpoint.parent] } : {}), ...(endpoint.doc ? { doc: [endpoint.doc] } : {}) },
    };
    return { result: { id: `endpoint:${endpoint.url}`, data: async () => data }, data };
  });
}

/** The folders of the index's other shards, from the list written beside pagefind.js (named as search-shards.ts names them). */
async function shardFolders(bundle: string): Promise<string[]> {
  const response = await fetch(`${bundle}shale-shards.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`shale-shards.json: ${response.status}`);
  const { shards } = (await response.json()) as { shards?: unknown };
  if (!Array.isArray(shards) || !shards.every((folder) => typeof folder === 'string' && /^shard-\d+\/$/.test(folder)))
    throw new Error('shale-shards.json: not a list of shard folders');
  return shards as string[];
}

const dataOf = (from: number, count: number) => Promise.all(lastResults.slice(from, from + count).map((result) => result.data()));

// Every request gets an answer, even when fetching a result's data fails (offline, say): the page waits for it.
scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch(() => answer({ type: 'failed', id: event.data.id }));
});
