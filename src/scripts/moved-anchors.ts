import { anchorShard } from '../content/anchor-shards';

/**
 * A split page set keeps old single-page links working: when the URL names an id this page does
 * not have (`/#get-a-widget`), look it up in the moved-anchor map and go to the page that holds it.
 */
const main = document.querySelector<HTMLElement>('main[data-moved-anchors]');

async function follow(): Promise<void> {
  if (!main) return;
  try {
    // Read once, before the fetch: while it runs, the scrollspy rewrites the hash to the section in
    // view (`#introduction`), and sending that on made the pages send the reader back and forth.
    const hash = location.hash;
    // Inside the try: a malformed hash (`#%E0`) must not throw on the page.
    const id = decodeURIComponent(hash.slice(1));
    if (!id || document.getElementById(id)) return;
    const response = await fetch(`${main.dataset.movedAnchors}${anchorShard(id)}.json`);
    if (!response.ok) return;
    // The shard maps each split page's set (its first page) to its ids: look in this page's set only.
    const target = ((await response.json()) as Record<string, Record<string, string> | undefined>)[main.dataset.anchorSet ?? '']?.[id];
    if (!target) return;
    // `index.html` is served as its folder (`/`, `/v3/`), as the set's own links name it.
    const url = new URL(`${main.dataset.siteRoot}${target.replace(/(^|\/)index\.html$/, '$1')}`, location.href);
    url.search = location.search;
    url.hash = hash;
    if (url.pathname !== location.pathname) location.replace(url);
  } catch {
    /* Offline or blocked: the reader stays on this page. */
  }
}

/**
 * On the 404 page: an address that is no page may still name a section, by its hash or as the page
 * name itself (`repos/get-a-repository.html` from before a page was renamed, `kittens.html` of a
 * doc no longer split). The address of the page of a split set that holds that id, preferring the
 * set in the address's folder; undefined when none does.
 */
async function sectionAddress(): Promise<URL | undefined> {
  if (!main) return undefined;
  try {
    const root = new URL(main.dataset.siteRoot ?? '/', location.href).pathname;
    if (!location.pathname.startsWith(root)) return undefined;
    const [, folder = '', name = ''] = /^(?:(.*)\/)?([^/]*?)(?:\.html)?$/.exec(decodeURIComponent(location.pathname.slice(root.length))) ?? [];
    for (const id of [decodeURIComponent(location.hash.slice(1)), name]) {
      if (!id) continue;
      const response = await fetch(`${main.dataset.movedAnchors}${anchorShard(id)}.json`);
      if (!response.ok) return undefined;
      const holders = Object.entries((await response.json()) as Record<string, Record<string, string>>).flatMap(([source, ids]) =>
        ids[id] ? [{ source, page: ids[id] }] : [],
      );
      const inFolder = (source: string) => (source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '') === folder;
      const holder = holders.find((candidate) => inFolder(candidate.source)) ?? (holders.length === 1 ? holders[0] : undefined);
      if (!holder) continue;
      const url = new URL(`${root}${holder.page.replace(/(^|\/)index\.html$/, '$1')}`, location.href);
      url.search = location.search;
      url.hash = `#${encodeURIComponent(id)}`;
      return url;
    }
  } catch {
    /* Offline, blocked or a malformed address: the 404 page stays. */
  }
  return undefined;
}

if (main?.dataset.notFound !== undefined) {
  // On the 404 page, the map is there (data-moved-anchors) only when some page is split.
  void sectionAddress().then((url) => {
    // A page the map names but the host does not serve (a partial upload) would send the reader here again and again.
    if (url && url.pathname !== location.pathname) location.replace(url);
    // The look-up is over and the 404 page stays (browser tests wait for this).
    else main.dataset.lookedUp = '';
  });
} else if (main) {
  void follow();
  window.addEventListener('hashchange', () => void follow());
}
