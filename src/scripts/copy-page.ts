/**
 * "Copy page": copies the page as Markdown (its `index.md`, written beside the HTML by the build),
 * for pasting into an AI assistant or an issue. The Markdown is fetched on the click, not before.
 */
import { announce, copyFetchedText } from './clipboard';

const button = document.querySelector<HTMLButtonElement>('[data-copy-page]');

button?.addEventListener('click', async () => {
  const text = fetch(button.dataset.copyPage!).then((response) => {
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.text();
  });
  let done = 'Copied';
  try {
    await copyFetchedText(text);
    announce('Page copied as Markdown');
  } catch {
    done = 'Copy failed';
    announce('The page could not be copied');
  }
  button.textContent = done;
  setTimeout(() => (button.textContent = 'Copy page'), 2000);
});
