// The knowledge base: a country's focal point shares a good practice in French with a PDF (the
// upload's progress bar fills up), the secretariat finds it in the moderation queue and publishes
// it, and a focal point of another country, with the app in Spanish, finds it by typing words
// without their accents, filters the results, opens it and downloads its file. A visitor without
// an account reads it too, since it is public.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, FRENCH, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

const LOCALES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

/** The messages of a translation file without placeholders: id → text. */
function plainMessages(code) {
  const messages = new Map();
  for (const line of readFileSync(join(LOCALES, `${code}.ftl`), 'utf8').split('\n')) {
    const match = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
    if (match && !match[2].includes('{')) messages.set(match[1], match[2].trim());
  }
  return messages;
}

/** A small file that is a PDF by its bytes, whole (it ends with %%EOF). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const FILE_NAME = 'ecoles-sures.pdf';
const RESOURCE_PATH = /^\/knowledge\/[0-9a-f-]{36}$/;

/** Records, from now on, whether an upload bar of the page ever stood at 100 %. */
async function watchUploads(page) {
  await page.evaluate(() => {
    window.uploadReachedFull = false;
    const look = () => {
      if (document.querySelector('[data-testid="upload-progress"][aria-valuenow="100"]')) {
        window.uploadReachedFull = true;
      }
    };
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
    look();
  });
}

describe('knowledge base', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a member shares a resource, the secretariat publishes it, another member finds it', async () => {
    const title = `Écoles sûres : prévenir les violences (${Date.now()})`;

    // Kenya's focal point, with the app in French, shares a good practice with a PDF.
    const focal = await openPage(browser, 'fr-FR');
    await signIn(focal, 'focal.ken@pioneer.test', { labels: FRENCH });
    await expectPath(focal, '/');
    await focal.getByRole('link', { name: 'Base de connaissances', exact: true }).first().click();
    await expectPath(focal, '/knowledge');
    await focal.getByTestId('share-resource').click();
    await expectPath(focal, '/knowledge/new');

    const form = focal.getByTestId('resource-form');
    await form.getByLabel('Type de ressource').selectOption('good_practice');
    await form.getByLabel('Titre', { exact: true }).fill(title);
    await form
      .getByLabel('Résumé', { exact: true })
      .fill('Comment des écoles du comté de Nairobi ont réduit les violences entre élèves.');
    await form
      .getByRole('textbox', { name: 'Texte', exact: true })
      .fill('Des écoles **sûres** pour tous les enfants.\n\n- Médiation par les pairs\n- Signalement confidentiel');
    // The preview shows the Markdown as the page will.
    await form.getByRole('tab', { name: 'Aperçu' }).click();
    await expectText(focal.getByTestId('markdown-preview').locator('strong'), 'sûres');
    await form.getByRole('tab', { name: 'Écrire' }).click();
    await form.getByLabel('Langue de la ressource').selectOption('fr');
    await form.getByLabel('Sûreté des environnements').check();
    await form.locator('#rf-country-add').selectOption('KEN');
    await form.locator('.chip[data-code="KEN"]').waitFor();
    await form.getByLabel('Mots-clés').fill('écoles, sécurité');
    // A link that is not a web address is refused at its field, before anything is sent.
    await form.getByLabel('Liens').fill('javascript:alert(1)');
    await form.getByLabel('Tout le monde, même sans compte').check();
    await form
      .locator('#rf-files')
      .setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await expectText(form.getByTestId('upload-item').locator('.upload-name'), FILE_NAME);
    await form.getByRole('button', { name: 'Envoyer en modération' }).click();
    await focal.locator('#rf-links[aria-invalid="true"]').waitFor();
    await form.locator('#rf-links-error').waitFor();
    await form.getByLabel('Liens').fill('https://www.unicef.org/fr');
    await screenshot(focal, 'knowledge-form-fr');

    await watchUploads(focal);
    await form.getByRole('button', { name: 'Envoyer en modération' }).click();
    await focal.waitForFunction(() => window.uploadReachedFull === true, null, { timeout: 15_000 });
    await focal.waitForURL((url) => RESOURCE_PATH.test(url.pathname), { timeout: 15_000 });
    const resourcePath = new URL(focal.url()).pathname;
    await expectText(focal.getByTestId('resource-title'), title);
    assert.equal(await focal.getByTestId('status-badge').getAttribute('data-status'), 'pending');
    await expectText(focal.getByTestId('resource-body').locator('strong'), 'sûres');
    await expectText(focal.getByTestId('resource-files').locator('.upload-name'), FILE_NAME);
    await screenshot(focal, 'knowledge-pending-fr');
    focal.assertNoErrors();
    await focal.context().close();

    // The secretariat finds it in the moderation queue; a return needs a comment; it publishes.
    const secretariat = await openPage(browser, 'en-US');
    await signIn(secretariat, 'secretariat@pioneer.test');
    await expectPath(secretariat, '/');
    await secretariat.getByRole('link', { name: 'Moderation', exact: true }).first().click();
    await expectPath(secretariat, '/moderation');
    await screenshot(secretariat, 'knowledge-moderation');
    await secretariat.getByTestId('moderation-queue').getByRole('link', { name: title, exact: true }).click();
    await expectPath(secretariat, resourcePath);
    await expectText(secretariat.getByTestId('resource-title'), title);
    await secretariat.getByTestId('return-resource').click();
    await secretariat.getByTestId('send-return').click();
    await secretariat.locator('#return-comment[aria-invalid="true"]').waitFor();
    await secretariat.getByRole('button', { name: 'Cancel', exact: true }).click();
    await secretariat.getByTestId('publish-resource').click();
    await expectText(secretariat.getByTestId('resource-notice'), 'The resource is published.');
    assert.equal(await secretariat.getByTestId('status-badge').count(), 0);
    assert.equal(await secretariat.getByTestId('publish-resource').count(), 0);
    await screenshot(secretariat, 'knowledge-published');
    secretariat.assertNoErrors();
    await secretariat.context().close();

    // Colombia's focal point, with the app in Spanish, searches without the accents.
    const es = plainMessages('es');
    const member = await openPage(browser, 'es-CO');
    await signIn(member, 'focal.col@pioneer.test', {
      labels: { email: es.get('email'), password: es.get('password'), submit: es.get('sign-in') },
    });
    await expectPath(member, '/');
    await member.goto(`${BASE_URL}/knowledge`);
    await member.getByLabel(es.get('knowledge-search-label'), { exact: true }).fill('ecoles surs violence');
    const results = member.getByTestId('search-results');
    const found = results.getByRole('link', { name: title, exact: true });
    await found.waitFor();
    await member.waitForURL((url) => url.searchParams.get('q') === 'ecoles surs violence');
    assert.match((await member.getByTestId('search-total').textContent()) ?? '', /\d+ recursos? encontrados?/);
    assert.ok((await results.getByTestId('search-result').first().locator('mark').count()) >= 1);

    // A filter is kept in the address: back takes it away again.
    await member.getByTestId('facet-language').locator('button[data-value="fr"]').click();
    await member.waitForURL((url) => url.searchParams.get('language') === 'fr');
    await found.waitFor();
    assert.equal(
      await member.getByTestId('facet-language').locator('button[data-value="fr"]').getAttribute('aria-pressed'),
      'true',
    );
    await screenshot(member, 'knowledge-search-es');
    await member.goBack();
    await member.waitForURL((url) => !url.searchParams.has('language') && url.searchParams.has('q'));
    await found.waitFor();

    await found.click();
    await expectPath(member, resourcePath);
    await expectText(member.getByTestId('resource-title'), title);
    const download = member.waitForEvent('download');
    await member.getByTestId('download-file').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), FILE_NAME);
    const saved = readFileSync(await file.path());
    assert.equal(saved.subarray(0, 8).toString(), '%PDF-1.4');

    // The home of the knowledge base on a phone.
    await member.setViewportSize({ width: 390, height: 844 });
    await member.goto(`${BASE_URL}/knowledge`);
    await member.getByTestId('latest-resources').waitFor();
    await screenshot(member, 'knowledge-home-es-mobile');
    member.assertNoErrors();
    await member.context().close();

    // A public resource is read without an account.
    const visitor = await openPage(browser, 'en-US');
    await visitor.goto(`${BASE_URL}${resourcePath}`);
    await expectText(visitor.getByTestId('resource-title'), title);
    await visitor.getByTestId('sign-in-link').waitFor();
    visitor.assertNoErrors();
    await visitor.context().close();

    // Its author changes it: the change waits for moderation while the published text stays.
    const author = await openPage(browser, 'fr-FR');
    await signIn(author, 'focal.ken@pioneer.test', { labels: FRENCH });
    await expectPath(author, '/');
    await author.goto(`${BASE_URL}${resourcePath}`);
    await author.getByTestId('edit-resource').click();
    await expectPath(author, `${resourcePath}/edit`);
    const edit = author.getByTestId('resource-form');
    await expectText(edit.getByRole('button', { name: 'Proposer la modification' }), 'Proposer la modification');
    await edit.getByLabel('Résumé', { exact: true }).fill('Un résumé revu après la publication.');
    await edit.getByRole('button', { name: 'Proposer la modification' }).click();
    await author.waitForURL((url) => RESOURCE_PATH.test(url.pathname) && url.pathname !== resourcePath);
    assert.equal(await author.getByTestId('status-badge').getAttribute('data-status'), 'pending');
    await author.getByTestId('revision-of').getByRole('link').click();
    await expectPath(author, resourcePath);
    await expectText(author.getByTestId('resource-title'), title);
    await author.getByTestId('pending-revision').waitFor();
    author.assertNoErrors();
    await author.context().close();
  });

  test('a comment on a resource is written in Markdown, edited by its author and removed by a moderator', async () => {
    const words = `We trained 300 teachers with it (${Date.now()})`;
    const member = await openPage(browser, 'en-US');
    await signIn(member, 'focal.col@pioneer.test');
    await expectPath(member, '/');
    await member.goto(`${BASE_URL}/knowledge`);
    await member.getByTestId('latest-resources').getByRole('link').first().click();
    await member.getByTestId('resource-title').waitFor();
    const resourcePath = new URL(member.url()).pathname;
    const pane = member.getByTestId('comments-resource');
    await pane.getByLabel('New comment').fill(`**${words}**, in Bogotá.`);
    await pane.getByRole('button', { name: 'Send' }).click();
    // The newest comment comes last (the locator must not depend on its text, which editing hides).
    const mine = pane.getByTestId('comment').last();
    await expectText(mine.getByTestId('comment-body').locator('strong'), words);

    await mine.getByTestId('edit-comment').click();
    await mine.getByLabel('Edit').fill(`${words}, and 120 more in Cali.`);
    await mine.getByRole('button', { name: 'Save' }).click();
    await expectText(mine.getByTestId('comment-body'), `${words}, and 120 more in Cali.`);
    await mine.getByText('edited').waitFor();
    member.assertNoErrors();

    // A moderator removes it: its place stays, its text is gone, for everyone.
    const moderator = await openPage(browser, 'en-US');
    await signIn(moderator, 'secretariat@pioneer.test');
    await expectPath(moderator, '/');
    await moderator.goto(`${BASE_URL}${resourcePath}`);
    const theirs = moderator.getByTestId('comments-resource').getByTestId('comment').filter({ hasText: words });
    moderator.once('dialog', (dialog) => dialog.accept());
    await theirs.getByTestId('remove-comment').click();
    await moderator.getByTestId('comment-removed').first().waitFor();
    assert.equal(await moderator.getByText(words).count(), 0);
    await member.reload();
    await member.getByTestId('comments-resource').getByTestId('comment-removed').first().waitFor();
    assert.equal(await member.getByText(words).count(), 0, 'the text is gone for its author too');
    moderator.assertNoErrors();
    member.assertNoErrors();
  });
});
