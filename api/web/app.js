// Hash router and page chrome. Each view renders into <main> from the API alone.
import { getLang, loadOntology, setLang, translatePage } from './i18n.js';
import { renderDocument, renderDocuments } from './documents.js';
import { renderEntity, renderSearch } from './entity.js';
import { renderMap } from './map.js';
import { renderStory } from './story.js';

const view = document.getElementById('view');
const routes = [
  [/^#\/entity\/(.+)$/, (m) => renderEntity(view, decodeURIComponent(m[1]))],
  [/^#\/document\/(.+)$/, (m) => renderDocument(view, decodeURIComponent(m[1]))],
  [/^#\/search$/, (m, params) => renderSearch(view, params)],
  [/^#\/route$/, (m, params) => renderStory(view, params)],
  [/^#\/documents$/, () => renderDocuments(view)],
  [/^#\/map$/, (m, params) => renderMap(view, params)],
];

let rendering = 0;

async function render() {
  const hash = window.location.hash || '#/map';
  const [path, queryText] = hash.split('?');
  const params = new URLSearchParams(queryText || '');
  const [pattern, handler] = routes.find(([re]) => re.test(path)) || routes[routes.length - 1];
  const section = (pattern.source.match(/#\\\/(\w+)/) || [])[1];
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const ticket = ++rendering;
  view.replaceChildren();
  view.dataset.view = section || 'map';
  view.setAttribute('aria-busy', 'true');
  await handler(path.match(pattern), params);
  if (ticket === rendering) {
    view.removeAttribute('aria-busy');
    view.dataset.ready = 'true';
  }
}

function applyLang() {
  translatePage();
  document.getElementById('lang-toggle').textContent = getLang() === 'zh' ? 'EN' : '中文';
  document.title = getLang() === 'zh' ? '桥 Qiao · 谁能把故事讲到哪里' : 'Qiao · who can carry a story where';
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(getLang() === 'zh' ? 'en' : 'zh');
  applyLang();
  render();
});
document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-input').value.trim();
  if (q) window.location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => { delete view.dataset.ready; render(); });

setLang(getLang());
applyLang();
await loadOntology();
await render();
