// <mobilenet-classifier> when the camera fails: permission denied, no camera, a busy camera, and a camera
// that stops while in use. Each failure is shown in [part=error] (role=alert) with what to do, and fired as
// `mobilenet-error` with phase 'camera'.
//
// This browser has Chromium's fake camera but not --use-fake-ui-for-media-stream: headless Chromium then
// answers getUserMedia with NotAllowedError unless the context was granted 'camera' (checked with Chromium
// 150), so the denial below is the browser's own. "No camera" and "busy" cannot be produced by the fake
// device, so getUserMedia is stubbed to reject with the DOMException a browser gives for them.
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import {
  BASE_ARGS,
  captureCamera,
  capturedCamera,
  expect,
  expectCameraOn,
  fakeCameraArgs,
  mountClassifier,
  previewState,
  waitForLogged,
  CAMERA_MESSAGES,
  testWithoutModel,
} from './camera-harness';

const test = testWithoutModel;
const { denied: DENIED, notFound: NOT_FOUND, busy: BUSY, stopped: STOPPED } = CAMERA_MESSAGES;

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BASE_ARGS, ...fakeCameraArgs({ autoAccept: false })],
  },
});

/** Makes getUserMedia reject the way a browser does when the camera is missing or held elsewhere. */
async function stubGetUserMedia(page: Page, name: 'NotFoundError' | 'NotReadableError'): Promise<void> {
  await page.evaluate((errorName) => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException(`stubbed ${errorName}`, errorName));
  }, name);
}

/** Turns the camera on with the toggle and expects it to fail with `message`, shown and fired. */
async function expectCameraFailure(
  page: Page,
  el: Locator,
  message: string,
  cause: string,
  retryLabel: string,
): Promise<void> {
  await el.locator('[part=camera-button]').click();
  const [error] = await waitForLogged(page, 'mobilenet-error', 1);
  expect({ phase: error.phase, message: error.message, cause: error.cause }).toEqual({
    phase: 'camera',
    message,
    cause,
  });

  const alert = el.getByRole('alert');
  await expect(alert, 'no role=alert shown for the camera failure').toBeVisible();
  await expect(alert).toHaveAttribute('part', 'error');
  await expect(alert).toContainText(message);
  await expect(alert.getByRole('button', { name: retryLabel })).toBeVisible();
  await expect(el.locator('[part=camera-button]'), 'the toggle still says the camera is on').toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(el).not.toHaveAttribute('camera');
  expect((await previewState(el)).rendered, 'a preview is rendered for a camera that failed').toBe(false);
}

test.describe('permission denied', () => {
  test('says that the permission was denied and what to do, and fires a camera error', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    await expectCameraFailure(page, el, DENIED, 'NotAllowedError', 'Try again');
  });

  test('startCamera() rejects with the same message', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    const outcome = await el.evaluate((host: MobilenetClassifier) =>
      host.startCamera().then(
        () => 'resolved',
        (error: Error) => `${error.name}: ${error.message}`,
      ),
    );
    expect(outcome).toBe(`CameraError: ${DENIED}`);
    await expect(el.getByRole('alert')).toContainText(DENIED);
  });

  test('"Try again" starts the camera once the permission is granted, and clears the message', async ({
    elementPage: page,
    context,
    baseURL,
  }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    await expectCameraFailure(page, el, DENIED, 'NotAllowedError', 'Try again');

    await context.grantPermissions(['camera'], { origin: new URL(baseURL!).origin });
    await el.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
    await expectCameraOn(el);
    await expect(el.locator('[part=error]'), 'the denial is still shown with the camera on').toHaveCount(0);
    await expect(el.locator('[part=camera-button]')).toHaveAttribute('aria-pressed', 'true');
  });
});

test('with no camera, says none was found', async ({ elementPage: page }) => {
  const el = await mountClassifier(page, {}, { waitReady: false });
  await stubGetUserMedia(page, 'NotFoundError');
  await expectCameraFailure(page, el, NOT_FOUND, 'NotFoundError', 'Try again');
});

test('with a camera held by another app, says it is busy', async ({ elementPage: page }) => {
  const el = await mountClassifier(page, {}, { waitReady: false });
  await stubGetUserMedia(page, 'NotReadableError');
  await expectCameraFailure(page, el, BUSY, 'NotReadableError', 'Try again');
});

test.describe('a camera that stops while in use', () => {
  test.use({ permissions: ['camera'] });

  test('says it stopped, releases it, and "Turn camera on" starts it again', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, { camera: true }, { waitReady: false });
    await expectCameraOn(el);
    await captureCamera(el);

    // track.stop() fires no 'ended' event; a camera that is unplugged or taken away does.
    await page.evaluate(() => window.captured!.tracks.forEach((track) => track.dispatchEvent(new Event('ended'))));
    const [error] = await waitForLogged(page, 'mobilenet-error', 1);
    expect({ phase: error.phase, message: error.message }).toEqual({ phase: 'camera', message: STOPPED });
    await expect(el.getByRole('alert')).toContainText(STOPPED);
    await expect(el.locator('[part=camera-button]')).toHaveAttribute('aria-pressed', 'false');
    const released = await capturedCamera(page);
    expect(released, 'the element kept the stream of the camera that stopped').toEqual({
      trackStates: ['ended'],
      srcObjectIsNull: true,
    });

    await el.getByRole('alert').getByRole('button', { name: 'Turn camera on' }).click();
    await expectCameraOn(el);
    await expect(el.locator('[part=error]'), '"camera stopped" is still shown with the camera back on').toHaveCount(0);
    await expect(el.locator('[part=camera-button]')).toHaveAttribute('aria-pressed', 'true');
  });
});
