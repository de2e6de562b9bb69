// The diner's page: what the mini-program would show. Everything it sends is re-priced by the server;
// the "price" it sends along is deliberately ignored there.
const token = new URLSearchParams(location.search).get('t') || '';
const auth = { 'X-Table-Token': token };
const me = localStorage.getItem('demo.diner') || ('食客' + String.fromCharCode(65 + Math.floor(Math.random() * 26)));
localStorage.setItem('demo.diner', me);
document.getElementById('me').textContent = '我是 ' + me;
let menu = null, state = null, skuIndex = {};

const stateZh = { InCart: '购物车', Held: '叫起', Fired: '制作中', Served: '已上菜', Removed: '已删除' };
const orderZh = { Open: '进行中', Settled: '已结账 Paid', Cancelled: '已取消' };

async function loadMenu() {
  menu = await api('GET', '/api/menu', null, auth);
  document.getElementById('cats').innerHTML = menu.categories.map(c => `<a href="#cat-${c.id}">${esc(c.name)}</a>`).join('');
  document.getElementById('menu').innerHTML = menu.categories.map(c => `
    <h3 id="cat-${c.id}">${esc(c.name)} <span class="muted">${esc(c.nameEn)}</span></h3>
    ${c.items.map(item => {
      item.skus.forEach(s => skuIndex[s.id] = { item, sku: s });
      const s = item.skus[0];
      const soldOut = item.skus.every(x => x.soldOut);
      const from = item.skus.length > 1 ? '起' : '';
      const per = s.perGrams ? `/${s.perGrams}g` : '';
      return `<div class="dish ${soldOut ? 'soldout' : ''}" data-item="${item.id}">
        <div><b>${esc(item.name)}</b> <span class="muted">${esc(item.nameEn)}</span><br>
          <span class="price">${yuan(s.price)}${per}${from}</span>
          ${s.memberPrice != null ? `<span class="pill">会员 ${yuan(s.memberPrice)}</span>` : ''}
          ${item.kind === 'Combo' ? '<span class="pill">套餐</span>' : ''}${item.kind === 'Weighed' ? '<span class="pill">称重</span>' : ''}
          ${soldOut ? '<span class="pill bad">已售罄 Sold out</span>' : ''}</div>
        <button class="add" data-item="${item.id}" ${soldOut ? 'disabled' : ''}>+</button></div>`;
    }).join('')}`).join('');
  document.querySelectorAll('button.add').forEach(b => b.onclick = () => choose(b.dataset.item));
}

function findItem(id) { for (const c of menu.categories) for (const i of c.items) if (i.id === id) return i; }

function choose(itemId) {
  const item = findItem(itemId);
  const simple = item.skus.length === 1 && item.modifierGroups.length === 0 && item.comboGroups.length === 0 && item.kind !== 'Weighed';
  if (simple) return add([{ skuId: item.skus[0].id, quantity: 1, price: item.skus[0].price }]);
  const form = document.getElementById('dlg-form');
  const skus = item.skus.filter(s => !s.soldOut);
  form.innerHTML = `<h3>${esc(item.name)}</h3>
    ${skus.length > 1 ? `<fieldset><legend>规格</legend>${skus.map((s, i) => `<label><input type="radio" name="sku" value="${s.id}" ${i ? '' : 'checked'}> ${esc(s.name)} ${yuan(s.price)}</label> `).join('')}</fieldset>` : `<input type="hidden" name="sku" value="${skus[0].id}">`}
    ${item.kind === 'Weighed' ? `<fieldset><legend>重量 (店员称重后以实际为准)</legend>${[500, 750, 1000, 1250].map((g, i) => `<label><input type="radio" name="grams" value="${g}" ${i === 1 ? 'checked' : ''}> ${g}g</label> `).join('')}</fieldset>` : ''}
    ${item.modifierGroups.map(g => `<fieldset data-group="${g.id}" data-min="${g.min}" data-max="${g.max}"><legend>${esc(g.name)} ${g.min ? '(必选)' : ''} ${g.max > 1 ? '最多' + g.max : ''}</legend>
      ${g.choices.map((ch, i) => `<label><input type="${g.max > 1 ? 'checkbox' : 'radio'}" name="m-${g.id}" value="${ch.id}" ${g.min && !i && g.max === 1 ? 'checked' : ''}> ${esc(ch.name)}${ch.price ? ' +' + yuan(ch.price) : ''}</label> `).join('')}</fieldset>`).join('')}
    ${item.comboGroups.map(g => `<fieldset data-combo="${g.id}"><legend>${esc(g.name)} (选 ${g.min}${g.max !== g.min ? '–' + g.max : ''})</legend>
      ${g.options.map((o, i) => `<label><input type="checkbox" name="c-${g.id}" value="${o.skuId}" ${i < g.min ? 'checked' : ''}> ${esc(o.name)}${o.surcharge ? ' +' + yuan(o.surcharge) : ''}</label> `).join('')}</fieldset>`).join('')}
    <p><label>备注 <input name="note" maxlength="60"></label></p>
    <div class="row"><button value="cancel">取消</button><button class="primary" value="ok" id="dlg-ok">加入购物车</button></div>`;
  const dlg = document.getElementById('dlg');
  dlg.onclose = () => {
    if (dlg.returnValue !== 'ok') return;
    const data = new FormData(form);
    const skuId = data.get('sku');
    const line = { skuId, quantity: 1, price: 1, modifiers: [], combo: [], note: data.get('note') || null };
    if (item.kind === 'Weighed') line.weightGrams = Number(data.get('grams'));
    item.modifierGroups.forEach(g => data.getAll('m-' + g.id).forEach(v => line.modifiers.push({ choiceId: v, quantity: 1 })));
    item.comboGroups.forEach(g => data.getAll('c-' + g.id).forEach(v => line.combo.push({ groupId: g.id, skuId: v, quantity: 1 })));
    add([line]);
  };
  dlg.showModal();
}

async function add(items) {
  try {
    const result = await api('POST', '/api/diner/cart', { requestId: rid(), diner: me, diners: 2, items }, auth);
    render(result.order);
    toast('已加入本桌购物车 Added to the table cart');
  } catch (e) { toast(e.message, 6000); }
}

async function removeLine(lineId) {
  try { render((await api('DELETE', `/api/diner/cart/${lineId}?requestId=${rid()}`, null, auth)).order); } catch (e) { toast(e.message); }
}

async function refresh() {
  try { const t = await api('GET', '/api/diner/table', null, auth); document.getElementById('table-label').textContent = '桌号 ' + t.table; render(t.order); }
  catch (e) { document.getElementById('status').innerHTML = pill(e.message, 'bad'); }
}

function lineName(l) { const s = skuIndex[l.skuId]; return s ? s.item.name + (s.item.skus.length > 1 ? `(${s.sku.name})` : '') : l.skuId; }

function render(order) {
  state = order;
  const none = !order;
  document.getElementById('status').innerHTML = none ? 'No order yet — add a dish to open the table. 点菜即开台' :
    `单号 <b>#${order.orderNumber}</b> ${pill(orderZh[order.status] || order.status, stateKind(order.status === 'Settled' ? 'Settled' : ''))} ${pill(order.tableState)} · ${order.diners} 位 · 第 ${order.rounds} 轮`;
  const bill = order?.bill;
  const detail = id => bill?.lines.find(b => b.lineId === id);
  const cart = (order?.lines || []).filter(l => l.state === 'InCart' && l.active);
  document.getElementById('cart').innerHTML = cart.length ? `<table>${cart.map(l => `<tr><td>${esc(lineName(l))}<br><span class="muted">${esc(detail(l.lineId)?.details || '')}</span></td><td>×${l.quantity}</td><td>${esc(l.diner || '')}</td><td>${l.diner === me ? `<button class="link" onclick="removeLine('${l.lineId}')">删除</button>` : ''}</td></tr>`).join('')}</table>` : '<span class="muted">购物车是空的 — the cart is empty</span>';
  document.getElementById('submit').disabled = !cart.length || order?.status !== 'Open';
  const sent = (order?.lines || []).filter(l => l.state !== 'InCart');
  document.getElementById('ordered').innerHTML = sent.length ? `<table>${sent.map(l => `<tr><td>${esc(lineName(l))}${l.comped ? ' ' + pill('赠', 'ok') : ''}${l.voided ? ' ' + pill('退' + l.voided, 'bad') : ''}</td><td>×${l.quantity}</td><td>${pill(stateZh[l.state] || l.state)}</td><td>第${l.round}轮</td></tr>`).join('')}</table>` : '<span class="muted">—</span>';
  document.getElementById('bill').innerHTML = !bill || !bill.lines.length ? '<span class="muted">—</span>' : `
    <table>${bill.lines.map(b => `<tr><td>${esc(b.name)} ${b.quantity > 1 ? '×' + b.quantity : ''}${b.weightGrams ? ' ' + b.weightGrams + 'g' : ''}<br><span class="muted">${esc(b.details)}
        ${b.unitPrice !== b.listUnitPrice ? `<span class="strike">${yuan(b.listUnitPrice)}</span> ${yuan(b.unitPrice)} (${esc(b.priceSource)})` : ''}${b.addOnsPerUnit ? ' 加料 +' + yuan(b.addOnsPerUnit) : ''}</span></td>
      <td class="num">${yuan(b.gross)}</td></tr>`).join('')}
      <tr><td>小计 Subtotal</td><td class="num">${yuan(bill.subtotal)}</td></tr>
      ${bill.adjustments.map(a => `<tr><td>${esc(a.name)} <span class="muted">${esc(a.nameEn)}${a.reason ? ' · ' + esc(a.reason) : ''} · ${a.lines.length} 行</span></td><td class="num">${yuan(a.amount)}</td></tr>`).join('')}
      <tr><th>应付 Amount due</th><th class="num" id="amount-due">${yuan(bill.amountDue)}</th></tr></table>
    ${bill.promotions.filter(p => p.outcome !== 'Applied').map(p => `<div class="muted">未享受: ${esc(p.name)} — ${esc(p.outcome)}</div>`).join('')}
    ${bill.member ? `<div>${pill('会员 ' + bill.member, 'ok')}</div>` : ''}
    ${(order.inactiveCoupons || []).map(c => `<div class="muted">优惠券未生效 ${esc(c.code)}: ${esc(c.messageZh)} / ${esc(c.message)}</div>`).join('')}
    ${bill.matchesOrder ? '' : pill('bill/order mismatch', 'bad')}`;
  const canPay = order && order.status === 'Open' && !cart.length && order.outstanding > 0 && order.lines.some(l => l.state !== 'InCart' && l.active);
  document.getElementById('pay-wechat').disabled = !canPay;
  document.getElementById('pay-alipay').disabled = !canPay;
  document.getElementById('pay-info').innerHTML = !order ? '' : order.status === 'Settled' ? `<b id="paid-banner">${pill('已支付 Paid ' + yuan(order.paid), 'ok')}</b>` :
    `待付 Outstanding <b>${yuan(order.outstanding)}</b>${order.inProgress ? ' · 支付中 ' + yuan(order.inProgress) : ''}${cart.length ? ' · 请先下单 send the cart first' : ''}`;
  document.getElementById('payments').innerHTML = (order?.payments || []).map(p => `<div>${esc(p.channel)} ${yuan(p.amount)} ${pill(p.state, stateKind(p.state))}${p.failure ? ` <span class="muted">${esc(p.failure.customerZh)} / ${esc(p.failure.customerEn)}</span>` : ''}</div>`).join('');
}

document.getElementById('submit').onclick = async () => {
  try { render((await api('POST', '/api/diner/submit', { requestId: rid() }, auth)).order); toast('已下单，厨房已收到 Sent to the kitchen'); } catch (e) { toast(e.message); }
};
document.getElementById('member-btn').onclick = async () => {
  const id = document.getElementById('member').value.trim() || null;
  try { render((await api('POST', '/api/diner/member', { memberId: id }, auth)).order); } catch (e) { toast(e.message); }
};
document.getElementById('coupon-btn').onclick = async () => {
  const code = document.getElementById('coupon').value.trim();
  if (!code) return;
  try { render((await api('POST', '/api/diner/coupon', { code }, auth)).order); toast('优惠券已使用 Coupon applied'); } catch (e) { toast(e.message); }
};
for (const [id, channel] of [['pay-wechat', 'wechat'], ['pay-alipay', 'alipay']]) {
  document.getElementById(id).onclick = async () => {
    try {
      const result = await api('POST', '/api/diner/pay', { requestId: rid(), channel }, auth);
      render(result.order);
      toast(result.attempt.state === 'AwaitingCustomer' ? '请在' + (channel === 'wechat' ? '微信' : '支付宝') + '中确认支付（模拟顾客稍后确认）' : result.attempt.state);
    } catch (e) { toast(e.message, 6000); }
  };
}

loadMenu().then(refresh).catch(e => document.getElementById('menu').textContent = e.message);
live('/api/diner/events?t=' + encodeURIComponent(token), refresh);
