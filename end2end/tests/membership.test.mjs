// Joining the alliance, as the people involved do it: a government sends the public form (no
// account; a "PDF" that is not one refused at the field), the secretariat accepts it from its
// queue, and the nominated focal point follows the link of the invitation mail (read from the
// server's outbox) to create their account and land in Pioneer Hub signed in.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, PASSWORD, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

const OUTBOX = process.env.PIONEER_OUTBOX;

/** The smallest file that is a PDF by its bytes. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n' +
    '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
/** An executable's first bytes (ELF), named as a PDF. */
const NOT_A_PDF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);

/** Waits for the mail to `address` whose text matches `pattern`; answers the first match. */
async function mailTo(address, pattern, timeout = 15_000) {
  assert.ok(OUTBOX, 'PIONEER_OUTBOX names the server’s outbox directory');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    let names = [];
    try {
      names = readdirSync(OUTBOX).filter((n) => n.endsWith('.eml'));
    } catch {
      // Not written yet.
    }
    for (const name of names) {
      const text = readFileSync(join(OUTBOX, name), 'utf8');
      if (!new RegExp(`^To: .*${address.replace(/[.+]/g, '\\$&')}`, 'mi').test(text)) continue;
      const found = text.match(pattern);
      if (found) return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`no mail to ${address} matching ${pattern} within ${timeout} ms`);
}

describe('membership', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a country applies, the secretariat accepts, the focal point accepts the invitation', async () => {
    const focalPoint = `e2e.join.${Date.now()}@gov.example`;

    // The public form, in French, with no account.
    const applicant = await openPage(browser, 'fr-FR');
    await applicant.goto(`${BASE_URL}/join`);
    await applicant.getByTestId('join-form').waitFor();
    assert.equal(await applicant.getByRole('button', { name: 'Se déconnecter' }).count(), 0);
    await applicant.locator('#join-country').selectOption('NAM');
    await applicant.locator('#join-entity').fill('Ministère de la Santé et des Services sociaux');
    await applicant.locator('#join-signatory-name').fill('Kalumbi Shangula');
    await applicant.locator('#join-signatory-title').fill('Ministre');
    // The annex is there, in French, naming the country.
    const commitment = await applicant.locator('#join-commitment').inputValue();
    assert.match(commitment, /Alliance mondiale/);
    assert.match(commitment, /Namibie/);
    await applicant.locator('#join-fp-name').fill('Ndapewa Hamutenya');
    await applicant.locator('#join-fp-title').fill('Directrice de la protection de l’enfance');
    await applicant.locator('#join-fp-ministry').fill('Ministère de l’Égalité des genres');
    await applicant.locator('#join-fp-email').fill(focalPoint);

    // An executable named letter.pdf is refused at the field, before anything is sent.
    await applicant
      .locator('#join-letter')
      .setInputFiles({ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: NOT_A_PDF });
    await applicant.getByTestId('join-submit').click();
    await applicant.locator('#join-letter[aria-invalid="true"]').waitFor();

    await applicant
      .locator('#join-letter')
      .setInputFiles({ name: 'lettre.pdf', mimeType: 'application/pdf', buffer: PDF });
    await applicant.getByTestId('join-submit').click();
    await applicant.getByTestId('join-done').waitFor();
    const reference = ((await applicant.getByTestId('application-id').textContent()) ?? '').trim();
    assert.match(reference, /^[0-9a-f-]{36}$/);
    await applicant.setViewportSize({ width: 390, height: 844 });
    await screenshot(applicant, 'join-done-mobile-fr');
    // The acknowledgment, in the application's language.
    await mailTo(focalPoint, new RegExp(reference));
    applicant.assertNoErrors();
    await applicant.context().close();

    // The secretariat finds it in its queue and accepts it.
    const secretariat = await openPage(browser, 'en-US');
    await signIn(secretariat, 'secretariat@pioneer.test');
    await expectPath(secretariat, '/');
    await secretariat.getByRole('link', { name: 'Applications', exact: true }).first().click();
    await expectPath(secretariat, '/membership-applications');
    await secretariat.getByRole('link', { name: 'Namibia' }).first().click();
    await expectPath(secretariat, `/membership-applications/${reference}`);
    await expectText(secretariat.getByTestId('application-title'), 'Expression of interest of Namibia');
    await secretariat.getByTestId('decision-accept').check();
    await secretariat.locator('#decision-message').fill('Welcome to the alliance.');
    await secretariat.getByTestId('decision-submit').click();
    await secretariat.getByTestId('decision-form').waitFor({ state: 'detached' });
    await screenshot(secretariat, 'application-accepted');
    secretariat.assertNoErrors();
    await secretariat.context().close();

    // The focal point follows the invitation mail's link.
    const [link] = await mailTo(focalPoint, /https?:\/\/[^\s"<>]+\/invitations\/[A-Za-z0-9_-]+/);
    const invited = await openPage(browser, 'en-US');
    await invited.goto(link.replace(/^https?:\/\/[^/]+/, BASE_URL));
    await expectText(invited.getByTestId('invitation-email'), focalPoint);
    await invited.getByLabel('Your name', { exact: true }).fill('Ndapewa Hamutenya');
    await invited.getByLabel('New password', { exact: true }).fill('a long enough password 2026');
    await invited.getByLabel('Confirm the password', { exact: true }).fill('a long enough password 2026');
    await screenshot(invited, 'invitation-en');
    await invited.getByTestId('accept-submit').click();
    await expectPath(invited, '/');
    await invited.getByRole('button', { name: 'Log out' }).waitFor();
    invited.assertNoErrors();

    // The link worked once.
    await invited.goto(link.replace(/^https?:\/\/[^/]+/, BASE_URL));
    await invited.getByTestId('link-problem').waitFor();
    await invited.context().close();
  });

  test('a member who forgot the password chooses a new one through the mailed link', async () => {
    const email = `e2e.reset.${Date.now()}@pioneer.test`;
    const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pioneer.test', password: PASSWORD }),
    }).then((r) => r.json());
    const created = await fetch(`${BASE_URL}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.access_token}` },
      body: JSON.stringify({ email, name: 'Rosa Reset', role: 'partner', password: PASSWORD }),
    });
    assert.equal(created.status, 201);

    const page = await openPage(browser, 'en-US');
    await page.goto(`${BASE_URL}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expectPath(page, '/forgot-password');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByTestId('reset-requested').waitFor();

    const [link] = await mailTo(email, /https?:\/\/[^\s"<>]+\/reset-password\/[A-Za-z0-9_-]+/);
    await page.goto(link.replace(/^https?:\/\/[^/]+/, BASE_URL));
    await page.getByLabel('New password', { exact: true }).fill('my new password 2026');
    await page.getByLabel('Confirm the password', { exact: true }).fill('my new password 2026');
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByTestId('password-changed').waitFor();
    await page.getByRole('link', { name: 'Go to the sign-in page' }).click();
    await signIn(page, email, { password: 'my new password 2026', here: true });
    await expectPath(page, '/');
    page.assertNoErrors();
    await page.context().close();
  });
});
