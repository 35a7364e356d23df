import { describe, expect, it } from 'vitest';
import { redcarpetLines } from '../../src/markdown/slate-headings';

describe("list items as Slate's Redcarpet read them", () => {
  it("nest an item indented less than the text of the item above, at that item's text column", () => {
    expect(redcarpetLines('1. Ordered item:\n  - a bullet under it\n  - second\n2. Next item\n')).toBe(
      '1. Ordered item:\n   - a bullet under it\n   - second\n2. Next item\n',
    );
    expect(redcarpetLines('- **retorno:**\n - one space\n - second\n')).toBe('- **retorno:**\n  - one space\n  - second\n');
    // Deeper: the column of the item as rewritten.
    expect(redcarpetLines('1. A\n  - b\n    - c\n')).toBe('1. A\n   - b\n     - c\n');
    // After a blank line too, as Redcarpet compared indentations only.
    expect(redcarpetLines('1. A\n\n  1. b\n')).toBe('1. A\n\n   1. b\n');
  });

  it("give a bullet of another character among the items of a list the list's character", () => {
    expect(redcarpetLines('* **cnpj**: first\n* **chave**: second\n- **tipo**: third\n* **versao**: fourth\n')).toBe(
      '* **cnpj**: first\n* **chave**: second\n* **tipo**: third\n* **versao**: fourth\n',
    );
  });

  it('leave lists CommonMark reads as Redcarpet did, rules, and lists after text at the margin, as written', () => {
    const body = '- a\n  - b\n    - c\n\n1. one\n   - two\n\n* * *\n\nText\n\n- x\n\nPara\n\n - y\n';
    expect(redcarpetLines(body)).toBe(body);
    // A new list after a paragraph at the margin: its items are not nested in the list before it.
    expect(redcarpetLines('1. A\n\nText.\n\n  - b\n')).toBe('1. A\n\nText.\n\n  - b\n');
  });
});
