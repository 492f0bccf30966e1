// "None of these": a custom prediction matches only when the picture is near enough to the class's
// examples. Measures, on the 30 test images, how often pictures of taught objects are accepted and
// pictures of other objects rejected at the default threshold (the calibration of DEFAULT_MIN_SIMILARITY).
import { DEFAULT_MIN_SIMILARITY, KnnIndex } from '../src/custom/knn';
import { classifyViews, HELD_OUT_VIEWS, openCustomPage, sharedUrl, teach, TEACH_VIEWS } from './custom-harness';
import { expect, mountClassifier, ON_WASM, test, testImage } from './element-harness';
import { TEST_IMAGES } from './fixtures';

test('at the default threshold, views of taught objects match and views of other objects do not', async ({ page }) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, ON_WASM);
  const specs = [...TEACH_VIEWS, ...HELD_OUT_VIEWS];
  const vectors: Float32Array[][] = [];
  for (const image of TEST_IMAGES) {
    const views = await el.evaluate(
      async (host: HTMLElement & { embed(source: HTMLCanvasElement): Promise<Float32Array> }, { url, specs }) => {
        const out = [];
        for (const canvas of await window.makeViews(url, specs)) out.push(Array.from(await host.embed(canvas)));
        return out;
      },
      { url: sharedUrl(image.file), specs },
    );
    vectors.push(views.map((v) => Float32Array.from(v)));
  }

  // Three folds: a third of the images taught from the teach views, every image shown in its held-out views.
  const taughtViews = TEACH_VIEWS.length;
  let accepted = 0;
  let taughtShown = 0;
  let rejected = 0;
  let unknownShown = 0;
  const wronglyMatched: string[] = [];
  for (let fold = 0; fold < 3; fold++) {
    const taught = TEST_IMAGES.map((_, i) => i).filter((i) => i % 3 === fold);
    const index = new KnnIndex(
      taught.map((i) => ({ label: TEST_IMAGES[i]!.file, examples: vectors[i]!.slice(0, taughtViews) })),
    );
    TEST_IMAGES.forEach((image, i) => {
      for (const query of vectors[i]!.slice(taughtViews)) {
        const predictions = index.predict(query);
        if (taught.includes(i)) {
          taughtShown++;
          if (predictions[0]!.label === image.file && predictions[0]!.match) accepted++;
        } else {
          unknownShown++;
          const matched = predictions.filter((p) => p.match);
          if (matched.length === 0) rejected++;
          else wronglyMatched.push(`${image.file} as ${matched[0]!.label} (${matched[0]!.similarity.toFixed(2)})`);
        }
      }
    });
  }
  console.log(
    `[none of these] threshold ${DEFAULT_MIN_SIMILARITY}: taught accepted ${accepted}/${taughtShown}, ` +
      `unknown rejected ${rejected}/${unknownShown}; matched wrongly: ${wronglyMatched.join('; ') || 'none'}`,
  );
  expect(taughtShown).toBe(120);
  expect(unknownShown).toBe(240);
  // Measured when the threshold was set: 120/120 and 238/240 (the Dandie Dinmont taken for the Maltese).
  expect(accepted / taughtShown, 'taught views accepted').toBeGreaterThanOrEqual(0.95);
  expect(rejected / unknownShown, 'unknown views rejected').toBeGreaterThanOrEqual(0.95);
});

test('the element reports match: a pot after "animal" and "thing" were taught matches neither, a taught view matches', async ({
  page,
}) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
  await teach(el, 'animal', testImage('n02356798_fox_squirrel').file, TEACH_VIEWS);
  await teach(el, 'thing', testImage('n03445777_golf_ball').file, TEACH_VIEWS);
  const matches = (file: string) =>
    el.evaluate(
      async (
        host: HTMLElement & {
          classify(
            s: HTMLCanvasElement,
          ): Promise<{ custom?: { label: string; match: boolean; probability: number }[] }>;
        },
        url,
      ) => {
        const [canvas] = await window.makeViews(url, [{ x: 0, y: 0, w: 1, h: 1 }]);
        return (await host.classify(canvas!)).custom ?? [];
      },
      sharedUrl(file),
    );
  const pot = await matches(testImage('n03991062_pot').file);
  expect(pot, 'the pot gets both classes listed').toHaveLength(2);
  expect(pot[0]!.probability, 'k-NN still gives one class most of the vote').toBeGreaterThan(0.5);
  expect(
    pot.map((p) => p.match),
    'but neither matches',
  ).toEqual([false, false]);
  const [squirrel] = await classifyViews(el, testImage('n02356798_fox_squirrel').file, HELD_OUT_VIEWS.slice(0, 1));
  expect(squirrel!.label).toBe('animal');
  const held = await matches(testImage('n02356798_fox_squirrel').file);
  expect(held[0]).toMatchObject({ label: 'animal', match: true });
});

test('the element says "Not one of your classes" with the closest class, and min-similarity moves the line', async ({
  page,
}) => {
  await openCustomPage(page);
  const el = await mountClassifier(page, { ...ON_WASM, mode: 'custom' });
  await teach(el, 'animal', testImage('n02356798_fox_squirrel').file, TEACH_VIEWS);
  await teach(el, 'thing', testImage('n03445777_golf_ball').file, TEACH_VIEWS);
  const none = el.locator('[part=custom-none]');
  const show = (file: string) =>
    el.evaluate(async (host: HTMLElement & { classify(s: HTMLCanvasElement): Promise<unknown> }, url) => {
      const [canvas] = await window.makeViews(url, [{ x: 0, y: 0, w: 1, h: 1 }]);
      await host.classify(canvas!);
    }, sharedUrl(file));

  await show(testImage('n03991062_pot').file);
  await expect(none).toHaveText(/Not one of your classes\. Closest: (animal|thing) \(similarity 0\.\d\d\)\./);
  await expect(el.locator('[part=custom-results] [data-match=false]')).toHaveCount(2);
  await expect(el.locator('.visually-hidden[aria-live]')).toHaveText(
    /^Not one of your classes; closest: (animal|thing)\.$/,
  );

  await show(testImage('n02356798_fox_squirrel').file);
  await expect(none, 'a taught view is one of the classes').toHaveCount(0);
  await expect(el.locator('[part=custom-results] [part=label]').first()).toHaveText('animal');

  // Nothing reaches 1; everything reaches -1. The predictions on screen follow at once.
  await el.evaluate((host) => host.setAttribute('min-similarity', '1'));
  await expect(none).toHaveText(/Closest: animal/);
  await el.evaluate((host) => host.setAttribute('min-similarity', '-1'));
  await show(testImage('n03991062_pot').file);
  await expect(none).toHaveCount(0);
  await expect(el.locator('[part=custom-results] [data-match=true]')).toHaveCount(2);
});
