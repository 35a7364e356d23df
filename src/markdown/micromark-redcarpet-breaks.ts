import type { Processor } from 'unified';
import type { Extension } from 'micromark-util-types';

/**
 * Redcarpet has no backslash line break: a backslash at a line's end (`curl -X POST \` written
 * outside a fence, Beaconstac's docs) is shown, and the line runs on into the next, as in Slate.
 * CommonMark drops it and breaks the line.
 */
const noBackslashBreak: Extension = { disable: { null: ['hardBreakEscape'] } };

/** The remark plugin for Slate's own format (render-part.ts). */
export default function remarkRedcarpetBreaks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(noBackslashBreak);
}
