/**
 * On narrow screens the navigation slides in from the menu button; Esc, a TOC link, a tap beside it
 * or the keyboard focus leaving it closes it (Tab past its last link would otherwise reach links
 * hidden under it).
 */

const button = document.querySelector<HTMLButtonElement>('.menu-button');
const root = document.documentElement;

function setOpen(open: boolean): void {
  root.classList.toggle('nav-open', open);
  button?.setAttribute('aria-expanded', String(open));
  if (open) document.querySelector<HTMLElement>('#sidebar a, #sidebar input')?.focus();
}

button?.addEventListener('click', () => setOpen(!root.classList.contains('nav-open')));

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && root.classList.contains('nav-open')) {
    setOpen(false);
    button?.focus();
  }
});

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (!root.classList.contains('nav-open')) return;
  if (target.closest('a.toc-link') || (!target.closest('#sidebar') && !target.closest('.menu-button'))) setOpen(false);
});

document.addEventListener('focusin', (event) => {
  const target = event.target as Element;
  if (root.classList.contains('nav-open') && !target.closest('#sidebar') && !target.closest('.menu-button')) setOpen(false);
});
