// The console's JSON API (/console/api/*). A refused call throws an ApiError whose message is the server's own
// `error` text, shown as it is.
import { session } from './auth.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The response of a successful call; empty query values are left out. */
export async function request(path, { method = 'GET', query = {}, body, accept = 'application/json' } = {}) {
  const url = new URL(`/console/api/${path}`, location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
  }
  const headers = { Accept: accept };
  const token = session()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    const text = await response.text();
    let message;
    try {
      message = JSON.parse(text).error;
    } catch {
      message = undefined;
    }
    throw new ApiError(response.status, message ?? (text.trim() || `HTTP ${response.status} ${response.statusText}`));
  }
  return response;
}

export async function json(path, options) {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
}

export const config = () => json('config');
export const memories = (filters) => json('memories', { query: filters });
export const memory = (id) => json(`memories/${encodeURIComponent(id)}`);
export const search = (query) => json('search', { query });
export const overview = () => json('overview');
export const update = (id, changes) => json(`memories/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
export const remove = (id) => json(`memories/${encodeURIComponent(id)}`, { method: 'DELETE' });
export const link = (id, relatedId, relationType) => json(`memories/${encodeURIComponent(id)}/links`,
  { method: 'POST', body: { related_id: relatedId, relation_type: relationType } });
export const exportFile = () => request('export', { accept: 'application/x-ndjson, application/json' });
