// Live operations dashboard: renders each LiveView event of /api/channels/metrics/stream. No libraries, no
// network access beyond this service: the charts are plain SVG.
// Signing in: the API wants a bearer token (groups ops or supervisor). It is pasted into the form, or handed over
// in the URL fragment (#token=..., which never reaches a server or its logs) and removed from the address at once;
// it is kept in sessionStorage, so it lives as long as the tab. EventSource cannot send headers, so the stream is
// read with fetch and parsed here; no token ever goes into a URL.
// Dutch and English: L (or the button) switches, the choice is kept in localStorage like the workspace's.
// Supervisors (token group supervisor) also see the work-service's agents and queues, read through this service.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const WINDOW = '15m';
  const SUPERVISION_MS = 5000;
  const LANGUAGE = 'switchboard.language';
  let cards = {};

  const TEXT = {
    en: {
      signOut: 'Sign out', signIn: 'Sign in', signInWith: 'Sign in with a JWT of the group',
      throughput: 'Contacts received per minute, last 15 minutes', waitingNow: 'Waiting now and oldest wait',
      alerts: 'Alerts', noAlerts: 'No alerts', offices: 'Offices', office: 'Office', waiting: 'Waiting',
      inProgress: 'In progress', oldest: 'Oldest', aht: 'AHT 15m', escalation: 'Escalation 15m',
      unmapped: 'Unmapped deliveries', channel: 'Channel', endpoint: 'Endpoint', reason: 'Reason', received: 'Received',
      oldestWait: 'oldest wait', completed: 'Completed', stranded: 'Stranded',
      strandedLong: 'Stranded (no agent on duty could take)', serviceLevel: 'Service level 15m',
      averageWait: 'Avg wait 15m', p90Wait: 'p90 wait 15m', fcr: 'FCR', abandoned: 'Abandoned',
      cost: 'Cost / contact', replies: 'Replies 15m', open: 'open', closed: 'closed', offer: 'offer',
      closedOpens: 'closed, opens', closedHours: 'closed outside business hours', calendarUnknown: 'calendar unknown',
      updated: 'updated', supervision: 'Supervisor: agents and queues', agents: 'Agents', agent: 'Agent',
      state: 'State', stateReason: 'Reason', load: 'Load per channel', items: 'Current items', queues: 'Queues',
      queue: 'Queue', strandedWhy: 'Why stranded', corrections: 'Routing corrections per week', week: 'Week',
      routedCorrected: 'Routed → corrected', intent: 'Intent', source: 'Source', count: 'Contacts',
      noCorrections: 'No corrections', workServiceDown: 'The work-service did not answer; shown again when it does.',
      AGENT: 'agent', ESCALATION: 'escalation', sent: 'sent', read: 'read', failed: 'failed', requested: 'requested',
      feedback: 'Feedback and revenue per channel', nps: 'NPS', csat: 'CSAT', responseRate: 'Response rate',
      answers: 'Answers (promoters · passives · detractors)', complaints: 'Complaints', takeUp: 'Offers taken',
      revenuePerContact: 'Revenue / contact', of: 'of',
      refused: 'The token was refused (expired, or not of this Switchboard).',
      forbidden: 'This token\'s groups may not see the board.'
    },
    nl: {
      signOut: 'Afmelden', signIn: 'Aanmelden', signInWith: 'Meld u aan met een JWT van de groep',
      throughput: 'Contacten per minuut, laatste 15 minuten', waitingNow: 'Nu wachtend en langste wachttijd',
      alerts: 'Meldingen', noAlerts: 'Geen meldingen', offices: 'Afdelingen', office: 'Afdeling', waiting: 'Wachtend',
      inProgress: 'In behandeling', oldest: 'Langst', aht: 'Gem. afhandeltijd 15m', escalation: 'Escalaties 15m',
      unmapped: 'Niet te verwerken berichten', channel: 'Kanaal', endpoint: 'Endpoint', reason: 'Reden',
      received: 'Ontvangen', oldestWait: 'langste wachttijd', completed: 'Afgerond', stranded: 'Vastgelopen',
      strandedLong: 'Vastgelopen (niemand in dienst kan het oppakken)', serviceLevel: 'Serviceniveau 15m',
      averageWait: 'Gem. wachttijd 15m', p90Wait: 'p90 wachttijd 15m', fcr: 'Eerste keer goed', abandoned: 'Afgehaakt',
      cost: 'Kosten / contact', replies: 'Antwoorden 15m', open: 'open', closed: 'dicht', offer: 'bied aan',
      closedOpens: 'dicht, opent', closedHours: 'dicht buiten openingstijden', calendarUnknown: 'agenda onbekend',
      updated: 'bijgewerkt', supervision: 'Supervisor: medewerkers en wachtrijen', agents: 'Medewerkers',
      agent: 'Medewerker', state: 'Status', stateReason: 'Reden', load: 'Werk per kanaal', items: 'Huidige items',
      queues: 'Wachtrijen', queue: 'Wachtrij', strandedWhy: 'Waarom vastgelopen',
      corrections: 'Routeringscorrecties per week', week: 'Week', routedCorrected: 'Gerouteerd → gecorrigeerd',
      intent: 'Vraag', source: 'Bron', count: 'Contacten', noCorrections: 'Geen correcties',
      workServiceDown: 'De work-service antwoordde niet; het overzicht komt terug zodra hij dat doet.',
      AGENT: 'medewerker', ESCALATION: 'escalatie', sent: 'verzonden', read: 'gelezen', failed: 'mislukt',
      requested: 'gevraagd', feedback: 'Klantoordeel en opbrengst per kanaal', nps: 'NPS', csat: 'Tevredenheid',
      responseRate: 'Respons', answers: 'Antwoorden (promotors · passief · criticasters)', complaints: 'Klachten',
      takeUp: 'Aanbiedingen genomen', revenuePerContact: 'Opbrengst / contact', of: 'van',
      refused: 'Het token is geweigerd (verlopen, of niet van deze Switchboard).',
      forbidden: 'De groepen van dit token mogen het overzicht niet zien.'
    }
  };
  let language = localStorage.getItem(LANGUAGE) === 'nl' ? 'nl' : 'en';
  const t = key => TEXT[language][key];

  const fmt = {
    count: v => v == null ? '–' : String(v),
    seconds: v => {
      if (v == null) return '–';
      if (v < 60) return v.toFixed(v < 10 ? 1 : 0) + ' s';
      if (v < 3600) return Math.floor(v / 60) + 'm ' + String(Math.floor(v % 60)).padStart(2, '0') + 's';
      return (v / 3600).toFixed(1) + ' h';
    },
    percent: v => v == null ? '–' : (100 * v).toFixed(0) + ' %',
    points: v => v == null ? '–' : (v > 0 ? '+' : '') + v.toFixed(0),
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
    [['waiting', 'waiting'], ['inProgress', 'inProgress'], ['oldestWait', 'oldestWait']].forEach(([field, label]) => {
      const cell = el('div');
      cell.append(el('b', { 'data-field': field }, '–'), el('small', {}, t(label).toLowerCase()));
      big.append(cell);
    });
    const list = el('dl');
    [['received', 'received'], ['completed', 'completed'], ['stranded', 'strandedLong'],
     ['serviceLevel', 'serviceLevel'], ['averageWait', 'averageWait'], ['p90Wait', 'p90Wait'], ['aht', 'aht'],
     ['fcr', 'fcr'], ['escalation', 'escalation'], ['abandoned', 'abandoned'], ['cost', 'cost'],
     ['replies', 'replies']].forEach(([field, label]) => {
      list.append(el('dt', {}, t(label)), el('dd', { 'data-field': field }, '–'));
    });
    root.append(head, big, list, el('div', { class: 'calendar', 'data-field': 'calendar' }),
        el('div', { class: 'note', 'data-field': 'note' }));
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
    set(root, 'replies', outcomes.length === 0 ? (r.requested > 0 ? r.requested + ' ' + t('requested') : '–')
        : outcomes.map(([n, what]) => n + ' ' + t(what)).join(' · '), r.failed > 0 ? 'sl-bad' : '');
    if (availability) {
      set(root, 'open', availability.open ? t('open') : t('closed'), availability.open ? 'badge' : 'badge closed');
      set(root, 'calendar', calendarText(availability));
      const why = availability.businessHours === 'CLOSED' ? t('closedHours') : availability.reason;
      set(root, 'note', availability.open ? '' : why
          + (availability.alternative ? ' → ' + t('offer') + ' ' + availability.alternative.toLowerCase() : ''));
    }
  }

  // Business hours from the work-service's calendar: "closed, opens Tue 08:00", or that it could not be read.
  function calendarText(availability) {
    if (availability.businessHours === 'UNKNOWN') return t('calendarUnknown');
    if (availability.businessHours !== 'CLOSED') return '';
    if (!availability.opensAt) return t('closed');
    return t('closedOpens') + ' ' + new Date(availability.opensAt).toLocaleString(language,
        { weekday: 'short', hour: '2-digit', minute: '2-digit' });
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
                   svg('text', { x: left, y: y + 31 }, t('oldest').toLowerCase() + ' ' + fmt.seconds(c.oldestWaitSeconds)));
    });
  }

  function renderAlerts(alerts) {
    const list = document.getElementById('alerts');
    list.replaceChildren();
    if (!alerts.length) {
      list.append(el('li', { class: 'none' }, t('noAlerts')));
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

  // Per channel since the start: NPS, CSAT and response rate next to AHT and FCR; revenue against cost per contact.
  // Rows are updated in place, so a row keeps the keyboard's focus from one event to the next.
  function renderFeedback(channels) {
    const body = document.querySelector('#feedback tbody');
    channels.forEach(c => {
      let row = body.querySelector('tr[data-channel="' + c.channel + '"]');
      if (!row) {
        row = el('tr', { 'data-channel': c.channel, tabindex: '0', style: '--accent: var(--' + c.channel + ')' });
        ['channel', 'nps', 'csat', 'responseRate', 'answers', 'complaints', 'aht', 'fcr', 'takeUp',
         'revenuePerContact', 'cost'].forEach(field => row.append(el('td', { 'data-field': field })));
        body.append(row);
      }
      const s = c.totals.surveys, o = c.totals.offers;
      const earns = o.revenuePerContact == null || c.totals.costPerContact == null ? ''
          : o.revenuePerContact >= c.totals.costPerContact ? 'sl-good' : 'sl-bad';
      set(row, 'channel', c.channel.toLowerCase());
      set(row, 'nps', fmt.points(s.nps), s.nps == null ? '' : s.nps >= 0 ? 'sl-good' : 'sl-bad');
      set(row, 'csat', fmt.percent(s.csat));
      set(row, 'responseRate', fmt.percent(s.responseRate));
      set(row, 'answers', s.answered ? s.promoters + ' · ' + s.passives + ' · ' + s.detractors : '–');
      set(row, 'complaints', fmt.count(s.complaints));
      set(row, 'aht', fmt.seconds(c.windows[WINDOW].averageHandlingSeconds));
      set(row, 'fcr', fmt.percent(c.totals.firstContactResolution));
      set(row, 'takeUp', o.shown ? o.accepted + ' ' + t('of') + ' ' + o.shown : '–');
      set(row, 'revenuePerContact', fmt.money(o.revenuePerContact), earns);
      set(row, 'cost', fmt.money(c.totals.costPerContact));
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

  function rows(body, records) {
    body.replaceChildren(...records.map(({ attrs, cells }) => {
      const row = el('tr', Object.assign({ tabindex: '0' }, attrs));
      cells.forEach(text => row.append(el('td', {}, text)));
      return row;
    }));
  }

  function renderCorrections(corrections) {
    const records = corrections.weeks.flatMap(week => week.corrections.map((c, i) => ({
      attrs: { 'data-week': week.week },
      cells: [i === 0 ? week.week + ' (' + week.total + ')' : '', c.routedRst + ' → ' + c.rst,
              c.routedIntent === c.intent ? c.intent : c.routedIntent + ' → ' + c.intent, t(c.source), String(c.count)]
    })));
    rows(document.querySelector('#corrections tbody'), records.length ? records
        : [{ attrs: { class: 'none' }, cells: [t('noCorrections'), '', '', '', ''] }]);
  }

  function renderSupervision(floor) {
    rows(document.querySelector('#agents tbody'), floor.agents.map(a => ({
      attrs: { 'data-agent': a.agent.id },
      cells: [a.agent.name || a.agent.id, (a.agent.office || '').replace('_', ' ').toLowerCase(),
              a.agent.status.toLowerCase(), a.agent.statusReason || '–',
              Object.entries(a.load).map(([channel, n]) => channel.toLowerCase() + ' ' + n).join(', ') || '–',
              a.items.map(id => id.slice(0, 8)).join(' ') || '–']
    })));
    rows(document.querySelector('#work-queues tbody'), floor.queues.map(q => ({
      attrs: { 'data-queue': q.office + ':' + q.channel, class: q.stranded > 0 ? 'sl-bad' : '' },
      cells: [q.office.replace('_', ' ').toLowerCase() + ' · ' + q.channel.toLowerCase(), fmt.count(q.waiting),
              fmt.seconds(q.oldestWaitSeconds), fmt.count(q.inProgress), fmt.count(q.stranded),
              Object.entries(q.strandedReasons).map(([why, n]) => why + ' ' + n).join(', ') || '–']
    })));
  }

  function render(view) {
    const availability = Object.fromEntries(view.availability.map(a => [a.channel, a]));
    view.channels.forEach(c => renderChannel(c, availability[c.channel]));
    renderThroughput(view.channels);
    renderQueues(view.channels);
    renderAlerts(view.alerts);
    renderOffices(view.offices);
    renderFeedback(view.channels);
    renderUnmapped(view.unmapped);
    renderCorrections(view.corrections);
    document.getElementById('updated').textContent = t('updated') + ' ' + new Date(view.at).toLocaleTimeString();
  }

  const TOKEN = 'switchboard.ops.token';
  const RETRY_MS = 3000;
  let stream = null;
  let supervising = null;

  // Only decides whether to show the section; the ops-service and the work-service check the token themselves.
  function groupsOf(token) {
    try {
      const claims = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return claims.groups || [];
    } catch (e) {
      return [];
    }
  }

  async function superviseFloor() {
    const token = sessionStorage.getItem(TOKEN);
    const problem = document.getElementById('supervision-problem');
    try {
      const response = await fetch('api/supervision', { headers: { Authorization: 'Bearer ' + token } });
      if (response.status === 401 || response.status === 403) {
        document.getElementById('supervision').hidden = true;
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      renderSupervision(await response.json());
      problem.textContent = '';
    } catch (e) {
      problem.textContent = t('workServiceDown');
    }
  }

  function startSupervision(token) {
    clearInterval(supervising);
    const supervisor = groupsOf(token).includes('supervisor');
    document.getElementById('supervision').hidden = !supervisor;
    if (supervisor) {
      superviseFloor();
      supervising = setInterval(superviseFloor, SUPERVISION_MS);
    }
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
    document.getElementById('language').textContent = language === 'en' ? 'NL' : 'EN';
    // The cards are built with their labels: built again by the next event.
    Object.values(cards).forEach(card => card.remove());
    cards = {};
  }

  function switchLanguage() {
    language = language === 'en' ? 'nl' : 'en';
    localStorage.setItem(LANGUAGE, language);
    applyLanguage();
    if (!document.getElementById('supervision').hidden) superviseFloor();
  }

  // L switches the language; S, C and F go to the supervisor's, the corrections' and the feedback tables; arrows move
  // between rows.
  function onKey(event) {
    if (event.target.closest('textarea, input') || event.ctrlKey || event.metaKey || event.altKey) return;
    const row = event.target.closest && event.target.closest('tr[tabindex]');
    if (row && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const next = event.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
      if (next) next.focus();
      event.preventDefault();
      return;
    }
    const jump = { s: '#agents tbody tr', c: '#corrections tbody tr', f: '#feedback tbody tr' }[event.key.toLowerCase()];
    if (event.key.toLowerCase() === 'l') {
      switchLanguage();
    } else if (jump && document.querySelector(jump)) {
      document.querySelector(jump).focus();
    }
  }

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
    clearInterval(supervising);
    document.getElementById('supervision').hidden = true;
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
        signIn(t(response.status === 401 ? 'refused' : 'forbidden'));
        return;
      }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      dot.className = 'dot live';
      startSupervision(token);
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
  document.getElementById('language').addEventListener('click', switchLanguage);
  document.addEventListener('keydown', onKey);

  applyLanguage();
  tokenFromFragment();
  connect();
}());
