import type { Element, ElementContent, Root } from 'hast';
import { walkElements } from './walk';
import type { VFile } from 'vfile';
import { getHighlighter, highlightToHast, loadLanguages } from '../highlight/highlighter';
import { canonicalLanguage, isRougeOnlyLanguage, nearestLanguages, splitTabName } from '../schema/languages';
import { tabKeyForFence } from '../schema/language-tabs';
import { pageContext, report } from './context';
import { textOf } from './hast-nodes';

/** The fence name of a `<pre><code class="language-x">` block ('' when the fence has none). */
function fenceName(code: Element): string {
  const classes = (code.properties.className as string[] | undefined) ?? [];
  const language = classes.find((name) => String(name).startsWith('language-'));
  return language ? String(language).slice('language-'.length) : '';
}

/**
 * Blocks of at least this many lines carry `data-lines`: the browser lays them out only near the
 * viewport (code.css), sized meanwhile from their line count. GitHub's REST API has responses of
 * 1,500 lines; five of them on a page took a third of its main-thread time.
 */
const LONG_BLOCK_LINES = 40;

/** Whether the code is a sample the spec compiler made (remark-generated-samples.ts). */
const isGeneratedSample = (code: Element) => code.properties.dataSample === 'generated';

function codeOf(pre: Element): Element | undefined {
  const [first] = pre.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
  return first?.type === 'element' && first.tagName === 'code' ? first : undefined;
}

/**
 * Turns every fenced block into a highlighted block of the code column, tagged with its language
 * and, when it belongs to a tab, that tab's key and index (CSS shows the active tab's blocks).
 * Slate's `lang--suffix` fences are highlighted as `lang`; an unknown language is reported.
 */
export default function rehypeCodeBlocks() {
  return async (tree: Root, file: VFile) => {
    const context = pageContext(file);
    const blocks: Array<{ pre: Element; code: Element; index: number; parent: Root | Element }> = [];
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return;
      const code = codeOf(node);
      if (code) blocks.push({ pre: node, code, index, parent: parent as Root | Element });
    });
    if (blocks.length === 0) return;
    await loadLanguages(blocks.map(({ code }) => splitTabName(fenceName(code)).language).filter((n) => canonicalLanguage(n)));
    const shiki = await getHighlighter();

    for (const { pre, code, index, parent } of blocks) {
      const fence = fenceName(code);
      const { language } = splitTabName(fence);
      const line = pre.position?.start.line ?? code.position?.start.line;
      let highlightAs = language || 'text';
      if (language && !canonicalLanguage(language)) {
        // `- shell: cURL` then ```cURL: the writer named the tab by its label.
        const labelled = context.tabs.find((tab) => tab.label.toLowerCase() === fence.toLowerCase() && tab.key.toLowerCase() !== fence.toLowerCase());
        report(file, 'fence-language-unknown', line, {
          fence,
          nearest: nearestLanguages(language),
          ...(labelled ? { tab: labelled.key } : {}),
          ...(isRougeOnlyLanguage(language) ? { rouge: true } : {}),
        });
        highlightAs = 'text';
      }
      const source = textOf(code).replace(/\n$/, '');
      const tabKey = tabKeyForFence(fence, context.tabs, canonicalLanguage);
      const tabIndex = tabKey === undefined ? -1 : context.tabs.findIndex((tab) => tab.key === tabKey);
      const properties: Element['properties'] = { className: ['code-block'] };
      if (language) properties.dataLanguage = language;
      if (isGeneratedSample(code)) properties.dataSample = 'generated';
      if (tabIndex >= 0) {
        properties.dataTab = tabKey;
        properties.dataTabIndex = String(tabIndex);
      }
      const lines = source.split('\n').length;
      const preProperties: Element['properties'] = { className: ['highlight'], tabIndex: 0 };
      if (lines >= LONG_BLOCK_LINES) preProperties.dataLines = String(lines);
      const children: ElementContent[] = [
        {
          type: 'element',
          tagName: 'pre',
          properties: preProperties,
          children: [{ type: 'element', tagName: 'code', properties: {}, children: highlightToHast(shiki, source, highlightAs) }],
        },
      ];
      if (context.codeClipboard) {
        children.push({
          type: 'element',
          tagName: 'button',
          properties: { type: 'button', className: ['copy-button'] },
          children: [{ type: 'text', value: 'Copy' }],
        });
      }
      parent.children[index] = { type: 'element', tagName: 'div', properties, children, position: pre.position };
    }
  };
}
