// An annual progress report's whole life in the browser, on the demo content (this year's cycle
// is open and Kenya's report not started): the focal point starts it, fills it in and submits
// it; a reviewer asks for changes with a comment; the focal point answers and resubmits; the
// reviewer accepts it; the secretariat sees it in the tracker, and the synthesis counts it.

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

/** The number in a text such as "Based on 3 reports". */
async function numberIn(locator) {
  const text = (await locator.textContent()) ?? '';
  const match = text.match(/\d+/);
  assert.ok(match, `a number in ${JSON.stringify(text)}`);
  return Number(match[0]);
}

/** Screenshots of a page at a desktop width and at a phone's (360 px). */
async function screenshots(page, name) {
  await screenshot(page, name);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, `${name}-360`);
  await page.setViewportSize(viewport);
}

describe('annual report', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a report is filled, submitted, sent back, resubmitted, accepted, tracked and counted', async () => {
    const focal = await openPage(browser, 'en-US');
    focal.on('dialog', (dialog) => dialog.accept());
    await signIn(focal, 'focal.ken@pioneer.test');
    await expectPath(focal, '/');
    await focal.getByRole('link', { name: 'Reports', exact: true }).first().click();
    await expectPath(focal, '/reports');

    // This year's cycle is open and Kenya has not started its report: the team starts it.
    const start = focal.getByTestId('start-report');
    await start.waitFor();
    assert.match(await start.textContent(), /reporting cycle is open/);
    const year = Number((await focal.getByTestId('start-report-button').textContent()).match(/\d{4}/)[0]);
    await screenshot(focal, 'report-list-start');
    await focal.getByTestId('start-report-button').click();
    await focal.waitForURL(/\/reports\/[0-9a-f-]{36}$/);
    const reportPath = new URL(focal.url()).pathname;
    await expectText(focal.getByTestId('report-title'), `Annual progress report ${year}`);
    await expectText(focal.getByTestId('status-badge'), 'Draft');

    // A line per key action and per indicator of the roadmap, pre-filled where it can be.
    const actions = focal.getByTestId('action-progress');
    await actions.first().waitFor();
    assert.ok((await actions.count()) >= 1, 'a line per key action');
    assert.ok((await focal.getByTestId('indicator-progress').count()) >= 1, 'a line per indicator');

    // The first key action: what the domain refuses is shown at the field and never sent.
    const action = actions.first();
    const title = (await action.locator('.line-title').textContent()).trim();
    await action.getByLabel('Status').selectOption('on_track');
    await saved(focal);
    await fillAndLeave(action.getByLabel('Progress (%)'), '150');
    await action.getByText('This value is out of range.').waitFor();
    assert.equal(await action.getByLabel('Progress (%)').getAttribute('aria-invalid'), 'true');
    await fillAndLeave(action.getByLabel('Progress (%)'), '60');
    await fillAndLeave(action.getByLabel(/^Amount spent/), '12,5 thousand');
    await action.getByText('Enter an amount with at most two decimals, e.g. 1500.50.').waitFor();
    await fillAndLeave(action.getByLabel(/^Amount spent/), '1250.50');
    await fillAndLeave(action.getByLabel('Note'), 'Bill tabled in parliament; two county by-laws passed.');
    await saved(focal);
    await expectText(action.locator('.progress-text'), '60% done');
    assert.equal(await action.getByText('This value is out of range.').count(), 0, 'the error went with the fix');

    // The first indicator: its latest value, with its year and source.
    const indicator = focal.getByTestId('indicator-progress').first();
    await fillAndLeave(indicator.getByLabel('Value', { exact: true }), '41.5');
    await fillAndLeave(indicator.getByLabel('Year of the value'), String(year));
    await fillAndLeave(indicator.getByLabel('Source'), 'Violence against children survey');
    await saved(focal);

    // The narrative, in the team's own words.
    await fillAndLeave(focal.getByLabel('Achievements', { exact: true }), 'A free helpline now answers in every county.');
    await fillAndLeave(focal.getByLabel('Challenges', { exact: true }), 'Budget releases came late.');
    await fillAndLeave(focal.getByLabel('Lessons learned', { exact: true }), 'County teams move faster with a named lead.');
    await fillAndLeave(
      focal.getByLabel('Participation of children and young people', { exact: true }),
      'A youth panel reviewed the helpline scripts.',
    );
    await saved(focal);

    // Support asked of the alliance, about the first key action.
    const form = focal.getByTestId('new-support-request');
    await form.getByLabel('Type of support').selectOption('technical');
    await form.getByLabel('What it concerns').selectOption({ label: `Key action “${title}”` });
    await form.getByRole('button', { name: 'Add the request' }).click();
    await form.getByText('This field is required.').waitFor();
    await form.getByLabel('Description').fill('Help to set up case management for the helpline.');
    await form.getByRole('button', { name: 'Add the request' }).click();
    const request = focal.getByTestId('support-request');
    await request.first().waitFor();
    await saved(focal);
    await screenshots(focal, 'report-draft');

    await focal.getByTestId('submit-report').click();
    await expectText(focal.getByTestId('status-badge'), 'Submitted');

    // The reviewer finds it among the submitted reports and asks for changes.
    const reviewer = await openPage(browser, 'en-US');
    await signIn(reviewer, 'reviewer@pioneer.test');
    await expectPath(reviewer, '/');
    await reviewer.getByRole('link', { name: 'Reports', exact: true }).first().click();
    await expectPath(reviewer, '/reports');
    await reviewer.getByLabel('Status').selectOption('submitted');
    await reviewer.waitForFunction(() => {
      const badges = [...document.querySelectorAll('[data-testid=reports-table] tbody [data-testid=status]')];
      return badges.length > 0 && badges.every((badge) => badge.dataset.status === 'submitted');
    });
    const row = reviewer
      .getByTestId('reports-table')
      .locator('tbody tr')
      .filter({ hasText: 'Kenya' })
      .filter({ has: reviewer.locator('td', { hasText: new RegExp(`^${year}$`) }) });
    await row.waitFor();
    await row.getByRole('link', { name: 'Kenya' }).click();
    await expectPath(reviewer, reportPath);
    await reviewer.getByTestId('decision').waitFor();
    assert.equal(await reviewer.getByLabel('Progress (%)').count(), 0, 'read-only for the reviewer');
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await reviewer.getByTestId('decision').getByText('This field is required.').waitFor();
    await reviewer.getByLabel('Comment for the country team').fill('Please say how the helpline reaches children with disabilities.');
    await screenshots(reviewer, 'report-review');
    await reviewer.getByRole('button', { name: 'Request changes' }).click();
    await expectText(reviewer.getByTestId('status-badge'), 'Changes requested');

    // The focal point reads the comment, answers it, completes the report and resubmits.
    await focal.reload();
    await expectText(focal.getByTestId('status-badge'), 'Changes requested');
    const thread = focal.getByTestId('comments-report');
    await thread.getByText('Please say how the helpline reaches children with disabilities.').waitFor();
    await thread.getByRole('button', { name: /^Reply to / }).click();
    await thread.getByLabel('Your reply').fill('Added to the achievements: sign-language video calls.');
    await thread.getByRole('button', { name: 'Send' }).first().click();
    await thread.getByText('Added to the achievements: sign-language video calls.').waitFor();
    await fillAndLeave(
      focal.getByLabel('Achievements', { exact: true }),
      'A free helpline now answers in every county, by voice, text and sign-language video calls.',
    );
    await saved(focal);
    await screenshot(focal, 'report-changes-requested');
    await focal.getByTestId('submit-report').click();
    await expectText(focal.getByTestId('status-badge'), 'Submitted');

    // Before the decision, the secretariat's synthesis counts the accepted reports only.
    const secretariat = await openPage(browser, 'en-US');
    await signIn(secretariat, 'secretariat@pioneer.test');
    await expectPath(secretariat, '/');
    await secretariat.getByRole('link', { name: 'Reporting cycles', exact: true }).first().click();
    await expectPath(secretariat, '/reporting-cycles');
    const cycle = secretariat.getByTestId('cycle').filter({ hasText: `Reporting cycle ${year}` });
    await cycle.waitFor();
    await screenshots(secretariat, 'reporting-cycles');
    await cycle.getByRole('link', { name: 'Synthesis' }).click();
    await expectPath(secretariat, `/reporting-cycles/${year}/synthesis`);
    const basedOn = secretariat.locator('#synthesis-reports');
    await basedOn.waitFor();
    const before = await numberIn(basedOn);
    assert.equal(await secretariat.getByTestId('synthesis-reports').getByText('Kenya').count(), 0);

    // The reviewer accepts it.
    await reviewer.reload();
    await reviewer.getByTestId('decision').waitFor();
    await reviewer.getByTestId('comments-report').getByText('Added to the achievements: sign-language video calls.').waitFor();
    await reviewer.getByRole('button', { name: 'Accept the report' }).click();
    await expectText(reviewer.getByTestId('status-badge'), 'Accepted');
    assert.equal(await reviewer.getByTestId('decision').count(), 0, 'nothing left to decide');
    await reviewer.getByTestId('history').locator('summary').click();
    await reviewer.getByTestId('history').getByText('Acceptance · Report').waitFor();
    await screenshot(reviewer, 'report-accepted');

    // The tracker shows Kenya's report accepted, with its submission date.
    await secretariat.getByRole('link', { name: 'Tracker' }).click();
    await expectPath(secretariat, `/reporting-cycles/${year}/tracker`);
    const tracked = secretariat.getByTestId('tracker-table').locator('tbody tr').filter({ hasText: 'Kenya' });
    await tracked.waitFor();
    await expectText(tracked.getByTestId('status'), 'Accepted');
    assert.match(await tracked.textContent(), new RegExp(`\\d{1,2} \\w+ ${new Date().getFullYear()}`), 'a submission date');
    assert.ok((await numberIn(secretariat.getByTestId('count-accepted').locator('dd'))) >= 1);
    await screenshots(secretariat, 'report-tracker');
    await secretariat.getByLabel('Status', { exact: true }).selectOption('accepted');
    await expectText(tracked.getByTestId('status'), 'Accepted');
    await secretariat.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=tracker-table] tbody [data-testid=status]')]
        .every((badge) => badge.dataset.status === 'accepted'));
    await secretariat.getByLabel('Region', { exact: true }).selectOption('Americas');
    await tracked.waitFor({ state: 'detached' });
    await secretariat.getByLabel('Region', { exact: true }).selectOption('Africa');
    await tracked.waitFor();
    // The spreadsheet of the same selection, downloaded through the session.
    const download = secretariat.waitForEvent('download');
    await secretariat.getByTestId('export-csv').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), `tracker-${year}.csv`);

    // The synthesis now counts Kenya's report; with the submitted ones it counts more.
    await secretariat.getByRole('link', { name: 'Synthesis' }).click();
    await expectPath(secretariat, `/reporting-cycles/${year}/synthesis`);
    await secretariat.getByTestId('synthesis-reports').getByText('Kenya').waitFor();
    assert.equal(await numberIn(basedOn), before + 1);
    assert.ok((await secretariat.getByTestId('actions-by-strategy').getByTestId('bar-row').count()) >= 1);
    await secretariat.getByTestId('actions-by-strategy').getByTestId('bar-row').first().locator('a').click();
    await expectPath(secretariat, '/reports');
    await secretariat.getByTestId('figure-filter').waitFor();
    // The filter shows before the page of reports arrives: wait for a row, not count at once.
    await secretariat.getByTestId('reports-table').locator('tbody tr').first().waitFor();
    await secretariat.goBack();
    await expectPath(secretariat, `/reporting-cycles/${year}/synthesis`);
    await basedOn.waitFor();
    await secretariat.getByTestId('include-submitted').check();
    await secretariat.waitForFunction(
      (n) => Number(document.querySelector('#synthesis-reports')?.textContent.match(/\d+/)?.[0]) > n,
      before + 1,
    );
    await screenshots(secretariat, 'report-synthesis');
    await secretariat.emulateMedia({ media: 'print' });
    await screenshot(secretariat, 'report-synthesis-print');
    await secretariat.emulateMedia({ media: 'screen' });

    // Kenya's progress over the cycles: a bar per cycle, a line per indicator.
    await secretariat.goto(`${BASE_URL}/countries/KEN/trend`);
    const trend = secretariat.getByTestId('trend-actions');
    await trend.waitFor();
    assert.ok((await trend.getByTestId('bar-row').count()) >= 2, 'last year and this year');
    assert.ok((await secretariat.getByTestId('line-chart').count()) >= 1);
    await screenshots(secretariat, 'report-trend');

    // The focal point's report is read-only now, in French too.
    await focal.reload();
    await expectText(focal.getByTestId('status-badge'), 'Accepted');
    assert.equal(await focal.getByTestId('submit-report').count(), 0);
    await focal.getByTestId('lang-switcher').selectOption('fr');
    await expectText(focal.getByTestId('status-badge'), 'Accepté');
    await expectText(focal.getByTestId('report-title'), `Rapport annuel de progrès ${year}`);
    await screenshot(focal, 'report-accepted-fr');
    await focal.getByTestId('lang-switcher').selectOption('en');

    focal.assertNoErrors();
    reviewer.assertNoErrors();
    secretariat.assertNoErrors();
    await secretariat.context().close();
    await reviewer.context().close();
    await focal.context().close();
  });

  test('the secretariat opens a cycle, and the dates are checked first', async () => {
    const page = await openPage(browser, 'en-US');
    await signIn(page, 'secretariat@pioneer.test');
    await expectPath(page, '/');
    await page.goto(`${BASE_URL}/reporting-cycles`);
    const form = page.getByTestId('new-cycle');
    await form.waitFor();
    const year = 2090 + (Date.now() % 10);
    await form.getByLabel('Year reported on').fill(String(year));
    await form.getByLabel('Opens on').fill(`${year + 1}-03-01`);
    await form.getByLabel('Due on').fill(`${year + 1}-02-01`);
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    await expectText(page.locator('#new-cycle-due-error'), 'The due date cannot come before the opening date.');
    await form.getByLabel('Due on').fill(`${year + 1}-04-30`);
    await form.getByRole('button', { name: 'Open the cycle' }).click();
    await expectText(form.getByRole('status'), `The ${year} reporting cycle is open.`);
    const card = page.getByTestId('cycle').filter({ hasText: `Reporting cycle ${year}` });
    await card.waitFor();
    await card.getByTestId('toggle-cycle').click();
    await expectText(page.getByTestId('cycle').filter({ hasText: `Reporting cycle ${year}` }).getByTestId('status'), 'Closed');
    page.assertNoErrors();
    await page.context().close();
  });
});
