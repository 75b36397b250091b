// Shared helpers for the browser tests: starts the real loket binary on a
// free port with a throw-away data directory, launches Debian's Chromium
// through playwright-core, and runs axe-core. Each test file gets its own
// server and browser (hermetic: no test depends on another file's state).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const loketBin = path.resolve(repoRoot, process.env.LOKET_BIN || 'build/dev/src/app/loket');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// The WCAG 2.1 A/AA rule set the design requires (section 6 of DESIGN.md).
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Creates a staff account in `dataDir` with `loket staff add` and returns
 * its TOTP secret (base32).
 */
export function addStaff(dataDir, { email, name, roles, post, password }) {
  const args = ['staff', 'add', '--data-dir', dataDir, '--email', email, '--name', name];
  for (const role of roles) args.push('--role', role);
  if (post) args.push('--post', post);
  const run = spawnSync(loketBin, args, { cwd: repoRoot, input: `${password}\n`, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loket staff add failed: ${run.stderr}`);
  const m = run.stdout.match(/secret: ([A-Z2-7]+)/);
  if (!m) throw new Error(`no TOTP secret in the output of loket staff add:\n${run.stdout}`);
  return m[1];
}

/**
 * Imports documents (paths from the repository root) into `dataDir` with
 * `loket import-document`; a running server picks them up.
 */
export function importDocuments(dataDir, files) {
  const args = ['import-document', '--data-dir', dataDir, ...files.map((f) => path.join(repoRoot, f))];
  const run = spawnSync(loketBin, args, { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loket import-document failed: ${run.stdout}${run.stderr}`);
}

/** The RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 secret at `time`. */
export function totpCode(secret, time = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.alloc(Math.floor(bits.length / 8));
  for (let i = 0; i < key.length; i++) key[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 30_000)));
  const hash = createHmac('sha1', key).update(counter).digest();
  const offset = hash[hash.length - 1] & 15;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * The e-mails the server wrote to DATA_DIR/mail (the embedded default
 * without SMTP), oldest first, as { to, subject, text } with the
 * quoted-printable body decoded.
 */
export function readMails(dataDir) {
  const dir = path.join(dataDir, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const raw = readFileSync(path.join(dir, f), 'latin1');
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.slice(0, split);
      const header = (name) => (head.match(new RegExp(`^${name}: (.*)$`, 'mi')) || [])[1] || '';
      const body = raw
        .slice(split + 4)
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return { to: header('To'), subject: header('Subject'), text: Buffer.from(body, 'latin1').toString('utf8') };
    });
}

/**
 * Starts `loket serve --port 0` with a fresh data directory and resolves to
 * { url, dataDir, stop } once the server prints its address. `prepare`
 * runs on the data directory first (e.g. addStaff); `args` are added to
 * the command line. stop() kills the server and removes the data directory.
 */
export async function startServer({ timeoutMs = 30_000, args = [], prepare } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'loket-e2e-'));
  const prepared = prepare ? prepare(dataDir) : undefined;
  const child = spawn(loketBin, ['serve', '--data-dir', dataDir, '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
  });

  const cleanupDir = () => rmSync(dataDir, { recursive: true, force: true });
  let exited = false;
  // 'error' without 'exit' when the binary cannot be started at all.
  const exitedPromise = new Promise((resolve) => {
    const done = () => {
      exited = true;
      resolve();
    };
    child.once('exit', done);
    child.once('error', done);
  });

  let url;
  try {
    url = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(
        () => reject(new Error(`loket did not start within ${timeoutMs} ms\n${stderr}`)),
        timeoutMs,
      );
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const m = stdout.match(/running at (http:\/\/[^\s/]+)\/?/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot start ${loketBin}: ${err.message}`));
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`loket exited early (code ${code}, signal ${signal})\n${stderr}`));
      });
    });
  } catch (err) {
    if (!exited) child.kill('SIGKILL');
    await exitedPromise;
    cleanupDir();
    throw err;
  }
  // Keep draining stdout so the server never blocks on a full pipe.
  child.stdout.resume();
  // Never leave a server behind if this process ends without calling stop().
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  async function stop() {
    process.off('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 5_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    cleanupDir();
  }
  return { url, dataDir, prepared, stop, stderr: () => stderr };
}

/** Launches headless Debian Chromium (Playwright uses a fresh profile). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
    timeout: 30_000,
  });
}

/**
 * Starts a server and a browser for one test file. Call from before();
 * call env.close() from after().
 */
export async function startEnvironment(serverOptions = {}) {
  const server = await startServer(serverOptions);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (err) {
    await server.stop();
    throw err;
  }
  return {
    url: server.url,
    browser,
    server,
    async newContext(options = {}) {
      const context = await browser.newContext({ baseURL: server.url, ...options });
      context.setDefaultTimeout(10_000);
      context.setDefaultNavigationTimeout(15_000);
      return context;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/**
 * Starts a server whose data directory has the given staff accounts
 * (`{ key: { email, name, roles, password } }`) and a browser; resolves to
 * the environment of startEnvironment() with `secrets`: each account's TOTP
 * secret under its key.
 */
export async function startStaffEnvironment(accounts, serverOptions = {}) {
  const env = await startEnvironment({
    ...serverOptions,
    prepare: (dataDir) =>
      Object.fromEntries(Object.entries(accounts).map(([key, a]) => [key, addStaff(dataDir, a)])),
  });
  env.secrets = env.server.prepared;
  return env;
}

// The minified axe-core build: the same rules as the default (unminified)
// source AxeBuilder injects, at less than half the size.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Contexts whose pages get axe-core as an init script, see preloadAxe().
const axePreloaded = new WeakSet();

/**
 * Makes every page of the context load axe-core when a document is created,
 * so AxeBuilder need not send and compile the 650 kB source twice for every
 * check (it evaluates its source once in analyze() and again while
 * injecting). That roughly halves the time per page on a busy machine. If
 * the preload ever failed, analyze() throws ("axe is not defined"): no
 * check can pass vacuously.
 */
export async function preloadAxe(context) {
  await context.addInitScript({ content: axeSource });
  axePreloaded.add(context);
}

/**
 * Runs axe-core through AxeBuilder with the WCAG 2.1 A/AA tags on the
 * current page and returns the violations. Legacy mode runs axe.run() in
 * the page itself instead of finishing the run in an extra blank page; it
 * only skips cross-origin frames, and our pages have no frames at all. No
 * rule is disabled.
 */
export async function axeViolations(page) {
  const source = axePreloaded.has(page.context()) ? 'void 0' : axeSource;
  const results = await new AxeBuilder({ page, axeSource: source })
    .withTags(axeTags)
    .setLegacyMode(true)
    .analyze();
  return results.violations;
}

/** Formats axe violations for a readable assertion message. */
export function formatViolations(violations, label = '') {
  const lines = [];
  for (const v of violations) {
    lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    at ${node.target.join(' ')}`);
      lines.push(`      ${node.html.slice(0, 200)}`);
      if (node.failureSummary) {
        lines.push(...node.failureSummary.split('\n').map((l) => `      ${l}`));
      }
    }
    if (v.nodes.length > 5) lines.push(`    ... and ${v.nodes.length - 5} more elements`);
  }
  return `${label ? label + ': ' : ''}${violations.length} axe violation(s)\n${lines.join('\n')}`;
}

/**
 * Saves a full-page screenshot when E2E_SCREENSHOTS=DIR is set; does
 * nothing otherwise.
 */
export async function maybeScreenshot(page, name) {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^a-zA-Z0-9_-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/**
 * Asserts that the current page has no axe violations (WCAG 2.1 A/AA),
 * listing them if it has; `label` names the page in the message and the
 * screenshot (see maybeScreenshot).
 */
export async function expectNoViolations(page, label) {
  await maybeScreenshot(page, label);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, label));
}

/**
 * Logs a staff member in through the forms with the keyboard only (Enter
 * submits): e-mail and password, then the TOTP code of `secret` (from
 * addStaff); resolves on the staff start page. `account` is { email,
 * password }; `lang` 'nl' or 'en' picks the pages; `check` runs
 * expectNoViolations on both forms (labels `${lang}-staff-login` and
 * `${lang}-staff-code`).
 */
export async function logIn(page, account, secret, { lang = 'nl', check = false } = {}) {
  const base = lang === 'nl' ? '/medewerkers/inloggen' : '/en/staff/login';
  await page.goto(base);
  if (check) await expectNoViolations(page, `${lang}-staff-login`);
  await page.locator('#staff-email').fill(account.email);
  await page.locator('#staff-password').fill(account.password);
  await page.locator('#staff-password').press('Enter');
  await page.waitForURL(`**${base}/code`);
  if (check) await expectNoViolations(page, `${lang}-staff-code`);
  await page.locator('#staff-code').fill(totpCode(secret));
  await page.locator('#staff-code').press('Enter');
  await page.waitForURL(lang === 'nl' ? '**/medewerkers' : '**/en/staff');
}

/** Describes the focused element (tag, text, href, id) for assertions. */
export async function focusedElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      text: (el.textContent || '').trim(),
      href: el.getAttribute('href'),
      name: el.getAttribute('name'),
      className: typeof el.className === 'string' ? el.className : '',
    };
  });
}
