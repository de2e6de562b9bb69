// The cashier's till. All amounts entered here are yuan for people; the server works in fen and re-checks everything.
let current = null, order = null, menu = null;
const fen = v => v === '' || v == null ? null : Math.round(Number(v) * 100);

async function loadTables() {
  const tables = await api('GET', '/api/staff/tables');
  document.getElementById('tables').innerHTML = `<table><tr><th>桌</th><th>状态</th><th class="num">应付</th><th class="num">待收</th><th>QR</th></tr>${tables.map(t => `
    <tr><td><button class="link" onclick="pick('${t.table}','${t.orderId || ''}')">${t.table}</button></td>
    <td>${pill(t.tableState, t.tableState === 'Paid' ? 'ok' : t.tableState === 'Free' ? '' : 'warn')} ${t.orderNumber ? '#' + t.orderNumber : ''} ${t.dishes ? t.dishes + '道' : ''}</td>
    <td class="num">${t.amountDue != null ? yuan(t.amountDue) : ''}</td><td class="num">${t.outstanding != null ? yuan(t.outstanding) : ''}</td>
    <td><a href="${esc(t.qr)}" target="_blank" title="${esc(t.qr)}">扫码页</a></td></tr>`).join('')}</table>`;
}

async function pick(table, orderId) {
  current = { table, orderId };
  if (!orderId) {
    const diners = Number(prompt('开台人数 Guests at ' + table, '2') || 0);
    if (!diners) return;
    try { const o = await api('POST', `/api/staff/tables/${table}/open`, { diners }); current.orderId = o.orderId; } catch (e) { return toast(e.message); }
  }
  await loadOrder();
}

async function loadOrder() {
  if (!current?.orderId) return;
  order = await api('GET', '/api/staff/orders/' + current.orderId);
  document.getElementById('actions').hidden = false;
  document.getElementById('detail-title').textContent = `${current.table} · #${order.orderNumber} · ${order.status} / ${order.tableState}`;
  const bill = order.bill;
  const b = id => bill.lines.find(x => x.lineId === id);
  document.getElementById('detail').innerHTML = `
    <table><tr><th>菜品</th><th>数量</th><th>状态</th><th class="num">金额</th><th></th></tr>
    ${order.lines.map(l => `<tr><td>${esc(b(l.lineId)?.name || l.skuId)}<br><span class="muted">${esc(b(l.lineId)?.details || '')} ${esc(l.diner || '')}</span></td>
      <td>${l.quantity}${l.voided ? ' (退' + l.voided + ')' : ''}</td><td>${pill(l.state, stateKind(l.state))}${l.comped ? pill('赠', 'ok') : ''}</td><td class="num">${yuan(l.amount)}</td>
      <td>${l.active && (l.state === 'Fired' || l.state === 'Served') ? `<button onclick="voidLine('${l.lineId}')">退菜</button>` : ''}${l.active && !l.comped ? `<button onclick="comp('${l.lineId}')">赠菜</button>` : ''}</td></tr>`).join('')}
    ${bill.adjustments.map(a => `<tr><td colspan="3">${esc(a.name)} <span class="muted">${esc(a.reason || '')}</span></td><td class="num">${yuan(a.amount)}</td><td></td></tr>`).join('')}
    <tr><th colspan="3">应付 Amount due ${bill.member ? pill('会员 ' + bill.member, 'ok') : ''}</th><th class="num">${yuan(order.amountDue)}</th><th></th></tr>
    <tr><td colspan="3">已收 Paid (net) · 支付中 in progress · 待收 outstanding</td><td class="num">${yuan(order.paid)} · ${yuan(order.inProgress)} · <b>${yuan(order.outstanding)}</b></td><td></td></tr></table>
    <h3>支付记录 Payments</h3>
    ${order.payments.map(p => `<div>${esc(p.channel)} ${esc(p.kind)} ${yuan(p.amount)} ${pill(p.state, stateKind(p.state))} ${p.change ? '找零 ' + yuan(p.change) : ''} ${p.refunded ? '已退 ' + yuan(p.refunded) : ''}
      ${p.failure ? `<div class="muted">✗ ${esc(p.failure.cause)} · ${esc(p.failure.action)} · ${esc(p.failure.staffZh)} / ${esc(p.failure.staffEn)} (${esc(p.failure.rawCode)})</div>` : ''}</div>`).join('') || '<span class="muted">—</span>'}`;
  document.getElementById('parts').innerHTML = order.billParts.map(p => `<div>第${p.part}单 ${yuan(p.amount)} <button onclick="payPart(${p.amount})">收这一单 Pay this part</button></div>`).join('');
}

async function run(call, message) {
  try { await call(); if (message) toast(message); } catch (e) { toast(e.message, 6000); }
  await Promise.all([loadOrder(), loadTables()]);
}

function voidLine(lineId) {
  const reason = prompt('退菜原因 Reason', '顾客不要了'); if (!reason) return;
  const line = order.lines.find(l => l.lineId === lineId);
  const quantity = Number(prompt('退几份 How many', String(line.quantity)) || 0); if (!quantity) return;
  run(() => api('POST', `/api/staff/orders/${order.orderId}/void`, { requestId: rid(), expectedVersion: order.version, lineId, quantity, reason }), '已退菜，厨房已收到退菜单');
}
function comp(lineId) {
  const reason = prompt('赠菜原因 Reason', '老顾客'); if (!reason) return;
  run(() => api('POST', `/api/staff/orders/${order.orderId}/comp`, { requestId: rid(), expectedVersion: order.version, lineId, reason }), '已赠送');
}
function payPart(amount) { document.getElementById('amount').value = (amount / 100).toFixed(2); toast('金额已填入，选择支付方式后收款'); }

document.getElementById('add-btn').onclick = () => {
  const [itemId, skuId] = document.getElementById('add-sku').value.split('|');
  const item = menu.categories.flatMap(c => c.items).find(i => i.id === itemId);
  const line = { skuId, quantity: Number(document.getElementById('add-qty').value || 1), modifiers: item.modifierGroups.filter(g => g.min > 0).map(g => ({ choiceId: g.choices[0].id, quantity: 1 })), combo: item.comboGroups.flatMap(g => g.options.slice(0, g.min).map(o => ({ groupId: g.id, skuId: o.skuId, quantity: 1 }))) };
  if (item.kind === 'Weighed') { line.quantity = 1; line.weightGrams = Number(document.getElementById('add-grams').value || 750); }
  run(() => api('POST', `/api/staff/orders/${order.orderId}/items`, { requestId: rid(), items: [line] }), '已加菜，已送厨房');
};
document.getElementById('split-even').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/split`, { requestId: rid(), expectedVersion: order.version, mode: 'evenly', parts: Number(document.getElementById('split-n').value) }));
document.getElementById('split-items').onclick = () => {
  const active = order.lines.filter(l => l.active).map(l => l.lineId);
  const n = Math.max(2, Math.min(Number(document.getElementById('split-n').value), active.length));
  const parts = Array.from({ length: n }, () => []); active.forEach((id, i) => parts[i % n].push(id));
  run(() => api('POST', `/api/staff/orders/${order.orderId}/split`, { requestId: rid(), expectedVersion: order.version, mode: 'items', linesPerPart: parts }));
};
document.getElementById('pay-btn').onclick = () => run(async () => {
  const r = await api('POST', `/api/staff/orders/${order.orderId}/pay`, {
    requestId: rid(), method: document.getElementById('method').value, amount: fen(document.getElementById('amount').value),
    cashReceived: fen(document.getElementById('cash').value), paymentCode: document.getElementById('code').value || null, memberId: document.getElementById('member-sel').value || null,
  });
  document.getElementById('amount').value = ''; document.getElementById('cash').value = '';
  const a = r.attempt;
  toast(`${a.channel}: ${a.state}${a.change ? ' · 找零 ' + yuan(a.change) : ''}${a.failure ? ' · ' + a.failure.staffZh : ''}`, 6000);
});
document.getElementById('refund-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/refund`, { requestId: rid(), amount: fen(document.getElementById('refund-amount').value), reason: document.getElementById('refund-reason').value }), '退款已提交 Refund submitted');
document.getElementById('reopen-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/reopen`, { requestId: rid(), reason: document.getElementById('reopen-reason').value }), '已反结账 Reopened');
document.getElementById('settle-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/settle`), '已结账');
document.getElementById('clear-btn').onclick = () => run(async () => { await api('POST', `/api/staff/orders/${order.orderId}/clear`); current.orderId = null; }, '已清台');
document.getElementById('member-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/member`, { memberId: document.getElementById('member-sel').value || null }), '会员已绑定');
document.getElementById('coupon-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/coupon`, { code: document.getElementById('coupon-code').value.trim() }), '优惠券已使用');
document.getElementById('uncoupon-btn').onclick = () => run(() => api('POST', `/api/staff/orders/${order.orderId}/coupon`, { code: document.getElementById('coupon-code').value.trim(), remove: true }), '优惠券已撤销');
document.getElementById('receipt-btn').onclick = async () => {
  const el = document.getElementById('receipt');
  try { const r = await api('POST', `/api/staff/orders/${order.orderId}/receipt`); el.textContent = r.text; }
  catch (e) { el.textContent = '✗ ' + (e.data?.error || e.message); }
  el.hidden = false;
};

(async () => {
  menu = await api('GET', '/api/menu');
  document.getElementById('add-sku').innerHTML = menu.categories.flatMap(c => c.items.flatMap(i => i.skus.map(s => `<option value="${i.id}|${s.id}" ${s.soldOut ? 'disabled' : ''}>${esc(c.name)} · ${esc(i.name)}${i.skus.length > 1 ? '(' + esc(s.name) + ')' : ''} ${yuan(s.price)}</option>`))).join('');
  const members = await api('GET', '/api/staff/members');
  document.getElementById('member-sel').innerHTML = '<option value="">(会员 member)</option>' + members.map(m => `<option value="${m.id}">${m.id} ${esc(m.name)} 余额 ${yuan(m.balance)}</option>`).join('');
  await loadTables();
  live('/api/staff/events', () => { loadTables(); loadOrder(); });
})();
