import { createHash } from 'node:crypto';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** Where a reference leads: a name for the place (the same place, the same name), the node there, and the base its own references start from. */
export interface Reached {
  place: string;
  node: unknown;
  base: string;
}

/**
 * Digests of a spec's JSON nodes with everything their references reach, for memos that must see
 * an edit anywhere a node leads (example-verdicts.ts, operation-memo.ts). Each node is digested
 * once, while the document it belongs to is alive (the objects are the keys).
 */
export class JsonDigests {
  private readonly own = new WeakMap<object, string>();
  private readonly references = new WeakMap<object, string[]>();

  constructor(
    /** Where a reference written in a node at `base` leads; undefined when it leads nowhere. */
    private readonly follow: (reference: string, base: string) => Reached | undefined,
  ) {}

  /** The digest of a node's own JSON (references as written). */
  digestOf(node: unknown): string {
    if (typeof node !== 'object' || node === null) return sha1(JSON.stringify(node) ?? 'undefined');
    let digest = this.own.get(node);
    if (digest === undefined) this.own.set(node, (digest = sha1(JSON.stringify(node))));
    return digest;
  }

  /**
   * The digest of a node with every node its references reach, however far. A reference is a
   * `$ref`, or any string that is a pointer inside the document (`#/…`: a discriminator's mapping,
   * a link's operationRef), so nothing a renderer may follow is left out.
   */
  reachDigest(node: unknown, base: string): string {
    const parts: string[] = [];
    const seen = new Set<string>();
    const stack: Array<[unknown, string]> = [[node, base]];
    while (stack.length) {
      const [next, from] = stack.pop()!;
      for (const reference of this.referencesIn(next)) {
        const reached = this.follow(reference, from);
        const place = reached?.place ?? `nowhere: ${reference} from ${from}`;
        if (seen.has(place)) continue;
        seen.add(place);
        parts.push(`${place} ${reached ? this.digestOf(reached.node) : ''}`);
        if (reached) stack.push([reached.node, reached.base]);
      }
    }
    return sha1(JSON.stringify([this.digestOf(node), parts.sort()]));
  }

  private referencesIn(node: unknown): string[] {
    if (typeof node !== 'object' || node === null) return [];
    let found = this.references.get(node);
    if (found) return found;
    found = [];
    const stack: unknown[] = [node];
    while (stack.length) {
      const next = stack.pop();
      if (typeof next === 'string') {
        if (next.startsWith('#/')) found.push(next);
      } else if (Array.isArray(next)) stack.push(...next);
      else if (typeof next === 'object' && next !== null) {
        for (const [key, value] of Object.entries(next)) {
          if (key === '$ref' && typeof value === 'string') found.push(value);
          else stack.push(value);
        }
      }
    }
    this.references.set(node, found);
    return found;
  }
}
