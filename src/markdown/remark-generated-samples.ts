import type { Code, Root } from 'mdast';
import { walk } from './walk';
import { GENERATED_SAMPLE } from '../content/generated-sample';

/**
 * Marks the code of a fence whose words after the language name a sample the spec compiler made
 * (```` ```ruby generated-sample ````): its `<code>` gets `data-sample="generated"`, which
 * rehype-code-blocks.ts moves to the code block. The fence's words are lost on the way to HTML
 * (the HTML parser keeps no `data` where a run of raw HTML holds the fence: rehype-raw-runs.ts), so
 * the mark is made here, as a property.
 */
export default function remarkGeneratedSamples() {
  return (tree: Root) => {
    walk(tree, (found) => {
      if (found.type !== 'code') return;
      const node = found as Code;
      if (!node.meta?.split(/\s+/).includes(GENERATED_SAMPLE)) return;
      const data = (node.data ??= {});
      data.hProperties = { ...data.hProperties, dataSample: 'generated' };
    });
  };
}
