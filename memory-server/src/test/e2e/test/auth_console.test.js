// The web console in auth mode, in headless Chromium: a person signs in through the authorization server
// (authorization code + PKCE S256 as a public client, with the server as the token's resource), sees only their own
// memories, gets "not found" for another user's memory, and signs out. No token ever appears in a URL.
// Skipped, saying why, without /usr/bin/chromium.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sharedAuthServer } from '../lib/auth-shared.js';
import { browserMissing, launchBrowser, openPage, screenshot } from '../lib/browser.js';
import { call, connect } from '../lib/mcp.js';
import { jwtClaims, obtainToken } from '../lib/oauth-client.js';
import { unique } from '../lib/shared.js';

describe('the web console in auth mode', { skip: browserMissing }, () => {
  // The same project name for both users: names are per user.
  const project = unique('console-auth');
  const subjects = { alice: unique('alice'), bob: unique('bob') };
  const ids = {};
  let server;
  let browser;
  let page;
  const clients = [];

  const connectAs = async (user) => {
    const token = await obtainToken({ issuer: server.issuer, resource: server.resource, user });
    const client = await connect(server.url, { headers: { Authorization: `Bearer ${token}` }, name: `console-${user}` });
    clients.push(client);
    return client;
  };
  const storedToken = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('min-memory.console.token') ?? 'null'));
  // A full load each time (a new fragment alone would keep the page and its messages).
  const open = async (hash) => {
    await page.goto('about:blank');
    await page.goto(`${server.consoleUrl}${hash}`);
    await page.waitForSelector('body[data-ready]');
  };

  before(async () => {
    server = await sharedAuthServer();
    const [alice, bob] = await Promise.all([connectAs(subjects.alice), connectAs(subjects.bob)]);
    ids.alice = (await call(alice, 'store_memory', { text: `Alice's console memory: the garden gate code is on the fridge.`,
      memory_type: 'core_identity', scope: 'project', project, entity: 'home' })).id;
    ids.bob = (await call(bob, 'store_memory', { text: `Bob's console memory: the boat key is under the blue bucket.`,
      memory_type: 'core_identity', scope: 'project', project, entity: 'home' })).id;
    browser = await launchBrowser();
    page = await openPage(browser);
    // Plays the person choosing an account on the authorization server's login page (its test login takes the
    // account from login_hint).
    await page.route(`${server.issuer}/auth?**`, (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('login_hint', subjects.alice);
      return route.continue({ url: url.href });
    });
  });

  after(async () => {
    await browser?.close();
    await Promise.all(clients.map((client) => client.close()));
  });

  test('signing in uses the authorization code with PKCE for the server as resource, and leaves no code in the address', async () => {
    await open(`#/browse?project=${project}`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${subjects.alice}`).waitFor();
    await page.locator('li.memory').first().waitFor();

    const authorization = new URL(page.requests.find((url) => url.startsWith(`${server.issuer}/auth?`)));
    assert.equal(authorization.searchParams.get('response_type'), 'code');
    assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(authorization.searchParams.get('resource'), server.resource);
    assert.equal(authorization.searchParams.get('redirect_uri'), server.consoleUrl);
    assert.equal(page.url(), `${server.consoleUrl}#/browse?project=${project}`, 'code and state are gone from the address');

    const token = await storedToken();
    assert.equal(jwtClaims(token.accessToken).aud, server.resource);
    assert.equal(jwtClaims(token.accessToken).sub, subjects.alice);
    for (const url of page.requests) assert.ok(!url.includes(token.accessToken), `the token is in a URL: ${url}`);
    assert.equal(await page.evaluate(() => document.cookie), '', 'no cookie of the memory server holds it');
    assert.deepEqual(page.problems, []);
  });

  test("Browse shows the user's own memories and not another user's with the same project name", async () => {
    await open(`#/browse?project=${project}`);
    await page.locator('li.memory').first().waitFor();
    assert.deepEqual(await page.locator('li.memory').evaluateAll((nodes) => nodes.map((n) => n.dataset.id)), [ids.alice]);
    await open(`#/search?query=${encodeURIComponent('boat key blue bucket')}&project=${project}`);
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-empty]')?.hidden === false || document.querySelectorAll('li.memory').length > 0);
    assert.equal(await page.locator(`li.memory[data-id="${ids.bob}"]`).count(), 0);
    await open(`#/browse?project=${project}`);
    await page.locator('li.memory').first().waitFor();
    await screenshot(page, 'auth-browse');
    assert.deepEqual(page.problems, []);
  });

  test("another user's memory id is answered exactly like an id that does not exist", async () => {
    const errorFor = async (id) => {
      await open(`#/memory/${id}`);
      await page.getByRole('alert').waitFor();
      return (await page.getByRole('alert').textContent()).replaceAll(id, '<id>');
    };
    const foreign = await errorFor(ids.bob);
    assert.ok(foreign.length > 0);
    assert.equal(foreign, await errorFor(randomUUID()));
    assert.equal(await page.getByText('boat key').count(), 0);
    await screenshot(page, 'auth-not-found');
    assert.deepEqual(page.problems, []);
  });

  test('signing out forgets the token and shows the sign-in page', async () => {
    await open('#/overview');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.equal(await storedToken(), null);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.deepEqual(page.problems, []);
  });
});
