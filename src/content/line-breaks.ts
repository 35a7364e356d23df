/**
 * How many line breaks (`\n`) a text has, counted without splitting it: GitHub's spec compiles to
 * 25 MB of Markdown, whose 350,000 lines cost more to make as strings (and to collect) than to count.
 */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
