// Thematic groups, as the secretariat runs them: a group is created (a name already used is
// refused at the field), a member is added by e-mail as a moderator, and that member finds the
// group with their role and its members; taken out, they no longer see the members.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, FRENCH, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

describe('thematic groups', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the secretariat creates a group and adds a moderator, who finds it', async () => {
    const name = `Justice for children ${Date.now()}`;
    const secretariat = await openPage(browser, 'en-US');
    await signIn(secretariat, 'secretariat@pioneer.test');
    await expectPath(secretariat, '/');
    await secretariat.getByRole('link', { name: 'Groups', exact: true }).first().click();
    await expectPath(secretariat, '/groups');

    const form = secretariat.getByTestId('new-group');
    await form.getByLabel('Name of the group').fill('Parenting support');
    await form.getByRole('button', { name: 'Create the group' }).click();
    await expectText(secretariat.locator('#group-name-error'), 'A group already has this name.');
    await form.getByLabel('Name of the group').fill(name);
    await form.getByLabel('Description').fill('Child-friendly justice: courts, police and legal aid.');
    await form.getByRole('button', { name: 'Create the group' }).click();
    await expectText(form.getByRole('status'), `The group “${name}” was created.`);
    await secretariat.getByRole('link', { name }).click();
    await expectText(secretariat.getByTestId('group-name'), name);
    await secretariat.getByTestId('group-no-member').waitFor();

    const add = secretariat.getByTestId('add-member');
    await add.getByLabel('E-mail').fill('nobody@pioneer.test');
    await add.getByRole('button', { name: 'Add to the group' }).click();
    await expectText(
      secretariat.locator('#member-email-error'),
      'No active member of Pioneer Hub has this e-mail address.',
    );
    await add.getByLabel('E-mail').fill('focal.sen@pioneer.test');
    await add.getByLabel('Role in the group').selectOption('moderator');
    await add.getByRole('button', { name: 'Add to the group' }).click();
    await expectText(secretariat.getByTestId('group-counts'), '1 member, 1 moderator');
    const rows = secretariat.getByTestId('group-members').locator('tbody tr');
    assert.equal(await rows.count(), 1);
    await screenshot(secretariat, 'group-secretariat');
    secretariat.assertNoErrors();

    const member = await openPage(browser, 'fr-FR');
    await signIn(member, 'focal.sen@pioneer.test', { labels: FRENCH });
    await expectPath(member, '/');
    await member.goto(`${BASE_URL}/groups`);
    await member.getByRole('link', { name }).click();
    await expectText(member.getByTestId('my-group-role'), 'Modérateur');
    await expectText(member.getByTestId('group-counts'), '1 membre, 1 modérateur');
    await member.setViewportSize({ width: 390, height: 844 });
    await screenshot(member, 'group-member-fr-mobile');

    // The group's resources: none yet; sharing one from its page chooses the group in the form.
    await member.getByTestId('group-no-resource').waitFor();
    await member.getByTestId('share-with-group').click();
    await expectPath(member, '/knowledge/new');
    await member.locator('#rf-group').waitFor();
    assert.equal(await member.locator('#rf-visibility-group').isChecked(), true);
    assert.equal((await member.locator('#rf-group option:checked').textContent())?.trim(), name);
    await member.goBack();
    await member.getByTestId('group-resources').waitFor();

    // Taken out: the member list is no longer theirs to see.
    secretariat.once('dialog', (dialog) => dialog.accept());
    await secretariat.getByTestId('remove-member').click();
    await secretariat.getByTestId('group-no-member').waitFor();
    await member.reload();
    await member.getByTestId('group-name').waitFor();
    assert.equal(await member.getByTestId('my-group-role').count(), 0);
    assert.equal(await member.getByTestId('group-members').count(), 0);
    assert.equal(await member.getByTestId('group-resources').count(), 0);
    member.assertNoErrors();
    await member.context().close();
    await secretariat.context().close();
  });

  test('a member finds the resources shared with their group on its page; others do not', async () => {
    const member = await openPage(browser, 'en-US');
    await signIn(member, 'focal.ken@pioneer.test');
    await expectPath(member, '/');
    await member.goto(`${BASE_URL}/groups`);
    await member.getByRole('link', { name: 'Parenting support' }).click();
    const shared = member.getByTestId('group-resources').getByRole('link', {
      name: 'Toolkit: bringing fathers into parenting programmes',
    });
    await shared.click();
    await expectText(member.getByTestId('resource-title'), 'Toolkit: bringing fathers into parenting programmes');
    const resourcePath = new URL(member.url()).pathname;
    member.assertNoErrors();
    await member.context().close();

    // Not in the group: neither its resources on its page nor the resource itself.
    const outsider = await openPage(browser, 'en-US');
    await signIn(outsider, 'focal.mex@pioneer.test');
    await expectPath(outsider, '/');
    await outsider.goto(`${BASE_URL}/groups`);
    await outsider.getByRole('link', { name: 'Parenting support' }).click();
    await outsider.getByTestId('group-name').waitFor();
    await outsider.getByTestId('ask-to-join').waitFor();
    assert.equal(await outsider.getByTestId('group-resources').count(), 0);
    await outsider.goto(`${BASE_URL}${resourcePath}`);
    await outsider.getByRole('heading', { name: 'Page not found' }).waitFor();
    await outsider.context().close();
  });

  test('a member asks to join, the group’s moderator accepts, and can take them out again', async () => {
    const name = `Birth registration ${Date.now()}`;
    const secretariat = await openPage(browser, 'en-US');
    await signIn(secretariat, 'secretariat@pioneer.test');
    await expectPath(secretariat, '/');
    await secretariat.goto(`${BASE_URL}/groups`);
    const form = secretariat.getByTestId('new-group');
    await form.getByLabel('Name of the group').fill(name);
    await form.getByRole('button', { name: 'Create the group' }).click();
    await expectText(form.getByRole('status'), `The group “${name}” was created.`);
    await secretariat.getByRole('link', { name }).click();
    const add = secretariat.getByTestId('add-member');
    await add.getByLabel('E-mail').fill('focal.npl@pioneer.test');
    await add.getByLabel('Role in the group').selectOption('moderator');
    await add.getByRole('button', { name: 'Add to the group' }).click();
    await expectText(secretariat.getByTestId('group-counts'), '1 member, 1 moderator');
    const groupPath = new URL(secretariat.url()).pathname;
    await secretariat.context().close();

    // A member who is not in it asks, with a word for the moderators.
    const asker = await openPage(browser, 'en-US');
    await signIn(asker, 'focal.gha@pioneer.test');
    await expectPath(asker, '/');
    await asker.goto(`${BASE_URL}${groupPath}`);
    const join = asker.getByTestId('join-form');
    await join.getByLabel('A word for the moderators (optional)').fill('Ghana is rolling out birth registration in schools.');
    await join.getByRole('button', { name: 'Ask to join' }).click();
    await asker.getByTestId('join-requested').waitFor();
    assert.equal(await asker.getByTestId('group-members').count(), 0, 'not a member yet');

    // The moderator sees the request on the group's page and accepts it.
    const moderator = await openPage(browser, 'en-US');
    await signIn(moderator, 'focal.npl@pioneer.test');
    await expectPath(moderator, '/');
    await moderator.goto(`${BASE_URL}${groupPath}`);
    const request = moderator.getByTestId('join-request').filter({ hasText: 'birth registration in schools' });
    await request.waitFor();
    await screenshot(moderator, 'group-join-requests');
    await request.getByRole('button', { name: 'Accept' }).click();
    await expectText(moderator.getByTestId('group-counts'), '2 members, 1 moderator');
    assert.equal(await moderator.getByTestId('join-request').count(), 0);

    await asker.reload();
    await expectText(asker.getByTestId('my-group-role'), 'Member');
    await asker.getByTestId('group-discussions').waitFor();

    // The moderator takes the member out (not themself: a moderator is the secretariat's to remove).
    const rows = moderator.getByTestId('group-members').locator('tbody tr');
    assert.equal(await rows.count(), 2);
    assert.equal(await moderator.getByTestId('remove-member').count(), 1, 'only the member can be taken out');
    moderator.once('dialog', (dialog) => dialog.accept());
    await moderator.getByTestId('remove-member').click();
    await expectText(moderator.getByTestId('group-counts'), '1 member, 1 moderator');
    await asker.reload();
    await asker.getByTestId('group-name').waitFor();
    assert.equal(await asker.getByTestId('my-group-role').count(), 0);
    await asker.getByTestId('join-form').waitFor();
    asker.assertNoErrors();
    moderator.assertNoErrors();
  });
});
