import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { JsonDigests, type Reached } from './json-digest';
import { readMemo, storeMemo } from './memo-files';

/**
 * Redocly's verdicts on a spec's examples, kept between builds. Its three example rules compile a
 * JSON Schema validator for every schema an example meets: 4 of the 6 s that its checks of GitHub's
 * spec take, paid again after an edit of one summary. A verdict depends only on the example, the
 * schema with everything its `$ref`s reach, and where the example is (the reports name the place),
 * so it is looked up by a digest of those; an edit of a schema changes the digest of every verdict
 * that reaches it, and that verdict is made again.
 *
 * The memo wraps the validator all three rules share (`AjvValidator` of `@redocly/openapi-core`,
 * not among its exports: its file is required by path), so the rules and their reports stay
 * Redocly's own.
 */

interface Verdict {
  valid: boolean;
  errors: unknown[];
}

/** A verdict, or the message of the error the validator threw (a schema it cannot compile: the rules report the message). */
type Remembered = Verdict | { thrown: string };

/** The verdicts one spec's checks used, kept for its next checks (SpecCache.verdictsPath). */
type VerdictMemo = Array<[string, Remembered]>;

/** What Redocly's resolver gives for a `$ref` (only the parts read here). */
interface Resolved {
  node?: unknown;
  location?: { absolutePointer: string; source: { absoluteRef: string } };
}
type Resolve = (node: { $ref: string }, from?: string) => Resolved;
interface ValidateOptions {
  schemaLoc: { absolutePointer: string; source: { absoluteRef: string } };
  instancePath: string;
  resolve: Resolve;
  allowAdditionalProperties?: boolean;
  ajvContext?: unknown;
  specVersion?: string;
}
type Validate = (this: unknown, data: unknown, schema: unknown, options: ValidateOptions) => Verdict;

/** While a spec is checked: the verdicts known from its last checks, those used, and whether any was made anew. */
let active: { known: Map<string, Remembered>; used: Map<string, Remembered>; added: boolean } | undefined;

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The resolver of the checks under way: where a reference in a node of the spec leads. */
let resolveNow: Resolve | undefined;
let digests = new JsonDigests(follow);

function follow(reference: string, base: string): Reached | undefined {
  const target = resolveNow?.({ $ref: reference }, base);
  return target?.location ? { place: target.location.absolutePointer, node: target.node, base: target.location.source.absoluteRef } : undefined;
}

let wrapped = false;

/** Wraps Redocly's example validator once per thread: a verdict is looked up while a spec's checks run (beginVerdicts … endVerdicts). */
function wrapValidator(): void {
  if (wrapped) return;
  wrapped = true;
  const core = createRequire(import.meta.url).resolve('@redocly/openapi-core');
  const { AjvValidator } = createRequire(import.meta.url)(path.join(path.dirname(core), 'rules', 'ajv.js')) as {
    AjvValidator: { prototype: { validate: Validate } };
  };
  const validate = AjvValidator.prototype.validate;
  AjvValidator.prototype.validate = function (this: unknown, data, schema, options) {
    if (!active) return validate.call(this, data, schema, options);
    resolveNow = options.resolve;
    const key = sha1(
      JSON.stringify([
        options.schemaLoc.absolutePointer,
        options.instancePath,
        options.specVersion,
        options.allowAdditionalProperties ?? false,
        options.ajvContext ?? null,
        digests.reachDigest(schema, options.schemaLoc.source.absoluteRef),
        JSON.stringify(data) ?? 'undefined',
      ]),
    );
    const known = active.known.get(key);
    if (known) {
      active.used.set(key, known);
      if ('thrown' in known) throw new Error(known.thrown);
      // Copies: the rules add to an error's fields when they report it.
      return { valid: known.valid, errors: known.errors.map((error) => ({ ...(error as object) })) };
    }
    active.added = true;
    try {
      const verdict = validate.call(this, data, schema, options);
      active.used.set(key, { valid: verdict.valid, errors: structuredClone(verdict.errors) });
      return verdict;
    } catch (error) {
      active.used.set(key, { thrown: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}

/** Starts the checks of a spec with the verdicts of its last checks, read from `file` (none when there is no such file yet). */
export function beginVerdicts(file: string): void {
  wrapValidator();
  active = { known: new Map(readMemo<VerdictMemo>(file) ?? []), used: new Map(), added: false };
  digests = new JsonDigests(follow);
}

/** Ends what beginVerdicts started: stores the verdicts used in `file` when any was new or one went unused (else the stored memo holds). */
export function endVerdicts(file: string): void {
  const ended = active;
  active = undefined;
  resolveNow = undefined;
  if (!ended || (!ended.added && ended.used.size === ended.known.size)) return;
  storeMemo(file, [...ended.used]);
}
