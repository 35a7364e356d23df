import { editDistance } from '../schema/languages';

/**
 * Character pairs the did-you-means of one page may compare, in all: a generated page with
 * thousands of broken links and thousands of ids (Widdershins' output of a large API) would
 * otherwise compare every link with every id. Past it, a broken link gets the general advice.
 */
const BUDGET = 20_000_000;

/**
 * The ids to suggest for a broken `#anchor`, as a did-you-mean. First the closest: the fewest edits
 * within a third of the anchor's length (at least two), or an id the anchor starts. A third, not
 * the half `nearestNames` allows: ids are long and alike, and Stripe's `#create_charge` (a link to
 * its own site) got "did you mean #getcharges?", six edits away. Then, when it is another id, the
 * one that is the anchor with whole words added or taken away at its end: a heading that gained
 * words after its links were written (Accelo's `#contracts` for "Contracts (Retainers)", whose
 * closest id is `#contacts`; `#list-purchases-beta` for a heading that lost "(Beta)").
 * Ids are kept by length, and only lengths within the allowed edits are compared (longer ones only
 * when the anchor starts them). Each anchor is worked out once, and the page's comparisons are
 * bounded (BUDGET).
 */
export class NearestIds {
  private readonly byLength = new Map<number, string[]>();
  private readonly longest: number;
  private readonly memo = new Map<string, readonly string[]>();
  private spent = 0;

  constructor(ids: Iterable<string>) {
    for (const id of new Set(ids)) {
      const bucket = this.byLength.get(id.length) ?? [];
      bucket.push(id);
      this.byLength.set(id.length, bucket);
    }
    this.longest = Math.max(0, ...this.byLength.keys());
  }

  nearest(anchor: string): readonly string[] {
    const known = this.memo.get(anchor);
    if (known) return known;
    const target = anchor.toLowerCase();
    const allowed = Math.max(2, Math.floor(target.length / 3));
    let closest: { id: string; distance: number } | undefined;
    let renamed: { id: string; distance: number } | undefined;
    const better = (best: { id: string; distance: number } | undefined, id: string, distance: number) =>
      !best || distance < best.distance || (distance === best.distance && id.localeCompare(best.id) < 0);
    for (let length = Math.max(0, target.length - allowed); length <= this.longest; length++) {
      const near = length <= target.length + allowed;
      for (const id of this.byLength.get(length) ?? []) {
        const candidate = id.toLowerCase();
        // Beyond the allowed edits only an id the anchor starts can be meant (as in nearestNames).
        if (!near && !candidate.startsWith(target)) continue;
        this.spent += target.length * candidate.length;
        if (this.spent > BUDGET) {
          this.memo.set(anchor, []);
          return [];
        }
        const distance = editDistance(target, candidate);
        if ((distance <= allowed || candidate.startsWith(target)) && better(closest, id, distance)) closest = { id, distance };
        // The same heading with words added to its end or taken from it: the fewer characters apart, the better.
        const sameStart = candidate.startsWith(`${target}-`) || target.startsWith(`${candidate}-`);
        const gap = Math.abs(candidate.length - target.length);
        if (sameStart && better(renamed, id, gap)) renamed = { id, distance: gap };
      }
    }
    const found = [...new Set([closest?.id, renamed?.id].filter((id): id is string => id !== undefined))];
    this.memo.set(anchor, found);
    return found;
  }
}
