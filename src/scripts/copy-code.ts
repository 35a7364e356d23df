/** Copy buttons on code blocks (`code_clipboard: true`): copies the code, then says "Copied". */
import { announce, copyText } from './clipboard';

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('.copy-button');
  const code = button?.parentElement?.querySelector('code');
  if (!button || !code) return;
  await copyText((code.textContent ?? '').replace(/\n$/, ''));
  button.textContent = 'Copied';
  button.classList.add('copied');
  announce('Copied to clipboard');
  setTimeout(() => {
    button.textContent = 'Copy';
    button.classList.remove('copied');
  }, 2000);
});
