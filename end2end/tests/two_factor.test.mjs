// Two-factor sign-in, as a member does it: turn it on from the account page (key, code, the
// recovery codes shown once), sign in with the second step (a wrong code refused at the field,
// a recovery code accepted), and turn it off. A fresh member is made for it, so that the demo
// accounts the other tests use keep signing in with a password alone.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { BASE_URL, PASSWORD, expectPath, expectText, launch, openPage, screenshot, signIn } from './support.mjs';

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of text.replace(/[\s=]/g, '').toUpperCase()) {
    value = ((value << 5) | alphabet.indexOf(char)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code an authenticator app with `secret` shows now (RFC 6238: SHA-1, 6 digits, 30 s). */
function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function api(path, { token, body } = {}) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(response.ok, `${path}: ${response.status}`);
  return response.json();
}

describe('two-factor sign-in', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a member turns it on, signs in with a recovery code and turns it off', async () => {
    const admin = await api('/auth/login', { body: { email: 'admin@pioneer.test', password: PASSWORD } });
    const email = `e2e.totp.${Date.now()}@pioneer.test`;
    await api('/users', {
      token: admin.access_token,
      body: { email, name: 'Tomás Otp', role: 'partner', password: PASSWORD },
    });

    const page = await openPage(browser, 'en-US');
    await signIn(page, email);
    await expectPath(page, '/');
    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await expectPath(page, '/account');
    await expectText(page.getByTestId('totp-status'), 'Off.');

    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    assert.equal(secret.length, 32, 'a 160-bit key');
    assert.equal(await page.getByRole('img', { name: 'QR code to add Pioneer Hub to an authenticator app' }).count(), 1);
    const code = page.getByLabel('Enter the 6-digit code the app now shows');
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expectText(page.locator('#totp-confirm-error'), 'This field is required.');
    await code.fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm and turn on' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
    for (const c of recoveryCodes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const recovery = recoveryCodes[0];
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'account-recovery-codes-mobile');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expectText(page.getByTestId('totp-status'), 'On. 10 recovery codes left.');
    await page.getByRole('button', { name: 'Log out' }).click();
    await expectPath(page, '/login');

    // The password alone no longer signs in: the second step asks for a code.
    await signIn(page, email, { here: true });
    const second = page.getByLabel('Enter the 6-digit code from your authenticator app (or a recovery code)');
    await second.waitFor();
    await screenshot(page, 'login-second-step-en');
    const right = totp(secret);
    await second.fill(right === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expectText(
      page.getByTestId('login-code-error'),
      'This code is wrong or was already used. Wait for the next code and try again.',
    );
    await second.fill(recovery);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expectPath(page, '/');

    await page.getByRole('link', { name: 'Your account', exact: true }).click();
    await expectText(page.getByTestId('totp-status'), 'On. 9 recovery codes left.');
    // Turning it off takes a code too: a used recovery code is refused, a fresh one works.
    const offCode = page
      .getByTestId('totp-off-form')
      .getByLabel('Enter the 6-digit code from your authenticator app (or a recovery code)');
    await offCode.fill(recovery);
    await page.getByRole('button', { name: 'Turn off', exact: true }).click();
    await expectText(
      page.locator('#totp-off-error'),
      'This code is wrong or was already used. Wait for the next code and try again.',
    );
    await offCode.fill(recoveryCodes[1]);
    await page.getByRole('button', { name: 'Turn off', exact: true }).click();
    await expectText(page.getByTestId('totp-status'), 'Off.');
    page.assertNoErrors();
    await page.context().close();
  });
});
