// Small DOM helpers and the way a memory is shown, shared by the views. Text always goes in as text, never as HTML.

export const MEMORY_TYPES = ['core_identity', 'project_context', 'task_instruction', 'episodic'];
export const RELATION_TYPES = ['supports', 'contradicts', 'supersedes', 'refines', 'depends_on', 'implements', 'example_of'];
const OPTION_LISTS = { 'memory-types': MEMORY_TYPES, 'relation-types': RELATION_TYPES };

/** An element with attributes (`on*` functions become listeners) and children (strings, nodes, arrays, null). */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** A copy of a <template> of index.html, with its option lists filled. */
export function fromTemplate(id) {
  const fragment = document.getElementById(id).content.cloneNode(true);
  for (const select of fragment.querySelectorAll('select[data-options]')) {
    if (select.dataset.any) select.append(h('option', { value: '' }, select.dataset.any));
    select.append(...OPTION_LISTS[select.dataset.options].map((value) => h('option', { value }, value)));
  }
  return fragment;
}

/** A form's non-empty fields. */
export function formValues(form) {
  return Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, value.trim()]).filter(([, value]) => value !== ''));
}

export function fillForm(form, values) {
  for (const [name, value] of Object.entries(values)) {
    if (form.elements[name]) form.elements[name].value = value;
  }
}

/** `?a=1&b=2` of the non-empty values, or ''. */
export function queryString(values) {
  const query = new URLSearchParams(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
  return query.size ? `?${query}` : '';
}

export function time(iso) {
  return h('time', { datetime: iso, title: iso }, new Date(iso).toLocaleString());
}

export const memoryHref = (id) => `#/memory/${encodeURIComponent(id)}`;

/** Where a memory applies: global, or its project (and task). */
function placeOf(memory) {
  if (memory.scope === 'global') return 'global';
  return [memory.scope, memory.project, memory.task_id].filter(Boolean).join(' · ');
}

/**
 * A memory as a list item: its entity (a link to it, unless `linked` is false), type, place, text, tags, times,
 * its own links, and the search scores when given.
 */
export function memoryItem(memory, { scores, linked = true, headingLevel = 2 } = {}) {
  const title = linked ? h('a', { href: memoryHref(memory.id) }, memory.entity) : memory.entity;
  const outgoing = (memory.related_to ?? []).map((id) => h('li', {},
    `${memory.relation_types?.[id] ?? 'related'} → `, h('a', { href: memoryHref(id) }, shortId(id))));
  return h('li', { class: 'memory', 'data-id': memory.id },
    h('article', {},
      h('header', {},
        h(`h${headingLevel}`, {}, title),
        h('span', { class: 'badge' }, memory.memory_type),
        h('span', { class: 'badge muted' }, placeOf(memory)),
        memory.superseded_by && h('span', { class: 'badge warn' }, 'superseded by ', h('a', { href: memoryHref(memory.superseded_by) }, shortId(memory.superseded_by)))),
      h('p', { class: 'text' }, memory.text),
      scores && h('p', { class: 'scores' },
        h('span', {}, 'relevance ', h('data', { value: scores.relevance }, scores.relevance.toFixed(3))),
        h('span', {}, 'similarity ', h('data', { value: scores.similarity }, scores.similarity.toFixed(3)))),
      memory.tags?.length > 0 && h('ul', { class: 'tags', 'aria-label': 'Tags' }, memory.tags.map((tag) => h('li', {}, tag))),
      h('dl', { class: 'meta' },
        h('dt', {}, 'Created'), h('dd', {}, time(memory.created_at)),
        memory.updated_at && memory.updated_at !== memory.created_at && [h('dt', {}, 'Updated'), h('dd', {}, time(memory.updated_at))],
        h('dt', {}, 'Id'), h('dd', {}, h('code', {}, memory.id)),
        outgoing.length > 0 && [h('dt', {}, 'Links to'), h('dd', {}, h('ul', { class: 'inline' }, outgoing))])));
}

export function shortId(id) {
  return id.length > 13 ? `${id.slice(0, 8)}…` : id;
}
