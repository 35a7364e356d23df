/** Copying text to the clipboard, for the code blocks' Copy buttons and the page's "Copy page". */

/** Copies text; falls back to a hidden text area where the async clipboard is missing. */
export async function copyText(text: string): Promise<void> {
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

/**
 * Copies text that is still being fetched. The clipboard is handed a promise of it at once, while the
 * click still counts as the reader's action: Safari refuses a write made after an await.
 */
export async function copyFetchedText(text: Promise<string>): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })]);
      return;
    } catch {
      // A browser that takes no promise in a ClipboardItem: copy once the text is here.
    }
  }
  await copyText(await text);
}

/** Says something to screen readers (the page's live region) for two seconds. */
export function announce(message: string): void {
  const live = document.getElementById('announcer');
  if (!live) return;
  live.textContent = message;
  setTimeout(() => {
    if (live.textContent === message) live.textContent = '';
  }, 2000);
}
