import path from 'node:path';

/** A Markdown page whose HTML would be larger than this is split into one page per h1 group (unless `split: false`). */
export const AUTO_SPLIT_BYTES = 500_000;

/** Whether a page is split into one page per h1 group. Small docs stay one page, as in Slate. */
export function shouldSplit(setting: 'h1' | false | undefined, htmlBytes: number, h1Groups: number): boolean {
  if (h1Groups < 2 || setting === false) return false;
  return setting === 'h1' || htmlBytes > AUTO_SPLIT_BYTES;
}

/**
 * The output path of each h1 group of a split page: the first group keeps the page's own path, each
 * other group is named after its h1 id beside it (`index.html` → `kittens.html`), never taking a
 * path another page or group already has.
 */
export function groupPaths(pagePath: string, h1Ids: readonly string[], taken: ReadonlySet<string>): string[] {
  const dir = path.posix.dirname(pagePath);
  const used = new Set(taken);
  return h1Ids.map((id, index) => {
    if (index === 0) {
      used.add(pagePath);
      return pagePath;
    }
    let candidate = '';
    for (let n = 1; !candidate || used.has(candidate); n++) {
      const name = `${id}${n === 1 ? '' : `-${n}`}.html`;
      candidate = dir === '.' ? name : `${dir}/${name}`;
    }
    used.add(candidate);
    return candidate;
  });
}

/** A link from one page of a split set to another in the same folder: `kittens.html`, or `./` for an index page. */
export function siblingHref(outputPath: string): string {
  const name = path.posix.basename(outputPath);
  return name === 'index.html' ? './' : name;
}
