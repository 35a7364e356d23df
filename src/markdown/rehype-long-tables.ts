import type { Element, Root } from 'hast';
import { SKIP, walkElements } from './walk';

/**
 * Tables of at least this many rows carry `data-rows`: the browser lays them out only near the
 * viewport (content.css), sized meanwhile from their rows. GitHub's REST API through Widdershins has
 * webhook payloads documented in tables of 80 to 200 rows; a page of 34 such tables (11,000
 * elements) settled in 540–700 ms, 200–260 ms with them laid out only near the viewport.
 */
const LONG_TABLE_ROWS = 40;

const rowsOf = (table: Element): number => {
  let rows = 0;
  walkElements(table, (element) => {
    if (element.tagName === 'tr') rows++;
  });
  return rows;
};

/** Marks every table of LONG_TABLE_ROWS rows or more with its number of rows. */
export default function rehypeLongTables() {
  return (tree: Root) => {
    walkElements(tree, (element) => {
      if (element.tagName !== 'table') return;
      const rows = rowsOf(element);
      if (rows >= LONG_TABLE_ROWS) element.properties.dataRows = String(rows);
      // Rows of a table inside this one were counted with it.
      return SKIP;
    });
  };
}
