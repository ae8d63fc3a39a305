// Entity pages (#/entity/<id>) and search results (#/search?q=).
import { entityPath, getJSON, itemsOf } from './api.js';
import { h } from './dom.js';
import { relationLabel, t } from './i18n.js';
import { collectEntities, documentHref, entityLink, errorBox, evidenceList, loading, sourceLabel, typeBadge } from './widgets.js';

// Evidence is shown unfolded when a page has few relations, folded when it has many.
const OPEN_UP_TO = 30;

// `{entity, relations, quantities}` or the entity's fields at the top level.
function entityOf(body) {
  const entity = body.entity || body;
  return { entity, relations: body.relations || entity.relations || [], quantities: body.quantities || entity.quantities || [] };
}

function documentsOf(body, relations) {
  const docs = new Map();
  for (const doc of itemsOf(body.documents)) docs.set(doc.doc_id, doc);
  for (const rel of relations) {
    for (const ev of rel.evidence || []) {
      if (ev.doc_id && !docs.has(ev.doc_id)) docs.set(ev.doc_id, { doc_id: ev.doc_id, source: ev.source, title: ev.title });
    }
  }
  return [...docs.values()];
}

function relationRow(rel, selfId, names, open) {
  const otherId = rel.head === selfId ? rel.tail : rel.head;
  const other = names[otherId] || { id: otherId, name: otherId };
  const outgoing = rel.head === selfId;
  const evidence = rel.evidence || [];
  const confidence = rel.confidence ?? null;
  return h('li', { class: 'relation' },
    h('details', { open },
      h('summary', {},
        h('span', { class: 'dir', title: outgoing ? '→' : '←' }, outgoing ? '→' : '←'),
        entityLink(other), ' ', other.type ? typeBadge(other.type) : null,
        h('span', { class: 'muted small' }, ' ', t('entity.evidenceCount', { n: evidence.length }),
          confidence !== null ? ` · ${t('entity.confidence', { c: Number(confidence).toFixed(2) })}` : '')),
      evidenceList(evidence)));
}

export async function renderEntity(view, id) {
  view.append(loading());
  let body;
  try {
    body = await getJSON(entityPath(id));
  } catch (err) {
    view.replaceChildren(err.status === 404 ? h('p', { class: 'error', role: 'alert' }, t('entity.notFound')) : errorBox(err));
    return;
  }
  const { entity, relations, quantities } = entityOf(body);
  const names = collectEntities(body);
  const aliases = (entity.aliases || []).filter((a) => a !== entity.name);
  const attrs = Object.entries(entity.attrs || {});
  const docs = documentsOf(body, relations);
  const byType = new Map();
  for (const rel of relations) byType.set(rel.type, [...(byType.get(rel.type) || []), rel]);
  view.replaceChildren(
    h('div', { class: 'view-head' }, h('h1', {}, entity.name), typeBadge(entity.type), h('code', { class: 'muted small' }, entity.id)),
    h('div', { class: 'entity-layout' },
      h('div', {},
        h('section', { 'aria-labelledby': 'rel-title' },
          h('h2', { id: 'rel-title' }, t('entity.relations'), h('span', { class: 'count' }, relations.length)),
          relations.length ? [...byType.entries()].map(([type, rels]) => h('div', { class: 'rel-group' },
            h('h3', {}, relationLabel(type)),
            h('ul', { class: 'relations' }, rels.map((rel) => relationRow(rel, entity.id, names, relations.length <= OPEN_UP_TO)))))
            : h('p', { class: 'muted' }, t('none')))),
      h('aside', { class: 'side' },
        h('section', {}, h('h2', {}, t('entity.aliases')),
          aliases.length ? h('ul', { class: 'chips' }, aliases.map((a) => h('li', { class: 'chip' }, a))) : h('p', { class: 'muted' }, t('none'))),
        attrs.length ? h('section', {}, h('h2', {}, t('entity.attrs')),
          h('dl', { class: 'attrs' }, attrs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, typeof v === 'object' ? JSON.stringify(v) : v)]))) : null,
        quantities.length ? h('section', {}, h('h2', {}, t('entity.quantities')),
          h('ul', { class: 'quantities' }, quantities.map((q) => h('li', {},
            h('strong', {}, Number(q.value).toLocaleString()), ' ', q.unit || '', ' ', h('span', { class: 'muted' }, q.metric),
            q.evidence?.text ? h('blockquote', {}, q.evidence.text) : null)))) : null,
        h('section', {}, h('h2', {}, t('entity.documents')),
          docs.length ? h('ul', { class: 'docs' }, docs.map((d) => h('li', {}, h('a', { href: documentHref(d.doc_id), title: d.source || null }, d.title || sourceLabel(d.source) || d.doc_id.slice(0, 12)))))
            : h('p', { class: 'muted' }, t('none'))))));
}

export async function renderSearch(view, params) {
  const q = params.get('q') || '';
  view.append(h('div', { class: 'view-head' }, h('h1', {}, t('search.title', { q }))));
  if (!q) { view.append(h('p', { class: 'muted' }, t('search.hint'))); return; }
  const box = h('div', {}, loading());
  view.append(box);
  try {
    const items = itemsOf(await getJSON('/api/entities', { q, limit: 50 }));
    box.replaceChildren(items.length
      ? h('ul', { class: 'results' }, items.map((ent) => h('li', {}, entityLink(ent), ' ', typeBadge(ent.type),
        (ent.aliases || []).length ? h('span', { class: 'muted small' }, ' ', ent.aliases.slice(0, 4).join(' · ')) : null)))
      : h('p', { class: 'muted' }, t('search.none')));
  } catch (err) {
    box.replaceChildren(errorBox(err));
  }
}
