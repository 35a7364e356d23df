/**
 * A table wider than its column scrolls sideways (content.css); a keyboard can only scroll what it
 * can focus, so such a table joins the Tab order while it overflows, and leaves it when the window
 * grows wide enough again. Tables that fit are not made tab stops: a parameter table per endpoint
 * would add hundreds of stops to a big reference. Tabindex set by the writer is left alone.
 */

const MARK = 'scrollFocus';

function update(table: HTMLElement): void {
  const overflows = table.scrollWidth > table.clientWidth + 1;
  if (overflows && !table.hasAttribute('tabindex')) {
    table.tabIndex = 0;
    table.dataset[MARK] = '';
  } else if (!overflows && MARK in table.dataset) {
    table.removeAttribute('tabindex');
    delete table.dataset[MARK];
  }
}

const tables = document.querySelectorAll<HTMLElement>('.prose table');
if (tables.length > 0) {
  const observer = new ResizeObserver((entries) => entries.forEach((entry) => update(entry.target as HTMLElement)));
  tables.forEach((table) => observer.observe(table));
}
