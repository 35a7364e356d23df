/**
 * Where Slate's Redcarpet ends a fenced code block: at the first later line that is three or more
 * backticks or tildes and nothing else, whatever fence opened the block (its `prefix_codefence`
 * compares neither the count nor the character). CommonMark ends it only at a run of the opening's
 * character at least as long, so a slip such as ` ``````clojure ` closed by ` ``` ` (public Slate
 * docs have it) ran on to the end of the file in Shale, where Slate showed one code block. In
 * Slate's format each opening fence that Redcarpet would close differently is rewritten to the
 * closing line's run, which CommonMark then closes at the same line. No line moves.
 */
const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
/** Only a longer opening run or a tilde fence can be closed differently by the two rules. */
const MAY_DIFFER = /^ {0,3}(`{4,}|~{3,})/m;

export function closeFencesAsRedcarpet(body: string): string {
  if (!MAY_DIFFER.test(body)) return body;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING.exec(lines[index]!);
    if (!opening) continue;
    const [, indent, run, info] = opening as unknown as [string, string, string, string];
    // A backtick fence's info may not hold a backtick: such a line is no fence at all.
    if (run[0] === '`' && info.includes('`')) continue;
    let end = index + 1;
    while (end < lines.length && !CLOSING.test(lines[end]!)) end++;
    // Never closed: the rest of the file is code by either rule.
    if (end === lines.length) break;
    const closing = CLOSING.exec(lines[end]!)![1]!;
    // Written with a backtick run, an info holding a backtick would make the line no fence at all.
    if (closing !== run && !(closing[0] === '`' && info.includes('`'))) lines[index] = indent + closing + info;
    index = end;
  }
  return lines.join('\n');
}
