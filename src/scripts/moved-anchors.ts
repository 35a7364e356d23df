import { anchorShard } from '../content/anchor-shards';

/**
 * A split page set keeps old single-page links working: when the URL names an id this page does
 * not have (`/#get-a-widget`), look it up in the moved-anchor map and go to the page that holds it.
 */
const main = document.querySelector<HTMLElement>('main[data-moved-anchors]');

async function follow(): Promise<void> {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!main || !id || document.getElementById(id)) return;
  try {
    const response = await fetch(`${main.dataset.movedAnchors}${anchorShard(id)}.json`);
    if (!response.ok) return;
    const target = ((await response.json()) as Record<string, string>)[id];
    if (!target) return;
    const url = new URL(`${main.dataset.siteRoot}${target}`, location.href);
    url.search = location.search;
    url.hash = location.hash;
    if (url.pathname !== location.pathname) location.replace(url);
  } catch {
    /* Offline or blocked: the reader stays on this page. */
  }
}

if (main) {
  void follow();
  window.addEventListener('hashchange', () => void follow());
}
