// A small layered drawing of carry paths: story on the left, target on the right,
// carriers in between. Paths are short (≤ 4 edges), so longest-position layering
// with first-seen ordering inside a layer reads well without a layout library.
import { s } from './dom.js';
import { relationLabel, typeLabel } from './i18n.js';

const COL = 210;
const ROW = 64;
const NODE_W = 150;
const NODE_H = 34;
const PAD = 24;

// Walk a path's edges into its node sequence (edges may point either way).
export function pathNodes(edges) {
  if (!edges.length) return [];
  if (edges.length === 1) return [edges[0].head, edges[0].tail];
  const next = edges[1];
  let current = [next.head, next.tail].includes(edges[0].tail) ? edges[0].head : edges[0].tail;
  const nodes = [current];
  for (const edge of edges) {
    current = edge.head === current ? edge.tail : edge.head;
    nodes.push(current);
  }
  return nodes;
}

// Layers: position along the path, shifted so that paths which do not start at the
// story still put their carrier in the carriers' column; paths that reach the target end on the last
// column. Edges that skip layers get invisible waypoints so they never run under a node.
function layout(paths, storyIds, targetIds) {
  const layer = new Map();
  const order = [];
  const chains = paths.map((edges) => {
    const nodes = pathNodes(edges);
    if (storyIds.has(nodes[nodes.length - 1])) nodes.reverse();
    return { edges, nodes, shift: storyIds.size && !storyIds.has(nodes[0]) ? 1 : 0 };
  });
  const depth = Math.max(1, ...chains.map((c) => c.nodes.length - 1 + c.shift));
  for (const { nodes, shift } of chains) {
    nodes.forEach((id, i) => {
      if (!layer.has(id)) order.push(id);
      const last = i === nodes.length - 1 && (!targetIds.size || targetIds.has(id));
      const l = last ? depth : i + shift;
      layer.set(id, Math.max(layer.get(id) ?? 0, l));
    });
  }
  const slots = new Map();  // layer → ids (nodes and waypoints) in row order
  const place = (id, l) => slots.set(l, [...(slots.get(l) || []), id]);
  for (const id of order) place(id, layer.get(id));
  const waypoints = new Map();  // edge key → waypoint ids
  for (const { edges } of chains) {
    for (const edge of edges) {
      const key = edgeKey(edge);
      if (waypoints.has(key)) continue;
      const [a, b] = [layer.get(edge.head), layer.get(edge.tail)].sort((x, y) => x - y);
      const ids = [];
      for (let l = a + 1; l < b; l += 1) {
        const id = `${key}#${l}`;
        ids.push(id);
        place(id, l);
      }
      waypoints.set(key, ids);
    }
  }
  const maxRows = Math.max(1, ...[...slots.values()].map((ids) => ids.length));
  const pos = new Map();
  for (const [l, ids] of slots) {
    ids.forEach((id, row) => {
      pos.set(id, { x: PAD + l * COL, y: PAD + (row + (maxRows - ids.length) / 2) * ROW, waypoint: !layer.has(id) });
    });
  }
  return { pos, waypoints, width: PAD * 2 + depth * COL + NODE_W, height: PAD * 2 + (maxRows - 1) * ROW + NODE_H };
}

// A smooth line from the right side of one box to the left side of the next, through waypoints.
function edgeGeometry(points) {
  let d = '';
  const mids = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    const x1 = a.x + (a.waypoint ? NODE_W / 2 : NODE_W);
    const x2 = b.x + (b.waypoint ? NODE_W / 2 : 0);
    const y1 = a.y + NODE_H / 2;
    const y2 = b.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    d += `${i ? ' L' : 'M'}${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
    mids.push({ x: mid, y: (y1 + y2) / 2 });
  }
  return { d, label: mids[0] };
}

const short = (text, n = 11) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

export function edgeKey(edge) {
  return `${edge.type}|${edge.head}|${edge.tail}`;
}

// `entities`: id → {name, type}. Calls onEdge(edge) / onNode(id) on click or Enter.
// `entities`: id → {name, type}. Calls onEdge(edge) / onNode(id) on click or Enter.
export function drawPaths(paths, entities, { onEdge, onNode, highlight, storyIds = new Set(), targetIds = new Set() } = {}) {
  const { pos, waypoints, width, height } = layout(paths, storyIds, targetIds);
  const seen = new Set();
  const edges = paths.flat().filter((e) => !seen.has(edgeKey(e)) && seen.add(edgeKey(e)));
  const svg = s('svg', {
    class: 'pathgraph', viewBox: `0 0 ${width} ${height}`, style: `max-width:${width}px`, role: 'group',
  });
  svg.append(s('defs', {}, s('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse',
  }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }))));

  for (const edge of edges) {
    const a = pos.get(edge.head);
    const b = pos.get(edge.tail);
    if (!a || !b) continue;
    const forward = a.x <= b.x;
    const [from, to] = forward ? [a, b] : [b, a];
    const { d, label: at } = edgeGeometry([from, ...waypoints.get(edgeKey(edge)).map((id) => pos.get(id)), to]);
    const label = relationLabel(edge.type);
    const sentence = edge.evidence?.[0]?.text || '';
    const group = s('g', {
      class: `edge${highlight === edgeKey(edge) ? ' selected' : ''}`, tabindex: 0, role: 'button',
      'aria-label': `${entities[edge.head]?.name || edge.head} ${label} ${entities[edge.tail]?.name || edge.tail}`,
      dataset: { key: edgeKey(edge) },
    },
    s('title', {}, sentence ? `${label}: ${sentence}` : label),
    s('path', { d, class: 'edge-hit' }),
    s('path', { d, class: 'edge-line', 'marker-end': forward ? 'url(#arrow)' : null, 'marker-start': forward ? null : 'url(#arrow)' }),
    s('text', { x: at.x, y: at.y - 6, class: 'edge-label', 'text-anchor': 'middle' }, label));
    const activate = () => onEdge?.(edge);
    group.addEventListener('click', activate);
    group.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), activate()));
    svg.append(group);
  }

  for (const [id, p] of pos) {
    if (p.waypoint) continue;
    const ent = entities[id] || { name: id, type: '' };
    const group = s('g', {
      class: `node type-${ent.type || 'unknown'}`, transform: `translate(${p.x},${p.y})`, tabindex: 0, role: 'link',
      'aria-label': `${ent.name} (${typeLabel(ent.type)})`, dataset: { id },
    },
    s('title', {}, `${ent.name} · ${typeLabel(ent.type)}`),
    s('rect', { width: NODE_W, height: NODE_H, rx: 8 }),
    s('text', { x: NODE_W / 2, y: NODE_H / 2 + 5, 'text-anchor': 'middle' }, short(ent.name)));
    const activate = () => onNode?.(id);
    group.addEventListener('click', activate);
    group.addEventListener('keydown', (e) => e.key === 'Enter' && activate());
    svg.append(group);
  }
  return svg;
}
