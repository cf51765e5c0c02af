/* global document, echarts, window */
// regwatch dashboard: draws each chart from the ECharts option the server embedded (the same definition the chat PNGs
// are rendered from), adds the tooltip text (value, y/y, source) and opens a point's source document on click.
(function () {
  'use strict';
  var fmt = function (n) {
    return Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 });
  };
  var pct = function (n) {
    return (n > 0 ? '+' : n < 0 ? '−' : '±') + fmt(Math.abs(n)) + '%';
  };
  var text = function (s) {
    var div = document.createElement('div');
    div.textContent = s;
    return div.innerHTML;
  };
  var tooltip = function (p) {
    var d = p.data || {};
    var lines = ['<strong>' + text(p.seriesName) + '</strong>', text(d.period || p.name) + ': ' + fmt(d.value) + ' t'];
    if (d.yoy !== null && d.yoy !== undefined) lines.push('y/y ' + pct(d.yoy) + (d.yoyStated ? '' : ' (computed)'));
    if (d.mom !== null && d.mom !== undefined) lines.push('m/m ' + pct(d.mom));
    if (d.label) lines.push(text(d.label) + (d.date ? ' · ' + text(d.date) : ''));
    if (d.url) lines.push('click to open the source');
    return lines.join('<br>');
  };
  var charts = [];
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var source = document.getElementById(el.getAttribute('data-option'));
    if (!source) return;
    var option = JSON.parse(source.textContent);
    if (option.tooltip) option.tooltip.formatter = tooltip;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    chart.on('click', function (p) {
      var url = p.data && p.data.url;
      if (url && /^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener');
    });
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      c.resize();
    });
  });
})();
