/**
 * List items as Slate's Redcarpet read them, rewritten for CommonMark to read them the same way:
 * - an item indented more than the item above it is nested in it, however little: Redcarpet
 *   nested ` - one` under `- **retorno:**` and `  - b` under `1. A`, where CommonMark wants the
 *   parent's text column (2 and 3 here) and made them items of the outer list (Skynet's steps read
 *   3, 4, 5, 6; a bullet under `1. ` closed the ordered list). The item is indented to that column;
 * - a bullet of another character (`-` among `*` items) goes on the same list, where CommonMark
 *   starts a new one: it takes the list's character.
 * No line moves. Lines of text are left as written.
 */
const ITEM = /^( *)([-*+]|\d{1,9}\.)([ \t]+|$)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

interface OpenItem {
  /** The item's indentation as written: Redcarpet compares the next item's with it. */
  written: number;
  /** The column its text starts at, as rewritten: a nested item is indented to it. */
  content: number;
  bullet: string;
}

export class RedcarpetLists {
  private open: OpenItem[] = [];
  private blankAbove = true;

  /** Whether a list is open: a line indented under it is read in its item. */
  get inList(): boolean {
    return this.open.length > 0;
  }

  /** A block at the margin that is no list (a table): it ends the lists. */
  end(): void {
    this.open = [];
  }

  /** A blank line: the next line of text at the margin ends the lists. */
  blank(): void {
    this.blankAbove = true;
  }

  /** A line of the file outside code and HTML, as written or rewritten. */
  line(line: string): string {
    const blankAbove = this.blankAbove;
    this.blankAbove = false;
    const item = RULE.test(line) ? null : ITEM.exec(line);
    if (!item) {
      if (HEADING.test(line) || (blankAbove && !/^[ \t]/.test(line))) this.open = [];
      return line;
    }
    const [, indent, marker, space] = item as unknown as [string, string, string, string];
    const written = indent.length;
    let sibling: OpenItem | undefined;
    while (this.open.length && this.open.at(-1)!.written >= written) sibling = this.open.pop();
    const parent = this.open.at(-1);
    const column = parent && written < parent.content ? parent.content : written;
    const bullet = sibling && sibling.written === written && isBullet(sibling.bullet) && isBullet(marker) ? sibling.bullet : marker;
    // Blanks after a marker beyond four are the item's text (indented code, to CommonMark).
    const gap = space.length > 4 || space.length === 0 ? 1 : space.length;
    this.open.push({ written, content: column + bullet.length + gap, bullet });
    return column === written && bullet === marker ? line : `${' '.repeat(column)}${bullet}${line.slice(written + marker.length)}`;
  }
}

const isBullet = (marker: string) => marker === '-' || marker === '*' || marker === '+';
