import { usesRedcarpetIds } from '../src/content/slate-renderer';
import { loadSite } from '../src/content/site';
console.log(usesRedcarpetIds('/tmp/sweep/CentryCL+centry-rest-api-docs/source'));
const site = loadSite('/tmp/sweep/CentryCL+centry-rest-api-docs/source');
console.log(site.pages.map((p) => [p.file, p.slate, p.redcarpetIds]));
