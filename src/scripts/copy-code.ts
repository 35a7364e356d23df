/** Copy buttons on code blocks (`code_clipboard: true`): copies the code, then says "Copied". */

const announcer = () => document.getElementById('announcer');

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older browsers and insecure origins (file://, plain http) have no async clipboard.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('.copy-button');
  const code = button?.parentElement?.querySelector('code');
  if (!button || !code) return;
  await copyText((code.textContent ?? '').replace(/\n$/, ''));
  button.textContent = 'Copied';
  button.classList.add('copied');
  const live = announcer();
  if (live) live.textContent = 'Copied to clipboard';
  setTimeout(() => {
    button.textContent = 'Copy';
    button.classList.remove('copied');
    if (live) live.textContent = '';
  }, 2000);
});
