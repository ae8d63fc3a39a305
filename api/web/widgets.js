// UI pieces shared by the views: entity links, evidence lists, autocomplete, states.
import { getJSON, itemsOf } from './api.js';
import { debounce, h } from './dom.js';
import { t, typeLabel } from './i18n.js';

// Stores keep the path a report was ingested from; its file name is what a reader recognises.
export const sourceLabel = (source) => (source || '').split(/[\\/]/).filter(Boolean).pop() || source;

export const entityHref = (id) => `#/entity/${encodeURIComponent(id)}`;
export const documentHref = (id) => `#/document/${encodeURIComponent(id)}`;

export function entityLink(ent) {
  const id = typeof ent === 'string' ? ent : ent.id;
  const name = typeof ent === 'string' ? ent : ent.name || ent.id;
  return h('a', { href: entityHref(id), class: `entity type-${ent.type || 'unknown'}` }, name);
}

export const typeBadge = (type) => h('span', { class: `badge type-${type}` }, typeLabel(type));

// Every `{id, name, type}` object anywhere in an API answer, and the ends of every
// edge (`head`/`head_name`), so that paths can be drawn and listed with names.
export function collectEntities(value, into = {}) {
  const add = (id, fields) => { into[id] = { id, ...into[id], ...fields }; };
  if (Array.isArray(value)) value.forEach((v) => collectEntities(v, into));
  else if (value && typeof value === 'object') {
    if (typeof value.id === 'string' && typeof value.name === 'string' && typeof value.type === 'string') add(value.id, value);
    for (const end of ['head', 'tail']) {
      const name = value[`${end}_name`];
      if (typeof value[end] === 'string' && typeof name === 'string' && !into[value[end]]?.name) add(value[end], { name });
    }
    Object.values(value).forEach((v) => collectEntities(v, into));
  }
  return into;
}

export function evidenceList(evidence) {
  if (!evidence?.length) return h('p', { class: 'muted' }, t('none'));
  return h('ul', { class: 'evidence' }, evidence.map((ev) => h('li', {},
    h('blockquote', {}, ev.text),
    h('div', { class: 'evidence-meta' },
      ev.doc_id ? h('a', { href: documentHref(ev.doc_id), title: ev.source || null }, ev.title || sourceLabel(ev.source) || ev.doc_id.slice(0, 12)) : null,
      ev.confidence !== undefined ? h('span', { class: 'muted' }, t('entity.confidence', { c: Number(ev.confidence).toFixed(2) })) : null))));
}

export const loading = () => h('p', { class: 'loading', role: 'status' }, t('loading'));
export const errorBox = (err) => h('p', { class: 'error', role: 'alert' }, t('error', { msg: err.message || String(err) }));

// A text input that suggests entities from /api/entities; `onPick(entity)` fires on choice.
// Typing without picking keeps the free text (the story router accepts free text).
export function autocomplete({ id, label, placeholder, types, onPick, value = '' }) {
  const listId = `${id}-list`;
  const input = h('input', {
    id, type: 'text', value, placeholder, autocomplete: 'off', role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
  });
  const list = h('ul', { id: listId, class: 'suggestions', role: 'listbox', hidden: true });
  let items = [];
  let active = -1;
  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; };
  const pick = (ent) => {
    input.value = ent.name;
    input.dataset.entityId = ent.id;
    close();
    onPick?.(ent);
  };
  const show = () => {
    list.replaceChildren(...items.map((ent, i) => {
      const li = h('li', { role: 'option', id: `${listId}-${i}`, 'aria-selected': String(i === active) },
        h('span', {}, ent.name), typeBadge(ent.type));
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(ent); });
      return li;
    }));
    list.hidden = !items.length;
    input.setAttribute('aria-expanded', String(!!items.length));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const suggest = debounce(async () => {
    const q = input.value.trim();
    if (!q) { items = []; show(); return; }
    try {
      items = itemsOf(await getJSON('/api/entities', { q, type: types, limit: 8 }));
    } catch {
      items = [];
    }
    active = -1;
    if (document.activeElement === input) show();
  }, 150);
  input.addEventListener('input', () => { delete input.dataset.entityId; suggest(); });
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !items.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      show();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape') close();
  });
  return h('div', { class: 'field autocomplete' }, h('label', { for: id }, label), input, list);
}
