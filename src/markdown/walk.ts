import type { Element } from 'hast';

/** A visitor's answer: go on (nothing), not into this node's children (SKIP), or stop the walk (EXIT). */
export const SKIP = 'skip';
const EXIT = false;
type Action = void | undefined | typeof SKIP | typeof EXIT;
/** A node of any syntax tree (mdast, hast): what a walk needs of it. */
interface Node {
  type: string;
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}
interface Parent extends Node {
  children: Node[];
}

/**
 * Calls `visitor` for `tree` and every node under it, in document order, with its index and parent:
 * unist-util-visit for the two answers Shale's plugins give (SKIP and EXIT), with the same values.
 * unist-util-visit makes a closure, a list of parents and a coloured function name for every node
 * it passes; on GitHub's REST API through Widdershins (19 MB of Markdown, eleven walks per file)
 * that was a sixth of the rendering time, and most of its garbage. The visitor must not add or
 * remove children of a node it has not left yet (collect, then change, as the plugins do).
 */
export function walk<N extends Node = Node>(tree: N, visitor: (node: Node, index: number | undefined, parent: Parent | undefined) => Action): void {
  const step = (node: Node, index: number | undefined, parent: Parent | undefined): boolean => {
    const action = visitor(node, index, parent);
    if (action === EXIT) return false;
    if (action === SKIP) return true;
    const children = (node as Partial<Parent>).children;
    if (children) {
      for (let i = 0; i < children.length; i++) if (!step(children[i]!, i, node as Parent)) return false;
    }
    return true;
  };
  step(tree, undefined, undefined);
}

/** `walk` for hast elements only (every node is still passed through, so elements inside others are reached). */
export function walkElements(tree: Node, visitor: (element: Element, index: number | undefined, parent: Parent | undefined) => Action): void {
  walk(tree, (node, index, parent) => (node.type === 'element' ? visitor(node as Element, index, parent) : undefined));
}
