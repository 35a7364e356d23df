import type { Element, ElementContent, Properties, Root } from 'hast';
import { Parser } from 'htmlparser2';
import { find, html } from 'property-information';

/**
 * Reads HTML that Shale wrote into a hast tree for the Markdown serializer (page-markdown.ts).
 *
 * parse5 follows the HTML standard to the letter and took 7.2 s of the 9.5 s that GitHub's REST
 * reference (495 pages, 45 MB of `<main>`) spent on its Markdown; with htmlparser2 the whole step
 * takes 4.3–5.2 s, and the Markdown of 1,718 built pages (GitHub, the corpora, the fixtures) came
 * out byte for byte the same. Its leniency costs nothing here: the HTML comes from hast-util-to-html and
 * Astro, so it is already well formed (every raw HTML block of a source went through parse5 once,
 * in rehype-raw-runs.ts), and htmlparser2 closes what HTML closes by itself (`<p>`, `<li>`, void elements).
 * The tree is what hast-util-from-parse5 gives for such HTML, for what the serializer reads.
 */

/** Elements whose first newline HTML drops (the standard's rule for `<pre>` and `<textarea>`). */
const LEADING_NEWLINE_DROPPED = new Set(['pre', 'textarea', 'listing']);
/** An attribute as hast has it (`class` → `className` as a list, `colspan` → `colSpan` as a number), remembered per name. */
const attributeInfo = new Map<string, ReturnType<typeof find>>();

function propertiesOf(attributes: Record<string, string>): Properties {
  const properties: Properties = {};
  for (const name in attributes) {
    const value = attributes[name]!;
    let info = attributeInfo.get(name);
    if (!info) {
      info = find(html, name);
      attributeInfo.set(name, info);
    }
    if (info.boolean || info.overloadedBoolean) properties[info.property] = info.overloadedBoolean && value !== '' && value !== name ? value : true;
    else if (info.booleanish) properties[info.property] = value === '' || value === 'true' ? true : value === 'false' ? false : value;
    else if (info.spaceSeparated) properties[info.property] = value.split(/[ \t\n\f\r]+/).filter(Boolean);
    else if (info.commaSeparated)
      properties[info.property] = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    else if (info.number && value.trim() !== '' && !Number.isNaN(Number(value))) properties[info.property] = Number(value);
    else properties[info.property] = value;
  }
  return properties;
}

/** The tree of an HTML fragment: elements with their properties, and text (comments and doctypes left out). */
export function htmlTree(html: string): Root {
  const root: Root = { type: 'root', children: [] };
  const open: Array<Root | Element> = [root];
  const current = () => open[open.length - 1]!;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: Element = { type: 'element', tagName: name, properties: propertiesOf(attributes), children: [] };
        (current().children as ElementContent[]).push(element);
        open.push(element);
      },
      onclosetag() {
        if (open.length === 1) return;
        const element = open.pop() as Element;
        const first = element.children[0];
        if (LEADING_NEWLINE_DROPPED.has(element.tagName) && first?.type === 'text') {
          first.value = first.value.replace(/^\r?\n/, '');
          if (!first.value) element.children.shift();
        }
      },
      ontext(text) {
        const siblings = current().children as ElementContent[];
        const last = siblings[siblings.length - 1];
        if (last?.type === 'text') {
          last.value += text;
          return;
        }
        siblings.push({ type: 'text', value: text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}
