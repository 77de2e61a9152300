// The peer: Tabulator 6 on the same donation rows, with columns like the app's ledger table,
// a sum of the amount under the table (the app's totals), and one of three set-ups:
//   paged-global   — 25 rows a page (like the app); the search box filters on every text
//                    column through a global filter function (like the app's search)
//   paged-header   — 25 rows a page; Tabulator's own header filter (`headerFilter: "input"`,
//                    live, no delay) on the donor column
//   virtual-global — no pages, Tabulator's virtual DOM (600 px high); global filter
import { donationFiles, loadRows, macrotask } from './common.js';

// What the app shows for the enum codes (its Chinese labels), so search finds the same words.
const CHANNEL = { bank_transfer: '银行转账', online_platform: '网络募捐平台', wechat: '微信', cash: '现金', other: '其他' };
const STATUS = { received: '已到账', refunded: '已退回', cancelled: '已取消' };
const ORIGIN = { sample: '示例', published: '公开记录' };
const TEXT = ['date', 'donor', 'flow', 'project', 'directed_to', 'channel', 'status', 'receipt', 'id', 'origin'];

function toRow(r) {
  const row = {
    date: r.date,
    donor: r.donor,
    amount: r.amount_fen / 100,
    flow: '捐款收入',
    project: r.project,
    directed_to: r.directed_to || '',
    channel: CHANNEL[r.channel] || r.channel,
    status: STATUS[r.status] || r.status,
    receipt: r.receipt || '',
    id: r.id,
    origin: ORIGIN[r.origin] || r.origin,
  };
  // One lower-cased haystack per row, built once (the app keeps one too): a fair global filter.
  row._hay = TEXT.map((f) => row[f]).join('\n').toLowerCase();
  return row;
}

function hayFilter(data, params) {
  return data._hay.includes(params.q);
}

let table = null;

window.__build = async (variant) => {
  const files = await donationFiles();
  const t0 = performance.now();
  const rows = await loadRows(files, toRow);
  const tParsed = performance.now();
  const paged = variant.startsWith('paged');
  const money = { decimal: '.', thousand: ',', precision: 2 };
  const columns = [
    { title: '日期', field: 'date' },
    { title: '捐赠方', field: 'donor', ...(variant === 'paged-header' ? { headerFilter: 'input' } : {}) },
    { title: '金额（元）', field: 'amount', hozAlign: 'right', formatter: 'money', formatterParams: money, bottomCalc: 'sum', bottomCalcFormatter: 'money', bottomCalcFormatterParams: money },
    { title: '类型', field: 'flow' },
    { title: '项目', field: 'project' },
    { title: '定向用途', field: 'directed_to' },
    { title: '渠道', field: 'channel' },
    { title: '状态', field: 'status' },
    { title: '收据号', field: 'receipt' },
    { title: '编号', field: 'id' },
    { title: '来源', field: 'origin' },
  ];
  table = new Tabulator('#table', {
    data: rows,
    columns,
    layout: 'fitData',
    headerFilterLiveFilterDelay: 0,
    ...(paged ? { pagination: true, paginationSize: 25 } : { height: '600px' }),
  });
  await new Promise((resolve) => table.on('tableBuilt', resolve));
  await macrotask();
  const t1 = performance.now();
  const q = document.getElementById('q');
  q.addEventListener('input', () => {
    const v = q.value.trim().toLowerCase();
    if (v) table.setFilter(hayFilter, { q: v });
    else table.clearFilter();
  });
  window.__table = table;
  return { loadMs: t1 - t0, parseMs: tParsed - t0, buildMs: t1 - tParsed, rows: rows.length };
};
window.__tabulatorReady = true;
