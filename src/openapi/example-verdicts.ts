import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

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

/** Each node's digest and the `$ref`s inside it, once per node (objects of the spec as Redocly parsed it). */
let digests = new WeakMap<object, string>();
let refsInside = new WeakMap<object, string[]>();

function digestOf(node: unknown): string {
  if (typeof node !== 'object' || node === null) return sha1(JSON.stringify(node) ?? 'undefined');
  let digest = digests.get(node);
  if (digest === undefined) digests.set(node, (digest = sha1(JSON.stringify(node))));
  return digest;
}

function refsOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  let refs = refsInside.get(node);
  if (refs) return refs;
  refs = [];
  const stack: unknown[] = [node];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) stack.push(...next);
    else {
      for (const [key, value] of Object.entries(next)) {
        if (key === '$ref' && typeof value === 'string') refs.push(value);
        else stack.push(value);
      }
    }
  }
  refsInside.set(node, refs);
  return refs;
}

/** The digest of a schema with every node its `$ref`s reach, wherever they are (`from`: the file it is in). */
function schemaDigest(schema: unknown, from: string, resolve: Resolve): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const stack: Array<[unknown, string]> = [[schema, from]];
  while (stack.length) {
    const [node, base] = stack.pop()!;
    for (const ref of refsOf(node)) {
      const target = resolve({ $ref: ref }, base);
      const place = target.location?.absolutePointer ?? `unresolved ${ref} from ${base}`;
      if (seen.has(place)) continue;
      seen.add(place);
      parts.push(`${place} ${target.location ? digestOf(target.node) : ''}`);
      if (target.location) stack.push([target.node, target.location.source.absoluteRef]);
    }
  }
  return sha1(JSON.stringify([digestOf(schema), parts.sort()]));
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
    const key = sha1(
      JSON.stringify([
        options.schemaLoc.absolutePointer,
        options.instancePath,
        options.specVersion,
        options.allowAdditionalProperties ?? false,
        options.ajvContext ?? null,
        schemaDigest(schema, options.schemaLoc.source.absoluteRef, options.resolve),
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
  active = { known: new Map(readMemo(file)), used: new Map(), added: false };
  digests = new WeakMap();
  refsInside = new WeakMap();
}

/** Ends what beginVerdicts started: stores the verdicts used in `file` when any was new or one went unused (else the stored memo holds). */
export function endVerdicts(file: string): void {
  const ended = active;
  active = undefined;
  if (!ended || (!ended.added && ended.used.size === ended.known.size)) return;
  writeMemo(file, [...ended.used]);
}

function readMemo(file: string): VerdictMemo {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as VerdictMemo;
  } catch {
    return [];
  }
}

/** Stored whole, then renamed: a build stopped halfway leaves no half memo. A memo that cannot be written is only slower checks next time. */
function writeMemo(file: string, memo: VerdictMemo): void {
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(memo));
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
