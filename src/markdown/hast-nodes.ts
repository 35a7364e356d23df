import type { Element, ElementContent, Nodes, Parents, Text } from 'hast';
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';

/**
 * An element as a plugin sees it: a hast element from Markdown (raw HTML included), or a JSX
 * element from MDX (`<aside class="notice">`), which has a name and attributes instead.
 */
export type AnyElement = Element | MdxJsxFlowElementHast | MdxJsxTextElementHast;

export function isElementLike(node: Nodes | ElementContent | undefined): node is AnyElement {
  return !!node && (node.type === 'element' || node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement');
}

export function tagName(node: AnyElement): string {
  return node.type === 'element' ? node.tagName : (node.name ?? '');
}

export function getAttribute(node: AnyElement, name: string): string | undefined {
  if (node.type === 'element') {
    const key = name === 'class' ? 'className' : name;
    const value = node.properties[key];
    if (value === undefined || value === null || value === false) return undefined;
    return Array.isArray(value) ? value.join(' ') : String(value);
  }
  const jsxNames = name === 'class' ? ['class', 'className'] : [name];
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxAttribute' && jsxNames.includes(attribute.name) && typeof attribute.value === 'string') {
      return attribute.value;
    }
  }
  return undefined;
}

export function setAttribute(node: AnyElement, name: string, value: string): void {
  if (node.type === 'element') {
    node.properties[name === 'class' ? 'className' : name] = name === 'class' ? value.split(/\s+/).filter(Boolean) : value;
    return;
  }
  const jsxNames = name === 'class' ? ['class', 'className'] : [name];
  const existing = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && jsxNames.includes(a.name));
  if (existing && existing.type === 'mdxJsxAttribute') existing.value = value;
  else node.attributes.push({ type: 'mdxJsxAttribute', name, value });
}

/**
 * A heading with nothing in it and no id (`<h1 style="display:none"></h1>`, a Slate team's TOC
 * separator): nothing to link to or list, so it gets no id, no TOC entry, no section and no page.
 */
export function isEmptyHeading(node: AnyElement): boolean {
  return (
    getAttribute(node, 'id') === undefined &&
    (node.children as ElementContent[]).every((child) => (child.type === 'text' ? !child.value.trim() : child.type === 'comment'))
  );
}

export const classList = (node: AnyElement): string[] => (getAttribute(node, 'class') ?? '').split(/\s+/).filter(Boolean);

export function addClass(node: AnyElement, ...names: string[]): void {
  setAttribute(node, 'class', [...new Set([...classList(node), ...names])].join(' '));
}

/** The element's text, JSX children included. */
export function textOf(node: Nodes | ElementContent): string {
  if (node.type === 'text') return (node as Text).value;
  if ('children' in node) return (node as Parents).children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

export const lineOf = (node: { position?: { start: { line: number } } }): number | undefined => node.position?.start.line;
