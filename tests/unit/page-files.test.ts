import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/content/site';
import { tempContent } from '../support/temp-content';

describe('page files that make the same page', () => {
  it('build the later name only, with the earlier one named in a problem', () => {
    const site = loadSite(tempContent({ 'index.html.md': '# Old\n', 'index.html.md.erb': '# New\n', 'v2.html.md': '# V2\n' }));
    expect(site.pages.map((page) => [page.outputPath, page.parts[0]!.body.trim()])).toEqual([
      ['index.html', '# New'],
      ['v2.html', '# V2'],
    ]);
    expect(site.problems.map((problem) => [problem.kind, problem.severity, problem.file.split('/').pop()])).toEqual([
      ['page-output-twice', 'warning', 'index.html.md'],
    ]);
  });

  it("are an error in Shale's own pages", () => {
    const site = loadSite(tempContent({ 'index.md': '# Home\n', 'guide.md': '# A\n', 'guide.mdx': '# B\n' }));
    expect(site.problems.map((problem) => [problem.kind, problem.severity])).toEqual([['page-output-twice', 'error']]);
  });
});
