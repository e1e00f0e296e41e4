/**
 * The live page's streaming: each exchange arrives over Server-Sent Events as its markup and goes
 * to its place (newest first). EventSource reconnects by itself and sends the last id it saw, so
 * nothing is missed in between. A new lane (a party the page has no column for) reloads the page.
 */
export const LIVE_SCRIPT = `(() => {
  const list = document.getElementById('hops');
  const status = document.getElementById('live-status');
  const count = document.getElementById('hop-count');
  if (!window.EventSource) return;
  const source = new EventSource('/_fedsim/trace/events?after=' + list.dataset.last);
  source.onopen = () => { status.textContent = 'Live: new exchanges appear at the top.'; };
  source.onerror = () => { status.textContent = 'Connection lost, reconnecting…'; };
  source.addEventListener('hop', (event) => {
    const hop = JSON.parse(event.data);
    if (hop.lanes !== list.dataset.lanes) return location.reload();
    if (document.getElementById('hop-' + hop.n)) return;
    const before = [...list.children].find((el) => Number(el.dataset.hop) < hop.n);
    if (before) before.insertAdjacentHTML('beforebegin', hop.html);
    else list.insertAdjacentHTML('beforeend', hop.html);
    document.getElementById('no-hops')?.remove();
    const n = list.children.length;
    count.textContent = n + (n === 1 ? ' exchange' : ' exchanges');
  });
})();`;
