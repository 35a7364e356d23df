// The page's behaviour, in order: the language is applied before `data-js` reveals the code,
// so a reader never sees another language's code flash first.
import '../scripts/theme-choice';
import '../scripts/language-tabs';
import '../scripts/scrollspy';
import '../scripts/copy-code';
import '../scripts/copy-page';
import '../scripts/scrollable-tables';
import '../scripts/sidebar-toggle';
import '../search/browser/search-box';
import '../scripts/moved-anchors';

document.documentElement.dataset.js = '';
