import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { CODE_WEIGHT, recordDocument } from '../../src/search/build/record-document';
import type { SectionRecord } from '../../src/search/build/records';

const record: SectionRecord = {
  url: '/#client-secret',
  title: 'Client <Secret>',
  parent: 'Credentials & Keys',
  doc: 'API <Docs>',
  level: 2,
  prose: 'Keep the secret on the server.',
  code: 'curl -d client_secret=$SECRET "<script>alert(1)</script>"',
  keywords: ['client', 'clientsecret', 'secret'],
  language: 'en',
};

/** The elements of the document that carry a given attribute. */
function withAttribute(html: string, property: string): Element[] {
  const found: Element[] = [];
  const walk = (node: { children?: unknown[] }) => {
    for (const child of (node.children ?? []) as Element[]) {
      if (child.type !== 'element') continue;
      if (child.properties[property] !== undefined) found.push(child);
      walk(child);
    }
  };
  walk(fromHtml(html));
  return found;
}

/** The text Pagefind takes as body text: the elements of <body> that no data-pagefind-* attribute sets apart. */
function body(html: string): string {
  const [page] = withAttribute(html, 'lang');
  const bodyElement = page!.children.find((node): node is Element => node.type === 'element' && node.tagName === 'body')!;
  return bodyElement.children
    .filter((node): node is Element => node.type === 'element' && !Object.keys(node.properties).some((key) => key.startsWith('dataPagefind')))
    .map((node) => toText(node))
    .join('');
}

describe('recordDocument', () => {
  test('makes the title searchable metadata that never shows up in an excerpt', () => {
    const [title] = withAttribute(recordDocument(record), 'dataPagefindMeta').filter((node) => node.properties.dataPagefindMeta === 'title');
    expect(toText(title!)).toBe('Client <Secret>');
    expect(title!.properties.dataPagefindIgnore).toBeDefined();
  });

  test('carries the parent and the doc as filter values: shown with the result, not searched', () => {
    const [parent, doc] = withAttribute(recordDocument(record), 'dataPagefindFilter');
    expect(parent!.properties.dataPagefindFilter).toBe('parent');
    expect(toText(parent!)).toBe('Credentials & Keys');
    expect(parent!.properties.dataPagefindIgnore).toBeDefined();
    expect(doc!.properties.dataPagefindFilter).toBe('doc');
    expect(toText(doc!)).toBe('API <Docs>');
    expect(doc!.properties.dataPagefindIgnore).toBeDefined();
  });

  test('weighs code below prose and keeps keywords out of the body text', () => {
    const html = recordDocument(record);
    const [code] = withAttribute(html, 'dataPagefindWeight');
    expect(code!.properties.dataPagefindWeight).toBe(String(CODE_WEIGHT));
    expect(CODE_WEIGHT).toBeLessThan(1);
    const keywords = withAttribute(html, 'dataPagefindMeta').find((node) => node.properties.dataPagefindMeta === 'keywords');
    expect(toText(keywords!)).toBe('client clientsecret secret');
    expect(keywords!.properties.dataPagefindIgnore).toBeDefined();
  });

  test('escapes every text, so code that looks like markup stays text', () => {
    const html = recordDocument(record);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>');
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
  });

  test('leaves out the parent, code and keywords when a section has none', () => {
    const html = recordDocument({ ...record, parent: '', doc: '', code: '', keywords: [] });
    expect(withAttribute(html, 'dataPagefindFilter')).toEqual([]);
    expect(withAttribute(html, 'dataPagefindWeight')).toEqual([]);
    expect(withAttribute(html, 'dataPagefindMeta').map((node) => node.properties.dataPagefindMeta)).toEqual(['title']);
  });

  test('gives a heading with nothing under it its title as text, which Pagefind needs to keep it', () => {
    const bare = { ...record, prose: '', code: '', keywords: [] };
    expect(body(recordDocument(bare))).toBe('Client <Secret>');
    expect(body(recordDocument({ ...bare, code: 'curl -d x' }))).not.toContain('Client <Secret>');
  });
});
