/**
 * The lines of places in a JSON text, for reports on a spec written as JSON, found in one pass over
 * the text. Redocly finds them by parsing the whole file again as YAML into a tree with positions,
 * 0.8 s for GitHub's 13 MB spec, each time its checks report anything. The lines are the ones its
 * lookup gives: the line where the value at the pointer starts (with `onKey`, where its key
 * starts); a pointer that goes further than the text gives the deepest place it reaches.
 */

/** A place to find: a pointer as Redocly writes it (`#/paths/~1pets/get`), and whether the report is on its key. */
export interface JsonPlace {
  pointer: string;
  onKey: boolean;
}

/** Each place's line (1-based), by `placeKey`; undefined when the text is not one JSON value. */
export function jsonLines(text: string, places: readonly JsonPlace[]): Map<string, number> | undefined {
  const scanner = new Scanner(text);
  const found = new Map<string, number>();
  type Target = { place: JsonPlace; segments: string[] };
  /** Reads the value at the scanner, `depth` segments deep, finding the targets below it (`keyLine`: its key's line, when it is an object's member). */
  const walk = (targets: Target[], depth: number, keyLine: number | undefined): void => {
    const valueLine = scanner.line();
    // A place that ends here, or goes further than the text does, is this value (or its key).
    const settle = (target: Target) => found.set(placeKey(target.place), target.place.onKey && keyLine !== undefined ? keyLine : valueLine);
    targets.filter(({ segments }) => segments.length === depth).forEach(settle);
    const deeper = targets.filter(({ segments }) => segments.length > depth);
    const open = scanner.peek();
    if (deeper.length === 0 || (open !== '{' && open !== '[')) {
      scanner.skipValue();
      deeper.forEach(settle);
      return;
    }
    scanner.take(open);
    const close = open === '{' ? '}' : ']';
    // The targets by the member they go through next; the first member of a name is the one a pointer names.
    const byMember = new Map<string, Target[]>();
    for (const target of deeper) {
      const next = target.segments[depth]!;
      const list = byMember.get(next);
      if (list) list.push(target);
      else byMember.set(next, [target]);
    }
    for (let index = 0; scanner.peek() !== close; index++) {
      if (index > 0) scanner.take(',');
      let member = String(index);
      let memberKeyLine: number | undefined;
      if (open === '{') {
        memberKeyLine = scanner.line();
        member = scanner.readString();
        scanner.take(':');
      }
      const below = byMember.get(member);
      byMember.delete(member);
      if (below) walk(below, depth + 1, memberKeyLine);
      else scanner.skipValue();
    }
    scanner.take(close);
    for (const missing of byMember.values()) missing.forEach(settle);
  };
  try {
    walk(
      places.map((place) => ({ place, segments: segmentsOf(place.pointer) })),
      0,
      undefined,
    );
    scanner.end();
  } catch {
    return undefined;
  }
  return found;
}

/** How a place is named in jsonLines' answer. */
export const placeKey = (place: JsonPlace): string => `${place.onKey ? 'key' : 'value'} ${place.pointer}`;

/** The names a pointer goes through, read as Redocly reads them (empty ones dropped, each URI-decoded when it can be). */
function segmentsOf(pointer: string): string[] {
  return pointer
    .slice(2)
    .split('/')
    .map((segment) => {
      const unescaped = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      try {
        return decodeURIComponent(unescaped);
      } catch {
        return unescaped;
      }
    })
    .filter(Boolean);
}

/** Reads JSON text token by token, counting lines. Throws on what is not JSON. */
class Scanner {
  private at = 0;
  private lines = 1;
  private counted = 0;

  constructor(private readonly text: string) {}

  /** The line of the next token. */
  line(): number {
    this.space();
    this.lines += countNewlines(this.text, this.counted, this.at);
    this.counted = this.at;
    return this.lines;
  }

  peek(): string {
    this.space();
    return this.text[this.at] ?? '';
  }

  take(char: string): void {
    if (this.peek() !== char) throw new Error(`expected ${char}`);
    this.at++;
  }

  end(): void {
    if (this.peek() !== '') throw new Error('text after the value');
  }

  readString(): string {
    this.space();
    const start = this.at;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  /** Skips a whole value (an object or array with everything in it). */
  skipValue(): void {
    const first = this.peek();
    if (first === '"') return this.skipString();
    if (first === '{' || first === '[') {
      let depth = 0;
      while (this.at < this.text.length) {
        const char = this.text[this.at]!;
        if (char === '"') {
          this.skipString();
          continue;
        }
        this.at++;
        if (char === '{' || char === '[') depth++;
        else if (char === '}' || char === ']') {
          if (--depth === 0) return;
        }
      }
      throw new Error('unclosed');
    }
    const scalar = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(this.text.slice(this.at, this.at + 64))?.[0];
    if (!scalar) throw new Error('not a value');
    this.at += scalar.length;
  }

  private skipString(): void {
    if (this.text[this.at] !== '"') throw new Error('expected a string');
    let at = this.at + 1;
    while (at < this.text.length && this.text[at] !== '"') at += this.text[at] === '\\' ? 2 : 1;
    if (at >= this.text.length) throw new Error('unclosed string');
    this.at = at + 1;
  }

  private space(): void {
    while (this.at < this.text.length && /[ \t\r\n]/.test(this.text[this.at]!)) this.at++;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
