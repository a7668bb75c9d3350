// The agent's workspace: one agent, one item at a time, on the work-service's API (services/work-service/README.md,
// docs/agent-client.md). No libraries and no build step.
// Signing in: the API wants a bearer token of the group agent. It is pasted into the form, or handed over in the URL
// fragment (#token=..., which never reaches a server or its logs) and removed from the address at once; it is kept
// in sessionStorage, so it lives as long as the tab.
// Presence: the work-service takes an agent who makes no call for its presence-timeout (120 s by default) for
// offline and returns their items, so while no long poll is open the page posts its status again every 30 s.
(function () {
  'use strict';

  const TOKEN = 'switchboard.workspace.token';
  const LANGUAGE = 'switchboard.workspace.language';
  const API = '../api/';
  const WAIT_SECONDS = 25;
  const HEARTBEAT_MS = 30000;
  const RETRY_MS = 3000;
  const REFRESH_MS = 5000;

  const state = { status: null, reason: null, item: null, timeline: null, offer: null, polling: false, checking: false,
    refreshing: false, session: null, agent: null, unregistered: false };
  let language = localStorage.getItem(LANGUAGE) || (navigator.language.startsWith('nl') ? 'nl' : 'en');

  const $ = id => document.getElementById(id);

  function t(key, values) {
    const path = key.split('.');
    let text = path.reduce((table, part) => table && table[part], STRINGS[language]);
    if (text == null) return key;
    Object.entries(values || {}).forEach(([name, value]) => { text = text.replace('{' + name + '}', value); });
    return text;
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text != null) node.textContent = text;
    return node;
  }

  function time(instant) {
    return instant ? new Date(instant).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB',
        { dateStyle: 'short', timeStyle: 'short' }) : '–';
  }

  // ---- talking to the work-service -------------------------------------------------------------------------------

  /** An RFC 9457 problem details answer of the API. */
  class Problem extends Error {
    constructor(status, body) {
      super((body && body.detail) || String(status));
      this.status = status;
      this.type = body && body.type;
      this.title = (body && body.title) || 'HTTP ' + status;
    }
  }

  /** Thrown after a 401 sent the agent back to sign in: whoever called stops. */
  class SignedOut extends Error {}

  async function api(method, path, body, extraHeaders) {
    const headers = { Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN), Accept: 'application/json',
        ...extraHeaders };
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(API + path, { method, headers, body: body && JSON.stringify(body),
        signal: state.session.signal });
    if (response.status === 401) {
      signIn(t('tokenRefused'));
      throw new SignedOut();
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Problem(response.status, json);
    return json;
  }

  function showProblem(error) {
    const box = $('problem');
    if (error instanceof Problem) {
      box.textContent = error.title + ' (' + error.status + '): ' + error.message;
    } else {
      box.textContent = t('network');
    }
    box.hidden = false;
  }

  function notice(text) {
    const box = $('problem');
    box.textContent = text;
    box.hidden = !text;
  }

  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  /** Runs an API step; problems are shown, a 401 has already sent the agent to sign in. */
  async function attempt(step) {
    try {
      notice('');
      return await step();
    } catch (e) {
      if (!(e instanceof SignedOut) && e.name !== 'AbortError') showProblem(e);
      return undefined;
    }
  }

  // ---- presence and the long poll ---------------------------------------------------------------------------------

  /** AVAILABLE, AWAY (with a reason: BREAK, TRAINING) or OFFLINE. */
  async function setStatus(status, reason) {
    wakeAudio();
    const agent = await attempt(() => api('POST', 'agents/me/status', { status, reason: reason || null }));
    if (!agent) return;
    state.status = agent.status;
    state.reason = agent.status === 'AWAY' ? reason || null : null;
    renderStatus();
    poll();
  }

  /** Long polls while the agent is available and holds nothing; each poll also counts as the agent's presence. */
  async function poll() {
    if (state.polling) return;
    state.polling = true;
    try {
      while (state.status === 'AVAILABLE' && !state.item && state.session) {
        try {
          const item = await api('POST', 'work/next?waitSeconds=' + WAIT_SECONDS);
          notice('');
          if (item) arrive(item);
        } catch (e) {
          if (e instanceof SignedOut || e.name === 'AbortError') return;
          showProblem(e);
          if (e instanceof Problem) {
            // 409: no profile, or no longer AVAILABLE (e.g. taken offline after a silence): the agent decides.
            state.status = null;
            state.reason = null;
            renderStatus();
            return;
          }
          await sleep(RETRY_MS);
        }
      }
    } finally {
      state.polling = false;
    }
  }

  function heartbeat() {
    if (state.session && !state.polling && (state.status === 'AVAILABLE' || state.status === 'AWAY')) {
      attempt(() => api('POST', 'agents/me/status', { status: state.status, reason: state.reason }));
    }
  }

  // ---- the cue for new work ----------------------------------------------------------------------------------------

  let audio = null;

  // Browsers let a page play sound only after a gesture, so the context is made when the agent sets a status.
  function wakeAudio() {
    if (!audio && window.AudioContext) audio = new AudioContext();
  }

  function cue() {
    document.title = '● ' + t('newItem') + ' · Switchboard';
    $('item').classList.add('arrived');
    setTimeout(() => $('item').classList.remove('arrived'), 1500);
    if (!audio) return;
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.2, audio.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
    tone.connect(volume).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  }

  // ---- the item ----------------------------------------------------------------------------------------------------

  function arrive(item) {
    state.item = item;
    cue();
    renderItem();
    loadTimeline(item);
  }

  async function loadTimeline(item) {
    const timeline = await attempt(() => api('GET', 'customers/' + encodeURIComponent(item.customer.key) + '/timeline'));
    if (timeline && state.item && state.item.id === item.id) renderCustomer(timeline);
  }

  async function act(path, body, outcome) {
    const item = state.item;
    try {
      notice('');
      const result = await api('POST', 'work/' + item.id + '/' + path, body);
      if (outcome) {
        finish(t('done.' + outcome, { office: t(result.office) }));
      } else {
        state.item = result;
        renderItem();
      }
    } catch (e) {
      if (e instanceof SignedOut) return;
      showProblem(e);
      // 403 or 404: the item is no longer this agent's (its reservation expired); 409 leaves it on screen.
      if (e instanceof Problem && (e.status === 403 || e.status === 404)) finish(null, true);
    }
  }

  function finish(message, keepProblem) {
    state.item = null;
    state.timeline = null;
    state.offer = null;
    document.title = 'Switchboard · Workspace';
    $('item').hidden = true;
    $('customer').hidden = true;
    ['complete-form', 'escalate-form', 'reply-form'].forEach(id => { $(id).hidden = true; $(id).reset(); });
    $('template-fields').hidden = true;
    delete $('reply-form').dataset.key;
    delete $('canned').dataset.item;
    if (!keepProblem) notice(message);
    renderIdle();
    poll();
  }

  function openStep(formId) {
    if (!state.item) return;
    if (formId === 'complete-form' && state.item.state !== 'ACCEPTED') return;
    ['complete-form', 'escalate-form'].forEach(id => { $(id).hidden = id !== formId; });
    $(formId).querySelector('input').focus();
  }

  function closeSteps() {
    ['complete-form', 'escalate-form'].forEach(id => { $(id).hidden = true; });
  }

  // ---- rendering ---------------------------------------------------------------------------------------------------

  function renderStatus() {
    document.querySelectorAll('[data-status]').forEach(button => button.setAttribute('aria-pressed',
        String(button.dataset.status === state.status && (button.dataset.reason || null) === state.reason)));
    renderIdle();
  }

  function renderIdle() {
    $('idle').hidden = !!state.item;
    $('idle').className = 'idle ' + (state.status || '').toLowerCase();
    const key = state.reason ? 'idle' + state.reason
        : { AVAILABLE: 'idleAvailable', AWAY: 'idleAway', OFFLINE: 'idleOffline' }[state.status] || 'idleUnknown';
    $('idle-text').textContent = t(key);
  }

  function renderItem() {
    const item = state.item;
    if (!item) return;
    $('idle').hidden = true;
    $('item').hidden = false;
    $('item').dataset.state = item.state;
    $('item').dataset.id = item.id;
    const channel = $('item-channel');
    channel.textContent = t(item.channel);
    channel.dataset.channel = item.channel;
    const customer = item.customer;
    $('item-customer').textContent = customer.name || customer.key;
    $('item-contact').textContent = [customer.key, customer.phone, customer.email, customer.handle]
        .filter((v, i, all) => v && all.indexOf(v) === i).join(' · ');
    $('item-state').textContent = t(item.state);

    const classification = $('classification');
    classification.replaceChildren();
    [['rst', item.rst], ['intent', item.intent], ['office', t(item.office)], ['priority', item.priority],
     ['language', item.language], ['sla', item.slaSeconds + ' s']].forEach(([label, value]) => {
      classification.append(el('dt', {}, t(label)), el('dd', { 'data-field': label }, value == null ? '–' : String(value)));
    });

    $('explanation').replaceChildren(...(item.explanation || []).map(line => el('li', {}, line)));

    renderThread(item);

    const escalations = item.escalations || [];
    $('escalations-block').hidden = !escalations.length;
    $('escalations').replaceChildren(...escalations.map(e => el('li', {}, t('escalationLine',
        { from: t(e.fromOffice), to: t(e.toOffice), reason: e.reason, agent: e.agentId }))));

    $('accept').hidden = item.state !== 'RESERVED';
    $('complete').hidden = item.state !== 'ACCEPTED';
    // Calls and store visits are answered in person: accepting connects the customer.
    $('reply-form').hidden = item.state !== 'ACCEPTED' || item.channel === 'PHONE' || item.channel === 'STORE';
    if (!$('reply-form').hidden) loadCanned(item);
    watchReservation();
  }

  /** The office's canned responses for the item's intent, offered above the reply box. */
  async function loadCanned(item) {
    const select = $('canned');
    if (select.dataset.item === item.id) return;
    select.dataset.item = item.id;
    const canned = await attempt(() => api('GET', 'canned-responses?office=' + item.office
        + (item.intent ? '&intent=' + item.intent : '')));
    const texts = (canned && canned.texts) || [];
    select.replaceChildren(select.options[0], ...texts.map(text => el('option', { value: text }, text)));
    select.hidden = !texts.length;
  }

  /** The customer's messages and what went out, each reply with how far its delivery got. */
  function renderThread(item) {
    $('thread').replaceChildren(...(item.messages || []).map(message => {
      const outbound = message.direction === 'OUTBOUND';
      const entry = el('li', outbound ? { class: message.automatic ? 'outbound automatic' : 'outbound',
          'data-state': message.state } : {});
      const author = !outbound ? t('customerAuthor') : message.automatic ? message.author + ', ' + t('automaticAuthor')
          : message.author === item.agentId ? t('youAuthor') : message.author;
      const meta = [time(message.at), author, message.provider].concat(outbound ? [t('delivery.' + message.state)] : []);
      entry.append(el('small', {}, meta.filter(Boolean).join(' · ')),
          el('p', {}, message.kind === 'CONNECT' ? t('connect') + (message.agentAddress ? ' (' + message.agentAddress + ')' : '')
              : message.text || (message.templateName ? '⎘ ' + message.templateName : '')));
      (message.attachments || []).forEach(a => entry.append(el('small', { class: 'attachment' }, '📎 ' + (a.name || a.mimeType || a.url || ''))));
      if (message.error) entry.append(el('p', { class: 'error' }, message.error));
      return entry;
    }));
  }

  /** Sends the reply box; a fresh idempotency key per reply, kept while the same reply is retried after a failure. */
  async function sendReply() {
    const item = state.item;
    const text = $('reply-text').value.trim();
    const template = $('reply-template').value.trim();
    if (!item || (!text && !template)) return;
    const form = $('reply-form');
    form.dataset.key = form.dataset.key || crypto.randomUUID();
    const body = { text: text || null, templateName: template || null,
        templateLanguage: template ? $('reply-template-language').value.trim() || item.language : null };
    try {
      notice('');
      await api('POST', 'work/' + item.id + '/replies', body, { 'Idempotency-Key': form.dataset.key });
      delete form.dataset.key;
      form.reset();
      $('template-fields').hidden = true;
      await refreshItem();
    } catch (e) {
      if (e instanceof SignedOut) return;
      // Refused: nothing was stored, the next send is a new reply. Without an answer it may have been stored, so a
      // retry keeps the key and cannot send twice.
      if (e instanceof Problem) delete form.dataset.key;
      if (e instanceof Problem && e.type === 'urn:switchboard:problem:reply-window-closed') {
        $('template-fields').hidden = false;
        notice(t('windowClosed') + ' ' + e.message);
        $('reply-template').focus();
      } else {
        showProblem(e);
      }
    }
  }

  /** Reads the held item again: new follow-ups and the delivery states of the replies. */
  async function refreshItem() {
    const item = state.item;
    if (!item || item.state !== 'ACCEPTED' || state.refreshing) return;
    state.refreshing = true;
    try {
      const fresh = await api('GET', 'work/' + item.id);
      if (state.item && state.item.id === fresh.id) {
        state.item = fresh;
        renderThread(fresh);
      }
    } catch (e) {
      // The next refresh tries again; the agent's steps show their own problems.
    } finally {
      state.refreshing = false;
    }
  }

  /** Counts down the reservation; once it ran out, asks whether the item is still this agent's. */
  async function watchReservation() {
    const item = state.item;
    const label = $('expires');
    if (!item || item.state !== 'RESERVED' || !item.reservationExpiresAt) {
      label.textContent = '';
      return;
    }
    const seconds = Math.round((new Date(item.reservationExpiresAt) - Date.now()) / 1000);
    label.textContent = t('expiresIn', { seconds: Math.max(0, seconds) });
    if (seconds > 0 || state.checking) return;
    state.checking = true;
    try {
      await api('GET', 'work/' + item.id);
    } catch (e) {
      // 403 or 404: the sweep returned it to its queue (browser and server clocks may differ, so it is asked).
      if (e instanceof Problem && (e.status === 403 || e.status === 404) && state.item === item) finish(t('expired'));
    } finally {
      state.checking = false;
    }
  }

  function renderCustomer(timeline) {
    $('customer').hidden = false;
    const profile = timeline.profile;
    $('profile').textContent = profile
        ? [profile.name, t('segment', { segment: profile.segment }), t('products', { products: profile.products.join(', ') })]
            .filter(Boolean).join(' · ')
        : t('noProfile');
    const offer = timeline.nextBestOffer;
    $('offer').hidden = !offer;
    if (offer) {
      $('offer').replaceChildren(el('small', {}, t('offer')), el('b', {}, offer.product),
          el('p', {}, t('offerShare', { share: Math.round(offer.share * 100) + ' %' }) + (offer.reason ? ' — ' + offer.reason : '')));
      if (state.offer && state.offer.workItemId === state.item.id) renderOfferDecision();
      else if (!state.offer) showOffer(state.item);
    }
    state.timeline = timeline;
    const contacts = timeline.contacts || [];
    $('timeline').replaceChildren(...contacts.map(c => {
      const entry = el('li', { 'data-channel': c.channel, 'data-contact': c.contactId });
      entry.append(el('b', {}, t(c.channel)),
          el('span', {}, [c.intent, t(c.office), t(c.state), c.resolution].filter(Boolean).join(' · ')),
          el('small', {}, time(c.queuedAt) + (c.contactId === state.item.contactId ? ' · ' + t('thisContact') : '')));
      return entry;
    }));
    if (!contacts.length) $('timeline').append(el('li', { class: 'muted' }, t('noContacts')));
    $('customer').dataset.customer = timeline.customerKey;
  }

  // ---- the next-best offer: shown once per item (OFFER_SHOWN), and whether the customer took it -------------------

  async function showOffer(item) {
    state.offer = { workItemId: item.id, pending: true };
    const offer = await attempt(() => api('POST', 'work/' + item.id + '/offer/shown'));
    if (!state.item || state.item.id !== item.id) return;
    state.offer = offer || null;
    if (offer) renderOfferDecision();
  }

  function renderOfferDecision() {
    const offer = state.offer;
    if (offer.pending) return;
    if (offer.acceptedAt) {
      $('offer').append(el('p', { class: 'offer-outcome', 'data-outcome': 'taken' },
          t('offerWasTaken', { value: money(offer.value, offer.currency) })));
      return;
    }
    const value = el('input', { id: 'offer-value', type: 'number', min: '0', step: '0.01', required: '',
      'aria-label': t('offerValue'), placeholder: t('offerValue') });
    const currency = el('input', { id: 'offer-currency', value: 'EUR', pattern: '[A-Z]{3}', size: '3', required: '',
      'aria-label': t('offerCurrency') });
    const declined = el('button', { type: 'button', id: 'offer-declined' }, t('offerDeclined'));
    const form = el('form', { id: 'offer-form', class: 'offer-form' });
    form.append(value, currency, el('button', { type: 'submit', class: 'primary', id: 'offer-taken' }, t('offerTaken')),
        declined);
    if (offer.declinedAt) form.append(el('p', { class: 'offer-outcome', 'data-outcome': 'declined' }, t('offerWasDeclined')));
    form.addEventListener('submit', event => {
      event.preventDefault();
      decideOffer({ accepted: true, value: Number(value.value), currency: currency.value.trim().toUpperCase() });
    });
    declined.addEventListener('click', () => decideOffer({ accepted: false }));
    $('offer').append(form);
  }

  async function decideOffer(decision) {
    const item = state.item;
    const offer = await attempt(() => api('POST', 'work/' + item.id + '/offer', decision));
    if (!offer || state.item !== item) return;
    state.offer = offer;
    if (state.timeline) renderCustomer(state.timeline);
  }

  function money(value, currency) {
    return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency }).format(value);
  }

  /** The header names the signed-in agent and their office; without a profile the page says so instead. */
  function renderAgent() {
    const agent = state.agent;
    if (agent) $('agent').textContent = (agent.name || agent.id) + ' · ' + t(agent.office);
    if (state.unregistered) notice(t('notRegistered', { agent: $('agent').textContent }));
  }

  /** Reads the agent's profile once after sign-in: an agent nobody registered could not take work, so is told at once. */
  async function loadAgent() {
    try {
      state.agent = await api('GET', 'agents/me');
    } catch (e) {
      if (e instanceof SignedOut || e.name === 'AbortError') return;
      if (!(e instanceof Problem && e.status === 404)) {
        showProblem(e);
        return;
      }
      state.unregistered = true;
      $('presence').hidden = true;
    }
    renderAgent();
  }

  function applyLanguage() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-language]').forEach(button =>
        button.setAttribute('aria-pressed', String(button.dataset.language === language)));
    renderIdle();
    renderItem();
    renderAgent();
    if (state.timeline && state.item) renderCustomer(state.timeline);
  }

  // ---- signing in --------------------------------------------------------------------------------------------------

  function tokenFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.has('token')) {
      sessionStorage.setItem(TOKEN, fragment.get('token'));
      history.replaceState(null, '', location.pathname + location.search);
    }
  }

  function claims(token) {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch (e) {
      return {};
    }
  }

  function signIn(problem) {
    sessionStorage.removeItem(TOKEN);
    if (state.session) state.session.abort();
    Object.assign(state, { status: null, reason: null, item: null, timeline: null, session: null, agent: null,
      unregistered: false });
    $('desk').hidden = true;
    $('presence').hidden = true;
    $('logout').hidden = true;
    $('agent').textContent = '';
    $('login').hidden = false;
    notice(problem || '');
  }

  function start() {
    const token = sessionStorage.getItem(TOKEN);
    if (!token) {
      signIn();
      return;
    }
    const who = claims(token);
    state.session = new AbortController();
    $('login').hidden = true;
    $('desk').hidden = false;
    $('presence').hidden = false;
    $('logout').hidden = false;
    $('agent').textContent = who.sub || '';
    renderStatus();
    if ((who.groups || []).includes('agent')) {
      notice('');
      loadAgent();
    } else {
      notice(t('notAgent'));
    }
  }

  // ---- wiring ------------------------------------------------------------------------------------------------------

  $('login').addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN, $('token').value.trim());
    $('token').value = '';
    start();
  });
  $('logout').addEventListener('click', async () => {
    // Signing out returns what the agent holds to the queues at once instead of after the presence timeout.
    if (state.status && state.status !== 'OFFLINE') await attempt(() => api('POST', 'agents/me/status', { status: 'OFFLINE' }));
    signIn();
  });
  document.querySelectorAll('[data-status]').forEach(button =>
      button.addEventListener('click', () => setStatus(button.dataset.status, button.dataset.reason)));
  document.querySelectorAll('[data-language]').forEach(button => button.addEventListener('click', () => {
    language = button.dataset.language;
    localStorage.setItem(LANGUAGE, language);
    applyLanguage();
  }));
  $('accept').addEventListener('click', () => act('accept'));
  $('release').addEventListener('click', () => act('release', null, 'RELEASED'));
  $('complete').addEventListener('click', () => openStep('complete-form'));
  $('escalate').addEventListener('click', () => openStep('escalate-form'));
  document.querySelectorAll('form.step .cancel').forEach(button => button.addEventListener('click', closeSteps));
  $('complete-form').addEventListener('submit', event => {
    event.preventDefault();
    act('complete', { resolution: $('resolution').value.trim(), firstContactResolution: $('fcr').checked,
        notes: $('notes').value.trim() || null }, 'COMPLETED');
  });
  $('reply-form').addEventListener('submit', event => {
    event.preventDefault();
    sendReply();
  });
  $('canned').addEventListener('change', event => {
    const box = $('reply-text');
    box.value = event.target.value;
    event.target.value = '';
    box.focus();
  });
  $('reply-text').addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      sendReply();
    }
  });
  $('escalate-form').addEventListener('submit', event => {
    event.preventDefault();
    act('escalate', { toOffice: $('to-office').value, reason: $('reason').value.trim() }, 'ESCALATED');
  });

  const KEYS = {
    a: () => setStatus('AVAILABLE'),
    b: () => setStatus('AWAY', 'BREAK'),
    t: () => setStatus('AWAY', 'TRAINING'),
    w: () => setStatus('AWAY'),
    o: () => setStatus('OFFLINE'),
    Enter: () => state.item && state.item.state === 'RESERVED' && act('accept'),
    c: () => openStep('complete-form'),
    e: () => openStep('escalate-form'),
    r: () => state.item && act('release', null, 'RELEASED'),
    l: () => document.querySelector('[data-language]:not([aria-pressed="true"])').click()
  };
  document.addEventListener('keydown', event => {
    if (event.ctrlKey || event.metaKey || event.altKey || !state.session) return;
    if (event.key === 'Escape') {
      closeSteps();
      return;
    }
    if (event.target.closest('input, textarea, select')) return;
    // A focused button answers Enter and Space itself.
    if (event.target.closest('button') && (event.key === 'Enter' || event.key === ' ')) return;
    const action = KEYS[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  window.addEventListener('focus', () => { document.title = 'Switchboard · Workspace'; });

  setInterval(heartbeat, HEARTBEAT_MS);
  setInterval(watchReservation, 1000);
  setInterval(refreshItem, REFRESH_MS);
  tokenFromFragment();
  applyLanguage();
  start();
}());
