// The web console (/console/) in local mode, in headless Chromium: browse (newest first, pages, filters), search with
// scores, edit (and the tool's validation message), link, delete and export, each checked against what the MCP tools
// see. A screenshot of each page goes to target/console-screenshots/. Skipped, saying why, without /usr/bin/chromium.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { browserMissing, launchBrowser, openPage, screenshot } from '../lib/browser.js';
import { call, callError, connect } from '../lib/mcp.js';
import { sharedServer, unique } from '../lib/shared.js';

describe('the web console in local mode', { skip: browserMissing }, () => {
  const project = unique('console');
  const marker = `KVX${Date.now().toString(36).toUpperCase()}`;
  const stored = [];
  let server;
  let client;
  let browser;
  let page;

  const items = () => page.locator('li.memory');
  const textsShown = async () => page.locator('li.memory .text').allTextContents();
  // A full load each time (a new fragment alone would keep the page and its messages).
  const open = async (hash) => {
    await page.goto('about:blank');
    await page.goto(`${server.baseUrl}/console/${hash}`);
    await page.waitForSelector('body[data-ready]');
  };
  const alert = () => page.getByRole('alert');

  before(async () => {
    server = await sharedServer();
    client = await connect(server.url, { name: 'console-local' });
    // 23 memories: more than one page of 20. Every third is tagged, the last one carries the search marker.
    for (let i = 0; i < 23; i++) {
      const last = i === 22;
      stored.push(await call(client, 'store_memory', {
        text: last ? `The console search finds the deploy checklist ${marker} in the wiki.` : `Console note ${i}: the build step ${i} of ${project} takes ${i + 2} minutes.`,
        memory_type: i % 2 ? 'episodic' : 'project_context',
        scope: 'project',
        project,
        entity: i % 2 ? 'builds' : 'checklists',
        tags: i % 3 === 0 ? ['every-third'] : [],
      }));
    }
    browser = await launchBrowser();
    page = await openPage(browser);
  });

  after(async () => {
    await browser?.close();
    await client?.close();
  });

  test('Browse lists the newest memory first, 20 at a time, and Load more brings the rest', async () => {
    await open(`#/browse?project=${project}`);
    await page.getByRole('heading', { name: 'Memories' }).waitFor();
    assert.equal(await items().count(), 20);
    assert.equal(await items().first().getAttribute('data-id'), stored.at(-1).id, 'the newest first');
    await screenshot(page, 'browse');
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.memory').length === 23);
    assert.deepEqual(await items().evaluateAll((nodes) => nodes.map((n) => n.dataset.id)), stored.map((m) => m.id).reverse());
    assert.equal(await page.getByRole('button', { name: 'Load more' }).isHidden(), true);
    const first = items().first();
    assert.match(await first.locator('time').first().getAttribute('datetime'), /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(page.problems, []);
  });

  test('the filters narrow Browse by tag, type and entity, and submit with Enter', async () => {
    await open(`#/browse?project=${project}`);
    await page.getByLabel('Tag', { exact: true }).fill('every-third');
    await page.getByLabel('Type', { exact: true }).selectOption('episodic');
    await page.getByLabel('Entity', { exact: true }).fill('builds');
    await page.getByLabel('Entity', { exact: true }).press('Enter');
    await page.waitForURL(/tag=every-third/);
    await page.waitForFunction(() => document.querySelectorAll('li.memory').length < 20);
    const expected = stored.filter((m, i) => i % 3 === 0 && i % 2 === 1).map((m) => m.id).reverse();
    assert.deepEqual(await items().evaluateAll((nodes) => nodes.map((n) => n.dataset.id)), expected);
    await screenshot(page, 'browse-filtered');
    assert.deepEqual(page.problems, []);
  });

  test('Search shows the hybrid search hits with their relevance and similarity', async () => {
    await open('#/search');
    await page.getByLabel('Query', { exact: true }).fill(`deploy checklist ${marker}`);
    await page.getByLabel('Project', { exact: true }).fill(project);
    await page.getByLabel('Query', { exact: true }).press('Enter');
    await page.locator('li.memory .scores').first().waitFor();
    assert.equal(await items().first().getAttribute('data-id'), stored.at(-1).id);
    const [relevance, similarity] = (await items().first().locator('.scores data').evaluateAll((nodes) => nodes.map((n) => Number(n.value))));
    assert.ok(relevance > 0 && relevance <= 1, `relevance ${relevance}`);
    assert.ok(similarity > 0 && similarity <= 1, `similarity ${similarity}`);
    await screenshot(page, 'search');
    assert.deepEqual(page.problems, []);
  });

  test('Edit shows the tool\'s validation message verbatim, then saves text, type and tags', async () => {
    const target = stored[21];
    await open(`#/browse?project=${project}`);
    await page.locator(`li.memory[data-id="${target.id}"] h2 a`).click();
    await page.getByRole('heading', { name: 'Memory', exact: true }).waitFor();
    await page.getByLabel('Text', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await alert().waitFor();
    const refusal = await fetch(`${server.baseUrl}/console/api/memories/${target.id}`, {
      method: 'PATCH', headers: { 'Content-Type': 'application/json', Origin: server.baseUrl }, body: JSON.stringify({ text: '' }),
    });
    assert.equal(refusal.status, 400);
    assert.equal(await alert().textContent(), (await refusal.json()).error);

    const text = `Console note 21, corrected: the build step of ${project} takes 90 seconds.`;
    await page.getByLabel('Text', { exact: true }).fill(text);
    await page.getByLabel('Type', { exact: true }).selectOption('episodic');
    await page.getByRole('textbox', { name: 'Tags' }).fill('corrected, build');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    assert.equal(await page.locator('li.memory .text').textContent(), text);
    assert.equal(await alert().isHidden(), true);
    await screenshot(page, 'memory');
    const fetched = await call(client, 'fetch', { id: target.id });
    assert.ok(JSON.stringify(fetched).includes(text), JSON.stringify(fetched));
    assert.ok(JSON.stringify(fetched).includes('corrected'), JSON.stringify(fetched));
    assert.deepEqual(page.problems, []);
  });

  test('Link joins two memories, and each shows the link from its own end', async () => {
    const [from, to] = [stored[1], stored[2]];
    await open(`#/memory/${from.id}`);
    await page.getByLabel('Memory id', { exact: true }).fill(to.id);
    await page.getByLabel('Relation', { exact: true }).selectOption('depends_on');
    await page.getByLabel('Memory id', { exact: true }).press('Enter');
    await page.getByRole('status').getByText('Linked.').waitFor();
    assert.match(await page.locator('ul.links').textContent(), /depends_on →/);
    await page.locator('ul.links a').first().click();
    await page.locator(`[data-slot=memory] li.memory[data-id="${to.id}"]`).waitFor();
    assert.match(await page.locator('ul.links').textContent(), /← depends_on/);
    assert.match(await page.locator('ul.links').textContent(), /Console note 1:/);
    await screenshot(page, 'memory-links');
    assert.deepEqual(page.problems, []);
  });

  test('Delete asks first, then the memory is gone from Browse and from the tools', async () => {
    const target = stored[3];
    await open(`#/memory/${target.id}`);
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.getByRole('button', { name: 'Delete this memory' }).click();
    assert.equal(await page.getByRole('heading', { name: 'Memory', exact: true }).isVisible(), true, 'dismissing keeps it');

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete this memory' }).click();
    await page.getByRole('status').getByText('Memory deleted.').waitFor();
    await page.waitForURL(/#\/browse$/);
    await open(`#/browse?project=${project}`);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.memory').length === 22);
    assert.equal(await page.locator(`li.memory[data-id="${target.id}"]`).count(), 0);
    await callError(client, 'fetch', { id: target.id });
    assert.deepEqual(page.problems, []);
  });

  test('Overview counts per project, type and entity and draws memories per day', async () => {
    await open('#/overview');
    await page.locator('figure svg rect').first().waitFor();
    const projectRow = page.locator('table[data-table=by_project] tr', { hasText: project });
    assert.equal(await projectRow.locator('td').textContent(), '22');
    assert.ok(await page.locator('table[data-table=by_entity] tr', { hasText: 'builds' }).count() > 0);
    assert.ok(await page.locator('table[data-table=by_type] tr', { hasText: 'episodic' }).count() > 0);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(await page.locator(`figure svg rect[data-day="${today}"]`).count(), 1);
    await screenshot(page, 'overview');
    assert.deepEqual(page.problems, []);
  });

  test('Export downloads the memories as JSON Lines in the export format', async () => {
    await open('#/export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download export' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'min-memory-export.jsonl');
    const lines = (await readFile(await download.path(), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));
    assert.ok(lines.every((line) => line.format === 'min-memory/1' && line.memory && line.vector?.length === 384), 'every line is an export record');
    const exported = new Map(lines.map((line) => [line.memory.id, line.memory]));
    for (const memory of stored.filter((_, i) => i !== 3)) assert.ok(exported.has(memory.id), `${memory.id} is not in the export`);
    assert.ok(JSON.stringify(exported.get(stored[21].id)).includes('corrected'), 'the export has the edited text');
    await page.getByRole('status').getByText(/Downloaded min-memory-export\.jsonl/).waitFor();
    await screenshot(page, 'export');
    assert.deepEqual(page.problems, []);
  });

  test('on a phone-sized screen the views are reached with the keyboard alone', async () => {
    const phone = await openPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${server.baseUrl}/console/#/browse?project=${project}`);
      await phone.waitForSelector('li.memory');
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no horizontal scrolling');
      await phone.getByRole('link', { name: 'Search' }).focus();
      await phone.keyboard.press('Enter');
      await phone.getByLabel('Query', { exact: true }).waitFor();
      await phone.keyboard.press('Tab');
      assert.equal(await phone.evaluate(() => document.activeElement?.name), 'query', 'Tab from the heading reaches the query');
      await phone.keyboard.type(marker);
      await phone.keyboard.press('Enter');
      await phone.locator('li.memory .scores').first().waitFor();
      await screenshot(phone, 'phone-search');
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.context().close();
    }
  });
});
