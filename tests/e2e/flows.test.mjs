// Citizen flows in a real browser (Chromium through playwright-core):
// a whole search with the keyboard only, the skip link, a visible focus
// indicator, following a life event, switching language, and search, filters
// and the country selector with JavaScript switched off. One server and one
// browser for the file; each group of tests has its own browser context.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { focusedElement, maybeScreenshot, startEnvironment } from './support.mjs';

const passportPath = '/diensten/paspoort-aanvragen-buitenland';

// Per test; Playwright's own timeouts (support.mjs) bound each step.
const limit = { timeout: 60_000 };

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ').trim();

/** Presses Tab until predicate(focused element) holds; fails after max presses. */
async function tabUntil(page, predicate, what, max = 60) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await focusedElement(page);
    if (el && predicate(el)) return el;
    seen.push(el ? `${el.tag}${el.id ? '#' + el.id : ''} "${el.text.slice(0, 30)}"` : '(body)');
  }
  assert.fail(`Tab never reached ${what} in ${max} presses; focus went through:\n  ${seen.join('\n  ')}`);
}

// Contrast ratio (WCAG 2.x) of two CSS rgb()/rgba() colours; the first
// colour is treated as opaque over the second.
function relativeLuminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a, b) {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The focus indicator of the focused element: its outline, the colours of
 * its focus ring (outline and box-shadow) and the background behind it.
 */
async function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
      return { rgb: [Number(r), Number(g), Number(b)], alpha: Number(a) };
    };
    let background = [255, 255, 255];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.alpha > 0) {
        background = bg.rgb;
        break;
      }
    }
    const ringColours = [];
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      const c = parse(style.outlineColor);
      if (c && c.alpha > 0) ringColours.push(c.rgb);
    }
    for (const m of style.boxShadow.matchAll(/rgba?\([^)]+\)/g)) {
      const c = parse(m[0]);
      if (c && c.alpha > 0) ringColours.push(c.rgb);
    }
    return {
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      ringColours,
      background,
    };
  });
}

describe('browser flows', { timeout: 300_000 }, () => {
  let env;

  before(async () => {
    env = await startEnvironment();
  });

  after(async () => {
    await env?.close();
  });

  describe('keyboard', () => {
    let context;
    let page;
    before(async () => {
      context = await env.newContext();
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
    });

    for (const path of ['/', '/en/services/paspoort-aanvragen-buitenland']) {
      test(`skip link on ${path}: first Tab focuses it, Enter moves focus to the main content`, limit, async () => {
        await page.goto(path);
        const skip = page.locator('a.nl-skip-link');
        assert.equal(await skip.isVisible(), true);
        const hiddenBox = await skip.boundingBox();
        assert.ok(hiddenBox.x + hiddenBox.width <= 0, 'skip link is off-screen until focused');

        await page.keyboard.press('Tab');
        const first = await focusedElement(page);
        assert.ok(first, 'something is focused after the first Tab');
        assert.match(first.className, /\bnl-skip-link\b/, 'the first Tab focuses the skip link');
        assert.match(first.href ?? '', /^#./, 'the skip link points into the page');
        const box = await skip.boundingBox();
        assert.ok(box.x >= 0 && box.y >= 0 && box.width > 0, `focused skip link is on screen (${JSON.stringify(box)})`);
        await maybeScreenshot(page, `skip-link${path === '/' ? '-home' : path.replace(/\//g, '-')}`);

        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.hash === first.href);
        const target = await focusedElement(page);
        assert.equal(target?.tag, 'main', 'focus moved to <main>');
        assert.equal(`#${target.id}`, first.href);

        // The next Tab continues inside the main content, not in the header.
        await page.keyboard.press('Tab');
        const inMain = await page.evaluate(() => Boolean(document.activeElement.closest('main')));
        assert.equal(inMain, true, 'Tab after the skip link lands inside <main>');
      });
    }

    test('keyboard focus is clearly visible on links, in the header and in the content', limit, async () => {
      await page.goto('/');
      const header = await tabUntil(page, (el) => el.href === '/diensten', 'the "Alle diensten" link');
      assert.equal(header.text, 'Alle diensten');
      const headerRing = await focusRing(page);

      // Into the content: reload, skip link, first link in <main>.
      await page.goto('/');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const content = await focusedElement(page);
      assert.equal(content?.tag, 'a', 'a link in the content has focus');
      const contentRing = await focusRing(page);
      await maybeScreenshot(page, 'focus-visible');

      for (const [where, ring] of [['header', headerRing], ['content', contentRing]]) {
        assert.notEqual(ring.outlineStyle, 'none', `${where}: focused link has an outline`);
        assert.ok(ring.outlineWidth >= 2, `${where}: outline is at least 2px (${ring.outlineWidth})`);
        // WCAG 1.4.11: some part of the focus ring contrasts 3:1 with what is behind it.
        const best = Math.max(0, ...ring.ringColours.map((c) => contrast(c, ring.background)));
        assert.ok(
          best >= 3,
          `${where}: focus ring contrast ${best.toFixed(2)}:1 against rgb(${ring.background}) is below 3:1 ` +
            `(ring colours ${JSON.stringify(ring.ringColours)})`,
        );
      }
    });

    test('search for a misspelled word with the keyboard only and open the passport service', limit, async () => {
      await page.goto('/');
      await page.keyboard.press('Tab');
      assert.match((await focusedElement(page))?.className ?? '', /nl-skip-link/);
      await tabUntil(page, (el) => el.id === 'site-search-q', 'the search box', 10);

      await page.keyboard.type('paspport');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'paspport');
      await maybeScreenshot(page, 'keyboard-search-results');

      // The misspelling is corrected and the passport service is near the top.
      assert.equal(await page.locator('.suggestion strong').textContent(), 'paspoort');
      const top3 = await page.locator('.result-list .result__title a').evaluateAll((links) =>
        links.slice(0, 3).map((a) => a.getAttribute('href')),
      );
      assert.ok(top3.includes(passportPath), `passport service among the first three results: ${top3.join(', ')}`);

      // Open it with the keyboard: skip to the content, Tab to the link, Enter.
      await page.keyboard.press('Tab');
      assert.match((await focusedElement(page))?.className ?? '', /nl-skip-link/);
      await page.keyboard.press('Enter');
      await tabUntil(page, (el) => el.href === passportPath, 'the passport result', 40);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === passportPath);
      assert.equal(
        (await page.locator('h1').textContent()).trim(),
        'Paspoort aanvragen in het buitenland',
      );
    });
  });

  describe('journeys', () => {
    let context;
    let page;
    before(async () => {
      context = await env.newContext();
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
    });

    test('follow the life event "moving abroad" from the home page to a service', limit, async () => {
      await page.goto('/');
      await page.getByRole('link', { name: 'Verhuizen naar het buitenland', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/levensgebeurtenissen/emigreren');
      assert.equal(await text(page.locator('h1')), 'Verhuizen naar het buitenland');
      await maybeScreenshot(page, 'journey-life-event');

      // An ordered checklist whose steps are numbered for screen readers too.
      const steps = page.locator('main ol.checklist > li');
      const count = await steps.count();
      assert.ok(count >= 3, `the checklist has several steps (${count})`);
      for (let i = 0; i < count; i++) {
        assert.match(await text(steps.nth(i).locator('h3')), new RegExp(`^Stap ${i + 1}: \\S`));
      }
      const numbers = await steps.evaluateAll((items) =>
        items.map((li) => getComputedStyle(li, '::before').content),
      );
      assert.deepEqual(numbers, Array(count).fill('counter(step)'), 'steps show a visible number');

      // Follow the second step to its service page.
      const link = steps.nth(1).locator('h3 a');
      const title = await text(link);
      const href = await link.getAttribute('href');
      assert.match(href, /^\/diensten\/[a-z0-9-]+$/);
      await link.click();
      await page.waitForURL((url) => url.pathname === href);
      assert.equal(await text(page.locator('h1')), title);
      // The service page links back to the life event it belongs to.
      const back = page.locator('.tags a', { hasText: 'Verhuizen naar het buitenland' });
      assert.equal(await back.getAttribute('href'), '/levensgebeurtenissen/emigreren');
    });

    test('switch a service page from Dutch to English and back', limit, async () => {
      const nlPath = '/diensten/paspoort-aanvragen-buitenland';
      await page.goto(`${nlPath}?land=DE`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      const nlTitle = await text(page.locator('h1'));
      assert.equal(nlTitle, 'Paspoort aanvragen in het buitenland');

      const english = page.locator('.site-nav a[hreflang="en"]');
      assert.equal(await text(english), 'English');
      assert.equal(await english.getAttribute('lang'), 'en');
      await english.click();
      await page.waitForURL(
        (url) =>
          url.pathname === '/en/services/paspoort-aanvragen-buitenland' &&
          url.searchParams.get('country') === 'DE',
      );
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      const enTitle = await text(page.locator('h1'));
      assert.notEqual(enTitle, nlTitle);
      assert.match(enTitle, /passport/i);
      // Same service, same chosen country, in English.
      assert.equal(await page.locator('#where-country').inputValue(), 'DE');
      assert.ok(
        (await page.locator('.where .link-list a').allTextContents()).includes('Embassy in Berlin'),
        'the posts in Germany are listed in English',
      );
      assert.equal(await text(page.locator('label[for="site-search-q"]')), 'Search for a service or topic');
      await maybeScreenshot(page, 'journey-language-en');

      const dutch = page.locator('.site-nav a[hreflang="nl"]');
      assert.equal(await text(dutch), 'Nederlands');
      await dutch.click();
      await page.waitForURL((url) => url.pathname === nlPath && url.searchParams.get('land') === 'DE');
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
      assert.equal(await text(page.locator('h1')), nlTitle);
    });

    test('the language switch keeps the search and its filters', limit, async () => {
      await page.goto('/zoeken?q=paspoort&soort=service');
      await page.locator('.site-nav a[hreflang="en"]').click();
      await page.waitForURL((url) => url.pathname === '/en/search');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'paspoort');
      assert.equal(url.searchParams.get('type'), 'service');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await page.locator('input[name="type"][value="service"]').isChecked(), true);
    });
  });

  describe('without JavaScript', () => {
    let context;
    let page;
    before(async () => {
      context = await env.newContext({ javaScriptEnabled: false });
      page = await context.newPage();
    });
    after(async () => {
      await context?.close();
    });

    test('JavaScript is really off in this browser context', limit, async () => {
      // A page script that would change the title if scripts ran.
      await page.route('**/js-probe', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<title>before</title><script>document.title = "after"</script>',
        }),
      );
      await page.goto('/js-probe');
      assert.equal(await page.title(), 'before');
    });

    test('search, filter by facet, choose a country and see its posts', limit, async () => {
      // Search from the home page.
      await page.goto('/');
      await page.locator('#site-search-q').fill('paspoort');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/zoeken' && url.searchParams.get('q') === 'paspoort');
      const total = async () => Number((await text(page.locator('#results-count'))).match(/^\d+/)[0]);
      const unfiltered = await total();
      const allTypes = await page.locator('.result-list .result__type').allTextContents();
      assert.ok(allTypes.length > 0, 'results are shown');

      // Filter on type "Dienst" (radio + submit button).
      await page.getByRole('radio', { name: 'Dienst', exact: true }).check();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.waitForURL((url) => url.searchParams.get('soort') === 'service');
      assert.equal(new URL(page.url()).searchParams.get('q'), 'paspoort');
      assert.equal(await page.getByRole('radio', { name: 'Dienst', exact: true }).isChecked(), true);
      const services = await total();
      assert.ok(services > 0 && services < unfiltered, `type filter narrows ${unfiltered} to ${services}`);
      const types = await page.locator('.result-list .result__type').allTextContents();
      assert.deepEqual([...new Set(types)], ['Dienst'], 'only services are left');

      // Add a life-event facet; its label says how many results it leaves.
      const lifeEvent = page.getByRole('radio', { name: /^Verhuizen naar het buitenland \(\d+\)$/ });
      const label = await text(page.locator(`label[for="${await lifeEvent.getAttribute('id')}"]`));
      const expected = Number(label.match(/\((\d+)\)$/)[1]);
      await lifeEvent.check();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await page.waitForURL((url) => url.searchParams.get('levensgebeurtenis') === 'emigreren');
      assert.equal(new URL(page.url()).searchParams.get('soort'), 'service', 'the type filter is kept');
      assert.equal(await total(), expected, 'as many results as the facet promised');
      assert.ok(expected < services);
      assert.equal(await page.getByRole('link', { name: 'Alle filters wissen' }).count(), 1);
      await maybeScreenshot(page, 'no-js-search-filtered');

      // Clearing the filters brings back every result.
      await page.getByRole('link', { name: 'Alle filters wissen' }).click();
      await page.waitForURL((url) => !url.searchParams.has('soort') && !url.searchParams.has('levensgebeurtenis'));
      assert.equal(await total(), unfiltered);

      // Open the passport service and use the country selector.
      await page.locator('.result-list a[href="/diensten/paspoort-aanvragen-buitenland"]').click();
      await page.waitForURL((url) => url.pathname === '/diensten/paspoort-aanvragen-buitenland');
      assert.equal(await page.locator('.where .link-list a').count(), 0, 'no posts before a country is chosen');
      await page.getByLabel('Land', { exact: true }).selectOption({ label: 'Duitsland' });
      await page.getByRole('button', { name: 'Toon ambassades en consulaten' }).click();
      await page.waitForURL((url) => url.searchParams.get('land') === 'DE');
      assert.equal(await page.locator('#where-country').inputValue(), 'DE');
      const posts = await page.locator('.where .link-list a').allTextContents();
      assert.ok(posts.includes('Ambassade in Berlijn'), `posts in Germany: ${posts.join(', ')}`);
      await maybeScreenshot(page, 'no-js-service-country');

      // And on to one of them.
      await page.locator('.where .link-list a', { hasText: 'Ambassade in Berlijn' }).click();
      await page.waitForURL((url) => url.pathname === '/posten/ambassade-berlijn');
      assert.equal(await text(page.locator('h1')), 'Ambassade in Berlijn');
    });

    test('search the knowledge base and read an answer, without JavaScript', limit, async () => {
      await page.goto('/kennisbank');
      await page.getByLabel('Zoek in de kennisbank').fill('thuiswerken op ambassades');
      await page.locator('.knowledge-search button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/zoeken' && url.searchParams.get('soort') === 'knowledge');
      const types = await page.locator('.result-list .result__type').allTextContents();
      assert.ok(types.length > 0, 'the knowledge base has an answer');
      assert.deepEqual([...new Set(types)], ['Kennisbank'], 'only knowledge articles');
      await page.locator('.result-list a').first().click();
      await page.waitForURL((url) => url.pathname.startsWith('/kennisbank/'));
      assert.equal(await text(page.locator('#answer-heading')), 'Antwoord');
      assert.match(await text(page.locator('.knowledge-article')), /thuis/);
      assert.match(await text(page.locator('.facts')), /Kamerstuk 35 830 V, nr\. 8, vraag \d+/);
      await maybeScreenshot(page, 'no-js-knowledge-article');
      // On to the next question of the same document.
      const next = page.locator('.pager a[rel="next"]');
      const nextTitle = (await text(next)).replace(/ →$/, '');
      await next.click();
      await page.waitForURL((url) => url.pathname.startsWith('/kennisbank/'));
      assert.ok(nextTitle.endsWith(await text(page.locator('h1'))), `${nextTitle} is the next question`);
    });

    test('browse the knowledge base by document, without JavaScript', limit, async () => {
      await page.goto('/kennisbank');
      await page.locator('.knowledge-documents a', { hasText: 'Vragen en antwoorden' }).click();
      await page.waitForURL((url) => url.pathname === '/kennisbank/documenten/35-830-v-nr-8');
      assert.equal(await text(page.locator('h1')), 'Vragen en antwoorden');
      const parties = await page.locator('.knowledge-document h2').allTextContents();
      assert.ok(parties.includes('Vragen en opmerkingen van de leden van de D66-fractie'), parties.join(', '));
      await maybeScreenshot(page, 'no-js-knowledge-document');
      await page.locator('.knowledge-list a', { hasText: 'Vraag 9:' }).click();
      await page.waitForURL((url) => url.pathname === '/kennisbank/35-830-v-nr-8-9');
      assert.match(await text(page.locator('.knowledge-article')), /thuiswerken/);
      // The breadcrumb leads back to the document.
      await page.locator('.breadcrumb a', { hasText: 'Vragen en antwoorden' }).click();
      await page.waitForURL((url) => url.pathname === '/kennisbank/documenten/35-830-v-nr-8');
    });

    test('the English country selector works without JavaScript', limit, async () => {
      await page.goto('/en/services/paspoort-aanvragen-buitenland');
      await page.getByLabel('Country', { exact: true }).selectOption('DE');
      await page.locator('.where form button[type="submit"]').click();
      await page.waitForURL((url) => url.searchParams.get('country') === 'DE');
      const posts = await page.locator('.where .link-list a').allTextContents();
      assert.ok(posts.includes('Embassy in Berlin'), `posts in Germany: ${posts.join(', ')}`);
    });
  });
});
