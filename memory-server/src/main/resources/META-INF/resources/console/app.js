// The console's entry point: reads the server's mode, finishes a sign-in coming back from the authorization server,
// and shows the view named by the address's fragment (#/browse, #/search?query=…, #/memory/<id>, #/overview,
// #/export). Messages from the server are shown as they are.
import * as api from './api.js';
import { ApiError } from './api.js';
import { completeSignIn, session, signIn, signOut } from './auth.js';
import { fromTemplate, h } from './dom.js';
import * as views from './views.js';

const routes = { browse: views.browse, search: views.search, memory: views.memory, overview: views.overview, export: views.exportView };
const view = document.getElementById('view');
const statusLine = document.getElementById('status');
const errorBox = document.getElementById('error');
let config;
let pending = { status: '', error: '' };
let rendering = 0;

const ui = {
  status(text) {
    statusLine.textContent = text;
  },
  error(error) {
    errorBox.textContent = error.message ?? String(error);
    errorBox.hidden = false;
    if (error instanceof ApiError && error.status === 401 && config?.mode === 'oauth') {
      signOut();
      pending = { status: '', error: errorBox.textContent };
      showSession();
      render({ focus: true });
    }
  },
  /** Runs an action of the page, showing its failure. */
  run(action) {
    errorBox.hidden = true;
    statusLine.textContent = '';
    return action().catch((error) => ui.error(error));
  },
  /** Goes to `hash`, showing `status` there. */
  go(hash, status = '') {
    pending = { status, error: '' };
    if (location.hash === hash) render({ focus: true });
    else location.hash = hash;
  },
  reload(status = '') {
    pending = { status, error: '' };
    render({ focus: false });
  },
};

function parse(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  return { name: name || 'browse', arg: rest.length ? decodeURIComponent(rest.join('/')) : undefined, params: new URLSearchParams(query) };
}

async function render({ focus }) {
  const current = ++rendering;
  const route = parse(location.hash);
  const messages = pending;
  pending = { status: '', error: '' };
  for (const link of document.querySelectorAll('nav a[data-view]')) {
    if (link.dataset.view === route.name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const fresh = document.createElement('div');
  let failure;
  try {
    if (config.mode === 'oauth' && !session()) {
      fresh.append(fromTemplate('signin-view'));
      fresh.querySelector('[data-action=sign-in]').addEventListener('click', () => ui.run(() => signIn(config)));
    } else {
      const show = routes[route.name];
      if (!show) throw new Error(`There is no page ${location.hash}.`);
      await show(fresh, route, ui);
    }
  } catch (error) {
    failure = error;
  }
  if (current !== rendering) return;
  // The view and its messages change together, so a message never stands over the previous view.
  view.replaceChildren(...fresh.childNodes);
  statusLine.textContent = messages.status;
  errorBox.textContent = messages.error;
  errorBox.hidden = !messages.error;
  if (failure) ui.error(failure);
  document.title = `${view.querySelector('h1')?.textContent ?? 'Console'} · min-memory`;
  if (focus) (view.querySelector('h1') ?? document.getElementById('main')).focus();
}

function showSession() {
  const box = document.getElementById('session');
  if (config.mode !== 'oauth') {
    box.replaceChildren(h('span', { class: 'badge muted' }, 'local mode'));
    return;
  }
  const signedIn = session();
  box.replaceChildren(signedIn
    ? h('span', {}, h('span', { class: 'who' }, signedIn.subject ? `Signed in as ${signedIn.subject}` : 'Signed in'), ' ',
      h('button', { type: 'button', onclick: () => { signOut(); showSession(); ui.go(location.hash, 'Signed out.'); } }, 'Sign out'))
    : h('button', { type: 'button', class: 'primary', onclick: () => ui.run(() => signIn(config)) }, 'Sign in'));
}

async function start() {
  try {
    config = await api.config();
  } catch (error) {
    ui.error(error);
    document.body.dataset.ready = 'true';
    return;
  }
  if (config.mode === 'oauth') {
    try {
      await completeSignIn(config);
    } catch (error) {
      pending.error = error.message;
    }
  }
  showSession();
  window.addEventListener('hashchange', () => render({ focus: true }));
  await render({ focus: false });
  document.body.dataset.ready = 'true';
}

start();
