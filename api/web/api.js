// The HTTP API of API_CONTRACT.md; one place that knows URLs, tokens and error shapes.
const TOKEN_KEY = 'qiao.token';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, v);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

export const entityPath = (id) => `/api/entities/${encodeURIComponent(id)}`;
export const getToken = () => sessionStorage.getItem(TOKEN_KEY) || '';
export const setToken = (token) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY));

function authHeaders() {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

function detailOf(body, status) {
  if (body && typeof body.detail === 'string') return body.detail;
  if (body && Array.isArray(body.detail)) return body.detail.map((d) => d.msg || JSON.stringify(d)).join('; ');
  return `HTTP ${status}`;
}

export async function getJSON(path, params) {
  const res = await fetch(path + query(params), { headers: { Accept: 'application/json', ...authHeaders() } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, detailOf(body, res.status));
  return body;
}

// `{items, total}` or a bare list, whichever the route returns.
export const itemsOf = (body) => (Array.isArray(body) ? body : body?.items || []);

// One file per request so that each gets its own progress bar and its own error.
export function uploadFile(file, onProgress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.open('POST', '/api/documents');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* a proxy's HTML error page */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        const results = itemsOf(body?.results ?? body);
        resolve(results[0] || { source: file.name, status: 'failed', error: 'empty response' });
      } else {
        resolve({ source: file.name, status: 'failed', error: detailOf(body, xhr.status), httpStatus: xhr.status });
      }
    };
    xhr.onerror = () => resolve({ source: file.name, status: 'failed', error: 'network error' });
    xhr.send(form);
  });
}
