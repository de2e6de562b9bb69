// Shared helpers for the demo pages: money formatting, JSON calls, live updates over server-sent events.
const yuan = fen => (fen < 0 ? '-¥' : '¥') + (Math.abs(fen) / 100).toFixed(2);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const rid = () => (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/-/g, '').slice(0, 20);

async function api(method, url, body, headers) {
  const response = await fetch(url, {
    method,
    headers: Object.assign(body ? { 'Content-Type': 'application/json' } : {}, headers || {}),
    body: body ? JSON.stringify(body) : undefined,
    credentials: 'same-origin',
  });
  if (response.status === 401) { location.href = '/login.html?returnUrl=' + encodeURIComponent(location.pathname + location.search); throw new Error('sign in'); }
  const text = await response.text();
  const data = text ? (() => { try { return JSON.parse(text); } catch { return { message: text }; } })() : {};
  if (!response.ok) {
    const retry = response.headers.get('Retry-After');
    const error = new Error((data.messageZh ? data.messageZh + ' / ' : '') + (data.message || data.code || response.statusText) + (retry ? ` (retry after ${retry}s)` : ''));
    error.status = response.status; error.data = data;
    throw error;
  }
  return data;
}

function toast(message, ms) {
  let el = document.getElementById('toast');
  if (!el) { el = document.createElement('div'); el.id = 'toast'; el.className = 'toast'; document.body.appendChild(el); }
  el.textContent = message; el.style.display = 'block';
  clearTimeout(el._t); el._t = setTimeout(() => el.style.display = 'none', ms || 3500);
}

// Reload on every pushed change; reconnects by itself (EventSource retries).
function live(url, onChange) {
  let timer = null;
  const source = new EventSource(url);
  source.onmessage = () => { clearTimeout(timer); timer = setTimeout(onChange, 80); };
  source.addEventListener('hello', () => onChange());
  return source;
}

const pill = (text, kind) => `<span class="pill ${kind || ''}">${esc(text)}</span>`;
const stateKind = s => ({ Succeeded: 'ok', Settled: 'ok', Paid: 'ok', Printed: 'ok', Failed: 'bad', Cancelled: 'bad', AwaitingCustomer: 'warn', Pending: 'warn', InCart: 'warn' }[s] || '');
