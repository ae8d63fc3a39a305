// Interface strings (zh default, en) and the ontology's own labels for types.
import { getJSON } from './api.js';

const STRINGS = {
  zh: {
    skip: '跳到正文',
    footer: '桥：谁能把故事讲到哪里。所有数据来自已导入的报告。',
    'nav.map': '伙伴地图', 'nav.route': '故事路由', 'nav.documents': '报告',
    'search.label': '搜索实体', 'search.placeholder': '搜索：机构、城市、IP…', 'search.title': '搜索“{q}”',
    'search.none': '没有找到匹配的实体。', 'search.hint': '输入中文或英文名称、别名。',
    loading: '加载中…', error: '出错了：{msg}', retry: '重试', none: '暂无',
    'map.title': '伙伴地图', 'map.org': '机构', 'map.org.all': '全部机构', 'map.types': '关系类型',
    'map.minEvidence': '最少证据数', 'map.apply': '筛选', 'map.reset': '重置',
    'map.summary': '{points} 个地点，{countries} 个国家有联系',
    'map.legend': '颜色越深，联系越多', 'map.countries': '有联系的国家',
    'map.pick': '点击地图上的国家或下方列表，查看谁能触达那里、通过什么关系。',
    'map.reach': '谁能触达 {name}', 'map.noLinks': '{name} 暂无记录的联系。',
    'map.open': '打开实体页', 'map.aria': '世界地图：有联系的国家以颜色标出',
    'route.title': '故事路由', 'route.story': '故事（IP、作品或自由文本）', 'route.target': '目标（国家或地区）',
    'route.storyPh': '例如：大熊猫', 'route.targetPh': '例如：哈萨克斯坦', 'route.go': '找传播者',
    'route.limit': '数量', 'route.carriers': '排名传播者', 'route.none': '没有找到能把这个故事带到目标的传播者。',
    'route.resolved': '故事：{story} → 目标：{target}', 'route.pairing': '没有单一传播者同时连接两端，可以组合：', 'route.owner': '故事方', 'route.channel': '渠道方',
    'route.paths': '路径图', 'route.pathsHint': '点击连线查看证据；点击节点打开实体页。',
    'route.export': '导出此子图', 'route.exportFormat': '导出格式', 'route.evidence': '证据', 'route.pickEdge': '点击图中的连线查看证据句子。',
    'route.score': '得分', 'route.reasons': '理由', 'route.need': '请输入故事和目标。', 'route.show': '在路径图中显示',
    'entity.aliases': '别名', 'entity.relations': '关系', 'entity.documents': '来源报告',
    'entity.quantities': '数据', 'entity.attrs': '属性', 'entity.notFound': '找不到该实体。',
    'entity.confidence': '置信度 {c}', 'entity.evidenceCount': '{n} 条证据',
    'docs.title': '报告', 'docs.upload': '上传报告', 'docs.drop': '把报告文件拖到这里，或',
    'docs.choose': '选择文件', 'docs.types': '支持 TXT、HTML、PDF、DOCX、MD', 'docs.list': '已导入的报告',
    'docs.empty': '还没有报告。', 'docs.token': 'API 令牌（如需）', 'docs.total': '共 {n} 份',
    'docs.status.added': '已导入', 'docs.status.unchanged': '已存在', 'docs.status.failed': '失败',
    'docs.status.uploading': '上传中', 'docs.status.processing': '处理中',
    'docs.more': '更多', 'docs.source': '来源', 'docs.ingested': '导入时间', 'docs.text': '正文',
    'docs.back': '返回报告列表', 'docs.needToken': '需要 API 令牌：请在上方填写后重试。',
  },
  en: {
    skip: 'Skip to content',
    footer: 'Qiao: who can carry a story where. All data comes from the ingested reports.',
    'nav.map': 'Partner map', 'nav.route': 'Story router', 'nav.documents': 'Reports',
    'search.label': 'Search entities', 'search.placeholder': 'Search: organisations, cities, IPs…', 'search.title': 'Search “{q}”',
    'search.none': 'No matching entities.', 'search.hint': 'Type a Chinese or English name or alias.',
    loading: 'Loading…', error: 'Something went wrong: {msg}', retry: 'Retry', none: 'None',
    'map.title': 'Partner map', 'map.org': 'Organisation', 'map.org.all': 'All organisations', 'map.types': 'Relation types',
    'map.minEvidence': 'Minimum evidence', 'map.apply': 'Filter', 'map.reset': 'Reset',
    'map.summary': '{points} places; links into {countries} countries',
    'map.legend': 'Darker means more links', 'map.countries': 'Countries with links',
    'map.pick': 'Click a country on the map or in the list below to see who reaches it and through what.',
    'map.reach': 'Who reaches {name}', 'map.noLinks': 'No recorded links into {name}.',
    'map.open': 'Open entity page', 'map.aria': 'World map: countries with links are shaded',
    'route.title': 'Story router', 'route.story': 'Story (IP, work or free text)', 'route.target': 'Target (country or region)',
    'route.storyPh': 'e.g. giant panda', 'route.targetPh': 'e.g. Kazakhstan', 'route.go': 'Find carriers',
    'route.limit': 'Limit', 'route.carriers': 'Ranked carriers', 'route.none': 'No carrier found for this story and target.',
    'route.resolved': 'Story: {story} → target: {target}', 'route.pairing': 'No single carrier links both ends; pair', 'route.owner': 'story owner', 'route.channel': 'channel',
    'route.paths': 'Path graph', 'route.pathsHint': 'Click an edge to see its evidence; click a node to open its page.',
    'route.export': 'Export this subgraph', 'route.exportFormat': 'Export format', 'route.evidence': 'Evidence', 'route.pickEdge': 'Click an edge in the graph to read its evidence sentences.',
    'route.score': 'Score', 'route.reasons': 'Reasons', 'route.need': 'Enter a story and a target.', 'route.show': 'Show in the path graph',
    'entity.aliases': 'Aliases', 'entity.relations': 'Relations', 'entity.documents': 'Source reports',
    'entity.quantities': 'Figures', 'entity.attrs': 'Attributes', 'entity.notFound': 'No such entity.',
    'entity.confidence': 'confidence {c}', 'entity.evidenceCount': '{n} evidence',
    'docs.title': 'Reports', 'docs.upload': 'Upload reports', 'docs.drop': 'Drop report files here, or',
    'docs.choose': 'choose files', 'docs.types': 'TXT, HTML, PDF, DOCX, MD', 'docs.list': 'Ingested reports',
    'docs.empty': 'No reports yet.', 'docs.token': 'API token (if required)', 'docs.total': '{n} in all',
    'docs.status.added': 'Added', 'docs.status.unchanged': 'Already there', 'docs.status.failed': 'Failed',
    'docs.status.uploading': 'Uploading', 'docs.status.processing': 'Processing',
    'docs.more': 'More', 'docs.source': 'Source', 'docs.ingested': 'Ingested', 'docs.text': 'Text',
    'docs.back': 'Back to reports', 'docs.needToken': 'An API token is required: fill it in above and retry.',
  },
};

const LANG_KEY = 'qiao.lang';
let lang = STRINGS[localStorage.getItem(LANG_KEY)] ? localStorage.getItem(LANG_KEY) : 'zh';
let ontology = { entity: {}, relation: {} };

export const getLang = () => lang;

export function setLang(next) {
  lang = next;
  localStorage.setItem(LANG_KEY, next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, vars = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? ''));
}

// Static text in index.html carries data-i18n keys.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

// Accept `{entity_types: {Name: {labels}}}` or `{entity_types: [{name, labels}]}`.
function labelTable(value) {
  const table = {};
  const rows = Array.isArray(value) ? value : Object.entries(value || {}).map(([name, v]) => ({ name, ...v }));
  for (const row of rows) table[row.name] = row;
  return table;
}

export async function loadOntology() {
  try {
    const body = await getJSON('/api/ontology');
    ontology = { entity: labelTable(body.entity_types), relation: labelTable(body.relation_types) };
  } catch {
    ontology = { entity: {}, relation: {} };  // labels fall back to type names
  }
  return ontology;
}

const labelOf = (row, name) => row?.labels?.[lang] || row?.labels?.en || row?.label || name;
export const typeLabel = (name) => labelOf(ontology.entity[name], name);
export const relationLabel = (name) => labelOf(ontology.relation[name], name);
export const relationTypes = () => Object.keys(ontology.relation);
export const entityTypes = () => Object.keys(ontology.entity);
