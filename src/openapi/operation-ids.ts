import { escapeLikeRedcarpet, parameterize, slateBaseId } from '../content/slug';
import { operationTitle, type SpecOperation } from './spec-model';

/**
 * The heading id of every operation: Slate's id of its heading text, as Widdershins' output had,
 * so a site moved from Widdershins keeps its links. Where operations would share one (GitHub's API
 * repeats 101 summaries), the one whose operationId sorts first keeps it and the others add their
 * operationId: the spec's order never decides, so reordering it moves no id.
 */
export function operationIds(operations: readonly SpecOperation[], taken: ReadonlySet<string> = new Set()): Map<SpecOperation, string> {
  const byBase = new Map<string, SpecOperation[]>();
  for (const operation of operations) {
    const base = slateBaseId(escapeLikeRedcarpet(operationTitle(operation)));
    byBase.set(base, [...(byBase.get(base) ?? []), operation]);
  }
  const ids = new Map<SpecOperation, string>();
  const used = new Set(taken);
  for (const [base, sharing] of byBase) {
    const sorted = [...sharing].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    sorted.forEach((operation, index) => {
      let id = index === 0 && !used.has(base) ? base : `${base}-${parameterize(operation.key)}`;
      for (let n = 2; used.has(id); n++) id = `${base}-${parameterize(operation.key)}-${n}`;
      used.add(id);
      ids.set(operation, id);
    });
  }
  return ids;
}
