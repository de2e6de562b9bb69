// Staff header: who is signed in, the three staff pages, sign out.
(async () => {
  const me = await api('GET', '/auth/me').catch(() => null);
  const bar = document.querySelector('header.bar');
  bar.insertAdjacentHTML('beforeend', `<a href="/staff/cashier.html">收银 Cashier</a><a href="/staff/kds.html">后厨 KDS</a><a href="/staff/dashboard.html">看板 Dashboard</a>
    <span style="margin-left:auto">${esc(me?.name || '')} (${esc(me?.role || '')})</span><form method="post" action="/auth/logout" style="display:inline"><button class="link">退出 Sign out</button></form>`);
})();
