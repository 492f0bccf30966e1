// 日本語。です・ます調。用語：モデル、クラス、サンプル（examples）、画像、カメラ、撮影（record）、
// 学習（train）、学習済みレイヤー（head）、特徴ベクトル、エクスポートファイル（classes file）。
// 数と助数詞の間は空けない（3件、5枚）。日本語には複数形がないので plural は使わない。
import type { NamedFiles, PictureName } from '../model/errors';
import type { PictureArea } from '../model/explain';
import type { Format } from './format';
import type { MobilenetStrings } from './strings';

const q = (text: string) => `「${text}」`;
const samples = (n: number, f: { number(n: number): string }) => `${f.number(n)}件のサンプル`;
const subject = ({ name, isFile }: PictureName) => (name ? q(name) : isFile ? 'ファイル' : '画像');
const typeOf = (type?: string) => (type ? `（${type}）` : '');
const from = (url?: string) => (url ? `${url}：` : '');
const inFile = (position?: number) => (position === undefined ? '' : `このファイルの${position}番目のクラス：`);
const tooLarge = (inFile?: boolean) => (inFile ? 'このファイルは大きすぎます：' : '');
const example = ({ position, label }: { position: number; label: string }) =>
  `クラス${q(label)}の${position}番目のサンプル`;
const cannot = (method?: string) => (method ? `${method} では使えません：` : '分類できません：');
const MISSING_MODEL = '`npm run model` を実行するか、model-url を指定してください。';
const ACTIONS = {
  read: 'このブラウザーに保存されたクラスを読み込めませんでした',
  keep: 'クラスをこのブラウザーに保存できませんでした',
  forget: 'このブラウザーに保存されたクラスを消去できませんでした',
};
const NAME_ROLES = { name: 'クラス名', 'rename-from': '名前を変更するクラス', 'rename-to': '新しい名前' };

/** "a.txt、b.txt ほか2件". */
const listed = ({ names, more }: NamedFiles, f: Format) => `${f.list(names)}${more ? ` ほか${f.number(more)}件` : ''}`;
/** The sentence after a batch's summary that names the folder's files that are not images. */
const leftOut = (skipped: NamedFiles, f: Format) => {
  const count = skipped.names.length + skipped.more;
  return count ? `画像ではないファイル${f.number(count)}件を除外しました：${listed(skipped, f)}。` : '';
};
const AREAS: Record<PictureArea['row'], Record<PictureArea['column'], string>> = {
  top: { left: '左上', centre: '上部の中央', right: '右上' },
  centre: { left: '左側の中央', centre: '中央', right: '右側の中央' },
  bottom: { left: '左下', centre: '下部の中央', right: '右下' },
};
const NOT_FOUND = '英語のクラス名を表示します。';

export const ja: MobilenetStrings = {
  loading: 'モデルを読み込んでいます…',
  loadingBytes: (loaded, total, f) => `モデルを読み込んでいます… ${f.megabytes(loaded)} / ${f.megabytes(total)}`,
  waitingForModel: 'モデルの準備ができしだい、画像を分類します。',
  ready: (backend) => `準備完了 · ${backend} で動作中`,
  notLoaded: 'モデルが読み込まれていません。',

  stageLabel: '画像の入力：ここに画像をドロップまたは貼り付けるか、Enter キーでファイルを選択',
  emptyHint: 'ここに画像をドロップするか、貼り付けるか、ファイルを選ぶか、カメラをオンにしてください。',
  cropLabel: 'モデルが見た 96 × 96 ピクセルの切り抜き',
  cameraPreview: 'カメラのプレビュー',

  uploadImages: '画像を選択',
  camera: 'カメラ',
  chooseCamera: 'カメラを選択',
  cameraNumber: (n, f) => `カメラ ${f.number(n)}`,
  classifyFrame: 'この画面を分類',
  retry: '再読み込み',
  tryAgain: 'もう一度試す',
  turnCameraOn: 'カメラをオンにする',
  uploadFolder: 'フォルダーを選択',

  classifying: (index, total, name, f) => `分類中（${f.number(index)} / ${f.number(total)}）：${name}`,
  classified: (total, f) => `${f.number(total)}枚の画像を分類しました。`,
  classifiedSome: (classified, total, failed, f) =>
    `${f.number(total)}枚中${f.number(classified)}枚を分類しました。${f.number(failed.length)}枚は読み込めませんでした：${f.list(failed)}。`,

  predictions: '予測',
  predictionsPickable: '予測：選ぶと、その理由を表示します',
  probability: (probability, f) => f.percent(probability),
  announceResult: (label, probability, f) => `${label}、${f.percent(probability)}`,
  notSure: (minProbability, f) => `判断できません：${f.percent(minProbability, 1, 0)} を超える予測はありません`,

  featuresLabel: '特徴ベクトルのエクスポート',
  downloadJson: '特徴量をダウンロード（JSON）',
  downloadBin: '特徴量をダウンロード（.bin）',
  copyJson: '特徴量を JSON でコピー',
  copied: '特徴ベクトルを JSON としてコピーしました。',

  yourClasses: 'あなたのクラス',
  noExamplesYet: 'サンプルのあるクラスがまだありません。下でクラスを追加し、画像を何枚か見せてください。',
  noneMatch: (label, similarity, f) =>
    `どのクラスにも当てはまりません。最も近いクラス：${label}（類似度 ${f.number(similarity, 2)}）。`,
  announceNoneMatch: (label) => `どのクラスにも当てはまりません。最も近いのは ${label} です。`,

  newClass: '新しいクラス',
  newClassPlaceholder: '例：私のマグカップ',
  addClass: 'クラスを追加',
  teachHint:
    'クラスを追加してから、サンプルをいくつか見せてください。ボタンを押している間カメラで撮影するか、画像を追加します。',
  cameraHint: 'ボタンを押している間サンプルを撮影するには、カメラをオンにしてください。',
  exampleCount: (count, f) => samples(count, f),
  holdToRecord: '押している間撮影',
  recording: '撮影中…',
  holdToRecordLabel: (label) => `押している間 ${label} のサンプルを撮影`,
  addImages: '画像を追加',
  addImagesLabel: (label) => `${label} に画像を追加`,
  rename: '名前を変更',
  renameLabel: (label) => `${label} の名前を変更`,
  newNameLabel: (label) => `${label} の新しい名前`,
  save: '保存',
  cancel: 'キャンセル',
  delete: '削除',
  deleteLabel: (label) => `${label} を削除`,
  undo: '元に戻す',
  train: '学習',
  trainAgain: '再学習',
  trainingProgress: '学習の進み具合',
  training: (fraction, f) => `学習中… ${f.percent(fraction, 0)}`,
  cancelTraining: '学習を中止',
  trainOptional: '任意：サンプルで小さなレイヤーを学習できます。それまでは最近傍法（k-NN）で認識します。',
  trainedHeadInUse: '学習済みレイヤーで認識しています。',
  trainedHeadStale: '学習後にサンプルが変わりました。再学習するまで最近傍法（k-NN）で認識します。',
  exportClasses: 'エクスポート',
  importClasses: 'インポート',
  forgetEverything: 'すべて消去',
  confirmForgetLabel: '消去の確認',
  confirmForget:
    'このサイトがこのブラウザーに保存したすべてのクラスを、すべてのモデルについて消去しますか？元に戻すことはできません。',
  confirmForgetYes: 'はい、すべて消去します',
  keepThem: '残す',
  storageKept: (n, m, f) => `${f.number(n)}クラス、${samples(m, f)}。このブラウザーにのみ保存されます。`,
  storageNotKept: (n, m, why, f) =>
    `${f.number(n)}クラス、${samples(m, f)}。ページを閉じると失われます：${why ?? '読み込み中…'}`,
  adding: (index, total, label, name, f) => `${q(label)}に追加中（${f.number(index)} / ${f.number(total)}）：${name}`,

  deletedClass: (label, n, f) => `${q(label)}（${samples(n, f)}）を削除しました。`,
  deletedClasses: (n, f) => `${f.number(n)}クラスを削除しました。`,
  imported: (n, m, f) => `${f.number(n)}クラス（${samples(m, f)}）をインポートしました。`,
  forgotten: 'このブラウザーに保存されたすべてのクラスを消去しました。',
  trainedOn: (n, f) => `${samples(n, f)}で学習しました。`,
  trainingStopped: '学習を中止しました。',
  recorded: (label, n, f) => `${q(label)}のサンプルは${f.number(n)}件になりました。`,
  added: (n, label, f) => `${q(label)}に${samples(n, f)}を追加しました。`,

  batchLabel: (n, f) => `${f.number(n)}件のファイルの結果`,
  filesClassified: '分類したファイル',
  filterByLabel: 'クラス名で絞り込む',
  sortBy: '並べ替え',
  sortOrder: 'ファイルの順',
  sortLabel: 'クラス名（A–Z）',
  sortProbability: '確率（高い順）',
  sortProbabilityAsc: '確率（低い順）',
  exportResultsLabel: '結果のエクスポート',
  exportCsv: 'CSV でエクスポート',
  exportJson: 'JSON でエクスポート',
  filterShowing: (shown, done, f) =>
    `最も確率の高いクラスが一致する${f.number(shown)}件を表示中（全${f.number(done)}件）。`,
  batchFiles: 'ファイル',
  noPrediction: '予測なし',
  rowTopK: (k, f) => `上位${f.number(k)}件`,
  rowTopKLabel: (k, file, f) => `${file} の上位${f.number(k)}件`,
  batchProgress: (done, total, failed, f) =>
    `分類中… ${f.number(total)}件中${f.number(done)}件${failed ? `（${f.number(failed)}件は分類できませんでした）` : ''}。`,
  batchDone: (total, skipped, f) => `${f.number(total)}枚の画像を分類しました。${leftOut(skipped, f)}`,
  batchDoneSome: (classified, total, failed, skipped, f) =>
    `${f.number(total)}枚中${f.number(classified)}枚を分類しました。${f.number(failed)}枚は分類できませんでした。${leftOut(skipped, f)}`,
  batchCancelled: (done, total, skipped, f) =>
    `${f.number(total)}枚中${f.number(done)}枚で中止しました。${leftOut(skipped, f)}`,

  explainFrame: 'この画面を説明',
  explaining: '理由を調べています…',
  frameExplained: '説明したカメラの画面',
  lessImportant: '重要度 低',
  moreImportant: '重要度 高',
  explainArea: (label, { row, column }) => `${q(label)}に最も重要なのは、画像の${AREAS[row][column]}です。`,
  explainNoArea: (label) => `${q(label)}について、特に目立つ部分はありません。`,

  regionLabel: 'モデルが見る範囲',
  regionValue: (x, y, size, f) => `左 ${f.percent(x, 0)}、上 ${f.percent(y, 0)}、大きさ 短辺の${f.percent(size, 0)}`,
  regionHelp:
    '四角形をドラッグして動かし、角をドラッグして大きさを変えます。矢印キーで移動し、Shift キーと矢印キーで大きさを変えます。',
  pictureLabel: '画像（四角形はモデルが見る範囲を示します）',

  disposed: () => 'この分類器はすでに破棄されています（dispose）。',
  'no-backend': () => 'このブラウザーでは TensorFlow.js のバックエンドを起動できませんでした。',
  'code-failed': ({ detail }) =>
    `分類器のコードを読み込めませんでした（${detail}）。接続を確認して、ページを再読み込みしてください。`,
  'fetch-failed': ({ url }) =>
    `${url} を取得できませんでした。ネットワークに失敗したか、サーバーがこのページからの読み込みを許可していません（CORS）。` +
    'アドレスを確認するか、このサイトからモデルを配信してください。',
  'http-status': ({ url, status }) =>
    `モデルのファイルが${status === 404 ? '見つかりません' : '取得できません'}：${url}（HTTP ${status}）。${MISSING_MODEL}`,
  'html-instead': ({ url }) =>
    `モデルのファイルが見つかりません：${url}。サーバーが代わりに HTML ページを返しました。${MISSING_MODEL}`,
  'invalid-json': ({ url }) => `${url} は有効な JSON ではありません。モデルのファイルが壊れています。`,
  'not-graph-model': ({ url }) =>
    `${url} は TF.js のグラフモデルではありません（modelTopology または weightsManifest がありません）。`,
  'graph-load-failed': ({ url, detail }) => `${url} をグラフモデルとして読み込めませんでした：${detail}`,
  'weight-dtype': ({ url, name, dtype }) => `${url}：重み ${name} の型 ${dtype} には対応していません。`,
  'weights-truncated': ({ url, expected, received }, f) =>
    `${url} の重みが途中で切れているか、model.json と一致しません。${f.number(expected)} バイトのはずが ${f.number(received)} バイトでした。`,
  'model-input-shape': ({ url, shape }) =>
    `${url} の入力の形は [${shape}] ですが、この要素には [N, 96, 96, 3] が必要です。` +
    'このパッケージに含まれるような 96 × 96 の MobileNet V2 モデルではありません。',
  'model-output-missing': ({ url, output, outputs }) => `${url} には出力${q(output)}がありません（出力：${outputs}）。`,
  'labels-not-array': ({ url }) => `${from(url)}labels.json が JSON の配列ではありません。`,
  'labels-count': ({ url, entries, classes }, f) =>
    `${from(url)}labels.json の項目は ${f.number(entries)} 個ですが、モデルのクラスは ${f.number(classes)} 個です。`,
  'labels-entry': ({ url, index }) =>
    `${from(url)}labels.json の項目 ${index} が { index: ${index}, wnid, label, fullName } になっていません。`,
  'labels-not-json': ({ url }) =>
    `${from(url)}クラス名のファイルが有効な JSON ではありません。モデルの labels.json と同じ形式のファイルを指定してください。`,
  'labels-too-large': ({ url, megabytes, maxMegabytes }, f) =>
    `${from(url)}クラス名のファイルが ${f.megabytes(megabytes * 1e6)} あります。上限は ${f.megabytes(maxMegabytes * 1e6)} です。正しいファイルですか？`,
  'labels-wnid': ({ url, index, expected, found }) =>
    `${from(url)}クラス名のファイルの項目 ${index} はクラス ${found} のものですが、モデルのクラス ${index} は ${expected} です。` +
    '項目はモデルの labels.json と同じ順番で並べてください。',
  'labels-empty-name': ({ url, index }) =>
    `${from(url)}クラス名のファイルの項目 ${index} の名前が空です。すべてのクラスに名前を付けてください。`,
  'labels-fetch-failed': ({ url }) =>
    `クラス名のファイル ${url} を取得できませんでした。ネットワークに失敗したか、サーバーがこのページからの読み込みを許可していません（CORS）。${NOT_FOUND}`,
  'labels-http-status': ({ url, status }) =>
    `クラス名のファイル ${url} ${status === 404 ? 'が見つかりません' : 'を取得できませんでした'}（HTTP ${status}）。${NOT_FOUND}`,
  'no-canvas': () => 'このブラウザーでは画像の準備に使う 2D キャンバスを作成できません。',
  'no-pixels': ({ width, height }) => `画像にピクセルがありません（${width} × ${height}）。`,
  'image-too-small': (v, f) =>
    `${subject(v)}は ${v.width} × ${v.height} ピクセルしかなく、中央の正方形が小さすぎて分類できません。` +
    `${v.cropped ? '切り抜き後の' : ''}短い辺が ${f.number(v.minSide)} ピクセル以上の画像を使ってください。`,
  'cross-origin': () =>
    '画像は読み込みを許可していない別のサイトのものです（CORS なし）。' +
    'Access-Control-Allow-Origin を付けて配信するか、画像に crossorigin="anonymous" を指定してください。',
  'empty-file': (v) => `${subject(v)}が空です（0 バイト）。別の画像を選んでください。`,
  'image-too-large': (v, f) =>
    `${subject(v)}${typeOf(v.type)}は ${v.width} × ${v.height} ピクセル（${f.number(v.megapixels)} メガピクセル）で、デコードできませんでした。` +
    `このブラウザーには大きすぎるか、壊れています。${f.number(v.maxMegapixels)} メガピクセル以下のコピーを試してください。`,
  'undecodable-image': (v) =>
    `${subject(v)}${typeOf(v.type)}を画像として読み込めませんでした。壊れているか、このブラウザーがデコードできない形式です。` +
    'JPEG、PNG、WebP を試してください。',
  'image-load-failed': ({ url }) => `${url ? `${url} の` : ''}画像を読み込めないか、デコードできませんでした。`,
  'video-no-frame': () =>
    '動画にまだフレームが表示されていません。カメラか動画を開始してから、もう一度試してください。',
  'input-wrong-type': ({ given, accepted, method }) => `${cannot(method)}${given}。指定できるもの：${accepted}。`,
  'input-closed-bitmap': ({ accepted, method }) =>
    `${cannot(method)}閉じられた ImageBitmap。close() が呼ばれたか転送されたため、ピクセルがありません。新しいもの、または次を指定してください：${accepted}。`,
  'input-detached-canvas': ({ accepted, method }) =>
    `${cannot(method)}0 × 0 ピクセルの OffscreenCanvas。ワーカーに転送されたか、サイズが設定されていません。指定できるもの：${accepted}。`,
  'drop-nothing': () =>
    '使えるものがドロップされませんでした。画像ファイルか、別のページの画像をドロップしてください。',
  'paste-no-image': () => 'クリップボードに画像がありません。画像をコピーしてから、もう一度貼り付けてください。',
  'copy-failed': () =>
    'クリップボードにコピーできませんでした。ブラウザーに拒否されました。代わりに「特徴量をダウンロード（JSON）」を使ってください。',
  'image-url-failed': ({ url }) =>
    `${url} の画像を読み込めませんでした。ネットワークに失敗したか、そのサイトが他のページからの読み込みを許可していません（CORS）。` +
    'Access-Control-Allow-Origin を付けて配信するか、ダウンロードしてからファイルとして選んでください。',
  'image-url-status': ({ url, status }) => `${url} の画像を読み込めませんでした（HTTP ${status}）。`,
  'not-on-page': () => '要素がページにありません。分類する前にドキュメントに追加してください。',
  'method-empty-url': ({ method, accepted }) => `${method} に空の URL が渡されました。指定できるもの：${accepted}。`,
  'method-not-text': ({ method, given, what }) =>
    `${method} に${NAME_ROLES[what]}として ${given} が渡されました。名前はテキストで指定してください。`,
  'method-not-classes-file': ({ method, given }) =>
    `${method} に ${given} が渡されました。エクスポートファイルのテキストか、それを解析した JSON オブジェクトを指定してください。`,
  'method-options': ({ method, given }) =>
    `${method} のオプションに ${given} が渡されました。オブジェクトを指定してください。`,
  'method-signal': ({ method, given }) =>
    `${method} の options.signal に ${given} が渡されました。AbortSignal を指定してください。`,
  'method-format': ({ method, given, accepted }) =>
    `${method} に ${given} が渡されました。指定できるもの：${accepted.map((format) => `'${format}'`).join('、')}。`,
  'explain-nothing': ({ method }) =>
    `まだ説明するものがありません。先に画像を分類してから ${method} を呼び出してください。`,
  'folder-unreadable': () => 'フォルダーを読み込めませんでした。',
  'folder-empty': () => 'フォルダーが空です。JPEG、PNG、WebP のファイルが入ったフォルダーを選んでください。',
  'folder-no-images': (files, f) =>
    `フォルダーに画像がありません。あるのは次のファイルだけです：${listed(files, f)}。JPEG、PNG、WebP のファイルが入ったフォルダーを選んでください。`,

  'label-not-text': ({ position, type }) => `${inFile(position)}クラス名はテキストにしてください（${type} でした）。`,
  'label-empty': ({ position }) =>
    `${inFile(position)}クラスには名前が必要です。「私のマグカップ」のように入力してください。`,
  'label-too-long': ({ position, start, length, max }, f) =>
    `${inFile(position)}クラス名${q(`${start}…`)}は ${f.number(length)} 文字あります。${f.number(max)} 文字以内にしてください。`,
  'too-many-classes': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)}クラスは、1つの要素が保存できる${f.number(max)}クラスを超えています。先にいくつか削除してください。`,
  'too-many-examples': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${samples(count, f)}は、1つの要素が保存できる${f.number(max)}件を超えています。先にいくつか削除してください。`,
  'file-too-large': ({ megabytes, maxMegabytes, maxExamples }, f) =>
    `このファイルは ${f.number(megabytes, 1)} MB です。エクスポートファイルの上限は ${f.number(maxMegabytes, 1)} MB ` +
    `（${samples(maxExamples, f)}）です。正しいファイルですか？`,
  'file-not-json': () =>
    'このファイルは JSON ではないため、エクスポートファイルではありません。「エクスポート」で作ったファイルを選んでください。',
  'not-a-classes-file': ({ format }) =>
    `エクスポートファイルではありません（"format" が "${format}" ではありません）。「エクスポート」で作ったファイルを選んでください。`,
  'file-version-invalid': ({ found }) => `このエクスポートファイルには有効な "version" がありません（値：${found}）。`,
  'file-version-newer': ({ version, supported }) =>
    `このエクスポートファイルはバージョン ${version} で、新しい mobilenet-classifier で作られています。この要素が読めるのはバージョン ${supported} までです。要素を更新してください。`,
  'file-encoding': ({ found, expected }) =>
    `このエクスポートファイルはベクトルを ${found} で保存しています。バージョン 1 と 2 のファイルは "${expected}" を使います。`,
  'file-no-classes': () => 'このエクスポートファイルには "classes" の一覧がありません。',
  'file-threshold': ({ found }) =>
    `このエクスポートファイルの "minSimilarity" は -1 から 1 までの数でなければなりません（${found} になっています）。`,
  'head-no-labels': () => 'このエクスポートファイルの "head" には "labels" の一覧がありません。',
  'head-mismatch': () =>
    'このエクスポートファイルの学習済みヘッドがクラスと合っていません。各クラスがヘッドのラベルにちょうど1回ずつ含まれている必要があります。',
  'head-damaged': ({ weights, expected }) =>
    `このファイルの学習済みヘッドの${weights ? '重み' : 'バイアス'}が壊れています。NaN や Infinity を含まない ${expected} 個の float32 値の base64 である必要があります。`,
  'file-too-many-classes': ({ count, max }, f) =>
    `このファイルには${f.number(count)}クラスあります。1つの要素が保存できるのは${f.number(max)}クラスまでです。`,
  'file-class-not-object': ({ position }) =>
    `このファイルの${position}番目のクラスが、名前（label）とサンプル（examples）を持つオブジェクトになっていません。`,
  'file-duplicate-class': ({ label }) =>
    `このファイルには${q(label)}という名前のクラスが2つあります。クラス名は重複しないようにしてください。`,
  'file-no-examples': ({ label }) => `このファイルのクラス${q(label)}には "examples" の一覧がありません。`,
  'example-not-text': (v) => `${example(v)}が base64 のテキストではありません。`,
  'example-not-base64': (v) => `${example(v)}が有効な base64 ではありません。`,
  'example-bytes': (v, f) => `${example(v)}は ${f.number(v.bytes)} バイトで、float32 の値の整数個になっていません。`,
  'example-length': (v, f) =>
    `${example(v)}の値は ${f.number(v.length)} 個ですが、このモデルの特徴ベクトルは ${f.number(v.expected)} 個です。`,
  'example-not-finite': (v) => `${example(v)}に NaN か Infinity が含まれています。ファイルが壊れています。`,
  'file-no-model': () =>
    'このエクスポートファイルには、どのモデルで作られたかが書かれていません（"id" と "featureSize" を持つ "model"）。',
  'file-other-model': ({ theirs, ours }) =>
    `これらのサンプルは別のモデル（${theirs}）で学習されたものです。この要素が使っているのは ${ours} です。` +
    'あるモデルの特徴ベクトルは別のモデルでは意味を持ちません。ここでクラスを教え直してください。',
  'storage-failed': ({ action, full, detail }) =>
    `${ACTIONS[action]}（${full ? 'このサイトのブラウザーの保存領域がいっぱいです' : detail}）。` +
    'ページを閉じるまではクラスを使えます。コピーを残すには「エクスポート」を使ってください。',
  'no-indexeddb': () =>
    'このブラウザーの環境には IndexedDB がないため、クラスは次回の訪問まで保存されません。コピーを残すには「エクスポート」を使ってください。',
  'no-content-hash': () =>
    'このモデルのメタデータにはコンテンツハッシュがないため、クラスは次回の訪問まで保存されません。`npm run model` でビルドしてください。',
  'head-needs-two-classes': () => '学習には、サンプルのあるクラスが2つ以上必要です。',
  'head-needs-examples': ({ min, labels }, f) =>
    `学習には、各クラスに${samples(min, f)}が必要です。${f.list(labels.map(q))}にサンプルを追加してください。`,
  'vector-length': ({ length, expected }, f) =>
    `値が ${f.number(length)} 個の特徴ベクトルは追加できません。このモデルの特徴ベクトルは ${f.number(expected)} 個です。`,
  'class-exists': ({ label }) => `${q(label)}という名前のクラスはすでにあります。`,
  'class-missing': ({ label }) => `${q(label)}という名前のクラスはありません。`,
  'training-busy': () => 'すでにレイヤーを学習中です。終わるまで待つか、学習を中止してください。',
  'record-needs-camera': () => 'サンプルを撮影するにはカメラをオンにするか、「画像を追加」を使ってください。',
  'files-unreadable': ({ files }, f) =>
    `${f.number(files.length)}個のファイルを画像として読み込めず、追加しませんでした：${f.list(files)}。`,
  'import-file-too-large': ({ name, megabytes, maxMegabytes }, f) =>
    `${name} は ${f.number(megabytes, 1)} MB です。エクスポートファイルの上限は ${f.number(maxMegabytes)} MB です。正しいファイルですか？`,
  'model-not-loaded': () => 'モデルがまだ読み込まれていません。',
  'set-changed': ({ label }) =>
    `${q(label)}のサンプルは追加されませんでした。読み込み中に classes-key か model-url が変わったため、別のクラスのセットに属します。もう一度追加してください。`,
  'classes-damaged': ({ labels }, f) =>
    labels.length === 1
      ? `このブラウザーに保存されたクラス${q(labels[0]!)}は壊れているため読み込まれませんでした。他のクラスは読み込まれています。教え直すか、エクスポートファイルをインポートしてください。`
      : `このブラウザーに保存された${f.number(labels.length)}クラス（${f.list(labels.map(q))}）は壊れているため読み込まれませんでした。他のクラスは読み込まれています。教え直すか、エクスポートファイルをインポートしてください。`,

  'camera-insecure': () =>
    'カメラを使うには、対応ブラウザーで安全なページ（https または localhost）を開く必要があります。代わりに「画像を選択」を使ってください。',
  'camera-denied': () =>
    'カメラの使用が許可されていません。代わりに「画像を選択」を使うか、サイトの設定でカメラを許可してください。',
  'camera-not-found': () => 'カメラが見つかりません。カメラを接続してもう一度試すか、「画像を選択」を使ってください。',
  'camera-busy': () =>
    'カメラが使用中か、ブロックされています。カメラを使っている他のアプリやタブを閉じてから、もう一度試してください。',
  'camera-failed': ({ detail }) =>
    `カメラを起動できませんでした（${detail}）。代わりに「画像を選択」を使ってください。`,
  'camera-stopped': () =>
    'カメラが停止しました（取り外されたか、別のアプリに使われています）。使えるようになったら、もう一度オンにしてください。',
  'camera-not-started': () => 'カメラが起動しませんでした。',
  'classification-failed': ({ detail }) => `分類に失敗しました：${detail}`,
};
