/**
 * The stylesheet that shows the active tab's code: the root element holds the active tab's index
 * (`data-tab-index`), and each tab gets one rule that shows its blocks and Slate's `.lang-specific`
 * elements. Made for as many tabs as the site's pages have (served as `virtual:shale/tabs.css`), so
 * any number of tabs works; one attribute change switches the whole page.
 */
export function tabRulesCss(tabs: number): string {
  const selectors = Array.from(
    { length: Math.max(1, tabs) },
    (_, index) => `:root[data-tab-index='${index}'] :is(.code-block[data-tab-index='${index}'], .lang-specific.tab-${index})`,
  );
  return `${selectors.join(',\n')} {\n  display: block;\n}\n`;
}
