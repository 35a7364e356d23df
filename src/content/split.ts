import path from 'node:path';

/** A Markdown page whose HTML would be larger than this is split into one page per h1 group (unless `split: false`). */
export const AUTO_SPLIT_BYTES = 500_000;

/**
 * No page is larger than this (unless one h2 with its h3s is): a page that would be is split, even
 * when Slate built it as one page, and within a split set an h1 group continues on further pages,
 * cut before an h2 (at MAX_SPLIT_PAGE_BYTES). GitHub's REST API through Widdershins has a 24 MB
 * Schemas group; a reader's browser should not have to load it whole.
 */
export const MAX_PAGE_BYTES = 1_000_000;

/**
 * A page of a split set holds at most this much HTML in its sections: a page of a generated API
 * should load in one go on a slow connection. The bench's 5,000 endpoints: a page of 146 KB of
 * sections (3,500 elements) was 31 KB gzipped, 42 KB in all with the CSS, the script and the TOC
 * of 420 h1s; the target for a first load is 40 KB.
 */
export const MAX_SPLIT_PAGE_BYTES = 120_000;

/**
 * Nor has a page of a split set more elements than this (counted in the HTML of its sections):
 * what a browser spends before a page settles grows with its elements more than its bytes. GitHub's
 * REST API: a 318 KB page of 4,000 elements settled in 300 ms, a 518 KB page of 24,000 (long schema
 * tables) in 900 ms. It only cuts pages already split: a doc Slate built as one page stays one page
 * unless it passes MAX_PAGE_BYTES.
 */
export const MAX_PAGE_ELEMENTS = 3_500;

/** Whether a page is split into one page per h1 group. Small docs stay one page, as in Slate. */
export function shouldSplit(setting: 'h1' | false | undefined, htmlBytes: number, h1Groups: number): boolean {
  if (h1Groups < 2 || setting === false) return false;
  return setting === 'h1' || htmlBytes > AUTO_SPLIT_BYTES;
}

/**
 * The output path of each h1 group of a split page: the first group keeps the page's own path, each
 * other group is named after its h1 id beside it (`index.html` → `kittens.html`), never taking a
 * path another page or group already has. The groups of a page other than its folder's index are
 * named after the page too (`v2.html` → `v2-coupons.html`): pages are split each on its own, and two
 * versions of one API side by side (`v1.html`, `v2.html`, both with a "Coupons" h1) would otherwise
 * both write `coupons.html`, the later one over the other (a public Slate source lost half its docs).
 */
export function groupPaths(pagePath: string, h1Ids: readonly string[], taken: ReadonlySet<string>): string[] {
  const dir = path.posix.dirname(pagePath);
  const base = path.posix.basename(pagePath);
  const prefix = base === 'index.html' ? '' : `${fileStem(base.replace(/\.html$/, ''))}-`;
  // Compared without case: `Kittens.html` and `kittens.html` are one file on macOS and Windows.
  const used = new Set([...taken].map((taken) => taken.toLowerCase()));
  return h1Ids.map((id, index) => {
    if (index === 0) {
      used.add(pagePath.toLowerCase());
      return pagePath;
    }
    // An id written in raw HTML (`<h1 id="../x">`, `<h1 id="a b">`) is no safe file name: keep letters,
    // digits, `-` and `_` (Slate's own ids are made of these), so a page never lands outside its folder.
    const stem = prefix + (fileStem(id) || `part-${index + 1}`);
    let candidate = '';
    for (let n = 1; !candidate || used.has(candidate.toLowerCase()); n++) {
      const name = `${stem}${n === 1 ? '' : `-${n}`}.html`;
      candidate = dir === '.' ? name : `${dir}/${name}`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** An id as a file name: runs of other characters become one `-`. */
const fileStem = (id: string): string =>
  id
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);

/** A link from one page of a split set to another in the same folder: `kittens.html`, or `./` for an index page. */
export function siblingHref(outputPath: string): string {
  const name = path.posix.basename(outputPath);
  return name === 'index.html' ? './' : name;
}
