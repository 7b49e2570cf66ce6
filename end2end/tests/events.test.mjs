// Events across time zones: the secretariat, in Paris, organises a webinar in Nairobi time with
// one place. A member in Dakar and one in Bogotá each see it in their own time; the first takes
// the place, the second joins the waiting list. When the first cancels, the second gets the
// place and the bell tells them.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

const ORGANISER = 'secretariat@pioneer.test';
const FIRST = 'focal.sen@pioneer.test';
const SECOND = 'focal.uga@pioneer.test';
const EVENT_PATH = /^\/events\/[0-9a-f-]{36}$/;

/** The day after tomorrow, as a `datetime-local` input writes it. */
function dayAfterTomorrow() {
  const day = new Date(Date.now() + 2 * 24 * 3600 * 1000);
  return day.toISOString().slice(0, 10);
}

async function unreadCount(page) {
  const bell = page.getByTestId('notifications-link');
  await page.locator('[data-testid="notifications-link"][data-unread]').waitFor();
  return Number(await bell.getAttribute('data-unread'));
}

async function expectContains(locator, fragment, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen;
  while (Date.now() < deadline) {
    seen = await locator.textContent({ timeout: 1_000 }).then((t) => t ?? '', () => '');
    if (seen.includes(fragment)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`expected “${fragment}” in “${seen}”`);
}

describe('events', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a webinar in Nairobi time is shown in each member’s zone, and a freed place goes to the waiting list', async () => {
    const title = `Webinar across time zones ${Date.now()}`;
    const day = dayAfterTomorrow();

    // The organiser, in Paris (UTC+1 in winter), sets 14:00 in Nairobi (UTC+3) = 11:00 UTC.
    const organiser = await openPage(browser, 'en-US', { timezoneId: 'Europe/Paris' });
    await signIn(organiser, ORGANISER);
    await expectPath(organiser, '/');
    await organiser.getByRole('link', { name: 'Events', exact: true }).first().click();
    await expectPath(organiser, '/events');
    await organiser.getByTestId('new-event').click();
    await expectPath(organiser, '/events/new');
    const form = organiser.getByTestId('event-form');
    await form.getByRole('button', { name: 'Save the event' }).click();
    await expectText(organiser.locator('#event-starts-at-error'), 'This field is required.');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Time zone of the organiser').selectOption('Africa/Nairobi');
    await form.getByLabel('Starts').fill(`${day}T14:00`);
    await form.getByLabel('Ends').fill(`${day}T15:30`);
    await form.getByLabel('Link to join online').fill('https://meet.example.org/time-zones');
    await form.getByLabel('Places', { exact: true }).fill('1');
    await form.getByLabel('Description').fill('Times are **hard**.');
    await form.getByRole('button', { name: 'Save the event' }).click();
    await organiser.waitForURL((url) => EVENT_PATH.test(url.pathname));
    const eventPath = new URL(organiser.url()).pathname;
    await expectText(organiser.getByTestId('event-title'), title);
    await expectContains(organiser.getByTestId('event-when'), '12:00');
    await expectContains(organiser.getByTestId('event-organiser-time'), '14:00');
    await expectContains(organiser.getByTestId('event-places'), '1 of 1 places left');
    organiser.assertNoErrors();

    // The first member, in Dakar (UTC+0), finds it in the list and takes the place.
    const first = await openPage(browser, 'en-US', { timezoneId: 'Africa/Dakar' });
    await signIn(first, FIRST);
    await expectPath(first, '/');
    await first.getByRole('link', { name: 'Events', exact: true }).first().click();
    await expectPath(first, '/events');
    const item = first.getByTestId('event-item').filter({ hasText: title });
    await expectContains(item.getByTestId('event-when'), '11:00');
    await item.getByRole('link', { name: title }).click();
    await expectPath(first, eventPath);
    await expectContains(first.getByTestId('event-when'), '11:00');
    await first.getByTestId('register').click();
    await expectText(first.getByTestId('my-registration'), 'You are registered');
    await expectText(first.getByTestId('online-url'), 'https://meet.example.org/time-zones');
    await screenshot(first, 'event');
    await first.setViewportSize({ width: 390, height: 844 });
    await screenshot(first, 'event-mobile');

    // The second, in Bogotá (UTC−5), sees 06:00 and joins the waiting list.
    const second = await openPage(browser, 'en-US', { timezoneId: 'America/Bogota' });
    await signIn(second, SECOND);
    await expectPath(second, '/');
    const before = await unreadCount(second);
    await second.goto(`${BASE_URL}${eventPath}`);
    await expectContains(second.getByTestId('event-when'), '06:00');
    await expectContains(second.getByTestId('event-places'), 'Full');
    await expectText(second.getByTestId('register'), 'Join the waiting list');
    await second.getByTestId('register').click();
    await expectText(second.getByTestId('my-registration'), 'Waiting list: number 1');
    assert.equal(await second.getByTestId('online-url').count(), 0, 'no link without a place');

    // The first cancels: the place goes to the second, whose bell tells them.
    await first.getByTestId('cancel-registration').click();
    await expectText(first.getByTestId('event-notice'), 'Your registration is cancelled.');
    await second.reload();
    await expectText(second.getByTestId('my-registration'), 'You are registered');
    const deadline = Date.now() + 70_000;
    let now = before;
    while (Date.now() < deadline && now <= before) {
      await second.getByRole('link', { name: 'Events', exact: true }).first().click();
      now = await unreadCount(second);
      if (now <= before) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.equal(now, before + 1, 'the bell counts the freed place');
    for (const page of [organiser, first, second]) page.assertNoErrors();
  });
});
