// The page's behaviour, in order: the language is applied before `data-js` reveals the code,
// so a reader never sees another language's code flash first.
import './language-tabs';
import './scrollspy';
import './copy-code';
import './scrollable-tables';
import './sidebar-toggle';
import '../search/browser/search-box';
import './moved-anchors';

document.documentElement.dataset.js = '';
