// The department's dashboard: reads the indicators the reporting topics carry (through the REST
// API of the same service) and redraws when they change. Vietnamese labels and number formats.
'use strict';

const REFRESH_MS = Number(new URLSearchParams(location.search).get('refresh')) || 2000;
const PROGRAMMES = {
  HEALTH_INSURANCE: 'Thẻ BHYT', ELECTRICITY: 'Hỗ trợ tiền điện', STUDY_SUPPORT: 'Hỗ trợ học tập',
  PREFERENTIAL_LOAN: 'Vay ưu đãi', HOUSING: 'Hỗ trợ nhà ở', VOCATIONAL_TRAINING: 'Đào tạo nghề',
  LIVELIHOOD: 'Hỗ trợ sinh kế', SOCIAL_ALLOWANCE: 'Trợ cấp xã hội'
};
const pct = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 2, maximumFractionDigits: 2});
const pts = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'});
const count = new Intl.NumberFormat('vi-VN');
const vnd = new Intl.NumberFormat('vi-VN', {notation: 'compact', maximumFractionDigits: 1});

const state = {year: null, snapshot: null, charts: {}};
// what a test (or a curious officer in the console) can read
window.dashboard = {ready: false, renders: 0, updatedAt: null, error: null};

const percent = v => v === null || v === undefined ? '—' : pct.format(v) + '%';
const points = v => v === null || v === undefined ? '—' : pts.format(v);

// The API takes a bearer token. A link may carry one in its fragment (#token=…, never sent to a
// server); it is kept for this tab only. Without a valid one the page asks for it.
const TOKEN_KEY = 'ansinh.token';
const linked = new URLSearchParams(location.hash.slice(1)).get('token');
if (linked) {
  sessionStorage.setItem(TOKEN_KEY, linked);
  history.replaceState(null, '', location.pathname + location.search);
}
document.getElementById('sign-in').addEventListener('submit', e => {
  e.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, document.getElementById('token').value.trim());
  document.getElementById('sign-in').hidden = true;
  state.snapshot = null;
  refresh();
});

async function indicator(name, query) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(`/api/indicators/${name}?size=5000&${query}`,
    {headers: token ? {Authorization: `Bearer ${token}`} : {}});
  if (response.status === 401) {
    document.getElementById('sign-in').hidden = false;
    throw new Error('Cần đăng nhập (HTTP 401)');
  }
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return (await response.json()).items;
}

async function load() {
  const [trend, coverage, budget] = await Promise.all([
    indicator('poverty-rate', 'level=PROVINCE'),
    indicator('health-insurance-coverage', 'level=PROVINCE'),
    indicator('budget-execution', '')]);
  const years = [...new Set(trend.filter(v => v.group === 'ALL').map(v => v.year))].sort();
  const year = years.includes(state.year) ? state.year : years[years.length - 1];
  const [districts, districtCoverage] = year === undefined ? [[], []] : await Promise.all([
    indicator('poverty-rate', `level=DISTRICT&group=ALL&year=${year}`),
    indicator('health-insurance-coverage', `level=DISTRICT&year=${year}`)]);
  return {years, year, trend, coverage, budget, districts, districtCoverage};
}

function fill(table, rows) {
  const body = document.querySelector(`#${table} tbody`);
  body.replaceChildren(...rows.map(cells => {
    const tr = document.createElement('tr');
    cells.forEach(text => { const td = document.createElement('td'); td.textContent = text; tr.appendChild(td); });
    return tr;
  }));
}

function chart(id, config) {
  const existing = state.charts[id];
  if (existing) {
    existing.data = config.data;
    existing.update();
  } else {
    config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false}, config.options);
    state.charts[id] = new Chart(document.getElementById(id), config);
  }
}

function render(data) {
  const byYear = (group, year) => data.trend.find(v => v.group === group && v.year === year);
  const province = byYear('ALL', data.year);
  document.getElementById('province').textContent = province
    ? `${province.areaName} · năm khảo sát ${data.year}` : 'Chưa có số liệu khảo sát';
  document.querySelectorAll('.selected-year').forEach(e => e.textContent = data.year ?? '');

  const select = document.getElementById('year');
  if (select.options.length !== data.years.length) {
    select.replaceChildren(...data.years.map(y => new Option(y, y)));
  }
  select.value = data.year ?? '';

  const cover = data.coverage.find(v => v.year === data.year);
  document.getElementById('headline-rate').textContent = percent(province?.poorRatePct);
  const change = province?.poorRateChangePts;
  const changeText = document.getElementById('headline-change');
  changeText.textContent = change === null || change === undefined ? ''
    : `${change < 0 ? 'Giảm' : 'Tăng'} ${pct.format(Math.abs(change))} điểm % so với ${province.previousYear}`;
  changeText.className = change < 0 ? 'down' : 'up';
  document.getElementById('headline-poor').textContent = province ? count.format(province.poor) : '—';
  document.getElementById('headline-households').textContent = province ? `trên ${count.format(province.households)} hộ` : '';
  document.getElementById('headline-near-poor').textContent = province ? count.format(province.nearPoor) : '—';
  document.getElementById('headline-near-rate').textContent = province ? `tỷ lệ ${percent(province.nearPoorRatePct)}` : '';
  document.getElementById('headline-coverage').textContent = percent(cover?.coveragePct);
  document.getElementById('headline-covered').textContent = cover
    ? `${count.format(cover.covered)} / ${count.format(cover.people)} người` : '';

  const series = group => data.years.map(y => byYear(group, y)?.poorRatePct ?? null);
  chart('trend-chart', {type: 'line', data: {labels: data.years, datasets: [
    {label: 'Tỷ lệ hộ nghèo (%)', data: series('ALL'), borderColor: '#a51d24', backgroundColor: '#a51d24'},
    {label: 'Hộ dân tộc thiểu số (%)', data: series('ETHNIC_MINORITY'), borderColor: '#1f6fb2', backgroundColor: '#1f6fb2'},
    {label: 'Gia đình người có công (%)', data: series('MERIT_FAMILY'), borderColor: '#c98a00', backgroundColor: '#c98a00'}]},
    options: {scales: {y: {beginAtZero: true, title: {display: true, text: '%'}}}}});
  fill('trend-table', data.years.map(y => {
    const all = byYear('ALL', y), minority = byYear('ETHNIC_MINORITY', y), merit = byYear('MERIT_FAMILY', y);
    return [y, count.format(all.households), count.format(all.poor), percent(all.poorRatePct),
      points(all.poorRateChangePts), percent(minority?.poorRatePct),
      merit ? count.format(merit.poor + merit.nearPoor) : '—'];
  }));

  const districtCover = code => data.districtCoverage.find(v => v.areaCode === code);
  chart('districts-chart', {type: 'bar', data: {labels: data.districts.map(d => d.areaName), datasets: [
    {label: `Tỷ lệ hộ nghèo ${data.year} (%)`, data: data.districts.map(d => d.poorRatePct), backgroundColor: '#a51d24'},
    {label: `Năm trước (%)`, data: data.districts.map(d => d.poorRatePct === null || d.poorRateChangePts === null
      ? null : Number((d.poorRatePct - d.poorRateChangePts).toFixed(2))), backgroundColor: '#d9a3a6'}]},
    options: {scales: {y: {beginAtZero: true}}}});
  fill('districts-table', data.districts.map(d => [d.areaName, count.format(d.households), count.format(d.poor),
    percent(d.poorRatePct), points(d.poorRateChangePts), count.format(d.nearPoor),
    percent(districtCover(d.areaCode)?.coveragePct)]));

  chart('coverage-chart', {type: 'bar', data: {labels: data.districtCoverage.map(d => d.areaName), datasets: [
    {label: 'Người nghèo, cận nghèo có thẻ BHYT (%)', data: data.districtCoverage.map(d => d.coveragePct),
      backgroundColor: '#1b7f3b'}]}, options: {indexAxis: 'y', scales: {x: {beginAtZero: true, max: 100}}}});

  const budgetYears = [...new Set(data.budget.map(b => b.year))].sort();
  const budgetYear = budgetYears[budgetYears.length - 1];
  const budgets = data.budget.filter(b => b.year === budgetYear && b.fundingSource === 'ALL');
  document.getElementById('budget-year').textContent = budgetYear ?? '';
  const label = b => PROGRAMMES[b.programme] ?? b.programme;
  chart('budget-chart', {type: 'bar', data: {labels: budgets.map(label), datasets: [
    {label: 'Đã chi', data: budgets.map(b => b.paidVnd), backgroundColor: '#1b7f3b'},
    {label: 'Đã cam kết', data: budgets.map(b => b.committedVnd), backgroundColor: '#c98a00'},
    {label: 'Còn lại', data: budgets.map(b => Math.max(b.remainingVnd, 0)), backgroundColor: '#c9d1d9'}]},
    options: {scales: {x: {stacked: true}, y: {stacked: true, ticks: {callback: v => vnd.format(v)}}}}});
  fill('budget-table', budgets.map(b => [label(b), vnd.format(b.allocatedVnd), vnd.format(b.committedVnd),
    vnd.format(b.paidVnd), percent(b.paidPct)]));
}

async function refresh() {
  try {
    const data = await load();
    // a refresh sent before the officer signed in may come back 401 after it and show the form
    // again: whatever succeeds with the token hides it
    document.getElementById('sign-in').hidden = true;
    const snapshot = JSON.stringify(data, (key, value) => key === 'computedAt' ? undefined : value);
    if (snapshot !== state.snapshot) {
      state.snapshot = snapshot;
      state.year = data.year;
      render(data);
      window.dashboard.renders++;
    }
    window.dashboard.updatedAt = new Date();
    window.dashboard.error = null;
    document.getElementById('updated').textContent = 'Cập nhật lúc ' + window.dashboard.updatedAt.toLocaleTimeString('vi-VN');
  } catch (e) {
    window.dashboard.error = String(e);
    document.getElementById('updated').textContent = 'Mất kết nối, đang thử lại…';
  }
  window.dashboard.ready = true;
}

document.getElementById('year').addEventListener('change', e => {
  state.year = Number(e.target.value);
  state.snapshot = null;
  refresh();
});
refresh();
setInterval(refresh, REFRESH_MS);
