/**
 * The page's only script, inline: copies a hop's explain command (selecting it, with a message,
 * where the clipboard is refused or does not answer within 2 s), opens or closes every hop, and opens the hop a link points at.
 * The page reads completely without it: every command is printed, every hop is a <details>.
 */
export const SCRIPT = `(() => {
  const openTarget = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    if (target && target.tagName === 'DETAILS') target.open = true;
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    if (button.dataset.open !== undefined) {
      for (const hop of document.querySelectorAll('details.hop')) hop.open = button.dataset.open === 'all';
      return;
    }
    const status = button.parentElement.querySelector('.copy-status');
    try {
      // A clipboard that never answers (seen in headless chromium) counts as refused, not as a wait.
      const silent = new Promise((_, refuse) => setTimeout(() => refuse(new Error('no answer')), 2000));
      await Promise.race([navigator.clipboard.writeText(button.dataset.copy), silent]);
      status.textContent = 'Copied.';
    } catch {
      getSelection().selectAllChildren(button.parentElement.querySelector('code'));
      status.textContent = 'The clipboard is blocked here: the command is selected, copy it with Ctrl+C.';
    }
  });
  addEventListener('hashchange', openTarget);
  openTarget();
})();`;
