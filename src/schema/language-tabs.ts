/** One language tab as the page declares it. */
export interface LanguageTab {
  /** The tab key: fences named after it (or an alias of its language) belong to it, e.g. `ruby--v2`. */
  key: string;
  /** What the tab button says: the display name (`shell: cURL`) or the key itself. */
  label: string;
}

/**
 * Normalises Slate's `language_tabs` entries (`- ruby` or `- shell: cURL`) to tabs.
 * Entries are assumed valid (the front-matter schema checks their shape).
 */
export function normaliseTabs(entries: ReadonlyArray<string | Record<string, string>>): LanguageTab[] {
  return entries.map((entry) => {
    if (typeof entry === 'string') return { key: entry.trim(), label: entry.trim() };
    const [key, label] = Object.entries(entry)[0]!;
    return { key: key.trim(), label: String(label ?? key).trim() || key.trim() };
  });
}

/**
 * The tab a fence belongs to, or undefined when it shows under every tab.
 * A fence joins the tab of the same name, else the tab whose language is the same as its own
 * (`bash`, `sh` and `zsh` join `shell`; `js` joins `javascript`), which Slate failed to do.
 * A `lang--suffix` fence only joins the tab with exactly that key, as in Slate.
 */
export function tabKeyForFence(fence: string, tabs: readonly LanguageTab[], canonical: (name: string) => string | undefined): string | undefined {
  const name = fence.trim();
  if (!name) return undefined;
  if (tabs.some((tab) => tab.key === name)) return name;
  if (name.includes('--')) return undefined;
  const language = canonical(name);
  if (!language || language === 'text') return undefined;
  // The tab named as the language itself first: with tabs `node` and `javascript`, a `js` fence is JavaScript's whatever their order.
  const plain = tabs.filter((tab) => !tab.key.includes('--'));
  return (plain.find((tab) => tab.key.toLowerCase() === language) ?? plain.find((tab) => canonical(tab.key) === language))?.key;
}
