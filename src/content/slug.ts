import { createHash } from 'node:crypto';

/** Letters ActiveSupport transliterates to more than one ASCII letter (or to a different one). */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  þ: 'th', Þ: 'TH', ł: 'l', Ł: 'L', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N', ĸ: 'k', ſ: 's',
};

/** ASCII form of a text as I18n.transliterate makes it: accents dropped, unknown letters become "?". */
function transliterate(text: string): string {
  let out = '';
  for (const char of text) {
    if (char.charCodeAt(0) < 128) out += char;
    else if (SPECIAL_LETTERS[char]) out += SPECIAL_LETTERS[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += /^[\x00-\x7f]+$/.test(base) ? base : '?';
    }
  }
  return out;
}

/** ActiveSupport's `parameterize`: ASCII, runs of other characters to "-", trimmed, lowercase. */
export function parameterize(text: string): string {
  return transliterate(text)
    .replace(/[^a-z0-9\-_]+/gi, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** Escapes text the way Redcarpet hands it to Slate's heading renderer. */
export function escapeLikeRedcarpet(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The id Slate gives a heading whose inline HTML (text escaped as Redcarpet does) is `html`:
 * tags stripped and parameterized, or the first 10 hex digits of its SHA1 when nothing is left.
 */
export function slateBaseId(html: string): string {
  const id = parameterize(html.replace(/<[^>]*>/g, ''));
  return id || createHash('sha1').update(html).digest('hex').slice(0, 10);
}

/**
 * The id the first UniqueHeadCounter gave (Slate 1.5 to 2.0, April to November 2017; a project
 * keeps its `lib/unique_head.rb`): the inline HTML parameterized with its tags in it, so
 * "`<code>training_subject</code>`" is `code-training_subject-code`. It had no SHA1 for a heading
 * nothing is left of; Slate's later one is given then, rather than an empty id.
 */
export function slate2017BaseId(html: string): string {
  return parameterize(html) || slateBaseId(html);
}

/**
 * The base ids NestingUniqueHeadCounter gave (the renderer Slate offered instead of its own, named
 * by `renderer:` in config.rb), in reading order across the page's files: a heading's own id after
 * the `nestKey` of the last heading seen at each higher level, joined with `-`
 * (`bills-create-a-bill`). As its Ruby did: a level once seen stays (a stale prefix when a level is
 * skipped), and the prefix keeps tags' names. Headings with an id written in HTML never reached it.
 * A heading's own part is Slate's (`base`): where nothing is left of its text, the SHA1 that
 * renderer lacked, rather than an empty id.
 */
export function nestedBases(headings: ReadonlyArray<{ level: number; base: string; nestKey?: string }>): string[] {
  const history = new Map<number, string>();
  return headings.map(({ level, base, nestKey }) => {
    if (nestKey === undefined) return base;
    history.set(level, nestKey);
    const above: string[] = [];
    for (let higher = 1; higher < level; higher++) if (history.has(higher)) above.push(history.get(higher)!);
    return [...above, base].join('-');
  });
}

/** The characters Redcarpet's own heading ids leave out (besides every one outside ASCII). */
const REDCARPET_STRIPPED = new Set(' -&+$,/:;=?@"#{}|^~[]`\\*()%.!\'');

/**
 * The id Redcarpet itself gives a heading whose inline HTML is `html` (its `with_toc_data`, which
 * Slate used before UniqueHeadCounter): tags and entities skipped, ASCII letters and digits kept in
 * lower case, each run of anything else (a character outside ASCII included) one `-`, none at the
 * ends; `part-` and a djb2 hash of the HTML's bytes when nothing is left.
 */
export function redcarpetAnchor(html: string): string {
  let id = '';
  let stripped = false;
  let inserted = false;
  for (let i = 0; i < html.length; i++) {
    const char = html[i]!;
    if (char === '<') {
      i = html.indexOf('>', i) < 0 ? html.length : html.indexOf('>', i);
    } else if (char === '&' && /^&[^ ;]*;/.test(html.slice(i))) {
      i = html.indexOf(';', i);
    } else if (char.charCodeAt(0) > 127 || REDCARPET_STRIPPED.has(char)) {
      if (inserted && !stripped) id += '-';
      stripped = true;
    } else {
      id += char.toLowerCase();
      stripped = false;
      inserted = true;
    }
  }
  if (stripped && inserted) id = id.slice(0, -1);
  if (inserted || !html) return id;
  // djb2 over the bytes, in C's unsigned long (64 bits here), printed in hex.
  let hash = 5381n;
  for (const byte of Buffer.from(html, 'utf8')) hash = (hash * 33n + BigInt(byte)) & 0xffffffffffffffffn;
  return `part-${hash.toString(16)}`;
}

/** A heading to give an id: the file it comes from, its Slate base id, or an id the writer fixed. */
export interface IdRequest {
  file: string;
  base: string;
  /** An id the writer set in raw HTML (`<h2 id="x">`): kept as written. */
  fixed?: string;
  /** A raw-HTML heading with no id in Slate's format: Slate gave it none (its renderer saw Markdown's headings only). */
  raw?: boolean;
}

/**
 * The ids Slate itself gave: counted per file (UniqueHeadCounter is per template), so they may
 * repeat. A raw-HTML heading had none and counts no repeat: it gets its Slate base here, and its
 * page id from allocateIds.
 */
export function slateIdsOf(requests: readonly IdRequest[]): string[] {
  const perFile = new Map<string, Map<string, number>>();
  return requests.map((request) => {
    if (request.fixed) return request.fixed;
    if (request.raw) return request.base;
    const counts = perFile.get(request.file) ?? new Map<string, number>();
    perFile.set(request.file, counts);
    const count = (counts.get(request.base) ?? 0) + 1;
    counts.set(request.base, count);
    return count === 1 ? request.base : `${request.base}-${count}`;
  });
}

/**
 * Ids for every heading of a page (body and includes), unique across the page.
 * Each file first gets Slate's own ids (`foo`, `foo-2`… counted per file, slate#952), so every
 * id that was unique in Slate's output stays the same and old deep links keep working. Where
 * Slate repeated an id (across files, or `# Foo`, `# Foo`, `# Foo 2`), the later heading gets the
 * next `base-N` that no other heading of the page uses. Raw-HTML headings that Slate gave no id
 * take theirs last, so they never take one from a heading Slate's links point to.
 */
export function allocateIds(requests: readonly IdRequest[]): string[] {
  const slateIds = slateIdsOf(requests);
  const everySlateId = new Set(slateIds.filter((_, index) => !requests[index]!.raw));
  const assigned = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const allocate = (request: IdRequest, index: number): string => {
    const slateId = slateIds[index]!;
    if (request.fixed || !(assigned.has(slateId) || (request.raw && everySlateId.has(slateId)))) {
      assigned.add(slateId);
      return slateId;
    }
    let suffix = nextSuffix.get(request.base) ?? 2;
    let id = `${request.base}-${suffix}`;
    while (everySlateId.has(id) || assigned.has(id)) id = `${request.base}-${++suffix}`;
    nextSuffix.set(request.base, suffix + 1);
    assigned.add(id);
    return id;
  };
  const ids: string[] = [];
  requests.forEach((request, index) => {
    if (!request.raw) ids[index] = allocate(request, index);
  });
  requests.forEach((request, index) => {
    if (request.raw) ids[index] = allocate(request, index);
  });
  return ids;
}
