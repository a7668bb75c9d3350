// Live operations dashboard: renders each LiveView event of /api/channels/metrics/stream. No libraries, no
// network access beyond this service: the charts are plain SVG.
// Signing in: the API wants a bearer token (groups ops or supervisor). It is pasted into the form, or handed over
// in the URL fragment (#token=..., which never reaches a server or its logs) and removed from the address at once;
// it is kept in sessionStorage, so it lives as long as the tab. EventSource cannot send headers, so the stream is
// read with fetch and parsed here; no token ever goes into a URL.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const WINDOW = '15m';
  const cards = {};

  const fmt = {
    count: v => v == null ? '–' : String(v),
    seconds: v => {
      if (v == null) return '–';
      if (v < 60) return v.toFixed(v < 10 ? 1 : 0) + ' s';
      if (v < 3600) return Math.floor(v / 60) + 'm ' + String(Math.floor(v % 60)).padStart(2, '0') + 's';
      return (v / 3600).toFixed(1) + ' h';
    },
    percent: v => v == null ? '–' : (100 * v).toFixed(0) + ' %',
    money: v => v == null ? '–' : v.toFixed(2)
  };

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text != null) node.textContent = text;
    return node;
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text != null) node.textContent = text;
    return node;
  }

  function card(channel) {
    if (cards[channel]) return cards[channel];
    const root = el('article', { class: 'card', 'data-channel': channel, style: '--accent: var(--' + channel + ')' });
    const head = el('header');
    head.append(el('h3', {}, channel.charAt(0) + channel.slice(1).toLowerCase()), el('span', { class: 'badge', 'data-field': 'open' }, '…'));
    const big = el('div', { class: 'big' });
    [['waiting', 'waiting'], ['inProgress', 'in progress'], ['oldestWait', 'oldest wait']].forEach(([field, label]) => {
      const cell = el('div');
      cell.append(el('b', { 'data-field': field }, '–'), el('small', {}, label));
      big.append(cell);
    });
    const list = el('dl');
    [['received', 'Received'], ['completed', 'Completed'], ['stranded', 'Stranded (no agent on duty could take)'],
     ['serviceLevel', 'Service level 15m'],
     ['averageWait', 'Avg wait 15m'], ['p90Wait', 'p90 wait 15m'], ['aht', 'AHT 15m'], ['fcr', 'FCR'],
     ['escalation', 'Escalation 15m'], ['abandoned', 'Abandoned'], ['cost', 'Cost / contact'],
     ['replies', 'Replies 15m']].forEach(([field, label]) => {
      list.append(el('dt', {}, label), el('dd', { 'data-field': field }, '–'));
    });
    root.append(head, big, list, el('div', { class: 'note', 'data-field': 'note' }));
    document.getElementById('channels').append(root);
    cards[channel] = root;
    return root;
  }

  function set(root, field, text, cls) {
    const node = root.querySelector('[data-field="' + field + '"]');
    node.textContent = text;
    if (cls !== undefined) node.className = cls;
  }

  function renderChannel(view, availability) {
    const root = card(view.channel);
    const w = view.windows[WINDOW];
    set(root, 'waiting', fmt.count(view.waiting));
    set(root, 'inProgress', fmt.count(view.inProgress));
    set(root, 'oldestWait', fmt.seconds(view.oldestWaitSeconds));
    set(root, 'received', fmt.count(view.totals.received));
    set(root, 'completed', fmt.count(view.totals.completed));
    set(root, 'stranded', view.itemsStranded == null ? '–' : fmt.count(view.itemsStranded),
        view.itemsStranded > 0 ? 'sl-bad' : '');
    set(root, 'serviceLevel', fmt.percent(w.serviceLevel),
        w.serviceLevel == null ? '' : (w.serviceLevel >= view.serviceLevelGoal ? 'sl-good' : 'sl-bad'));
    set(root, 'averageWait', fmt.seconds(w.averageWaitSeconds));
    set(root, 'p90Wait', fmt.seconds(w.p90WaitSeconds));
    set(root, 'aht', fmt.seconds(w.averageHandlingSeconds));
    set(root, 'fcr', fmt.percent(view.totals.firstContactResolution));
    set(root, 'escalation', fmt.percent(w.escalationRate));
    set(root, 'abandoned', fmt.count(view.totals.abandoned));
    set(root, 'cost', fmt.money(view.totals.costPerContact));
    const r = w.replies;
    const outcomes = [[r.sent, 'sent'], [r.read, 'read'], [r.failed, 'failed']].filter(([n]) => n > 0);
    set(root, 'replies', outcomes.length === 0 ? (r.requested > 0 ? r.requested + ' requested' : '–')
        : outcomes.map(([n, what]) => n + ' ' + what).join(' · '), r.failed > 0 ? 'sl-bad' : '');
    if (availability) {
      set(root, 'open', availability.open ? 'open' : 'closed', availability.open ? 'badge' : 'badge closed');
      set(root, 'note', availability.open ? '' : availability.reason
          + (availability.alternative ? ' → offer ' + availability.alternative.toLowerCase() : ''));
    }
  }

  function renderThroughput(channels) {
    const chart = document.getElementById('throughput');
    const width = 640, height = 220, left = 34, bottom = 20, top = 8;
    const minutes = channels[0].receivedPerMinute.length;
    const max = Math.max(4, ...channels.flatMap(c => c.receivedPerMinute));
    const x = i => left + i * (width - left - 8) / (minutes - 1);
    const y = v => top + (height - top - bottom) * (1 - v / max);
    chart.replaceChildren();
    for (let step = 0; step <= 4; step++) {
      const value = Math.round(max * step / 4);
      chart.append(svg('line', { x1: left, x2: width - 8, y1: y(value), y2: y(value), stroke: '#e6ebf0' }),
                   svg('text', { x: left - 6, y: y(value) + 3, 'text-anchor': 'end' }, value));
    }
    [0, 5, 10, minutes - 1].forEach(i => chart.append(svg('text', { x: x(i), y: height - 5,
        'text-anchor': i === 0 ? 'start' : i === minutes - 1 ? 'end' : 'middle' },
        i === minutes - 1 ? 'now' : '-' + (minutes - 1 - i) + ' min')));
    channels.forEach(c => {
      const points = c.receivedPerMinute.map((v, i) => x(i) + ',' + y(v)).join(' ');
      chart.append(svg('polyline', { points, fill: 'none', stroke: 'var(--' + c.channel + ')', 'stroke-width': 2,
        'data-channel': c.channel }));
    });
    const legend = document.getElementById('legend');
    if (!legend.childElementCount) {
      channels.forEach(c => {
        const item = el('span');
        item.append(el('i', { style: 'background: var(--' + c.channel + ')' }), document.createTextNode(c.channel.toLowerCase()));
        legend.append(item);
      });
    }
  }

  function renderQueues(channels) {
    const chart = document.getElementById('queues');
    const width = 320, row = 40, left = 72;
    const max = Math.max(5, ...channels.map(c => c.waiting));
    chart.replaceChildren();
    channels.forEach((c, i) => {
      const y = 8 + i * row;
      const length = (width - left - 40) * c.waiting / max;
      chart.append(svg('text', { x: 0, y: y + 14 }, c.channel.toLowerCase()),
                   svg('rect', { x: left, y, width: Math.max(length, 1), height: 18, rx: 3, fill: 'var(--' + c.channel + ')' }),
                   svg('text', { x: left + length + 4, y: y + 14 }, c.waiting),
                   svg('text', { x: left, y: y + 31 }, 'oldest ' + fmt.seconds(c.oldestWaitSeconds)));
    });
  }

  function renderAlerts(alerts) {
    const list = document.getElementById('alerts');
    list.replaceChildren();
    if (!alerts.length) {
      list.append(el('li', { class: 'none' }, 'No alerts'));
      return;
    }
    alerts.forEach(alert => {
      const item = el('li', { 'data-alert': alert.kind + ':' + alert.key });
      item.append(el('b', {}, alert.kind.replace(/_/g, ' ').toLowerCase() + ' · ' + alert.key), document.createTextNode(alert.message));
      list.append(item);
    });
  }

  function renderOffices(offices) {
    const body = document.querySelector('#offices tbody');
    body.replaceChildren();
    offices.forEach(o => {
      const row = el('tr', { 'data-office': o.office });
      [o.office.replace('_', ' ').toLowerCase(), fmt.count(o.waiting), fmt.count(o.inProgress), fmt.seconds(o.oldestWaitSeconds),
       fmt.seconds(o.windows[WINDOW].averageHandlingSeconds), fmt.percent(o.windows[WINDOW].escalationRate)]
        .forEach(text => row.append(el('td', {}, text)));
      body.append(row);
    });
  }

  function renderUnmapped(unmapped) {
    const total = document.getElementById('unmapped-total');
    total.textContent = unmapped.total;
    total.className = unmapped.total ? 'count some' : 'count';
    const body = document.querySelector('#unmapped tbody');
    body.replaceChildren();
    unmapped.latest.forEach(u => {
      const row = el('tr', { 'data-delivery': u.deliveryId });
      [u.channel.toLowerCase(), u.endpoint || '–', (u.reason || '–') + (u.detail ? ': ' + u.detail : ''),
       u.receivedAt ? new Date(u.receivedAt).toLocaleTimeString() : '–'].forEach(text => row.append(el('td', {}, text)));
      body.append(row);
    });
  }

  function render(view) {
    const availability = Object.fromEntries(view.availability.map(a => [a.channel, a]));
    view.channels.forEach(c => renderChannel(c, availability[c.channel]));
    renderThroughput(view.channels);
    renderQueues(view.channels);
    renderAlerts(view.alerts);
    renderOffices(view.offices);
    renderUnmapped(view.unmapped);
    document.getElementById('updated').textContent = 'updated ' + new Date(view.at).toLocaleTimeString();
  }

  const TOKEN = 'switchboard.ops.token';
  const RETRY_MS = 3000;
  let stream = null;

  function tokenFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.has('token')) {
      sessionStorage.setItem(TOKEN, fragment.get('token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function signIn(problem) {
    sessionStorage.removeItem(TOKEN);
    if (stream) stream.abort();
    document.getElementById('board').hidden = true;
    document.getElementById('logout').hidden = true;
    document.getElementById('login').hidden = false;
    document.getElementById('login-problem').textContent = problem || '';
  }

  // Reads the Server-Sent Events of the stream: events are separated by a blank line, data lines start "data:".
  async function readEvents(response) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r/g, '');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer.slice(0, end).split('\n').filter(line => line.startsWith('data:'))
          .map(line => line.slice(5)).join('\n');
        buffer = buffer.slice(end + 2);
        if (data) render(JSON.parse(data));
      }
    }
  }

  async function connect() {
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      signIn();
      return;
    }
    const dot = document.getElementById('connection');
    document.getElementById('login').hidden = true;
    document.getElementById('board').hidden = false;
    document.getElementById('logout').hidden = false;
    stream = new AbortController();
    try {
      const response = await fetch('api/channels/metrics/stream', { signal: stream.signal,
          headers: { Accept: 'text/event-stream', Authorization: 'Bearer ' + token } });
      if (response.status === 401 || response.status === 403) {
        signIn(response.status === 401 ? 'The token was refused (expired, or not of this Switchboard).'
            : 'This token\'s groups may not see the board.');
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      dot.className = 'dot live';
      await readEvents(response);
    } catch (e) {
      // The service went away or restarted (shown, and tried again), or the user signed out.
    }
    if (!sessionStorage.getItem(TOKEN)) return;
    dot.className = 'dot down';
    setTimeout(connect, RETRY_MS);
  }

  document.getElementById('login').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, document.getElementById('token').value.trim());
    connect();
  });
  document.getElementById('logout').addEventListener('click', () => signIn());

  tokenFromFragment();
  connect();
}());
