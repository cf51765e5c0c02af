/* global document, EventSource, window */
// regwatch dashboard: live updates over server-sent events. New alerts go to the top of the timeline when they pass
// the page's filters; a watch whose health changed gets its row replaced. Both arrive as escaped HTML from the server.
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || typeof EventSource === 'undefined') return;
  var status = function (text) {
    live.textContent = 'live updates: ' + text;
    live.setAttribute('data-state', text);
  };
  var fragment = function (html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  };
  var passes = function (alert, filter) {
    if (filter.category && alert.categories.indexOf(filter.category) < 0) return false;
    if (filter.source && alert.source !== filter.source) return false;
    if (filter.from && alert.day < filter.from) return false;
    if (filter.to && alert.day > filter.to) return false;
    if (filter.q && alert.title.toLowerCase().indexOf(filter.q.toLowerCase()) < 0) return false;
    return true;
  };
  var events = new EventSource('/ui/events');
  events.addEventListener('ready', function () {
    status('on');
  });
  events.addEventListener('error', function () {
    status('reconnecting');
  });
  events.addEventListener('alert', function (e) {
    var alert = JSON.parse(e.data);
    var list = document.getElementById('alerts');
    if (!list || document.getElementById('alert-' + alert.id)) return;
    var filter = JSON.parse(list.getAttribute('data-filter') || '{}');
    if (!passes(alert, filter)) return;
    var item = fragment(alert.html);
    if (!item) return;
    item.classList.add('fresh');
    list.insertBefore(item, list.firstChild);
    var count = document.getElementById('alert-count');
    if (count) count.textContent = list.children.length + ' alerts (live).';
  });
  events.addEventListener('watch', function (e) {
    var update = JSON.parse(e.data);
    var row = document.getElementById('watch-' + update.id);
    if (!row) return;
    var next = fragment('<table><tbody>' + update.html + '</tbody></table>');
    var tr = next && next.querySelector('tr');
    if (tr) row.replaceWith(tr);
  });
  window.addEventListener('pagehide', function () {
    events.close();
  });
})();
