/**
 * Finding an API operation by a concrete request: `/repos/octo/hello`, `GET /repos/octo/hello`, or
 * a whole URL pasted from a log. The words of such a query ("octo", "hello") are in no section, so
 * full-text search finds nothing; the operation's path template (`/repos/{owner}/{repo}`) matches
 * it. The build lists every operation's method and template (`shale-endpoints.json` beside the
 * search index); the search worker fetches that list the first time a query looks like a path.
 */

/** One operation of the site: its method, path template, and the section that shows it. */
export interface Endpoint {
  method: string;
  path: string;
  url: string;
  title: string;
  parent: string;
  doc: string;
}

/** The file the list is written to, beside `pagefind.js`. */
export const ENDPOINTS_FILE = 'shale-endpoints.json';

const METHODS = /^(get|put|post|delete|options|head|patch|trace|query)$/i;

/** A query that names a request: its method (when given) and its path's segments. */
export interface PathQuery {
  method?: string;
  segments: string[];
}

/** The request a query names, or undefined when it does not look like one (no `/` inside a word). */
export function pathQuery(query: string): PathQuery | undefined {
  const words = query.trim().split(/\s+/);
  let method: string | undefined;
  if (words.length === 2 && METHODS.test(words[0]!)) method = words.shift()!.toUpperCase();
  if (words.length !== 1) return undefined;
  let target = words[0]!;
  const url = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(target);
  if (url) target = url[1] ?? '/';
  else if (!target.startsWith('/')) return undefined;
  const segments = target
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length === 0) return undefined;
  return { ...(method ? { method } : {}), segments };
}

/** A template segment as a test: `{owner}` any value, `{name}.json` any value ending in `.json`. */
function segmentTest(template: string): (value: string) => boolean {
  if (!template.includes('{')) return (value) => value.toLowerCase() === template.toLowerCase();
  const pattern = template
    .split(/(\{[^}]*\})/)
    .map((piece) => (piece.startsWith('{') ? '[^/]+' : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const expression = new RegExp(`^${pattern}$`, 'i');
  return (value) => value === template || expression.test(value);
}

/**
 * The operations whose template matches the query's path, best first: all of its literal segments
 * equal (more of them first), variables matched by any value. A query may carry a prefix the
 * templates do not have (a server's `/v1`); such matches come after every exact-length one.
 */
export function matchEndpoints(endpoints: readonly Endpoint[], query: PathQuery, limit = 10): Endpoint[] {
  const scored: Array<{ endpoint: Endpoint; literal: number; extra: number }> = [];
  for (const endpoint of endpoints) {
    if (query.method && endpoint.method !== query.method) continue;
    const template = endpoint.path.split('/').filter(Boolean);
    const extra = query.segments.length - template.length;
    if (extra < 0 || template.length === 0) continue;
    const values = query.segments.slice(extra);
    let literal = 0;
    let matches = true;
    for (let index = 0; index < template.length && matches; index++) {
      const segment = template[index]!;
      if (!segmentTest(segment)(values[index]!)) matches = false;
      else if (!segment.includes('{')) literal += 1;
    }
    // A template of variables only (`/{id}`) matches any path of its length: no evidence at all.
    if (matches && literal > 0) scored.push({ endpoint, literal, extra });
  }
  const exact = scored.some((entry) => entry.extra === 0);
  return scored
    .filter((entry) => !exact || entry.extra === 0)
    .sort((a, b) => a.extra - b.extra || b.literal - a.literal || a.endpoint.path.length - b.endpoint.path.length)
    .slice(0, limit)
    .map((entry) => entry.endpoint);
}
