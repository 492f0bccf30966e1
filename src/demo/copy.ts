/** How long a copy button says "Copied". */
const CONFIRM_MS = 2000;

/**
 * Wires every `button[data-copy]`: it copies the text of the element whose id is its `data-copy`.
 * The result is announced through `status` (a `role="status"` region).
 */
export function bindCopyButtons(root: ParentNode, status: HTMLElement): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const label = button.textContent ?? 'Copy';
    let timer: ReturnType<typeof setTimeout> | undefined;
    button.addEventListener('click', async () => {
      const source = document.getElementById(button.dataset.copy ?? '');
      if (!source) throw new Error(`button[data-copy="${button.dataset.copy}"] names no element`);
      const text = source.textContent ?? '';
      const what = button.getAttribute('aria-label')?.replace(/^Copy /, '') ?? 'snippet';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
        button.dataset.copied = '';
        status.textContent = `Copied ${what}.`;
        clearTimeout(timer);
        timer = setTimeout(() => {
          button.textContent = label;
          delete button.dataset.copied;
        }, CONFIRM_MS);
      } catch {
        // The Clipboard API needs a secure context and, in some browsers, a permission: select the text instead.
        getSelection()?.selectAllChildren(source);
        status.textContent = `The browser did not allow copying. ${capitalise(what)} is selected: press Ctrl+C (⌘C on a Mac).`;
      }
    });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
