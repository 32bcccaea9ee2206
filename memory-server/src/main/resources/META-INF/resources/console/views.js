// The console's views. Each fills `root` from its <template> in index.html and the API; `ui` shows messages and
// navigates (see app.js).
import * as api from './api.js';
import { chartOfDays } from './chart.js';
import { fillForm, formValues, fromTemplate, h, memoryHref, memoryItem, queryString, shortId } from './dom.js';

export async function browse(root, { params }, ui) {
  root.append(fromTemplate('browse-view'));
  const form = root.querySelector('[data-form=filters]');
  const filters = Object.fromEntries(params);
  fillForm(form, filters);
  root.querySelector('[data-filters]').open = params.size > 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.go(`#/browse${queryString(formValues(form))}`);
  });
  const list = root.querySelector('[data-list=memories]');
  const more = root.querySelector('[data-action=more]');
  let cursor;
  const load = async () => {
    const page = await api.memories({ ...filters, cursor });
    const items = page.memories.map((memory) => memoryItem(memory));
    list.append(...items);
    cursor = page.next_cursor;
    more.hidden = !cursor;
    root.querySelector('[data-empty]').hidden = list.children.length > 0;
    return items;
  };
  more.addEventListener('click', () => ui.run(async () => {
    const items = await load();
    items[0]?.querySelector('a')?.focus();
  }));
  await load();
}

export async function search(root, { params }, ui) {
  root.append(fromTemplate('search-view'));
  const form = root.querySelector('[data-form=search]');
  fillForm(form, Object.fromEntries(params));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ui.go(`#/search${queryString(formValues(form))}`);
  });
  if (!params.get('query')) return;
  const { results } = await api.search(Object.fromEntries(params));
  root.querySelector('[data-list=results]').append(...results.map(({ memory, relevance, similarity }) =>
    memoryItem(memory, { scores: { relevance, similarity } })));
  root.querySelector('[data-empty]').hidden = results.length > 0;
}

export async function memory(root, { arg: id }, ui) {
  const { memory: shown, links } = await api.memory(id);
  root.append(fromTemplate('memory-view'));
  root.querySelector('[data-slot=memory]').append(h('ul', { class: 'memories' }, memoryItem(shown, { linked: false })));
  root.querySelector('[data-list=links]').append(...links.map((link) => h('li', {},
    h('span', { class: 'badge muted' }, link.direction === 'outgoing' ? `${link.relation_type} →` : `← ${link.relation_type}`), ' ',
    h('a', { href: memoryHref(link.id) }, shortId(link.id)), ' ',
    h('span', { class: 'text' }, link.text))));
  root.querySelector('[data-empty]').hidden = links.length > 0;

  const edit = root.querySelector('[data-form=edit]');
  const current = { text: shown.text, memory_type: shown.memory_type, tags: (shown.tags ?? []).join(', ') };
  fillForm(edit, current);
  edit.addEventListener('submit', (event) => ui.run(async () => {
    event.preventDefault();
    const changes = {};
    if (edit.elements.text.value !== current.text) changes.text = edit.elements.text.value;
    if (edit.elements.memory_type.value !== current.memory_type) changes.memory_type = edit.elements.memory_type.value;
    const tags = edit.elements.tags.value.split(',').map((tag) => tag.trim()).filter(Boolean);
    if (tags.join(', ') !== current.tags) changes.tags = tags;
    if (Object.keys(changes).length === 0) {
      ui.status('Nothing to save: no field changed.');
      return;
    }
    await api.update(id, changes);
    ui.reload('Saved.');
  }));

  const linkForm = root.querySelector('[data-form=link]');
  linkForm.addEventListener('submit', (event) => ui.run(async () => {
    event.preventDefault();
    await api.link(id, linkForm.elements.related_id.value.trim(), linkForm.elements.relation_type.value);
    ui.reload('Linked.');
  }));

  root.querySelector('[data-action=delete]').addEventListener('click', () => ui.run(async () => {
    if (!confirm(`Delete this memory?\n\n${shown.text.slice(0, 200)}`)) return;
    await api.remove(id);
    ui.go('#/browse', 'Memory deleted.');
  }));
}

export async function overview(root, _route, _ui) {
  const counts = await api.overview();
  root.append(fromTemplate('overview-view'));
  root.querySelector('[data-slot=total]').textContent = `${counts.total} ${counts.total === 1 ? 'memory' : 'memories'} in all.`;
  root.querySelector('[data-slot=chart]').append(...chartOfDays(counts.by_day));
  for (const table of root.querySelectorAll('[data-table]')) {
    const rows = counts[table.dataset.table] ?? [];
    table.append(
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col', class: 'number' }, 'Memories'))),
      h('tbody', {}, rows.length
        ? rows.map(({ name, count }) => h('tr', {}, h('th', { scope: 'row' }, name ?? '(none)'), h('td', { class: 'number' }, String(count))))
        : h('tr', {}, h('td', { colspan: 2 }, 'None yet.'))));
  }
}

export async function exportView(root, _route, ui) {
  root.append(fromTemplate('export-view'));
  root.querySelector('[data-action=export]').addEventListener('click', () => ui.run(async () => {
    const response = await api.exportFile();
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'min-memory-export.jsonl';
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    h('a', { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    const lines = (await blob.text()).split('\n').filter((line) => line.trim()).length;
    ui.status(`Downloaded ${name}: ${lines} ${lines === 1 ? 'memory' : 'memories'}.`);
  }));
}
