// Reports: upload by drop or file picker (one request per file, each with its own
// progress and error), the list of ingested reports, and one report's text.
import { getJSON, getToken, itemsOf, setToken, uploadFile } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { documentHref, errorBox, loading, sourceLabel } from './widgets.js';

const PAGE = 50;
const ACCEPT = '.txt,.md,.html,.htm,.pdf,.docx,.json';

function docRow(doc) {
  return h('li', { class: 'doc', dataset: { docId: doc.doc_id } },
    h('a', { href: documentHref(doc.doc_id) }, doc.title || sourceLabel(doc.source) || doc.doc_id.slice(0, 12)),
    h('span', { class: 'muted small' }, [sourceLabel(doc.source), doc.lang, (doc.ingested_at || '').slice(0, 16).replace('T', ' ')].filter(Boolean).join(' · ')));
}

function uploadRow(file) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': file.name });
  const state = h('span', { class: 'state' }, t('docs.status.uploading'));
  const row = h('li', { class: 'upload', dataset: { file: file.name } }, h('span', { class: 'fname' }, file.name), bar, state);
  return {
    row,
    progress(p) {
      bar.value = p;
      if (p >= 1) state.textContent = t('docs.status.processing');
    },
    done(result) {
      bar.value = 1;
      row.dataset.status = result.status;
      state.className = `state ${result.status}`;
      state.textContent = t(`docs.status.${result.status}`) + (result.error ? `: ${result.error}` : '');
      if (result.httpStatus === 401 || result.httpStatus === 403) state.textContent += ` — ${t('docs.needToken')}`;
    },
  };
}

export async function renderDocuments(view) {
  const listBox = h('div', { id: 'doc-list' }, loading());
  const uploads = h('ul', { class: 'uploads', 'aria-live': 'polite' });
  const input = h('input', { id: 'file-input', type: 'file', multiple: true, accept: ACCEPT, class: 'sr-only' });
  const token = h('input', { id: 'api-token', type: 'password', autocomplete: 'off', value: getToken() });
  token.addEventListener('change', () => setToken(token.value.trim()));
  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', {}, t('docs.drop'), ' ', input, h('label', { for: 'file-input', class: 'button' }, t('docs.choose'))),
    h('p', { class: 'muted small' }, t('docs.types')));
  let offset = 0;

  const loadList = async (more = false) => {
    offset = more ? offset + PAGE : 0;
    try {
      const body = await getJSON('/api/documents', { offset, limit: PAGE });
      const rows = itemsOf(body).map(docRow);
      const total = body.total ?? rows.length;
      const list = more ? listBox.querySelector('ul.docs') : h('ul', { class: 'docs' });
      list.append(...rows);
      const moreButton = offset + PAGE < total
        ? h('button', { type: 'button', class: 'secondary', onclick: () => loadList(true) }, t('docs.more')) : null;
      listBox.replaceChildren(h('p', { class: 'muted', id: 'doc-total' }, t('docs.total', { n: total })),
        list.children.length ? list : h('p', { class: 'muted' }, t('docs.empty')), moreButton || '');
    } catch (err) {
      listBox.replaceChildren(errorBox(err));
    }
  };

  const send = async (files) => {
    for (const file of files) {
      const ui = uploadRow(file);
      uploads.prepend(ui.row);
      ui.done(await uploadFile(file, ui.progress));
    }
    await loadList();
  };
  input.addEventListener('change', () => { send([...input.files]); input.value = ''; });
  for (const name of ['dragenter', 'dragover']) {
    drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add('over'); });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    send([...e.dataTransfer.files]);
  });

  view.append(
    h('div', { class: 'view-head' }, h('h1', {}, t('docs.title'))),
    h('section', { class: 'upload-box', 'aria-labelledby': 'upload-title' },
      h('h2', { id: 'upload-title' }, t('docs.upload')), drop,
      h('form', { class: 'field token', onsubmit: (e) => e.preventDefault() },
        h('label', { for: 'api-token' }, t('docs.token')), token), uploads),
    h('section', { 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, t('docs.list')), listBox));
  await loadList();
}

export async function renderDocument(view, docId) {
  view.append(loading());
  try {
    const doc = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
    view.replaceChildren(
      h('p', {}, h('a', { href: '#/documents' }, '← ', t('docs.back'))),
      h('div', { class: 'view-head' }, h('h1', {}, doc.title || doc.source || doc.doc_id)),
      h('dl', { class: 'attrs' },
        h('dt', {}, t('docs.source')), h('dd', {}, doc.source || '—'),
        h('dt', {}, t('docs.ingested')), h('dd', {}, doc.ingested_at || '—')),
      h('h2', {}, t('docs.text')),
      h('div', { class: 'doctext', lang: doc.lang === 'en' ? 'en' : 'zh' }, doc.text || ''));
  } catch (err) {
    view.replaceChildren(errorBox(err));
  }
}
