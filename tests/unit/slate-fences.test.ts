import { describe, expect, it } from 'vitest';
import { closeFencesAsRedcarpet } from '../../src/markdown/slate-fences';

describe("Slate's fences, closed where Redcarpet closes them", () => {
  it('closes a longer opening run, or a tilde fence, at the first bare fence line after it', () => {
    const body = '``````clojure\n(reverse [1 2 3])\n```\n\n# Next\n\n~~~ruby\nputs 1\n```\n\n```json\n{}\n~~~~\n';
    expect(closeFencesAsRedcarpet(body)).toBe('```clojure\n(reverse [1 2 3])\n```\n\n# Next\n\n```ruby\nputs 1\n```\n\n~~~~json\n{}\n~~~~\n');
  });

  it('leaves alone what both rules read the same, a fence never closed, and a line that is no closing fence', () => {
    const same = '````md\n```js\nx\n````\n\n```shell\ncurl x\n```\n';
    expect(closeFencesAsRedcarpet(same)).toBe(same);
    const open = '````md\nno end\n';
    expect(closeFencesAsRedcarpet(open)).toBe(open);
  });

  it('reads a line of backticks whose info holds a backtick as no fence: a code span in a paragraph', () => {
    const body = '````GET /x````\n\n``````clojure\n(x)\n```\n';
    expect(closeFencesAsRedcarpet(body)).toBe('````GET /x````\n\n```clojure\n(x)\n```\n');
  });
});
