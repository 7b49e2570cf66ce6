// A roadmap's whole life in the browser: a focal point drafts and submits it, a reviewer asks
// for changes from the review queue, the focal point answers and resubmits, the reviewer approves.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

/** Fills a field that saves on change, and leaves it (as a keyboard user would). */
async function fillAndLeave(locator, value) {
  await locator.fill(value);
  await locator.press('Tab');
}

/** Waits until every edit has reached the server. */
async function saved(page) {
  await expectText(page.getByTestId('save-status'), 'All changes saved', 15_000);
}

describe('roadmap', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a roadmap is drafted, submitted, sent back, resubmitted and approved', async () => {
    const focal = await openPage(browser, 'en-US');
    focal.on('dialog', (dialog) => dialog.accept());
    await signIn(focal, 'focal.ken@pioneer.test');
    await expectPath(focal, '/');
    await focal.getByRole('link', { name: 'Roadmaps', exact: true }).first().click();
    await expectPath(focal, '/roadmaps');

    // A new roadmap: title and period.
    const title = `Kenya roadmap ${Date.now()}`;
    await focal.getByTestId('new-roadmap').click();
    await focal.getByLabel('Title', { exact: true }).fill(title);
    await focal.getByLabel('First year').fill('2025');
    await focal.getByLabel('Last year').fill('2027');
    await screenshot(focal, 'roadmap-new-form');
    await focal.getByRole('button', { name: 'Create the roadmap' }).click();
    await focal.waitForURL(/\/roadmaps\/[0-9a-f-]{36}$/);
    const roadmapPath = new URL(focal.url()).pathname;
    await expectText(focal.getByTestId('roadmap-title'), title);
    await expectText(focal.getByTestId('status-badge'), 'Draft');

    // Nothing is complete yet: the list says what is missing.
    const completeness = focal.getByTestId('completeness');
    assert.match(await completeness.textContent(), /Vision and summary/);

    // Summary and consultation.
    await fillAndLeave(focal.getByLabel('Vision and summary'), 'Every child in Kenya grows up free from violence.');
    await focal.getByLabel('Date of the consultation').fill('2025-02-14');
    await focal.getByLabel('Number of participants').fill('120');
    await focal.getByLabel('Number of participants').press('Tab');
    await focal.getByLabel('Government').check();
    await focal.getByLabel('Children and young people').check();
    await saved(focal);

    // Two priorities with their strategies.
    const priorities = [
      { title: 'Safer schools', strategies: ['Education and life skills', 'Safe environments'] },
      { title: 'Stronger families', strategies: ['Parent and caregiver support'] },
    ];
    for (const p of priorities) {
      await focal.getByLabel('Title of a new priority').fill(p.title);
      await focal.getByRole('button', { name: 'Add the priority' }).click();
      const block = focal.getByTestId('priority').filter({ hasText: `Priority “${p.title}”` });
      await block.waitFor();
      for (const s of p.strategies) {
        await block.getByTestId('priority-fields').getByLabel(s, { exact: false }).check();
      }
      await saved(focal);
    }

    // Three key actions.
    const actions = [
      { priority: 'Safer schools', title: 'Train teachers in positive discipline', lead: 'Ministry of Education', start: '2025-03', end: '2026-06', budget: '150000', secured: '50000' },
      { priority: 'Safer schools', title: 'Reporting hotline in every county', lead: 'Child Welfare Society', start: '2025-09', end: '2027-03', budget: '80000', secured: '80000' },
      { priority: 'Stronger families', title: 'Parenting programme', lead: 'State Department for Children', start: '2026-01', end: '2027-12', budget: '120000.50', secured: '20000' },
    ];
    for (const a of actions) {
      const block = focal.getByTestId('priority').filter({ hasText: `Priority “${a.priority}”` });
      await block.getByLabel('Title of a new key action').fill(a.title);
      await block.getByRole('button', { name: 'Add the key action' }).click();
      const action = focal.getByTestId('action').filter({ hasText: `Key action “${a.title}”` });
      await action.waitFor();
      await fillAndLeave(action.getByLabel('Lead institution'), a.lead);
      await fillAndLeave(action.getByLabel('Partners (comma-separated)'), 'UNICEF, Save the Children');
      await action.getByLabel('Start month').fill(a.start);
      await action.getByLabel('End month').fill(a.end);
      await action.getByLabel('Currency').selectOption('USD');
      await fillAndLeave(action.getByLabel('Budget', { exact: true }), a.budget);
      await fillAndLeave(action.getByLabel('Secured'), a.secured);
      await fillAndLeave(action.getByLabel('Funding source'), 'National budget');
      await saved(focal);
    }

    // One indicator.
    await focal.getByLabel('Name of a new indicator').fill('Children who experienced violence at school');
    await focal.getByRole('button', { name: 'Add the indicator' }).click();
    const indicator = focal.getByTestId('indicator');
    await indicator.waitFor();
    await indicator.getByLabel('SDG indicator').selectOption('16.2.1');
    await fillAndLeave(indicator.getByLabel('Unit'), '%');
    await fillAndLeave(indicator.getByLabel('Source'), 'Violence against children survey');
    await fillAndLeave(indicator.getByLabel('Baseline value'), '45.5');
    await fillAndLeave(indicator.getByLabel('Baseline year'), '2024');
    await fillAndLeave(indicator.getByLabel('Target value'), '20');
    await fillAndLeave(indicator.getByLabel('Target year'), '2027');
    await saved(focal);
    await expectText(completeness.locator('.alert'), 'The roadmap is complete and can be submitted.');
    assert.equal(await focal.getByTestId('budget-chart').count(), 1, 'a budget chart per currency');
    assert.equal(await focal.getByTestId('timeline').locator('rect').count(), 3, 'one bar per action');
    await screenshot(focal, 'roadmap-draft');

    // Edits made offline wait on the device and are sent when the connection returns.
    await focal.context().setOffline(true);
    await fillAndLeave(focal.getByLabel('Number of participants'), '130');
    await focal.getByTestId('offline-notice').waitFor();
    const stored = await focal.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('pioneer.roadmap.')).length);
    assert.equal(stored, 1, 'the unsaved edit is kept in localStorage');
    await screenshot(focal, 'roadmap-offline', { fullPage: false });
    await focal.context().setOffline(false);
    await focal.evaluate(() => window.dispatchEvent(new Event('online')));
    await saved(focal);

    await focal.getByTestId('submit-roadmap').click();
    await expectText(focal.getByTestId('status-badge'), 'Submitted');
    await screenshot(focal, 'roadmap-submitted');

    // The reviewer finds it in the review queue and asks for changes.
    const reviewer = await openPage(browser, 'en-US');
    await signIn(reviewer, 'reviewer@pioneer.test');
    await expectPath(reviewer, '/');
    await reviewer.getByRole('link', { name: 'Review queue', exact: true }).first().click();
    await expectPath(reviewer, '/review-queue');
    const row = reviewer.getByTestId('review-queue').locator('tbody tr', { hasText: title });
    assert.match(await row.textContent(), /Kenya/);
    await screenshot(reviewer, 'roadmap-review-queue');
    await row.getByRole('link', { name: title }).click();
    await expectPath(reviewer, roadmapPath);
    await reviewer.getByTestId('read-view').waitFor();
    await reviewer.getByTestId('decision').waitFor();
    // A request for changes needs a comment.
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await reviewer.getByText('This field is required.').first().waitFor();
    await reviewer.getByLabel('Comment for the country team').fill('Please add a budget line for monitoring.');
    await screenshot(reviewer, 'roadmap-review');
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await expectText(reviewer.getByTestId('status-badge'), 'Changes requested');

    // The focal point sees the comment, answers it, fixes the roadmap and resubmits.
    await focal.reload();
    await expectText(focal.getByTestId('status-badge'), 'Changes requested');
    const thread = focal.getByTestId('comments-roadmap').first();
    await thread.getByText('Please add a budget line for monitoring.').waitFor();
    await thread.getByRole('button', { name: /^Reply to / }).click();
    await thread.getByLabel('Your reply').fill('Added to the hotline action.');
    await thread.getByRole('button', { name: 'Send' }).first().click();
    await thread.getByText('Added to the hotline action.').waitFor();
    const hotline = focal.getByTestId('action').filter({ hasText: 'Reporting hotline' });
    await fillAndLeave(hotline.getByLabel('Budget', { exact: true }), '95000');
    await saved(focal);
    await screenshot(focal, 'roadmap-changes-requested');
    await focal.getByTestId('submit-roadmap').click();
    await expectText(focal.getByTestId('status-badge'), 'Submitted');

    // The reviewer approves.
    await reviewer.reload();
    await reviewer.getByTestId('decision').waitFor();
    await reviewer.getByTestId('comments-roadmap').first().getByText('Added to the hotline action.').waitFor();
    await reviewer.getByRole('button', { name: 'Approve' }).click();
    await expectText(reviewer.getByTestId('status-badge'), 'Approved');
    await screenshot(reviewer, 'roadmap-approved');

    // The focal point sees it approved, in French too.
    await focal.reload();
    await expectText(focal.getByTestId('status-badge'), 'Approved');
    await focal.getByTestId('lang-switcher').selectOption('fr');
    await expectText(focal.getByTestId('status-badge'), 'Approuvé');
    await focal.getByRole('button', { name: 'Commencer une révision' }).waitFor();
    await screenshot(focal, 'roadmap-approved-fr');
    await focal.getByTestId('lang-switcher').selectOption('en');

    focal.assertNoErrors();
    reviewer.assertNoErrors();
    await reviewer.context().close();
    await focal.context().close();
  });

  test('a stale edit shows the conflict and the member keeps their value', async () => {
    const first = await openPage(browser, 'en-US');
    await signIn(first, 'focal.col@pioneer.test');
    await expectPath(first, '/');
    await first.goto(`${BASE_URL}/roadmaps`);
    await first.getByTestId('new-roadmap').click();
    await first.getByLabel('Title', { exact: true }).fill(`Colombia ${Date.now()}`);
    await first.getByLabel('First year').fill('2025');
    await first.getByLabel('Last year').fill('2028');
    await first.getByRole('button', { name: 'Create the roadmap' }).click();
    await first.waitForURL(/\/roadmaps\/[0-9a-f-]{36}$/);
    await first.getByTestId('editor').waitFor();

    // Someone else changes the summary in another browser.
    const second = await openPage(browser, 'en-US');
    await signIn(second, 'focal.col@pioneer.test');
    await expectPath(second, '/');
    await second.goto(first.url());
    await fillAndLeave(second.getByLabel('Vision and summary'), 'Their summary');
    await saved(second);

    // The first member's edit was made on the older revision.
    await fillAndLeave(first.getByLabel('Vision and summary'), 'My summary');
    const conflict = first.getByTestId('conflict');
    await conflict.waitFor();
    await expectText(conflict.getByTestId('conflict-mine'), 'My summary');
    await expectText(conflict.getByTestId('conflict-theirs'), 'Their summary');
    await screenshot(first, 'roadmap-conflict', { fullPage: false });
    await conflict.getByRole('button', { name: 'Keep my value' }).click();
    await saved(first);
    await second.reload();
    assert.equal(await second.getByLabel('Vision and summary').inputValue(), 'My summary');
    first.assertNoErrors();
    second.assertNoErrors();
    await second.context().close();
    await first.context().close();
  });
});
