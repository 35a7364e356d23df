import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import rehypeLongTables from '../../src/markdown/rehype-long-tables';

const table = (rows: number, inner = '') =>
  `<table><thead><tr><th>Name</th></tr></thead><tbody>${Array.from({ length: rows - 1 }, (_, index) => `<tr><td>row ${index}${index === 0 ? inner : ''}</td></tr>`).join('')}</tbody></table>`;

function marked(html: string): Array<string | undefined> {
  const tree = fromHtml(html, { fragment: true }) as Root;
  rehypeLongTables()(tree);
  const rows: Array<string | undefined> = [];
  const visit = (node: Root | Element) =>
    node.children.forEach((child) => {
      if (child.type !== 'element') return;
      if (child.tagName === 'table') rows.push(child.properties.dataRows as string | undefined);
      visit(child);
    });
  visit(tree);
  return rows;
}

describe('long tables', () => {
  test('carry their number of rows from 40 rows, header row included', () => {
    expect(marked(table(39) + table(40) + table(250))).toEqual([undefined, '40', '250']);
  });

  test('count the rows of a table inside them, which is not marked on its own', () => {
    expect(marked(table(30, table(45)))).toEqual(['75', undefined]);
  });
});
