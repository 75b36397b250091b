// The staff area in a real browser: login with password and TOTP code,
// the start page, the audit log, logout; every page checked with axe-core
// in Dutch and English, and the whole login working without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  expectNoViolations,
  logIn,
  preloadAxe,
  startStaffEnvironment,
} from './support.mjs';

const password = 'lange zin als wachtwoord';
// One account per login: a TOTP code is accepted once, so two logins of
// one account within the same 30 seconds would need to wait.
const accounts = {
  adminNl: { email: 'beheer-nl@example.org', name: 'Bea Beheer', roles: ['administrator'], password },
  adminEn: { email: 'admin-en@example.org', name: 'Alan Admin', roles: ['administrator', 'editor'], password },
  noScript: { email: 'zonder-js@example.org', name: 'Zeno Zonder', roles: ['administrator'], password },
  agent: { email: 'agent@example.org', name: 'Aga Agent', roles: ['agent'], password },
};

describe('staff area', { timeout: 300_000 }, () => {
  let env;
  let secrets;

  before(async () => {
    env = await startStaffEnvironment(accounts);
    secrets = env.secrets;
  });

  after(async () => {
    await env?.close();
  });

  test('an administrator logs in with password and code; every page passes axe (nl)', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await logIn(page, accounts.adminNl, secrets.adminNl, { check: true });
    assert.match(await page.locator('main').innerText(), /Welkom, Bea Beheer/);
    assert.match(await page.locator('main').innerText(), /Beheerder/);
    await expectNoViolations(page, 'nl-staff-home');

    await page.getByRole('link', { name: 'Auditlog' }).first().click();
    await page.waitForURL('**/medewerkers/auditlog');
    const log = await page.locator('table').innerText();
    assert.match(log, /staff:\d+\s+login/);
    await expectNoViolations(page, 'nl-audit-log');

    await page.locator('#audit-action').fill('login');
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.waitForURL(/verify=1/);
    assert.match(await page.locator('main').innerText(), /De keten is onveranderd/);
    await expectNoViolations(page, 'nl-audit-log-verified');

    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.kind, 'staff');
    assert.deepEqual(me.roles, ['administrator']);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/medewerkers\/inloggen\?uitgelogd=1/);
    assert.match(await page.locator('main').innerText(), /U bent uitgelogd/);
    const gone = await page.goto('/medewerkers');
    assert.match(gone.url(), /\/medewerkers\/inloggen/);
    await context.close();
  });

  test('the English staff pages pass axe, including a wrong password', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await page.goto('/en/staff/login');
    await page.locator('#staff-email').fill(accounts.adminEn.email);
    await page.locator('#staff-password').fill('not the password');
    await page.locator('#staff-password').press('Enter');
    await page.waitForLoadState();
    assert.match(await page.locator('[role="alert"]').innerText(), /password is wrong/);
    await expectNoViolations(page, 'en-staff-login-error');

    await logIn(page, accounts.adminEn, secrets.adminEn, { lang: 'en', check: true });
    assert.match(await page.locator('main').innerText(), /Welcome, Alan Admin/);
    await expectNoViolations(page, 'en-staff-home');
    await page.goto('/en/staff/audit-log?action=login_failed');
    assert.match(await page.locator('table').innerText(), /login_failed/);
    await expectNoViolations(page, 'en-audit-log');
    await context.close();
  });

  test('login and logout work without JavaScript', async () => {
    const context = await env.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, accounts.noScript, secrets.noScript);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/uitgelogd=1/);
    await context.close();
  });

  test('a staff member without the administrator role finds no audit log (404)', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await logIn(page, accounts.agent, secrets.agent);
    assert.match(await page.locator('main').innerText(), /Medewerker contactcentrum/);
    assert.equal(await page.getByRole('link', { name: 'Auditlog' }).count(), 0, 'no menu link');
    const response = await page.goto('/medewerkers/auditlog');
    assert.equal(response.status(), 404);
    await expectNoViolations(page, 'nl-staff-404');
    await context.close();
  });
});
