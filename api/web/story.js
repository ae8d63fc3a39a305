// Story router: a story and a target in, ranked carriers with their paths out.
import { getJSON, query } from './api.js';
import { downloadBlob, h } from './dom.js';
import { relationLabel, t } from './i18n.js';
import { drawPaths, edgeKey } from './graph.js';
import { autocomplete, collectEntities, entityHref, entityLink, errorBox, evidenceList, loading, typeBadge } from './widgets.js';

const STORY_TYPES = ['CulturalIP', 'Work', 'Event'];
const TARGET_TYPES = ['Country', 'WorldRegion', 'Place'];

// CarryOut (api/schemas.py): carriers with reasons {kind, weight, text} and paths of edges.
function carriersOf(body) {
  return (body.carriers || []).map((c) => ({ ...c, reasons: (c.reasons || []).map((r) => r.text) }));
}

// With no single carrier, the pairing's two halves are drawn as if they were carriers.
function pairingCarriers(pairing) {
  if (!pairing) return [];
  const { owner, channel } = pairing;
  return [
    { entity: owner.entity, score: owner.score, reasons: [pairing.text], paths: owner.path.length ? [owner.path] : [] },
    { ...channel, reasons: (channel.reasons || []).map((r) => r.text) },
  ];
}

// The export formats are the exports route's own enum, read from the API's OpenAPI document.
let exportFormats;
function loadExportFormats() {
  exportFormats ??= getJSON('/openapi.json').then((spec) => {
    const param = (spec.paths['/api/export']?.get?.parameters || []).find((p) => p.name === 'format');
    const ref = param?.schema?.$ref?.split('/').pop();
    return (ref ? spec.components.schemas[ref].enum : param?.schema?.enum) || [];
  }).catch(() => []);
  return exportFormats;
}

// `ids()` and `shown()` are read on click: the carriers shown change after drawing.
// Without the exports route, the button saves the JSON the page shows.
function exportControls(ids, shown) {
  const select = h('select', { id: 'export-format', 'aria-label': t('route.exportFormat') }, h('option', { value: 'json' }, 'json'));
  loadExportFormats().then((formats) => {
    if (formats.length) select.replaceChildren(...formats.map((f) => h('option', { value: f, selected: f === 'json' }, f)));
  });
  const button = h('button', {
    type: 'button', class: 'secondary', id: 'export-subgraph',
    onclick: async () => {
      const url = `/api/export${query({ format: select.value, around: ids(), hops: 0 })}`;
      const res = await fetch(url).catch(() => null);
      if (res && res.ok) {
        const name = /filename="?([^";]+)/.exec(res.headers.get('Content-Disposition') || '')?.[1];
        downloadBlob(await res.blob(), name || `qiao-subgraph.${select.value}`);
      } else {
        downloadBlob(new Blob([JSON.stringify(shown(), null, 2)], { type: 'application/json' }), 'qiao-subgraph.json');
      }
    },
  }, t('route.export'));
  return h('div', { class: 'export' }, select, button);
}

function carrierCard(carrier, rank, maxScore, paired, onToggle, selected) {
  const pct = maxScore > 0 ? Math.round((100 * carrier.score) / maxScore) : 0;
  const toggleId = `show-${rank}`;
  return h('li', { class: `carrier${selected ? ' selected' : ''}`, dataset: { id: carrier.entity.id } },
    h('div', { class: 'carrier-head' },
      h('span', { class: 'rank' }, rank),
      h('span', { class: 'carrier-name' }, entityLink(carrier.entity), ' ', typeBadge(carrier.entity.type),
        paired ? h('span', { class: 'badge paired' }, t(rank === 1 ? 'route.owner' : 'route.channel')) : null),
      h('span', { class: 'score', title: t('route.score') }, Number(carrier.score).toFixed(2))),
    h('div', { class: 'scorebar', 'aria-hidden': 'true' }, h('span', { style: `width:${pct}%` })),
    carrier.reasons.length ? h('ul', { class: 'reasons', 'aria-label': t('route.reasons') }, carrier.reasons.map((r) => h('li', {}, r))) : null,
    h('label', { class: 'check small', for: toggleId },
      h('input', { type: 'checkbox', id: toggleId, checked: selected, onchange: onToggle }), t('route.show')));
}

function results(box, body) {
  const entities = collectEntities(body);
  const storyIds = new Set((body.story || []).map((e) => e.id));
  const targetIds = new Set([body.target?.id, ...(body.locations || []).map((l) => l.entity.id)].filter(Boolean));
  const names = (body.story || []).map((e) => e.name).join('、') || '—';
  const head = h('div', { class: 'resolved-box' },
    h('p', { class: 'resolved' }, t('route.resolved', { story: names, target: body.target?.name || '—' })),
    body.message ? h('p', { class: 'muted', id: 'carry-message' }, body.message) : null);
  const carriers = carriersOf(body);
  // No carrier tied to the story: lead with the pairing of its owner and a channel.
  const pairs = body.pairing && !carriers.some((c) => c.linked) ? pairingCarriers(body.pairing) : [];
  const pairing = pairs.length
    ? h('p', { class: 'pairing' }, t('route.pairing'), ' ', entityLink(pairs[0].entity), ' + ', entityLink(pairs[1].entity))
    : null;
  const ranked = [...pairs, ...carriers.filter((c) => !pairs.some((p) => p.entity.id === c.entity.id))];
  if (!ranked.length) {
    box.replaceChildren(head, h('p', { class: 'muted' }, t('route.none')));
    return;
  }
  const maxScore = Math.max(...ranked.map((c) => Number(c.score) || 0));
  const graphBox = h('div', { class: 'graphbox' });
  const evidenceBox = h('div', { class: 'edge-evidence', 'aria-live': 'polite' }, h('p', { class: 'muted' }, t('route.pickEdge')));
  const list = h('ol', { class: 'carriers' });
  let shown = new Set(ranked.slice(0, pairs.length || 3).map((c) => c.entity.id));
  let selectedEdge = '';

  const visible = () => ranked.filter((c) => shown.has(c.entity.id));
  const showEdge = (edge) => {
    selectedEdge = edgeKey(edge);
    for (const g of graphBox.querySelectorAll('g.edge')) g.classList.toggle('selected', g.dataset.key === selectedEdge);
    evidenceBox.replaceChildren(
      h('h3', {}, entities[edge.head]?.name || edge.head, ' ', h('span', { class: `rel rel-${edge.type}` }, relationLabel(edge.type)), ' ', entities[edge.tail]?.name || edge.tail),
      evidenceList(edge.evidence));
  };
  const paint = () => {
    const paths = visible().flatMap((c) => c.paths).filter((p) => p.length);
    graphBox.replaceChildren(paths.length
      ? drawPaths(paths, entities, { onEdge: showEdge, onNode: (id) => { window.location.hash = entityHref(id); }, highlight: selectedEdge, storyIds, targetIds })
      : h('p', { class: 'muted' }, t('none')));
    list.replaceChildren(...ranked.map((c, i) => carrierCard(c, i + 1, maxScore, i < pairs.length, () => {
      shown = shown.has(c.entity.id) ? new Set([...shown].filter((id) => id !== c.entity.id)) : new Set([...shown, c.entity.id]);
      paint();
    }, shown.has(c.entity.id))));
  };
  paint();
  const ids = () => [...new Set(visible().flatMap((c) => c.paths.flat().flatMap((e) => [e.head, e.tail])))];
  box.replaceChildren(head, pairing || '',
    h('div', { class: 'route-layout' },
      h('section', { class: 'carriers-col', 'aria-labelledby': 'carriers-title' }, h('h2', { id: 'carriers-title' }, t('route.carriers')), list),
      h('section', { class: 'graph-col', 'aria-labelledby': 'paths-title' },
        h('div', { class: 'graph-head' }, h('h2', { id: 'paths-title' }, t('route.paths')),
          exportControls(ids, () => ({ story: body.story, target: body.target, carriers: visible() }))),
        h('p', { class: 'muted small' }, t('route.pathsHint')),
        graphBox, h('h3', { class: 'sr-only' }, t('route.evidence')), evidenceBox)));
}

export async function renderStory(view, params) {
  const box = h('div', { class: 'route-results' });
  const storyField = autocomplete({ id: 'story', label: t('route.story'), placeholder: t('route.storyPh'), types: STORY_TYPES, value: params.get('story') || '' });
  const targetField = autocomplete({ id: 'target', label: t('route.target'), placeholder: t('route.targetPh'), types: TARGET_TYPES, value: params.get('to') || '' });
  const limit = h('input', { id: 'limit', type: 'number', min: 1, max: 50, value: params.get('limit') || 10 });
  const form = h('form', { class: 'route-form' }, storyField, targetField,
    h('div', { class: 'field narrow' }, h('label', { for: 'limit' }, t('route.limit')), limit),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('route.go'))));
  view.append(h('div', { class: 'view-head' }, h('h1', {}, t('route.title'))), form, box);

  const run = async () => {
    const storyInput = form.querySelector('#story');
    const targetInput = form.querySelector('#target');
    const story = storyInput.dataset.entityId || storyInput.value.trim();
    const to = targetInput.dataset.entityId || targetInput.value.trim();
    if (!story || !to) { box.replaceChildren(h('p', { class: 'muted' }, t('route.need'))); return; }
    history.replaceState(null, '', `#/route${query({ story: storyInput.value.trim(), to: targetInput.value.trim(), limit: limit.value })}`);
    box.replaceChildren(loading());
    try {
      results(box, await getJSON('/api/carry', { story, to, limit: limit.value }));
    } catch (err) {
      box.replaceChildren(errorBox(err));
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
  if (params.get('story') && params.get('to')) await run();
}

