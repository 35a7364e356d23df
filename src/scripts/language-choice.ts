/** Where the reader's language comes from: the URL, else what they chose before, else the first tab. */

const STORAGE_KEY = 'language';

/** The language the URL asks for: `?language=ruby`, or Slate's bare `?ruby`. Not checked against the tabs. */
export function languageFromUrl(search: string, keys: readonly string[]): string | undefined {
  const params = new URLSearchParams(search);
  const named = params.get('language');
  if (named !== null) return named;
  const bare = search.replace(/^\?/, '');
  return keys.includes(decodeURIComponent(bare)) ? decodeURIComponent(bare) : undefined;
}

/** The URL after choosing a language: `language=` set, Slate's bare form dropped, other parameters and the hash kept. */
export function urlWithLanguage(href: string, language: string, keys: readonly string[]): string {
  const url = new URL(href);
  const params = new URLSearchParams(url.search);
  for (const key of keys) if (params.has(key) && params.get(key) === '') params.delete(key);
  params.set('language', language);
  url.search = params.toString();
  return url.toString();
}

function storedLanguage(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // Storage can be disabled; tabs still work (Slate 2.9.1).
  }
}

export function storeLanguage(language: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* Storage disabled: the choice lasts for this page only. */
  }
}

/** The first valid choice of: the URL, storage, the first tab. */
export function initialLanguage(search: string, keys: readonly string[]): string {
  const fromUrl = languageFromUrl(search, keys);
  if (fromUrl && keys.includes(fromUrl)) return fromUrl;
  const stored = storedLanguage();
  if (stored && keys.includes(stored)) return stored;
  return keys[0]!;
}
