// Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core, for the web console's tests. Playwright
// cannot download browsers here, so the suite uses the system's; where it is missing the console tests say so and
// skip (.ci/run installs it).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { targetDir } from './server.js';

export const chromiumPath = process.env.MEMORY_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = join(targetDir, 'console-screenshots');

/** Why the browser tests cannot run on this machine, or undefined when they can. */
export const browserMissing = existsSync(chromiumPath)
  ? undefined
  : `${chromiumPath} is missing (apt-get install -y chromium): the web console's browser tests are skipped`;

// As root Chromium needs no sandbox; without the background-networking flags it keeps calling home on a closed
// network. Playwright gives each launch a new empty profile (--user-data-dir) of its own.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS });
}

/**
 * A page in a fresh context (no cookies, no storage) of `browser`, with what went wrong in it collected in `problems`:
 * uncaught errors, console errors of scripts, and failed requests other than the API's (whose refusals tests provoke
 * on purpose); `requests` lists every URL it requested.
 */
export async function openPage(browser, { viewport = { width: 1100, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('pageerror', (error) => page.problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) page.problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/console/api/')) {
      page.problems.push(`${response.status()} for ${response.url()}`);
    }
  });
  page.on('request', (request) => page.requests.push(request.url()));
  return page;
}

/** Saves a full-page screenshot as target/console-screenshots/<name>.png (a test artifact). */
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
