// The knowledge base's editor pages in a real browser: an editor writes an
// article, sees it on the public knowledge base, takes it offline again,
// and uploads a document through the form. Every editor page is checked
// with axe-core in Dutch and English, including a form with errors and an
// upload report; writing an article also works without JavaScript.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  expectNoViolations,
  logIn,
  preloadAxe,
  repoRoot,
  startStaffEnvironment,
} from './support.mjs';

const password = 'lange zin als wachtwoord';
// One account per login: a TOTP code is accepted once.
const accounts = {
  editorNl: { email: 'redactie-nl@example.org', name: 'Rita Redactie', roles: ['editor'], password },
  editorEn: { email: 'editor-en@example.org', name: 'Eddie Editor', roles: ['editor'], password },
  noScript: { email: 'zonder-js@example.org', name: 'Zeno Zonder', roles: ['editor'], password },
  agent: { email: 'agent@example.org', name: 'Aga Agent', roles: ['agent'], password },
};

const documentFile = path.join(repoRoot, 'data/documents/verslag-jaarverslag-bz-2020.txt');

describe('knowledge base editor', { timeout: 300_000 }, () => {
  let env;
  let secrets;

  before(async () => {
    env = await startStaffEnvironment(accounts);
    secrets = env.secrets;
  });

  after(async () => {
    await env?.close();
  });

  test('an editor writes an article, publishes it, takes it offline and uploads a document (nl)', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await logIn(page, accounts.editorNl, secrets.editorNl);

    await page.getByRole('link', { name: 'Kennisbank beheren' }).first().click();
    await page.waitForURL('**/medewerkers/kennisbank');
    const list = await page.locator('main').innerText();
    assert.match(list, /Artikelen van redacteuren/);
    assert.match(list, /Gepubliceerd/);
    await expectNoViolations(page, 'nl-editor-list');

    await page.getByRole('link', { name: 'Nieuw artikel schrijven' }).click();
    await page.waitForURL('**/medewerkers/kennisbank/nieuw');
    await expectNoViolations(page, 'nl-editor-new');

    // Sent without a title and with a wrong date: errors, values kept.
    await page.locator('#editor-body-nl').fill('Vraag een noodpaspoort aan bij de ambassade.');
    await page.locator('#editor-tags').fill('paspoort, kwijt');
    await page.locator('#editor-valid-until').fill('2099-12-31');
    await page.locator('#editor-id').fill('Geen geldige naam');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForLoadState();
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /Vul een Nederlandse titel in/);
    assert.match(await summary.innerText(), /kleine letters, cijfers en streepjes/);
    assert.equal(await page.locator('#editor-body-nl').inputValue(), 'Vraag een noodpaspoort aan bij de ambassade.');
    assert.equal(await page.locator('#editor-title-nl').getAttribute('aria-invalid'), 'true');
    await expectNoViolations(page, 'nl-editor-new-errors');
    await summary.getByRole('link', { name: /Nederlandse titel/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'editor-title-nl');

    await page.locator('#editor-id').fill('');
    await page.locator('#editor-title-nl').fill('Noodpaspoort bij verlies in het buitenland');
    await page.locator('#editor-title-en').fill('Emergency passport after a loss abroad');
    await page.locator('#editor-body-en').fill('Apply for an emergency passport at the embassy.');
    await page.locator('#editor-published').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/medewerkers\/kennisbank\?opgeslagen=noodpaspoort-bij-verlies-in-het-buitenland$/);
    assert.match(await page.locator('[role="status"]').innerText(), /Het artikel is opgeslagen/);
    await expectNoViolations(page, 'nl-editor-list-saved');

    // On the public knowledge base, in both languages.
    const publicPage = await context.newPage();
    await publicPage.goto('/kennisbank');
    assert.match(await publicPage.locator('main').innerText(), /Noodpaspoort bij verlies in het buitenland/);
    await publicPage.goto('/en/knowledge/noodpaspoort-bij-verlies-in-het-buitenland');
    assert.match(await publicPage.locator('h1').innerText(), /Emergency passport after a loss abroad/);

    // Offline from the edit page.
    await page.getByRole('link', { name: 'Noodpaspoort bij verlies in het buitenland' }).first().click();
    await page.waitForURL('**/medewerkers/kennisbank/noodpaspoort-bij-verlies-in-het-buitenland');
    assert.equal(await page.locator('#editor-title-nl').inputValue(), 'Noodpaspoort bij verlies in het buitenland');
    await expectNoViolations(page, 'nl-editor-edit');
    await page.locator('.editor-publication').getByRole('button', { name: 'Offline halen' }).click();
    await page.waitForURL(/offline=noodpaspoort/);
    assert.match(await page.locator('[role="status"]').innerText(), /staat niet meer op de website/);
    assert.match(await page.locator('.editor-facts').innerText(), /Niet gepubliceerd/);
    await expectNoViolations(page, 'nl-editor-edit-unpublished');
    await publicPage.goto('/kennisbank');
    assert.doesNotMatch(await publicPage.locator('main').innerText(), /Noodpaspoort bij verlies/);
    const gone = await publicPage.goto('/kennisbank/noodpaspoort-bij-verlies-in-het-buitenland');
    assert.equal(gone.status(), 404);

    // Upload: first a PDF (refused), then the text.
    await page.goto('/medewerkers/kennisbank/importeren');
    await expectNoViolations(page, 'nl-editor-import');
    await page.locator('#editor-file').setInputFiles({
      name: 'vragen.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /Dit is een PDF-bestand/);
    await expectNoViolations(page, 'nl-editor-import-pdf');

    await page.locator('#editor-file').setInputFiles({
      name: 'boodschappen.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Melk\nBrood\nKaas\n'),
    });
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /geen lijst met vragen en antwoorden/);
    await page.locator('details summary').click();
    assert.match(await page.locator('details').innerText(), /neither a list of questions/);
    await expectNoViolations(page, 'nl-editor-import-not-a-document');

    const started = Date.now();
    await page.locator('#editor-file').setInputFiles(documentFile);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.waitForLoadState();
    const took = Date.now() - started;
    const report = await page.locator('main').innerText();
    assert.match(report, /Het document is geïmporteerd/);
    assert.match(report, /Kamerstuk/);
    assert.match(report, /Bijgewerkt\s+\d+/, 'the server imported this document at start');
    console.log(`upload and import of ${path.basename(documentFile)} in the browser: ${took} ms`);
    await expectNoViolations(page, 'nl-editor-import-report');
    await page.getByRole('link', { name: 'Bekijk de artikelen' }).click();
    await page.waitForURL(/\/medewerkers\/kennisbank#doc-/);
    await context.close();
  });

  test('the English editor pages pass axe, with errors and a report', async () => {
    const context = await env.newContext();
    await preloadAxe(context);
    const page = await context.newPage();
    await logIn(page, accounts.editorEn, secrets.editorEn, { lang: 'en' });
    await page.goto('/en/staff/knowledge');
    assert.match(await page.locator('h1').innerText(), /Manage the knowledge base/);
    await expectNoViolations(page, 'en-editor-list');

    await page.getByRole('link', { name: 'Write a new article' }).click();
    await page.waitForURL('**/en/staff/knowledge/new');
    await expectNoViolations(page, 'en-editor-new');
    await page.locator('#editor-title-nl').fill('Stemmen vanuit het buitenland');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /Enter the Dutch text/);
    await expectNoViolations(page, 'en-editor-new-errors');
    await page.locator('#editor-body-nl').fill('Registreer u als kiezer in het buitenland.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/en\/staff\/knowledge\?saved=stemmen-vanuit-het-buitenland$/);
    assert.match(await page.locator('[role="status"]').innerText(), /The article has been saved/);
    assert.match(await page.locator('main').innerText(), /Not published/);

    await page.goto('/en/staff/knowledge/stemmen-vanuit-het-buitenland');
    await expectNoViolations(page, 'en-editor-edit');
    await page.locator('.editor-publication').getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/published=stemmen/);
    assert.match(await page.locator('.editor-facts').innerText(), /Published/);

    await page.goto('/en/staff/knowledge/import');
    await expectNoViolations(page, 'en-editor-import');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /Choose a file/);
    await expectNoViolations(page, 'en-editor-import-errors');
    await page.locator('#editor-file').setInputFiles({
      name: 'image.png',
      mimeType: 'text/plain',
      buffer: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /not plain text/);
    await page.locator('#editor-file').setInputFiles({
      name: 'kamerbrief-postennet-2018.txt',
      mimeType: 'text/plain',
      buffer: readFileSync(path.join(repoRoot, 'data/documents/kamerbrief-postennet-2018.txt')),
    });
    await page.locator('#editor-title').fill('Letter on the post network');
    await page.getByRole('button', { name: 'Import' }).click();
    await page.waitForLoadState();
    const report = await page.locator('main').innerText();
    assert.match(report, /The document has been imported/);
    assert.match(report, /Letter on the post network/);
    assert.match(report, /Letter or report/);
    await expectNoViolations(page, 'en-editor-import-report');
    await context.close();
  });

  test('writing an article works without JavaScript', async () => {
    const context = await env.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, accounts.noScript, secrets.noScript);
    await page.goto('/medewerkers/kennisbank/nieuw');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /Vul een Nederlandse titel in/);
    await page.locator('#editor-title-nl').fill('Rijbewijs omwisselen');
    await page.locator('#editor-body-nl').fill('Wissel uw rijbewijs om bij de RDW.');
    await page.locator('#editor-published').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/opgeslagen=rijbewijs-omwisselen$/);
    await page.goto('/kennisbank/rijbewijs-omwisselen');
    assert.match(await page.locator('h1').innerText(), /Rijbewijs omwisselen/);
    await context.close();
  });

  test('staff without the editor role find no editor pages (404)', async () => {
    const context = await env.newContext();
    const page = await context.newPage();
    await logIn(page, accounts.agent, secrets.agent);
    assert.equal(await page.getByRole('link', { name: 'Kennisbank beheren' }).count(), 0);
    for (const url of ['/medewerkers/kennisbank', '/medewerkers/kennisbank/nieuw', '/en/staff/knowledge/import']) {
      const response = await page.goto(url);
      assert.equal(response.status(), 404, url);
    }
    await context.close();
  });
});
