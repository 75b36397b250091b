// axe-core (WCAG 2.0/2.1 A and AA) reports zero violations on every page
// type, in Dutch and in English. No rule is disabled.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  axeViolations,
  formatViolations,
  importDocuments,
  maybeScreenshot,
  preloadAxe,
  startEnvironment,
} from './support.mjs';

// Every page type in both languages, plus the variants with different
// markup (pagination, a corrected query, a country without posts, ...) in
// one language each to keep the suite fast; the templates are shared.
// [name, path, expected status, a selector that proves the page is the
// variant we mean to check]
const pages = [
  ['nl-home', '/', 200, '.card-grid'],
  ['nl-search-results', '/zoeken?q=paspoort', 200, '.result-list .result'],
  ['nl-search-facets', '/zoeken?q=paspoort&soort=service&organisatie=bz&levensgebeurtenis=reizen-buitenland', 200, 'input[name="organisatie"][value="bz"]:checked'],
  ['nl-search-no-results', '/zoeken?q=xyzzyqq', 200, '#results-count'],
  ['nl-search-did-you-mean', '/zoeken?q=paspoort%20verlengn', 200, '.suggestion a'],
  ['nl-search-corrected', '/zoeken?q=paspport', 200, '.suggestion strong'],
  ['nl-search-page-2', '/zoeken?q=paspoort&pagina=2', 200, '.pagination a[rel="prev"]'],
  ['nl-services', '/diensten', 200, '.link-list'],
  ['nl-service', '/diensten/paspoort-aanvragen-buitenland', 200, '#where-country'],
  ['nl-service-country', '/diensten/paspoort-aanvragen-buitenland?land=DE', 200, '.where .link-list a'],
  ['nl-life-event', '/levensgebeurtenissen/emigreren', 200, '.checklist'],
  ['nl-countries', '/landen', 200, '.country-index'],
  ['nl-country', '/landen/DE', 200, '.link-list a'],
  ['nl-country-no-posts', '/landen/AQ', 200, 'main h2 + p'],
  ['nl-post', '/posten/ambassade-berlijn', 200, 'table.hours'],
  ['nl-404', '/bestaat-niet', 404, '#error-search-q'],
  ['nl-knowledge', '/kennisbank', 200, '.knowledge-documents a'],
  ['nl-knowledge-document', '/kennisbank/documenten/35-925-v-nr-84', 200, '.knowledge-document h2 + ol a'],
  ['nl-knowledge-question', '/kennisbank/35-830-v-nr-8-12', 200, '#answer-heading'],
  ['nl-knowledge-referred', '/kennisbank/35-830-v-nr-8-18', 200, '.knowledge-referred a'],
  ['nl-knowledge-passage', '/kennisbank/35-925-v-nr-84-p20', 200, '.knowledge-article .knowledge-text'],
  ['nl-knowledge-list', '/kennisbank/32-734-nr-32-p31', 200, '.knowledge-article ul li'],
  ['nl-knowledge-table', '/kennisbank/36-600-v-nr-17-1', 200, '.knowledge-table th[scope="col"]'],
  ['nl-search-knowledge', '/zoeken?q=digid+videogesprek&soort=knowledge', 200, '.result-list .result'],

  ['en-home', '/en', 200, '.card-grid'],
  ['en-search-empty-query', '/en/search', 200, 'h1'],
  ['en-search-results', '/en/search?q=passport', 200, '.result-list .result'],
  ['en-search-facets', '/en/search?q=passport&type=service&organisation=bz&life-event=reizen-buitenland', 200, 'input[name="organisation"][value="bz"]:checked'],
  ['en-search-no-results', '/en/search?q=xyzzyqq', 200, '#results-count'],
  ['en-search-did-you-mean', '/en/search?q=passport%20renewl', 200, '.suggestion a'],
  ['en-services', '/en/services', 200, '.link-list'],
  ['en-service', '/en/services/paspoort-aanvragen-buitenland', 200, '#where-country'],
  ['en-service-country', '/en/services/paspoort-aanvragen-buitenland?country=DE', 200, '.where .link-list a'],
  ['en-service-country-none', '/en/services/paspoort-aanvragen-buitenland?country=AQ', 200, '.where [role="status"]'],
  ['en-life-event', '/en/life-events/emigreren', 200, '.checklist'],
  ['en-countries', '/en/countries', 200, '.country-index'],
  ['en-country', '/en/countries/DE', 200, '.link-list a'],
  ['en-post', '/en/posts/ambassade-berlijn', 200, 'table.hours'],
  ['en-post-no-counter', '/en/posts/pv-eu-brussel', 200, '#services-heading + p'],
  ['en-404', '/en/does-not-exist', 404, '#error-search-q'],
  ['en-knowledge', '/en/knowledge', 200, '.knowledge-documents a'],
  ['en-knowledge-document', '/en/knowledge/documents/35-830-v-nr-8', 200, '.knowledge-list--questions a'],
  ['en-knowledge-question', '/en/knowledge/35-830-v-nr-8-12', 200, '.notice'],
  ['en-knowledge-referred', '/en/knowledge/35-830-v-nr-8-18', 200, '.knowledge-referred a'],
  ['en-knowledge-table', '/en/knowledge/36-600-v-nr-17-1', 200, '.knowledge-table td'],
];

// One page, reused, with axe-core preloaded: axe runs about twice as fast in
// a warm renderer as in a new page per check. Pages are checked one after
// the other (in parallel they only compete for the same CPUs).
describe('accessibility: axe-core WCAG 2.1 AA', { timeout: 300_000 }, () => {
  let env;
  let context;
  let page;

  before(async () => {
    env = await startEnvironment();
    // A list of questions with a table in an answer, next to the shipped
    // documents.
    importDocuments(env.server.dataDir, ['src/knowledge/testdata/lijst-tabel-met-paginaverwijzingen.txt']);
    context = await env.newContext();
    await preloadAxe(context);
    page = await context.newPage();
    for (let i = 0; i < 100 && (await page.goto('/kennisbank/36-600-v-nr-17-1')).status() !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    await context?.close();
    await env?.close();
  });

  // Guards the harness itself: if axe were not injected or the tags matched
  // nothing, every page below would pass vacuously.
  test('the axe harness reports a deliberately broken element', { timeout: 30_000 }, async () => {
    await page.goto('/');
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/static/img/favicon.svg';
      document.querySelector('main').append(img);
    });
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), ['image-alt']);
    assert.match(formatViolations(violations, '/'), /image-alt/);
  });

  for (const [name, path, status, marker] of pages) {
    test(`${name} (${path}) has no axe violations`, { timeout: 30_000 }, async () => {
      const response = await page.goto(path);
      assert.equal(response.status(), status, `HTTP status of ${path}`);
      const lang = name.startsWith('en-') ? 'en' : 'nl';
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      assert.ok(
        (await page.locator(marker).count()) > 0,
        `${path} should contain ${marker} (the page variant under test)`,
      );
      await maybeScreenshot(page, name);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations, path));
    });
  }
});
