// Live Markdown preview for the content editor: an enhancement only. Without
// JavaScript the form's Preview button shows the same rendering. The server
// renders and sanitises the Markdown, so what is shown here is exactly what
// visitors will see, and no Markdown or HTML library is sent to the browser.
const WAIT_MS = 400;

for (const panel of document.querySelectorAll('[data-island="markdown-preview"]')) {
  const field = document.getElementById(panel.dataset.for ?? '');
  const form = field?.form;
  const token = form?.querySelector('input[name="_csrf"]')?.value;
  if (!field || !form || !token) continue;
  let timer;
  let sent = 0;
  const refresh = async () => {
    const request = ++sent;
    const body = new URLSearchParams({ _csrf: token, body: field.value });
    try {
      const response = await fetch(panel.dataset.endpoint, { method: 'POST', body, credentials: 'same-origin' });
      // An older answer arriving late must not replace a newer one.
      if (response.ok && request === sent) panel.querySelector('.prose').innerHTML = await response.text();
    } catch {
      // Offline or the server is restarting: the Preview button still works.
    }
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, WAIT_MS);
  });
  panel.hidden = false;
  refresh();
}
