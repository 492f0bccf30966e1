// <mobilenet-classifier> with a camera: Chromium's fake webcam plays a .y4m made from a test image
// (scripts/make-y4m.ts), so "what the camera sees" has a known class. Covers live classification, the
// max-fps cap, one inference at a time, the off-screen pause, the ways the camera starts and stops, and that
// every track ends whenever the element lets go of the camera.
import type { Locator, Page } from '@playwright/test';
import type { MobilenetClassifier } from '../src/components/mobilenet-classifier/mobilenet-classifier.component';
import { renderedLabels } from './element-harness';
import {
  CAMERA_IMAGE,
  cameraImage,
  captureCamera,
  capturedCamera,
  expect,
  expectCameraOn,
  log,
  mountClassifier,
  previewState,
  setTabHidden,
  test,
  waitForLogged,
  type LogEntry,
} from './camera-harness';

const count = (entries: LogEntry[], type: LogEntry['type'], after = Number.NEGATIVE_INFINITY) =>
  entries.filter((e) => e.type === type && e.t > after).length;

/** A getUserMedia stub's state in the page: asked yet, how to let it answer, and the stream it gave. */
interface HeldGetUserMedia {
  asked: boolean;
  answer?: () => void;
  stream?: MediaStream;
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** Expects every captured track to have ended and the captured preview to hold no stream. */
async function expectCameraReleased(page: Page, how: string): Promise<void> {
  const { trackStates, srcObjectIsNull } = await capturedCamera(page);
  expect(trackStates, `after ${how}, a camera track is still live (the camera light stays on)`).toEqual(
    trackStates.map(() => 'ended'),
  );
  expect(srcObjectIsNull, `after ${how}, the preview <video> still holds the stream`).toBe(true);
}

test.describe('live mode', () => {
  test('shows the class of what the camera sees in its rendered top-5 and fires camera results', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true, live: true });
    const results = await waitForLogged(page, 'mobilenet-result', 3);

    for (const result of results) {
      expect(result.kind, 'a live result that does not say it came from the camera').toBe('camera');
      expect(result.indices, `the camera shows a ${CAMERA_IMAGE.displayLabel}; top-5 was ${result.labels}`).toContain(
        CAMERA_IMAGE.index,
      );
    }
    const last = results.at(-1)!;
    expect(last.indices![0], `top-1 of the camera picture was ${last.labels![0]}`).toBe(CAMERA_IMAGE.index);
    expect(
      last.probability,
      'the camera picture is classified with little confidence: is it the test image?',
    ).toBeGreaterThan(0.5);
    const rendered = await renderedLabels(el);
    expect(rendered, 'no <li part=result> with a [part=label] rendered').toHaveLength(5);
    expect(rendered).toContain(CAMERA_IMAGE.displayLabel);
    await expect(el.locator('[part=capture-button]'), 'live mode needs no "Classify this frame" button').toHaveCount(0);
  });

  test('classifies no more than max-fps frames a second', async ({ elementPage: page }) => {
    await mountClassifier(page, { camera: true, live: true, 'max-fps': '2' });
    // Counted from the second result: the first frame waits for the model, and the next runs right after it.
    const [, second] = await waitForLogged(page, 'mobilenet-result', 2);
    await page.waitForTimeout(3300);
    const entries = await log(page);
    const started = count(entries, 'video-draw', second.t) - count(entries, 'video-draw', second.t + 3000);

    // A cap, not a rate. The loop spaces frames by their timestamps; a frame callback held up by a running
    // inference starts late, so two starts can be closer than 500 ms, but 3 s hold at most 3 × 2 + 1.
    // Without the cap this machine starts 4–8 inferences a second.
    expect(started, `${started} inferences started in 3 s with max-fps=2`).toBeLessThanOrEqual(3 * 2 + 1);
    expect(started, 'live mode stopped classifying').toBeGreaterThanOrEqual(3);
  });

  test('never starts an inference while the previous one is still running', async ({ elementPage: page }) => {
    // max-fps above the camera's 30 fps, so only the busy rule holds frames back. Counted from the mount:
    // the first inference waits for the model (the page loads it again, as the previous test's element
    // released it) while frames keep coming, which is where overlaps would pile up. Under SwiftShader a
    // running inference also holds back new frames, so the steady state alone would rarely test the rule.
    await mountClassifier(page, { camera: true, live: true, 'max-fps': '60' }, { waitReady: false });
    await waitForLogged(page, 'mobilenet-result', 2);
    await page.waitForTimeout(2000);
    const entries = (await log(page)).filter((e) => e.type !== 'mobilenet-ready');

    // Each inference draws the frame once at its start and ends with its result (or error): one at a time
    // means starts and ends alternate. Two starts in a row mean an inference began inside another.
    const sequence = entries.map((e) => (e.type === 'video-draw' ? 'S' : 'E')).join('');
    expect(count(entries, 'video-draw'), 'too few inferences to judge').toBeGreaterThanOrEqual(4);
    expect(sequence, 'S = a frame drawn for the model (an inference starts), E = its result or error').not.toMatch(
      /SS/,
    );
  });

  test('pauses while the element is scrolled out of view and resumes when it is back', async ({
    elementPage: page,
  }) => {
    await page.evaluate(() =>
      document.body.insertAdjacentHTML('beforeend', '<div id="spacer" style="height: 4000px"></div>'),
    );
    const el = await mountClassifier(page, { camera: true, live: true });
    await el.evaluate((host) => host.parentElement!.prepend(host));
    await waitForLogged(page, 'mobilenet-result', 2);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(() => el.evaluate((host) => host.getBoundingClientRect().bottom), {
        message: 'the element did not scroll out of view',
      })
      .toBeLessThan(0);
    // Let the IntersectionObserver report and an inference already running finish.
    await page.waitForTimeout(800);
    const offScreenFrom = await pageNow(page);
    await page.waitForTimeout(2000);
    const whileOffScreen = (await log(page)).filter((e) => e.t > offScreenFrom && e.type !== 'mobilenet-ready');
    expect(
      whileOffScreen.map((e) => e.type),
      'classified camera frames while the element was off-screen',
    ).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await waitForLogged(page, 'mobilenet-result', count(await log(page), 'mobilenet-result') + 2, 10_000);
  });

  test('pauses while the tab is hidden and resumes when it is shown', async ({ elementPage: page }) => {
    await mountClassifier(page, { camera: true, live: true });
    await waitForLogged(page, 'mobilenet-result', 2);

    await setTabHidden(page, true);
    await page.waitForTimeout(500);
    const hiddenFrom = await pageNow(page);
    await page.waitForTimeout(1500);
    const whileHidden = (await log(page)).filter((e) => e.t > hiddenFrom && e.type !== 'mobilenet-ready');
    expect(
      whileHidden.map((e) => e.type),
      'classified camera frames while the tab was hidden',
    ).toEqual([]);

    await setTabHidden(page, false);
    await waitForLogged(page, 'mobilenet-result', count(await log(page), 'mobilenet-result') + 2, 10_000);
  });
});

test.describe('the camera is released', () => {
  test('removing the element ends every camera track, empties the preview and stops the live loop', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true, live: true });
    await waitForLogged(page, 'mobilenet-result', 1);
    await captureCamera(el);

    await el.evaluate((host) => host.remove());
    await expectCameraReleased(page, 'removing the element');
    const removedAt = await pageNow(page);
    await page.waitForTimeout(800);
    // A detached element's events reach no document listener; the frames it draws for the model still show.
    expect(count(await log(page), 'video-draw', removedAt), 'the removed element still classifies camera frames').toBe(
      0,
    );
  });

  test('removing the camera attribute ends every camera track and removes the preview', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true }, { waitReady: false });
    await expectCameraOn(el);
    await captureCamera(el);

    await el.evaluate((host) => host.removeAttribute('camera'));
    await expect
      .poll(async () => (await capturedCamera(page)).trackStates, { message: 'a camera track is still live' })
      .toEqual(['ended']);
    await expectCameraReleased(page, 'removing the camera attribute');
    expect((await previewState(el)).rendered, 'the preview is still rendered').toBe(false);
  });

  test('stopCamera() ends every camera track, sets srcObject to null and stops the live loop', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true, live: true });
    await waitForLogged(page, 'mobilenet-result', 1);
    await captureCamera(el);

    await el.evaluate((host: MobilenetClassifier) => host.stopCamera());
    // stopCamera() is synchronous: no waiting before the check.
    await expectCameraReleased(page, 'stopCamera()');
    await expect(el).not.toHaveAttribute('camera');
    const stoppedAt = await pageNow(page);
    await page.waitForTimeout(800);
    const after = await log(page);
    expect(
      count(after, 'video-draw', stoppedAt) + count(after, 'mobilenet-result', stoppedAt),
      'classified frames after stopCamera()',
    ).toBe(0);
  });

  // Regression: the camera light stayed on in a background tab (STYLE.md: stop every track "when stopped,
  // hidden or disconnected").
  test('a hidden tab ends every camera track, and the camera comes back when the tab is shown', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true }, { waitReady: false });
    await expectCameraOn(el);
    await captureCamera(el);

    await setTabHidden(page, true);
    await expect
      .poll(async () => (await capturedCamera(page)).trackStates, {
        message: 'a camera track is still live in a hidden tab',
        timeout: 3000,
      })
      .toEqual(['ended']);
    await expectCameraReleased(page, 'hiding the tab');
    await expect(el, 'hiding the tab is not the user turning the camera off').toHaveAttribute('camera', '');

    await setTabHidden(page, false);
    await expectCameraOn(el);
  });

  test('stopCamera() while the camera permission is pending leaves no track live', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    // getUserMedia is held until the test lets it answer, as a permission prompt holds it.
    await page.evaluate(() => {
      const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      const held: HeldGetUserMedia = { asked: false };
      (window as unknown as { held: HeldGetUserMedia }).held = held;
      navigator.mediaDevices.getUserMedia = (constraints) =>
        new Promise<void>((resolve) => {
          held.asked = true;
          held.answer = resolve;
        }).then(() => real(constraints).then((stream) => (held.stream = stream)));
    });
    await el.evaluate((host: MobilenetClassifier) => void host.startCamera().catch(() => {}));
    await page.waitForFunction(() => (window as unknown as { held: HeldGetUserMedia }).held.asked);

    await el.evaluate((host: MobilenetClassifier) => host.stopCamera());
    await page.evaluate(() => (window as unknown as { held: HeldGetUserMedia }).held.answer!());
    await page.waitForFunction(() => (window as unknown as { held: HeldGetUserMedia }).held.stream, undefined, {
      timeout: 5000,
    });
    await expect
      .poll(
        () =>
          page.evaluate(() =>
            (window as unknown as { held: HeldGetUserMedia }).held.stream!.getTracks().map((t) => t.readyState),
          ),
        {
          message: 'the stream that arrived after stopCamera() was kept running',
        },
      )
      .toEqual(['ended']);
    const preview = await previewState(el);
    expect({ rendered: preview.rendered, cameraAttribute: preview.cameraAttribute }).toEqual({
      rendered: false,
      cameraAttribute: false,
    });
    await expect(el.locator('[part=camera-button]')).toHaveAttribute('aria-pressed', 'false');
  });

  test('a camera element moved within the page turns its camera back on, with a new stream', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { camera: true }, { waitReady: false });
    await expectCameraOn(el);
    await captureCamera(el);

    await el.evaluate((host) => document.body.prepend(host));
    // The element starts the camera again at once on reconnect, so the preview may already hold the new
    // stream when we look: what must hold is that the old tracks ended and the old stream is gone.
    const old = await page.evaluate(() => ({
      trackStates: window.captured!.tracks.map((t) => t.readyState),
      stillHeld:
        (window.captured!.video.srcObject as MediaStream | null)
          ?.getTracks()
          .some((t) => window.captured!.tracks.includes(t)) ?? false,
    }));
    expect(old.trackStates, 'after the disconnect of a move, a camera track is still live').toEqual(
      old.trackStates.map(() => 'ended'),
    );
    expect(old.stillHeld, 'after the disconnect of a move, the preview still holds the old stream').toBe(false);
    await expectCameraOn(el);
  });
});

test.describe('starting and toggling the camera', () => {
  const toggle = (el: Locator) => el.locator('[part=camera-button]');

  test('the camera attribute turned off and on again restarts the camera', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, { camera: true }, { waitReady: false });
    await expectCameraOn(el);
    await captureCamera(el);

    await el.evaluate((host) => host.removeAttribute('camera'));
    await expect.poll(async () => (await capturedCamera(page)).trackStates).toEqual(['ended']);
    await el.evaluate((host) => host.setAttribute('camera', ''));
    await expectCameraOn(el);
    const fresh = await el.evaluate((host) => {
      const stream = host.shadowRoot!.querySelector('video')!.srcObject as MediaStream;
      return !stream.getTracks().some((track) => window.captured!.tracks.includes(track));
    });
    expect(fresh, 'the restarted preview shows the old, stopped stream').toBe(true);
  });

  test('the camera toggle turns the camera on and off, and its aria-pressed follows', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    await expect(toggle(el)).toHaveAttribute('aria-pressed', 'false');

    await toggle(el).click();
    await expect(toggle(el)).toHaveAttribute('aria-pressed', 'true');
    await expect(el).toHaveAttribute('camera', '');
    await expectCameraOn(el);
    await captureCamera(el);

    await toggle(el).click();
    await expect(toggle(el)).toHaveAttribute('aria-pressed', 'false');
    await expectCameraReleased(page, 'pressing the camera toggle');

    await el.evaluate((host: MobilenetClassifier) => host.startCamera());
    await expect(toggle(el), 'aria-pressed does not follow startCamera()').toHaveAttribute('aria-pressed', 'true');
    await el.evaluate((host: MobilenetClassifier) => host.stopCamera());
    await expect(toggle(el), 'aria-pressed does not follow stopCamera()').toHaveAttribute('aria-pressed', 'false');
  });

  test('with the camera on and live off, "Classify this frame" classifies one frame', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, { camera: true });
    await expectCameraOn(el);
    const button = el.locator('[part=capture-button]');
    await expect(button, 'no enabled [part=capture-button] with the camera on').toBeEnabled();
    await page.waitForTimeout(600);
    expect(count(await log(page), 'mobilenet-result'), 'classified camera frames with live off').toBe(0);

    await button.click();
    const [result] = await waitForLogged(page, 'mobilenet-result', 1);
    expect(result.kind).toBe('camera');
    expect(result.indices![0], `top-1 of the camera frame was ${result.labels![0]}`).toBe(CAMERA_IMAGE.index);
    await expect(el.locator('[part=label]').first()).toHaveText(CAMERA_IMAGE.displayLabel);
    await page.waitForTimeout(800);
    const after = await log(page);
    expect(
      [count(after, 'video-draw'), count(after, 'mobilenet-result')],
      '[frames drawn, results] for one click',
    ).toEqual([1, 1]);
  });

  test('startCamera() resolves when the preview is playing the camera', async ({ elementPage: page }) => {
    const el = await mountClassifier(page, {}, { waitReady: false });
    const atResolve = await el.evaluate(async (host: MobilenetClassifier) => {
      await host.startCamera();
      const video = host.shadowRoot?.querySelector('video');
      const stream = video?.srcObject;
      return {
        rendered: Boolean(video),
        tracks: stream instanceof MediaStream ? stream.getTracks().map((t) => t.readyState) : [],
        paused: video?.paused,
        size: [video?.videoWidth, video?.videoHeight],
      };
    });
    expect(atResolve).toEqual({ rendered: true, tracks: ['live'], paused: false, size: [640, 480] });
    await expect(el).toHaveAttribute('camera', '');
  });

  test('an element written with camera in the page HTML starts the camera when it is defined', async ({
    page,
    baseURL,
  }) => {
    // Parsed before the element is defined, then upgraded: the way most pages will use it. A page of its
    // own, not the shared element page.
    await page.route('**/e2e/camera-in-html.html', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><body>
          <mobilenet-classifier camera></mobilenet-classifier>
          <script type="module">import '/src/define.ts';</script>
        </body></html>`,
      }),
    );
    await page.goto(new URL('/e2e/camera-in-html.html', baseURL).href);
    const el = page.locator('mobilenet-classifier');
    await expectCameraOn(el);
    await expect(el.locator('[part=camera-button]')).toHaveAttribute('aria-pressed', 'true');
  });
});

// Issue 12: turning the camera on left the previous photo's crop and results beside the live preview.
test.describe('camera on shows the preview only', () => {
  const lorikeet = cameraImage('n01820546_lorikeet.jpg');

  test('the photo’s crop and results go while the camera is on, and come back when it goes off without a new result', async ({
    elementPage: page,
  }) => {
    const el = await mountClassifier(page, { backend: 'wasm' });
    await el.locator('input[type=file]').setInputFiles(lorikeet.path);
    await expect(el.locator('[part=label]').first()).toHaveText(lorikeet.displayLabel);
    const photoCrop = await el.locator('[part=crop]').evaluate((c: HTMLCanvasElement) => c.toDataURL());

    await el.getByRole('button', { name: 'Camera' }).click();
    await expectCameraOn(el);
    await expect(el.locator('[part=crop]'), 'the photo’s crop stayed beside the preview').toHaveCount(0);
    await expect(el.locator('[part=results]'), 'the photo’s results stayed beside the preview').toHaveCount(0);
    // top-k changes meanwhile: the photo is classified again, and stays aside.
    await el.evaluate((host) => host.setAttribute('top-k', '3'));
    await waitForLogged(page, 'mobilenet-result', 2);
    await expect(el.locator('[part=results]')).toHaveCount(0);

    await el.getByRole('button', { name: 'Camera' }).click();
    await expect(el.locator('[part=video]')).toHaveCount(0);
    await expect(el.locator('[part=result]'), 'the photo’s results did not come back').toHaveCount(3);
    await expect(el.locator('[part=label]').first()).toHaveText(lorikeet.displayLabel);
    expect(
      await el.locator('[part=crop]').evaluate((c: HTMLCanvasElement) => c.toDataURL()),
      'the photo’s crop did not come back',
    ).toBe(photoCrop);

    // A camera result replaces the photo for good.
    await el.getByRole('button', { name: 'Camera' }).click();
    await expectCameraOn(el);
    await el.locator('[part=capture-button]').click();
    await expect(el.locator('[part=label]').first()).toHaveText(CAMERA_IMAGE.displayLabel);
    await el.evaluate((host: MobilenetClassifier) => host.stopCamera());
    await expect(el.locator('[part=video]')).toHaveCount(0);
    await expect(el.locator('[part=label]').first()).toHaveText(CAMERA_IMAGE.displayLabel);
  });
});
