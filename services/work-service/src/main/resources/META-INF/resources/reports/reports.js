'use strict';

// The report page: a supervisor's or operations' token (pasted, or handed over in the URL fragment #token=..., which
// never reaches a server and is removed from the address at once) kept in sessionStorage for the tab's life, as in
// the workspace. The figures come from GET /api/reports and /api/reports/complaints; the CSV is fetched with the
// token and saved from memory, since a plain link cannot carry it.
(() => {
  const TOKEN = 'switchboard.reports.token';
  const LANGUAGE = 'switchboard.workspace.language';
  const STRINGS = {
    en: {
      reports: 'reports', signIn: 'Sign in', signOut: 'Sign out',
      signInLabel: 'Sign in with your organisation\'s token (JWT of the group supervisor or ops):',
      signInHint: 'Local run: deploy/local/token --sub sup-1 --groups supervisor prints one.',
      tokenRefused: 'The token was refused (expired, or not of this Switchboard). Sign in again.',
      notAllowed: 'This token is not of the group supervisor or ops.',
      from: 'From', to: 'To (exclusive)', interval: 'Interval', channel: 'Channel', office: 'Office', all: 'All',
      PT15M: '15 minutes', PT1H: 'Hour', P1D: 'Day', P7D: 'Week', show: 'Show', downloadCsv: 'Download CSV',
      complaints: 'Complaint topics', topic: 'Topic', count: 'Complaints',
      PHONE: 'Phone', WHATSAPP: 'WhatsApp', SOCIAL: 'Social', WEBSHOP: 'Webshop', STORE: 'Store',
      FRONT_OFFICE: 'Front office', BACK_OFFICE: 'Back office', TECHNICIANS: 'Technicians',
      period: 'From {from} to {to} ({zone}); service level, FCR and CSAT in %, NPS in points.',
      nothing: 'Nothing happened in this period.', failed: 'The report could not be made: {detail}',
      start: 'Start', offered: 'Offered', answered: 'Answered', abandoned: 'Abandoned', shortAbandons: 'Short abandons (< 5 s)',
      serviceLevel: 'Service level', averageWaitSeconds: 'ASA (s)', completed: 'Completed',
      averageHandlingSeconds: 'AHT (s)', firstContactResolution: 'FCR', escalations: 'Escalations',
      surveysSent: 'Surveys sent', surveysAnswered: 'Surveys answered', nps: 'NPS', csat: 'CSAT', offersShown: 'Offers shown',
      offersAccepted: 'Offers accepted', revenue: 'Revenue'
    },
    nl: {
      reports: 'rapportages', signIn: 'Inloggen', signOut: 'Uitloggen',
      signInLabel: 'Log in met het token van uw organisatie (JWT van de groep supervisor of ops):',
      signInHint: 'Lokaal: deploy/local/token --sub sup-1 --groups supervisor geeft er een.',
      tokenRefused: 'Het token is geweigerd (verlopen, of niet van deze Switchboard). Log opnieuw in.',
      notAllowed: 'Dit token is niet van de groep supervisor of ops.',
      from: 'Van', to: 'Tot (niet meegeteld)', interval: 'Interval', channel: 'Kanaal', office: 'Afdeling', all: 'Alle',
      PT15M: '15 minuten', PT1H: 'Uur', P1D: 'Dag', P7D: 'Week', show: 'Toon', downloadCsv: 'Download CSV',
      complaints: 'Onderwerpen van klachten', topic: 'Onderwerp', count: 'Klachten',
      PHONE: 'Telefoon', WHATSAPP: 'WhatsApp', SOCIAL: 'Social', WEBSHOP: 'Webshop', STORE: 'Winkel',
      FRONT_OFFICE: 'Frontoffice', BACK_OFFICE: 'Backoffice', TECHNICIANS: 'Monteurs',
      period: 'Van {from} tot {to} ({zone}); serviceniveau, FCR en CSAT in %, NPS in punten.',
      nothing: 'In deze periode is niets gebeurd.', failed: 'De rapportage kon niet worden gemaakt: {detail}',
      start: 'Begin', offered: 'Aangeboden', answered: 'Beantwoord', abandoned: 'Afgehaakt', shortAbandons: 'Kort afgehaakt (< 5 s)',
      serviceLevel: 'Serviceniveau', averageWaitSeconds: 'Gem. wachttijd (s)', completed: 'Afgehandeld',
      averageHandlingSeconds: 'Gem. afhandeltijd (s)', firstContactResolution: 'FCR', escalations: 'Escalaties',
      surveysSent: 'Enquêtes verstuurd', surveysAnswered: 'Enquêtes beantwoord', nps: 'NPS', csat: 'CSAT',
      offersShown: 'Aanbiedingen getoond', offersAccepted: 'Aanbiedingen aangenomen', revenue: 'Omzet'
    }
  };
  // The report's columns and how each is shown: a count, a share in %, seconds, NPS points or money.
  const COLUMNS = [['offered', 'count'], ['answered', 'count'], ['abandoned', 'count'], ['shortAbandons', 'count'],
    ['serviceLevel', 'share'], ['averageWaitSeconds', 'seconds'], ['completed', 'count'],
    ['averageHandlingSeconds', 'seconds'], ['firstContactResolution', 'share'], ['escalations', 'count'],
    ['surveysSent', 'count'], ['surveysAnswered', 'count'], ['nps', 'points'], ['csat', 'share'],
    ['offersShown', 'count'], ['offersAccepted', 'count'], ['revenue', 'money']];

  const $ = id => document.getElementById(id);
  let language = localStorage.getItem(LANGUAGE) || (navigator.language.startsWith('nl') ? 'nl' : 'en');

  const t = (key, values = {}) => (STRINGS[language][key] || key)
      .replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');
  const locale = () => (language === 'nl' ? 'nl-NL' : 'en-GB');
  const number = (value, digits) => new Intl.NumberFormat(locale(),
      { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

  function format(value, kind, row) {
    if (value === null || value === undefined) {
      return '–';
    }
    switch (kind) {
      case 'share': return number(value * 100, 1);
      case 'seconds': return number(value, 0);
      case 'points': return number(value, 0);
      case 'money': return new Intl.NumberFormat(locale(), { style: 'currency', currency: row.currency }).format(value);
      default: return String(value);
    }
  }

  function problem(text) {
    $('problem').textContent = text || '';
    $('problem').hidden = !text;
  }

  function query(format) {
    const parameters = new URLSearchParams({ from: $('from').value, to: $('to').value, interval: $('interval').value });
    ['channel', 'office'].filter(id => $(id).value).forEach(id => parameters.set(id, $(id).value));
    if (format) {
      parameters.set('format', format);
    }
    return parameters;
  }

  async function call(path, accept) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN),
      Accept: accept } });
    if (response.status === 401) {
      signOut(t('tokenRefused'));
      throw new Error(t('tokenRefused'));
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.detail || response.statusText);
    }
    return response;
  }

  function header(table, labels) {
    const row = table.querySelector('thead tr');
    row.replaceChildren(...labels.map(label => Object.assign(document.createElement('th'), { textContent: label })));
  }

  function cell(text, numeric) {
    return Object.assign(document.createElement('td'), { textContent: text, className: numeric ? 'number' : '' });
  }

  // Times in the report's zone, the one its intervals are aligned in, whatever the browser's.
  const when = (instant, zone) => new Date(instant).toLocaleString(locale(),
      { dateStyle: 'short', timeStyle: 'short', timeZone: zone });

  async function show() {
    problem('');
    try {
      const [report, complaints] = await Promise.all([
        call('/api/reports?' + query(), 'application/json').then(response => response.json()),
        call('/api/reports/complaints?' + query(), 'application/json').then(response => response.json())]);
      $('period').textContent = t('period',
          { from: when(report.from, report.zone), to: when(report.to, report.zone), zone: report.zone });
      const table = $('report');
      header(table, [t('start'), t('channel'), t('office'), ...COLUMNS.map(([key]) => t(key))]);
      table.tBodies[0].replaceChildren(...report.rows.map(row => {
        const tr = document.createElement('tr');
        tr.className = row.offered + row.completed + row.surveysSent + row.offersShown === 0 ? 'empty' : '';
        tr.append(cell(when(row.from, report.zone)), cell(t(row.channel)), cell(t(row.office)),
            ...COLUMNS.map(([key, kind]) => cell(format(row[key], kind, row), true)));
        return tr;
      }));
      if (report.rows.length === 0) {
        $('period').textContent += ' ' + t('nothing');
      }
      header($('complaints'), [t('start'), t('topic'), t('count')]);
      $('complaints').tBodies[0].replaceChildren(...complaints.rows.map(row => {
        const tr = document.createElement('tr');
        tr.append(cell(when(row.from, complaints.zone)), cell(row.topic), cell(String(row.complaints), true));
        return tr;
      }));
    } catch (e) {
      problem(t('failed', { detail: e.message }));
    }
  }

  async function download() {
    problem('');
    try {
      const response = await call('/api/reports?' + query('csv'), 'text/csv');
      const disposition = response.headers.get('Content-Disposition') || '';
      const name = (disposition.match(/filename="([^"]+)"/) || [])[1] || 'report.csv';
      const link = Object.assign(document.createElement('a'),
          { href: URL.createObjectURL(await response.blob()), download: name });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (e) {
      problem(t('failed', { detail: e.message }));
    }
  }

  function translate() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(element => { element.textContent = t(element.dataset.i18n); });
    document.querySelectorAll('[data-language]').forEach(button =>
        button.setAttribute('aria-pressed', String(button.dataset.language === language)));
  }

  function claims(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch (e) {
      return {};
    }
  }

  function signOut(reason) {
    sessionStorage.removeItem(TOKEN);
    start(reason);
  }

  function start(reason) {
    const token = sessionStorage.getItem(TOKEN);
    const groups = token ? claims(token).groups || [] : [];
    const allowed = groups.includes('supervisor') || groups.includes('ops');
    if (token && !allowed) {
      sessionStorage.removeItem(TOKEN);
    }
    problem(reason || (token && !allowed ? t('notAllowed') : ''));
    $('login').hidden = allowed;
    $('desk').hidden = !allowed;
    $('logout').hidden = !allowed;
    $('who').textContent = allowed ? claims(token).sub || '' : '';
    if (allowed) {
      show();
    }
  }

  function tokenFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.has('token')) {
      sessionStorage.setItem(TOKEN, fragment.get('token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  // Yesterday to today by default: the last whole day, in the browser's calendar.
  const day = offset => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE');
  $('from').value = day(-1);
  $('to').value = day(0);

  $('login').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    $('token').value = '';
    start();
  });
  $('logout').addEventListener('click', () => signOut());
  $('query').addEventListener('submit', event => {
    event.preventDefault();
    show();
  });
  $('csv').addEventListener('click', download);
  document.querySelectorAll('[data-language]').forEach(button => button.addEventListener('click', () => {
    language = button.dataset.language;
    localStorage.setItem(LANGUAGE, language);
    translate();
    if (!$('desk').hidden) {
      show();
    }
  }));

  tokenFromFragment();
  translate();
  start();
})();
