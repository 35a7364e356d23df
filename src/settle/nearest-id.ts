import { editDistance } from '../schema/languages';

/**
 * Character pairs the did-you-means of one page may compare, in all: a generated page with
 * thousands of broken links and thousands of ids (Widdershins' output of a large API) would
 * otherwise compare every link with every id. Past it, a broken link gets the general advice.
 */
const BUDGET = 20_000_000;

/**
 * The id closest to a broken `#anchor`, as a did-you-mean: the fewest edits within a third of the
 * anchor's length (at least two), or an id the anchor starts, found without looking at every id:
 * ids are kept by length, and only lengths within the allowed edits are compared. A third, not the
 * half `nearestNames` allows: ids are long and alike, and Stripe's `#create_charge` (a link to its
 * own site) got "did you mean #getcharges?", six edits away.
 * Each anchor is worked out once, and the page's comparisons are bounded (BUDGET).
 */
export class NearestIds {
  private readonly byLength = new Map<number, string[]>();
  private readonly longest: number;
  private readonly memo = new Map<string, string | undefined>();
  private spent = 0;

  constructor(ids: Iterable<string>) {
    for (const id of new Set(ids)) {
      const bucket = this.byLength.get(id.length) ?? [];
      bucket.push(id);
      this.byLength.set(id.length, bucket);
    }
    this.longest = Math.max(0, ...this.byLength.keys());
  }

  nearest(anchor: string): string | undefined {
    if (this.memo.has(anchor)) return this.memo.get(anchor);
    const target = anchor.toLowerCase();
    const allowed = Math.max(2, Math.floor(target.length / 3));
    let best: { id: string; distance: number } | undefined;
    const consider = (id: string, distance: number) => {
      if (!best || distance < best.distance || (distance === best.distance && id.localeCompare(best.id) < 0)) best = { id, distance };
    };
    for (let length = Math.max(0, target.length - allowed); length <= this.longest; length++) {
      const near = length <= target.length + allowed;
      for (const id of this.byLength.get(length) ?? []) {
        const candidate = id.toLowerCase();
        // Beyond the allowed edits only an id the anchor starts can be meant (as in nearestNames).
        if (!near && !candidate.startsWith(target)) continue;
        this.spent += target.length * candidate.length;
        if (this.spent > BUDGET) {
          this.memo.set(anchor, undefined);
          return undefined;
        }
        const distance = editDistance(target, candidate);
        if (distance <= allowed || candidate.startsWith(target)) consider(id, distance);
      }
    }
    this.memo.set(anchor, best?.id);
    return best?.id;
  }
}
