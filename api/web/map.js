// Partner map: country shapes from the shipped world-atlas TopoJSON, points and
// shading from /api/map.geojson, and a panel of who reaches a clicked country.
import { geoContains, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { getJSON, itemsOf } from './api.js';
import { clear, h, s } from './dom.js';
import { getLang, relationLabel, t } from './i18n.js';
import { autocomplete, documentHref, entityLink, errorBox, loading, sourceLabel } from './widgets.js';

const MAP_TYPES = ['PARTNER_OF', 'SISTER_CITY_OF', 'PRESENCE_IN', 'REACHES', 'LOCATED_IN'];
const ORG_TYPES = ['CommunicationCenter', 'MediaOutlet', 'OverseasAssociation', 'Organization', 'Place'];
const WIDTH = 960;
const HEIGHT = 500;

let atlas = null;  // {features, byIso2, names}: loaded once per page

async function loadAtlas() {
  if (atlas) return atlas;
  const [topo, table] = await Promise.all([
    fetch('/static/vendor/countries-110m.json').then((r) => r.json()),
    getJSON('/web/countries.json'),
  ]);
  const features = window.topojson.feature(topo, topo.objects.countries).features;
  const byIso2 = new Map();
  for (const f of features) {
    const row = table[f.id];
    f.properties.iso2 = row?.iso2 || '';
    f.properties.names = row ? { zh: row.zh, en: row.en } : { zh: f.properties.name, en: f.properties.name };
    if (row) byIso2.set(row.iso2, f);
  }
  atlas = { features, byIso2 };
  return atlas;
}

const countryName = (f) => f.properties.names[getLang()] || f.properties.name;

// One Point per country or city (graph/query/geojson.py): who reaches it is in `partners`.
function pointOf(feature) {
  const p = feature.properties;
  return {
    coords: feature.geometry.coordinates,
    iso2: (p.iso2 || '').toUpperCase(),
    location: { id: p.id, name: p.name, type: p.type },
    evidenceCount: p.evidence_count,
    partners: p.partners || [],
  };
}

// Points without an alpha-2 are placed in whichever country shape contains them.
function assignCountries(points, { features, byIso2 }) {
  for (const pt of points) {
    if (pt.iso2 && byIso2.has(pt.iso2)) continue;
    const hit = pt.coords && features.find((f) => geoContains(f, pt.coords));
    pt.iso2 = hit?.properties.iso2 || pt.iso2;
  }
}

function readFilters(params) {
  return {
    org: params.get('org') || '',
    orgName: params.get('orgName') || '',
    types: params.get('types') ? params.get('types').split(',') : [],
    minEvidence: Number(params.get('min') || 1),
    country: params.get('country') || '',
  };
}

function writeFilters(f) {
  const q = new URLSearchParams();
  if (f.org) { q.set('org', f.org); q.set('orgName', f.orgName); }
  if (f.types.length) q.set('types', f.types.join(','));
  if (f.minEvidence > 1) q.set('min', f.minEvidence);
  if (f.country) q.set('country', f.country);
  const text = q.toString();
  history.replaceState(null, '', `#/map${text ? `?${text}` : ''}`);
}

function filterForm(filters, onChange) {
  const org = autocomplete({
    id: 'map-org', label: t('map.org'), placeholder: t('map.org.all'), types: ORG_TYPES, value: filters.orgName,
    onPick: (ent) => onChange({ ...filters, org: ent.id, orgName: ent.name }),
  });
  const boxes = MAP_TYPES.map((type) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'types', value: type, checked: filters.types.includes(type) }),
    relationLabel(type)));
  const min = h('input', { id: 'map-min', type: 'number', min: 1, max: 20, value: filters.minEvidence });
  const form = h('form', { class: 'filters', 'aria-label': t('map.title') },
    org,
    h('fieldset', { class: 'types' }, h('legend', {}, t('map.types')), boxes),
    h('div', { class: 'field narrow' }, h('label', { for: 'map-min' }, t('map.minEvidence')), min),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, t('map.apply')),
      h('button', { type: 'button', class: 'secondary', onclick: () => onChange({ org: '', orgName: '', types: [], minEvidence: 1, country: '' }) }, t('map.reset'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const orgInput = form.querySelector('#map-org');
    const keepOrg = orgInput.value.trim() && orgInput.value === filters.orgName;
    onChange({
      ...filters,
      org: keepOrg ? filters.org : orgInput.dataset.entityId || '',
      orgName: keepOrg ? filters.orgName : (orgInput.dataset.entityId ? orgInput.value : ''),
      types: [...form.querySelectorAll('input[name=types]:checked')].map((el) => el.value),
      minEvidence: Math.max(1, Number(min.value) || 1),
    });
  });
  return form;
}

function drawMap(world, points, counts, selected, onSelect) {
  const projection = geoNaturalEarth1().fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], { type: 'Sphere' });
  const path = geoPath(projection);
  const max = Math.max(1, ...counts.values());
  const svg = s('svg', { class: 'worldmap', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': t('map.aria') },
    s('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
    s('path', { class: 'graticule', d: path(geoGraticule10()) }));
  for (const f of world.features) {
    const n = counts.get(f.properties.iso2) || 0;
    const el = s('path', {
      class: `country${n ? ' linked' : ''}${f.properties.iso2 && f.properties.iso2 === selected ? ' selected' : ''}`,
      d: path(f), dataset: { iso2: f.properties.iso2, name: f.properties.name },
      style: n ? `--level:${(0.25 + 0.75 * n / max).toFixed(2)}` : null,
    }, s('title', {}, n ? `${countryName(f)} · ${n}` : countryName(f)));
    el.addEventListener('click', () => f.properties.iso2 && onSelect(f.properties.iso2));
    svg.append(el);
  }
  const byPlace = new Map();
  for (const pt of points) {
    if (!Array.isArray(pt.coords)) continue;
    const key = pt.coords.map((c) => c.toFixed(2)).join(',');
    byPlace.set(key, [...(byPlace.get(key) || []), pt]);
  }
  for (const group of byPlace.values()) {
    const xy = projection(group[0].coords);
    if (!xy) continue;
    const weight = group.reduce((sum, pt) => sum + Math.max(1, pt.evidenceCount), 0);
    const partners = group.flatMap((pt) => pt.partners);
    const names = [...new Set(group.map((pt) => pt.location.name))].join('、');
    const kinds = [...new Set(partners.map((p) => relationLabel(p.relation)))].join(' / ');
    const dot = s('circle', {
      class: `point type-${group[0].location.type}`, cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
      r: (3 + Math.sqrt(weight) * 1.5).toFixed(1), dataset: { iso2: group[0].iso2, id: group[0].location.id },
    }, s('title', {}, `${names} · ${partners.length} · ${kinds}`));
    dot.addEventListener('click', () => group[0].iso2 && onSelect(group[0].iso2));
    svg.append(dot);
  }
  return svg;
}

function partnerRow(partner, sources) {
  return h('li', {},
    h('div', { class: 'reach-head' },
      entityLink(partner),
      h('span', { class: `rel rel-${partner.relation}` }, relationLabel(partner.relation)),
      h('span', { class: 'badge' }, t('entity.evidenceCount', { n: partner.evidence_count }))),
    h('ul', { class: 'evidence' }, partner.evidence.map((text) => h('li', {}, h('blockquote', {}, text)))),
    partner.sources.length ? h('div', { class: 'evidence-meta' }, partner.sources.map((src) => (sources.has(src)
      ? h('a', { href: documentHref(sources.get(src)), title: src }, sourceLabel(src)) : h('span', { title: src }, sourceLabel(src))))) : null);
}

// `sources`: document source → doc_id, for links from a partner's evidence to its report.
function countryPanel(world, points, iso2, sources) {
  const feature = world.byIso2.get(iso2);
  const name = feature ? countryName(feature) : iso2;
  const here = points.filter((pt) => pt.iso2 === iso2);
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'reach-title' },
    h('h2', { id: 'reach-title', tabindex: -1 }, t('map.reach', { name })));
  if (!here.length) return panel.append(h('p', { class: 'muted' }, t('map.noLinks', { name }))), panel;
  for (const pt of here.sort((a, b) => b.evidenceCount - a.evidenceCount)) {
    panel.append(h('h3', { class: 'reach-place' }, entityLink(pt.location)),
      h('ul', { class: 'reach' }, pt.partners.map((partner) => partnerRow(partner, sources))));
  }
  return panel;
}

async function documentSources() {
  const sources = new Map();
  try {
    for (const doc of itemsOf(await getJSON('/api/documents', { limit: 200 }))) if (doc.source) sources.set(doc.source, doc.doc_id);
  } catch {
    // links to reports are a convenience: without them the panel still lists the evidence
  }
  return sources;
}

export async function renderMap(view, params) {
  let filters = readFilters(params);
  const head = h('div', { class: 'view-head' }, h('h1', {}, t('map.title')));
  const status = h('p', { class: 'muted', role: 'status', id: 'map-summary' });
  const mapBox = h('div', { class: 'mapbox' }, loading());
  const side = h('aside', { class: 'side' }, h('p', { class: 'muted' }, t('map.pick')));
  const list = h('nav', { class: 'country-list', 'aria-label': t('map.countries') });
  view.append(head, h('div', { class: 'filter-slot' }), h('div', { class: 'map-layout' },
    h('div', { class: 'map-main' }, status, mapBox, list), side));

  let world;
  let points = [];
  let sources = new Map();
  const select = (iso2) => {
    filters = { ...filters, country: iso2 };
    writeFilters(filters);
    paint();
    side.replaceChildren(countryPanel(world, points, iso2, sources));
    side.querySelector('h2')?.focus?.();
  };
  const paint = () => {
    const counts = new Map();
    for (const pt of points) if (pt.iso2) counts.set(pt.iso2, (counts.get(pt.iso2) || 0) + pt.partners.length);
    mapBox.replaceChildren(drawMap(world, points, counts, filters.country, select),
      h('p', { class: 'legend muted' }, h('span', { class: 'swatch' }), t('map.legend')));
    status.textContent = t('map.summary', { points: points.length, countries: counts.size });
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    list.replaceChildren(h('h2', {}, t('map.countries')), h('ul', {}, ranked.map(([iso2, n]) => {
      const f = world.byIso2.get(iso2);
      return h('li', {}, h('button', {
        type: 'button', class: `chip${iso2 === filters.country ? ' selected' : ''}`, dataset: { iso2 },
        onclick: () => select(iso2),
      }, `${f ? countryName(f) : iso2} · ${n}`));
    })));
  };
  const load = async (next) => {
    filters = next;
    writeFilters(filters);
    view.querySelector('.filter-slot').replaceChildren(filterForm(filters, load));
    mapBox.replaceChildren(loading());
    try {
      [world, sources] = await Promise.all([loadAtlas(), documentSources()]);
      const geo = await getJSON('/api/map.geojson', { org: filters.org, types: filters.types, min_evidence: filters.minEvidence });
      points = (geo.features || []).map(pointOf);
      assignCountries(points, world);
      paint();
      if (filters.country) side.replaceChildren(countryPanel(world, points, filters.country, sources));
      else side.replaceChildren(h('p', { class: 'muted' }, t('map.pick')));
    } catch (err) {
      clear(mapBox).append(errorBox(err));
    }
  };
  await load(filters);
}

