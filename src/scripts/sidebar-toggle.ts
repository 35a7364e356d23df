/** On narrow screens the navigation slides in from the menu button; Esc or a TOC link closes it. */

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
