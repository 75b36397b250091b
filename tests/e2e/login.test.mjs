// Logging in on the public site in a real browser: citizens through the
// development provider Test-DigiD (the real OpenID Connect relying-party
// code over HTTP), visa applicants with an e-mail account (register,
// confirm by the e-mailed link, password, one-time login link). Every page
// on the way is checked with axe-core, in Dutch and English, and the
// flows work without JavaScript.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  expectNoViolations,
  preloadAxe,
  readMails,
  startEnvironment,
} from './support.mjs';

// The link in the newest e-mail to `to` whose subject matches.
function linkFromMail(dataDir, to, subject) {
  const mails = readMails(dataDir).filter((m) => m.to === to && subject.test(m.subject));
  assert.ok(mails.length > 0, `no e-mail to ${to} matching ${subject}`);
  const m = mails[mails.length - 1].text.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+/);
  assert.ok(m, `no link in the e-mail:\n${mails[mails.length - 1].text}`);
  return new URL(m[0]);
}

describe('public login', { timeout: 300_000 }, () => {
  let env;

  before(async () => {
    env = await startEnvironment({ args: ['--demo'] });
  });

  after(async () => {
    await env?.close();
  });

  test('a citizen logs in with Test-DigiD and sees their own overview (nl)', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await page.goto('/mijn-loket');
    await page.waitForURL(/\/inloggen\?next=/);
    await expectNoViolations(page, 'nl-login-choice');

    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await page.waitForURL(/\/dev-idp\/authorize\?/);
    assert.match(await page.locator('body').innerText(), /geen echte DigiD/i);
    await expectNoViolations(page, 'nl-test-digid');

    await page.getByRole('button', { name: /Anna de Boer/ }).click();
    await page.waitForURL('**/mijn-loket');
    const main = await page.locator('main').innerText();
    assert.match(main, /Welkom, Anna de Boer/);
    assert.match(main, /999990019/);
    assert.match(main, /U heeft nog geen aanvragen/);
    await expectNoViolations(page, 'nl-my-loket-citizen');

    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.kind, 'citizen');
    assert.equal(me.bsn, '999990019');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen\?uitgelogd=1/);
    assert.match(await page.locator('main').innerText(), /U bent uitgelogd/);
    await expectNoViolations(page, 'nl-logged-out');
    const status = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    assert.equal(status, 401);
    await context.close();
  });

  test('the English login pages and the cancelled login pass axe', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await page.goto('/en/login');
    await expectNoViolations(page, 'en-login-choice');
    await page.getByRole('link', { name: 'Log in with DigiD' }).click();
    await page.waitForURL(/ui_locales=en/);
    await expectNoViolations(page, 'en-test-digid');
    await page.getByRole('button', { name: /Cancel/i }).click();
    await page.waitForURL(/\/inloggen\/digid\/terug\?error=access_denied/);
    assert.match(await page.locator('h1').innerText(), /cancelled/);
    await expectNoViolations(page, 'en-login-cancelled');

    await page.goto('/en/login/digid');
    await page.getByRole('button', { name: /Sanne Jansen/ }).click();
    await page.waitForURL('**/en/my-loket');
    assert.match(await page.locator('main').innerText(), /Welcome, Sanne Jansen/);
    await expectNoViolations(page, 'en-my-loket-citizen');
    await context.close();
  });

  test('a citizen logs in and out without JavaScript', async () => {
    const context = await env.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await page.getByRole('button', { name: /Pieter van den Berg/ }).click();
    await page.waitForURL('**/mijn-loket');
    assert.match(await page.locator('main').innerText(), /Pieter van den Berg/);
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/uitgelogd=1/);
    await context.close();
  });

  test('a visa applicant registers, confirms the address, and logs in (en)', async () => {
    const email = 'maria.garcia@example.com';
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await page.goto('/en/visa/account/register');
    await expectNoViolations(page, 'en-register');

    await page.locator('#register-email').fill(email);
    await page.locator('#register-password').fill('a long passphrase');
    await page.locator('#register-password-again').fill('another passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('[role="alert"]').innerText(), /not the same/);
    await expectNoViolations(page, 'en-register-errors');

    await page.locator('#register-password').fill('a long passphrase');
    await page.locator('#register-password-again').fill('a long passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('h1').innerText(), /Check your email/);
    await expectNoViolations(page, 'en-register-sent');

    const link = linkFromMail(env.server.dataDir, email, /confirm/i);
    assert.equal(link.pathname, '/en/visa/account/verify');
    await page.goto(link.pathname + link.search);
    await expectNoViolations(page, 'en-verify');
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await page.waitForURL('**/en/my-loket');
    assert.match(await page.locator('main').innerText(), /no visa applications yet/);
    await expectNoViolations(page, 'en-my-loket-applicant');

    // The link works once.
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: 'Confirm email address' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('h1').innerText(), /does not work/);
    await expectNoViolations(page, 'en-link-invalid');

    await page.goto('/en/visa/account/login');
    await expectNoViolations(page, 'en-applicant-login');
    await page.locator('#applicant-email').fill(email);
    await page.locator('#applicant-password').fill('a long passphrase');
    await page.locator('#applicant-password').press('Enter');
    await page.waitForURL('**/en/my-loket');
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    assert.equal(me.kind, 'applicant');
    assert.equal(me.email, email);
    await context.close();
  });

  test('a visa applicant logs in with a one-time link, without JavaScript (nl)', async () => {
    const email = 'li.wei@example.com';
    const context = await env.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/visum/account/registreren');
    await page.locator('#register-email').fill(email);
    await page.locator('#register-password').fill('mijn lange wachtzin');
    await page.locator('#register-password-again').fill('mijn lange wachtzin');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    const verify = linkFromMail(env.server.dataDir, email, /Bevestig/);
    await page.goto(verify.pathname + verify.search);
    await page.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
    await page.waitForURL('**/mijn-loket');
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await page.goto('/visum/account/inloggen');
    await page.locator('#link-email').fill(email);
    await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
    assert.match(await page.locator('h1').innerText(), /Kijk in uw e-mail/);
    const login = linkFromMail(env.server.dataDir, email, /inlog/i);
    assert.equal(login.pathname, '/visum/account/inloggen/link');
    await page.goto(login.pathname + login.search);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/mijn-loket');
    assert.match(await page.locator('main').innerText(), new RegExp(email.replace('.', '\\.')));
    await context.close();
  });

  test('the Dutch applicant pages pass axe, including a wrong password', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await page.goto('/visum/account/registreren');
    await expectNoViolations(page, 'nl-register');
    await page.goto('/visum/account/inloggen');
    await page.locator('#applicant-email').fill('niemand@example.com');
    await page.locator('#applicant-password').fill('verkeerd wachtwoord');
    await page.locator('#applicant-password').press('Enter');
    await page.waitForLoadState();
    assert.match(await page.locator('[role="alert"]').innerText(), /klopt niet/);
    await expectNoViolations(page, 'nl-applicant-login-error');
    await page.goto('/visum/account/inloggen/link?token=onzin');
    await expectNoViolations(page, 'nl-login-link');
    await context.close();
  });
});
