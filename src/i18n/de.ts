// Deutsch. Anrede: Sie. Begriffe: Modell, Klasse, Beispiel, Bild, Kamera, trainierte Schicht (head),
// Merkmalsvektor (feature vector), Export-Datei (classes file).
import type { NamedFiles, PictureName } from '../model/errors';
import type { PictureArea } from '../model/explain';
import type { Format } from './format';
import type { MobilenetStrings } from './strings';

const examples = { one: '# Beispiel', other: '# Beispiele' };
const classes = { one: '# Klasse', other: '# Klassen' };
const subject = ({ name, isFile }: PictureName) => (name ? `„${name}“` : isFile ? 'Die Datei' : 'Das Bild');
const typeOf = (type?: string) => (type ? ` (${type})` : '');
const from = (url?: string) => (url ? `${url}: ` : '');
const inFile = (position?: number) => (position === undefined ? '' : `Klasse ${position} dieser Datei: `);
const tooLarge = (inFile?: boolean) => (inFile ? 'Diese Datei ist zu groß: ' : '');
const example = ({ position, label }: { position: number; label: string }) =>
  `Beispiel ${position} der Klasse „${label}“`;
const quoted = (labels: readonly string[]) => labels.map((l) => `„${l}“`);
const cannot = (method?: string) => (method ? `${method} kann nicht verwenden:` : 'Nicht klassifizierbar:');
const MISSING_MODEL = 'Führen Sie `npm run model` aus oder setzen Sie model-url.';
const ACTIONS = {
  read: 'Die in diesem Browser gespeicherten Klassen konnten nicht gelesen werden',
  keep: 'Die Klassen konnten nicht in diesem Browser gespeichert werden',
  forget: 'Die in diesem Browser gespeicherten Klassen konnten nicht gelöscht werden',
};
const NAME_ROLES = { name: 'Klassenname', 'rename-from': 'umzubenennende Klasse', 'rename-to': 'neuer Name' };

const files = { one: '# Datei', other: '# Dateien' };
/** "a.txt, b.txt und 2 weitere". */
const listed = ({ names, more }: NamedFiles, f: Format) =>
  f.list(more ? [...names, `${f.number(more)} weitere`] : names);
/** The sentence after a batch's summary that names the folder's files that are not images. */
const leftOut = (skipped: NamedFiles, f: Format) => {
  const count = skipped.names.length + skipped.more;
  if (!count) return '';
  return count === 1
    ? ` Eine Datei ist kein Bild und wurde ausgelassen: ${listed(skipped, f)}.`
    : ` ${f.number(count)} Dateien sind keine Bilder und wurden ausgelassen: ${listed(skipped, f)}.`;
};
const couldNot = (n: number, f: Format) => f.plural(n, { one: '# konnte', other: '# konnten' });
const AREAS: Record<PictureArea['row'], Record<PictureArea['column'], string>> = {
  top: { left: 'oben links im Bild', centre: 'oben in der Mitte des Bildes', right: 'oben rechts im Bild' },
  centre: { left: 'links in der Mitte des Bildes', centre: 'die Bildmitte', right: 'rechts in der Mitte des Bildes' },
  bottom: { left: 'unten links im Bild', centre: 'unten in der Mitte des Bildes', right: 'unten rechts im Bild' },
};
const NOT_FOUND = 'Die englischen Klassennamen werden angezeigt.';

export const de: MobilenetStrings = {
  loading: 'Modell wird geladen …',
  loadingBytes: (loaded, total, f) => `Modell wird geladen … ${f.megabytes(loaded)} von ${f.megabytes(total)}`,
  waitingForModel: 'Ihr Bild wird klassifiziert, sobald das Modell bereit ist.',
  ready: (backend) => `Bereit · läuft auf ${backend}`,
  notLoaded: 'Das Modell ist nicht geladen.',

  stageLabel: 'Bildeingabe: Bild hier ablegen oder einfügen, oder die Eingabetaste drücken, um Dateien auszuwählen',
  emptyHint:
    'Legen Sie hier ein Bild ab, fügen Sie eines ein, laden Sie Dateien hoch oder schalten Sie die Kamera ein.',
  cropLabel: 'Der Ausschnitt von 96 × 96 Pixeln, den das Modell gesehen hat',
  cameraPreview: 'Kameravorschau',

  uploadImages: 'Bilder hochladen',
  camera: 'Kamera',
  chooseCamera: 'Kamera auswählen',
  cameraNumber: (n, f) => `Kamera ${f.number(n)}`,
  classifyFrame: 'Aktuelles Bild klassifizieren',
  retry: 'Erneut laden',
  tryAgain: 'Erneut versuchen',
  turnCameraOn: 'Kamera einschalten',
  uploadFolder: 'Ordner hochladen',

  classifying: (index, total, name, f) => `Bild ${f.number(index)} von ${f.number(total)} wird klassifiziert: ${name}`,
  classified: (total, f) => `${f.plural(total, { one: '# Bild', other: '# Bilder' })} klassifiziert.`,
  classifiedSome: (classified, total, failed, f) =>
    `${f.number(classified)} von ${f.plural(total, { one: '# Bild', other: '# Bildern' })} klassifiziert; ` +
    `${f.plural(failed.length, { one: '# konnte', other: '# konnten' })} nicht gelesen werden: ${f.list(failed)}.`,

  predictions: 'Vorhersagen',
  predictionsPickable: 'Vorhersagen: Wählen Sie eine aus, um zu sehen, warum',
  probability: (probability, f) => f.percent(probability),
  announceResult: (label, probability, f) => `${label}, ${f.percent(probability)}`,
  notSure: (minProbability, f) => `Unsicher: nichts über ${f.percent(minProbability, 1, 0)}`,

  featuresLabel: 'Export des Merkmalsvektors',
  downloadJson: 'Merkmale herunterladen (JSON)',
  downloadBin: 'Merkmale herunterladen (.bin)',
  copyJson: 'Merkmale als JSON kopieren',
  copied: 'Merkmalsvektor als JSON kopiert.',

  yourClasses: 'Ihre Klassen',
  noExamplesYet: 'Noch hat keine Klasse Beispiele: Fügen Sie unten eine hinzu und zeigen Sie ihr ein paar Bilder.',
  noneMatch: (label, similarity, f) =>
    `Keine Ihrer Klassen. Am ähnlichsten: ${label} (Ähnlichkeit ${f.number(similarity, 2)}).`,
  announceNoneMatch: (label) => `Keine Ihrer Klassen; am ähnlichsten: ${label}.`,

  newClass: 'Neue Klasse',
  newClassPlaceholder: 'z. B. meine Tasse',
  addClass: 'Klasse hinzufügen',
  teachHint:
    'Fügen Sie eine Klasse hinzu und zeigen Sie ihr ein paar Beispiele: Halten Sie die Aufnahmetaste gedrückt, um mit der Kamera aufzunehmen, oder fügen Sie Bilder hinzu.',
  cameraHint: 'Schalten Sie die Kamera ein, um Beispiele per Gedrückthalten einer Taste aufzunehmen.',
  exampleCount: (count, f) => f.plural(count, examples),
  holdToRecord: 'Zum Aufnehmen gedrückt halten',
  recording: 'Aufnahme läuft …',
  holdToRecordLabel: (label) => `Gedrückt halten, um Beispiele für ${label} aufzunehmen`,
  addImages: 'Bilder hinzufügen',
  addImagesLabel: (label) => `Bilder zu ${label} hinzufügen`,
  rename: 'Umbenennen',
  renameLabel: (label) => `${label} umbenennen`,
  newNameLabel: (label) => `Neuer Name für ${label}`,
  save: 'Speichern',
  cancel: 'Abbrechen',
  delete: 'Löschen',
  deleteLabel: (label) => `${label} löschen`,
  undo: 'Rückgängig',
  train: 'Trainieren',
  trainAgain: 'Erneut trainieren',
  trainingProgress: 'Trainingsfortschritt',
  training: (fraction, f) => `Training läuft … ${f.percent(fraction, 0)}`,
  cancelTraining: 'Training abbrechen',
  trainOptional:
    'Optional: Trainieren Sie eine kleine Schicht mit Ihren Beispielen. Bis dahin erkennt sie die Nächste-Nachbarn-Suche (k-NN).',
  trainedHeadInUse: 'Die Erkennung nutzt die trainierte Schicht.',
  trainedHeadStale:
    'Die Beispiele haben sich seit dem Training geändert: Bis Sie erneut trainieren, erkennt sie die Nächste-Nachbarn-Suche (k-NN).',
  exportClasses: 'Exportieren',
  importClasses: 'Importieren',
  forgetEverything: 'Alles vergessen',
  confirmForgetLabel: 'Vergessen bestätigen',
  confirmForget:
    'Alle Klassen vergessen, die diese Website in diesem Browser gespeichert hat, für jedes Modell? Das lässt sich nicht rückgängig machen.',
  confirmForgetYes: 'Ja, alles vergessen',
  keepThem: 'Behalten',
  storageKept: (n, m, f) => `${f.plural(n, classes)}, ${f.plural(m, examples)}, nur in diesem Browser gespeichert.`,
  storageNotKept: (n, m, why, f) =>
    `${f.plural(n, classes)}, ${f.plural(m, examples)}, nach dem Schließen der Seite verloren: ${why ?? 'wird geladen …'}`,
  adding: (index, total, label, name, f) =>
    `Bild ${f.number(index)} von ${f.number(total)} wird zu „${label}“ hinzugefügt: ${name}`,

  deletedClass: (label, n, f) => `„${label}“ gelöscht (${f.plural(n, examples)}).`,
  deletedClasses: (n, f) => `${f.plural(n, classes)} gelöscht.`,
  imported: (n, m, f) =>
    `${f.plural(n, classes)} mit ${f.plural(m, { one: '# Beispiel', other: '# Beispielen' })} importiert.`,
  forgotten: 'Alle in diesem Browser gespeicherten Klassen wurden vergessen.',
  trainedOn: (n, f) => `Mit ${f.plural(n, { one: '# Beispiel', other: '# Beispielen' })} trainiert.`,
  trainingStopped: 'Training abgebrochen.',
  recorded: (label, n, f) => `„${label}“ hat ${f.plural(n, examples)}.`,
  added: (n, label, f) => `${f.plural(n, examples)} zu „${label}“ hinzugefügt.`,

  batchLabel: (n, f) => `Ergebnisse für ${f.plural(n, files)}`,
  filesClassified: 'Klassifizierte Dateien',
  filterByLabel: 'Nach Klassennamen filtern',
  sortBy: 'Sortieren',
  sortOrder: 'Reihenfolge der Dateien',
  sortLabel: 'Klassenname (A–Z)',
  sortProbability: 'Wahrscheinlichkeit (höchste zuerst)',
  sortProbabilityAsc: 'Wahrscheinlichkeit (niedrigste zuerst)',
  exportResultsLabel: 'Ergebnisse exportieren',
  exportCsv: 'Als CSV exportieren',
  exportJson: 'Als JSON exportieren',
  filterShowing: (shown, done, f) =>
    `Angezeigt: ${f.number(shown)} von ${f.plural(done, files)}, deren wahrscheinlichste Klasse passt.`,
  batchFiles: 'Dateien',
  noPrediction: 'Keine Vorhersage',
  rowTopK: (k, f) => `${f.number(k)} Vorhersagen`,
  rowTopKLabel: (k, file, f) => `${f.number(k)} Vorhersagen für ${file}`,
  batchProgress: (done, total, failed, f) =>
    `Klassifizierung läuft … ${f.number(done)} von ${f.number(total)}` +
    `${failed ? `, ${couldNot(failed, f)} nicht klassifiziert werden` : ''}.`,
  batchDone: (total, skipped, f) =>
    `${f.plural(total, { one: '# Bild', other: '# Bilder' })} klassifiziert.${leftOut(skipped, f)}`,
  batchDoneSome: (classified, total, failed, skipped, f) =>
    `${f.number(classified)} von ${f.plural(total, { one: '# Bild', other: '# Bildern' })} klassifiziert; ` +
    `${couldNot(failed, f)} nicht klassifiziert werden.${leftOut(skipped, f)}`,
  batchCancelled: (done, total, skipped, f) =>
    `Abgebrochen nach ${f.number(done)} von ${f.plural(total, { one: '# Bild', other: '# Bildern' })}.${leftOut(skipped, f)}`,

  explainFrame: 'Aktuelles Bild erklären',
  explaining: 'Gründe werden ermittelt …',
  frameExplained: 'Das erklärte Kamerabild',
  lessImportant: 'Weniger wichtig',
  moreImportant: 'Wichtiger',
  explainArea: (label, { row, column }) => `Am wichtigsten für „${label}“: ${AREAS[row][column]}.`,
  explainNoArea: (label) => `Kein Teil des Bildes sticht für „${label}“ hervor.`,

  regionLabel: 'Bereich, den das Modell sieht',
  regionValue: (x, y, size, f) =>
    `Links ${f.percent(x, 0)}, oben ${f.percent(y, 0)}, Größe ${f.percent(size, 0)} der kürzeren Seite`,
  regionHelp:
    'Ziehen Sie das Quadrat, um es zu verschieben, oder seine Ecke, um die Größe zu ändern. Die Pfeiltasten verschieben es, Umschalt und Pfeiltasten ändern seine Größe.',
  pictureLabel: 'Das Bild; das Quadrat markiert, was das Modell sieht',

  disposed: () => 'Dieser Klassifikator wurde bereits freigegeben (dispose).',
  'no-backend': () => 'In diesem Browser konnte kein TensorFlow.js-Backend starten.',
  'code-failed': ({ detail }) =>
    `Der Code des Klassifikators konnte nicht geladen werden (${detail}). Prüfen Sie die Verbindung und laden Sie die Seite neu.`,
  'fetch-failed': ({ url }) =>
    `${url} konnte nicht abgerufen werden: Das Netzwerk ist ausgefallen oder der Server erlaubt dieser Seite nicht, die Datei zu lesen (CORS). ` +
    'Prüfen Sie die Adresse oder stellen Sie das Modell von dieser Website bereit.',
  'http-status': ({ url, status }) =>
    `Modelldatei ${status === 404 ? 'nicht gefunden' : 'konnte nicht abgerufen werden'}: ${url} (HTTP ${status}). ${MISSING_MODEL}`,
  'html-instead': ({ url }) =>
    `Modelldatei nicht gefunden: ${url}. Der Server hat stattdessen eine HTML-Seite gesendet. ${MISSING_MODEL}`,
  'invalid-json': ({ url }) => `${url} ist kein gültiges JSON: Die Modelldatei ist beschädigt.`,
  'not-graph-model': ({ url }) => `${url} ist kein TF.js-Graphmodell (kein modelTopology oder weightsManifest).`,
  'graph-load-failed': ({ url, detail }) => `${url} konnte nicht als Graphmodell geladen werden: ${detail}`,
  'weight-dtype': ({ url, name, dtype }) => `${url}: Das Gewicht ${name} hat den nicht unterstützten Typ ${dtype}.`,
  'weights-truncated': ({ url, expected, received }, f) =>
    `Die Gewichte von ${url} sind abgeschnitten oder passen nicht zu model.json: erwartet ${f.number(expected)} Bytes, erhalten ${f.number(received)}.`,
  'model-input-shape': ({ url, shape }) =>
    `${url} erwartet Eingaben der Form [${shape}], dieses Element braucht aber [N, 96, 96, 3]: ` +
    'Es ist kein MobileNet-V2-Modell für 96 × 96 wie das, das dieses Paket mitbringt.',
  'model-output-missing': ({ url, output, outputs }) => `${url} hat keine Ausgabe „${output}“ (Ausgaben: ${outputs}).`,
  'labels-not-array': ({ url }) => `${from(url)}labels.json ist kein JSON-Array.`,
  'labels-count': ({ url, entries, classes }, f) =>
    `${from(url)}labels.json hat ${f.number(entries)} Einträge, das Modell aber ${f.number(classes)} Klassen.`,
  'labels-entry': ({ url, index }) =>
    `${from(url)}Eintrag ${index} von labels.json ist nicht { index: ${index}, wnid, label, fullName }.`,
  'labels-not-json': ({ url }) =>
    `${from(url)}Die Datei mit den Klassennamen ist kein gültiges JSON. Verwenden Sie eine Datei wie die labels.json des Modells.`,
  'labels-too-large': ({ url, megabytes, maxMegabytes }, f) =>
    `${from(url)}Die Datei mit den Klassennamen ist ${f.megabytes(megabytes * 1e6)} groß; erlaubt sind höchstens ${f.megabytes(maxMegabytes * 1e6)}. Ist es die richtige Datei?`,
  'labels-wnid': ({ url, index, expected, found }) =>
    `${from(url)}Eintrag ${index} der Datei mit den Klassennamen gehört zur Klasse ${found}, die Klasse ${index} des Modells ist aber ${expected}: ` +
    'Die Einträge müssen in der Reihenfolge der labels.json des Modells stehen.',
  'labels-empty-name': ({ url, index }) =>
    `${from(url)}Eintrag ${index} der Datei mit den Klassennamen hat einen leeren Namen: Geben Sie jeder Klasse einen Namen.`,
  'labels-fetch-failed': ({ url }) =>
    `Die Datei mit den Klassennamen ${url} konnte nicht abgerufen werden: Das Netzwerk ist ausgefallen oder der Server erlaubt dieser Seite nicht, sie zu lesen (CORS). ${NOT_FOUND}`,
  'labels-http-status': ({ url, status }) =>
    `Die Datei mit den Klassennamen ${url} ${status === 404 ? 'wurde nicht gefunden' : 'konnte nicht abgerufen werden'} (HTTP ${status}). ${NOT_FOUND}`,
  'no-canvas': () => 'Dieser Browser kann keine 2D-Canvas anlegen, um Bilder vorzubereiten.',
  'no-pixels': ({ width, height }) => `Das Bild hat keine Pixel (${width} × ${height}).`,
  'image-too-small': (v, f) =>
    `${subject(v)} hat nur ${v.width} × ${v.height} Pixel: Sein mittiges Quadrat ist zu klein zum Klassifizieren. ` +
    `Verwenden Sie ein Bild mit mindestens ${f.number(v.minSide)} Pixeln an der kürzeren Seite${v.cropped ? ' nach dem Zuschnitt' : ''}.`,
  'cross-origin': () =>
    'Das Bild stammt von einer anderen Website, die das Auslesen nicht erlaubt (kein CORS). ' +
    'Stellen Sie es mit Access-Control-Allow-Origin bereit oder setzen Sie crossorigin="anonymous" am Bild.',
  'empty-file': (v) => `${subject(v)} ist leer (0 Bytes). Wählen Sie ein anderes Bild.`,
  'image-too-large': (v, f) =>
    `${subject(v)}${typeOf(v.type)} hat ${v.width} × ${v.height} Pixel (${f.number(v.megapixels)} Megapixel) und konnte nicht dekodiert werden: ` +
    `Es ist zu groß für diesen Browser oder beschädigt. Versuchen Sie eine Kopie mit höchstens ${f.number(v.maxMegapixels)} Megapixeln.`,
  'undecodable-image': (v) =>
    `${subject(v)}${typeOf(v.type)} konnte nicht als Bild gelesen werden: Es ist beschädigt oder in einem Format, das dieser Browser nicht dekodieren kann. ` +
    'Versuchen Sie JPEG, PNG oder WebP.',
  'image-load-failed': ({ url }) => `Das Bild ${url ? `unter ${url} ` : ''}konnte nicht geladen oder dekodiert werden.`,
  'video-no-frame': () =>
    'Das Video hat noch kein Bild gezeigt. Starten Sie die Kamera oder das Video und versuchen Sie es dann erneut.',
  'input-wrong-type': ({ given, accepted, method }) => `${cannot(method)} ${given}. Erwartet: ${accepted}.`,
  'input-closed-bitmap': ({ accepted, method }) =>
    `${cannot(method)} eine geschlossene ImageBitmap: close() wurde aufgerufen oder sie wurde übertragen und hat daher keine Pixel. Übergeben Sie eine neue oder: ${accepted}.`,
  'input-detached-canvas': ({ accepted, method }) =>
    `${cannot(method)} eine OffscreenCanvas mit 0 × 0 Pixeln: Sie wurde an einen Worker übertragen oder hat nie eine Größe erhalten. Erwartet: ${accepted}.`,
  'drop-nothing': () =>
    'Es wurde nichts Verwertbares abgelegt. Legen Sie eine Bilddatei oder ein Bild von einer anderen Seite ab.',
  'paste-no-image': () =>
    'Die Zwischenablage enthält kein Bild. Kopieren Sie ein Bild und fügen Sie es dann erneut ein.',
  'copy-failed': () =>
    'Kopieren in die Zwischenablage nicht möglich: Der Browser hat es abgelehnt. Nutzen Sie stattdessen „Merkmale herunterladen (JSON)“.',
  'image-url-failed': ({ url }) =>
    `Das Bild unter ${url} konnte nicht geladen werden: Das Netzwerk ist ausgefallen oder seine Website erlaubt anderen Seiten nicht, es zu lesen ` +
    '(CORS). Stellen Sie es mit Access-Control-Allow-Origin bereit, oder laden Sie es herunter und dann als Datei hoch.',
  'image-url-status': ({ url, status }) => `Das Bild unter ${url} konnte nicht geladen werden (HTTP ${status}).`,
  'not-on-page': () => 'Das Element ist nicht auf der Seite: Fügen Sie es vor dem Klassifizieren in das Dokument ein.',
  'method-empty-url': ({ method, accepted }) => `${method} hat eine leere URL erhalten. Erwartet: ${accepted}.`,
  'method-not-text': ({ method, given, what }) =>
    `${method} hat als ${NAME_ROLES[what]} ${given} erhalten: Übergeben Sie den Namen als Text.`,
  'method-not-classes-file': ({ method, given }) =>
    `${method} hat ${given} erhalten: Übergeben Sie den Text einer Export-Datei oder ihr geparstes JSON-Objekt.`,
  'method-options': ({ method, given }) => `${method} hat als Optionen ${given} erhalten: Übergeben Sie ein Objekt.`,
  'method-signal': ({ method, given }) =>
    `${method} hat als options.signal ${given} erhalten: Übergeben Sie ein AbortSignal.`,
  'method-format': ({ method, given, accepted }) =>
    `${method} hat ${given} erhalten. Erwartet: ${accepted.map((format) => `'${format}'`).join(' oder ')}.`,
  'explain-nothing': ({ method }) =>
    `Noch nichts zu erklären: Klassifizieren Sie zuerst ein Bild und rufen Sie dann ${method} auf.`,
  'folder-unreadable': () => 'Der Ordner konnte nicht gelesen werden.',
  'folder-empty': () => 'Der Ordner ist leer. Wählen Sie einen Ordner mit JPEG-, PNG- oder WebP-Dateien.',
  'folder-no-images': (files, f) =>
    `Der Ordner enthält keine Bilder, nur: ${listed(files, f)}. Wählen Sie einen Ordner mit JPEG-, PNG- oder WebP-Dateien.`,

  'label-not-text': ({ position, type }) => `${inFile(position)}Ein Klassenname muss Text sein, nicht ${type}.`,
  'label-empty': ({ position }) =>
    `${inFile(position)}Eine Klasse braucht einen Namen: Geben Sie einen ein, z. B. „meine Tasse“.`,
  'label-too-long': ({ position, start, length, max }, f) =>
    `${inFile(position)}Der Klassenname „${start}…“ ist ${f.number(length)} Zeichen lang; erlaubt sind höchstens ${f.number(max)}.`,
  'too-many-classes': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} Klassen sind mehr als die ${f.number(max)}, die ein Element speichert: Löschen Sie zuerst einige.`,
  'too-many-examples': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} Beispiele sind mehr als die ${f.number(max)}, die ein Element speichert: Löschen Sie zuerst einige.`,
  'file-too-large': ({ megabytes, maxMegabytes, maxExamples }, f) =>
    `Diese Datei ist ${f.number(megabytes, 1)} MB groß; eine Export-Datei hat höchstens ${f.number(maxMegabytes, 1)} MB ` +
    `(${f.plural(maxExamples, examples)}). Ist es die richtige Datei?`,
  'file-not-json': () =>
    'Diese Datei ist kein JSON und damit keine Export-Datei. Wählen Sie eine Datei, die mit „Exportieren“ erstellt wurde.',
  'not-a-classes-file': ({ format }) =>
    `Das ist keine Export-Datei (ihr „format“ ist nicht „${format}“). Wählen Sie eine Datei, die mit „Exportieren“ erstellt wurde.`,
  'file-version-invalid': ({ found }) => `Diese Export-Datei hat keine gültige „version“ (gefunden: ${found}).`,
  'file-version-newer': ({ version, supported }) =>
    `Diese Export-Datei hat Version ${version} und stammt von einem neueren mobilenet-classifier; dieser liest bis Version ${supported}. Aktualisieren Sie das Element.`,
  'file-encoding': ({ found, expected }) =>
    `Diese Export-Datei speichert ihre Vektoren als ${found}; Dateien der Versionen 1 und 2 verwenden „${expected}“.`,
  'file-no-classes': () => 'Diese Export-Datei hat keine Liste „classes“.',
  'file-threshold': ({ found }) =>
    `„minSimilarity“ dieser Export-Datei muss eine Zahl von -1 bis 1 sein, gefunden: ${found}.`,
  'head-no-labels': () => 'Der „head“ dieser Export-Datei hat keine Liste „labels“.',
  'head-mismatch': () =>
    'Der trainierte Head dieser Export-Datei passt nicht zu ihren Klassen: Jede Klasse muss genau einmal unter seinen Labels stehen.',
  'head-damaged': ({ weights, expected }) =>
    `${weights ? 'Die Gewichte' : 'Der Bias'} des trainierten Heads in dieser Datei ${weights ? 'sind' : 'ist'} beschädigt: erwartet wird Base64 von ${expected} float32-Werten, keiner davon NaN oder Infinity.`,
  'file-too-many-classes': ({ count, max }, f) =>
    `Diese Datei hat ${f.number(count)} Klassen; ein Element speichert höchstens ${f.number(max)}.`,
  'file-class-not-object': ({ position }) =>
    `Klasse ${position} dieser Datei ist kein Objekt mit einem Namen (label) und Beispielen (examples).`,
  'file-duplicate-class': ({ label }) =>
    `Diese Datei hat zwei Klassen namens „${label}“; Klassennamen müssen sich unterscheiden.`,
  'file-no-examples': ({ label }) => `Die Klasse „${label}“ dieser Datei hat keine Liste „examples“.`,
  'example-not-text': (v) => `${example(v)} ist kein Base64-Text.`,
  'example-not-base64': (v) => `${example(v)} ist kein gültiges Base64.`,
  'example-bytes': (v, f) => `${example(v)} hat ${f.number(v.bytes)} Bytes, keine ganze Zahl von float32-Werten.`,
  'example-length': (v, f) =>
    `${example(v)} hat ${f.number(v.length)} Werte; die Merkmalsvektoren dieses Modells haben ${f.number(v.expected)}.`,
  'example-not-finite': (v) => `${example(v)} enthält NaN oder Infinity: Die Datei ist beschädigt.`,
  'file-no-model': () =>
    'Diese Export-Datei gibt nicht an, mit welchem Modell sie erstellt wurde („model“ mit „id“ und „featureSize“).',
  'file-other-model': ({ theirs, ours }) =>
    `Diese Beispiele wurden einem anderen Modell beigebracht (${theirs}); dieses Element verwendet ${ours}. ` +
    'Merkmalsvektoren des einen Modells bedeuten einem anderen nichts: Bringen Sie die Klassen hier erneut bei.',
  'storage-failed': ({ action, full, detail }) =>
    `${ACTIONS[action]} (${full ? 'der Browser-Speicher dieser Website ist voll' : detail}). ` +
    'Die Klassen funktionieren weiter, bis die Seite geschlossen wird; sichern Sie eine Kopie mit „Exportieren“.',
  'no-indexeddb': () =>
    'Dieser Browser-Kontext hat kein IndexedDB, daher werden die Klassen nicht zwischen Besuchen gespeichert. Sichern Sie eine Kopie mit „Exportieren“.',
  'no-content-hash': () =>
    'Dieses Modell hat keinen Inhalts-Hash in seinen Metadaten, daher werden seine Klassen nicht zwischen Besuchen gespeichert. Erstellen Sie es mit `npm run model`.',
  'head-needs-two-classes': () => 'Zum Trainieren braucht es mindestens zwei Klassen mit Beispielen.',
  'head-needs-examples': ({ min, labels }, f) =>
    `Zum Trainieren braucht jede Klasse ${f.plural(min, examples)}; ${f.list(quoted(labels))} ${labels.length === 1 ? 'braucht' : 'brauchen'} noch mehr.`,
  'vector-length': ({ length, expected }, f) =>
    `Ein Merkmalsvektor mit ${f.number(length)} Werten kann nicht hinzugefügt werden: Die dieses Modells haben ${f.number(expected)}.`,
  'class-exists': ({ label }) => `Es gibt bereits eine Klasse namens „${label}“.`,
  'class-missing': ({ label }) => `Es gibt keine Klasse namens „${label}“.`,
  'training-busy': () => 'Es wird bereits eine Schicht trainiert: Warten Sie darauf oder brechen Sie das Training ab.',
  'record-needs-camera': () =>
    'Schalten Sie die Kamera ein, um Beispiele aufzunehmen, oder nutzen Sie „Bilder hinzufügen“.',
  'files-unreadable': ({ files }, f) =>
    `${f.plural(files.length, { one: '# Datei konnte', other: '# Dateien konnten' })} nicht als Bild gelesen werden und ${files.length === 1 ? 'wurde' : 'wurden'} nicht hinzugefügt: ${f.list(files)}.`,
  'import-file-too-large': ({ name, megabytes, maxMegabytes }, f) =>
    `${name} ist ${f.number(megabytes, 1)} MB groß; eine Export-Datei hat höchstens ${f.number(maxMegabytes)} MB. Ist es die richtige Datei?`,
  'model-not-loaded': () => 'Das Modell ist noch nicht geladen.',
  'set-changed': ({ label }) =>
    `Das Beispiel für „${label}“ wurde nicht hinzugefügt: classes-key oder model-url hat sich beim Lesen geändert, es gehört also zu anderen Klassen. Fügen Sie es erneut hinzu.`,
  'classes-damaged': ({ labels }, f) =>
    labels.length === 1
      ? `Die in diesem Browser gespeicherte Klasse ${f.list(quoted(labels))} ist beschädigt und wurde nicht geladen; die anderen Klassen schon. Bringen Sie sie erneut bei oder importieren Sie eine Export-Datei.`
      : `${f.number(labels.length)} in diesem Browser gespeicherte Klassen sind beschädigt und wurden nicht geladen (${f.list(quoted(labels))}); die anderen Klassen schon. Bringen Sie sie erneut bei oder importieren Sie eine Export-Datei.`,

  'camera-insecure': () =>
    'Die Kamera braucht eine sichere Seite (https oder localhost) in einem Browser, der sie unterstützt. Nutzen Sie stattdessen „Bilder hochladen“.',
  'camera-denied': () =>
    'Kamerazugriff verweigert. Nutzen Sie stattdessen „Bilder hochladen“ oder erlauben Sie die Kamera in den Website-Einstellungen.',
  'camera-not-found': () =>
    'Keine Kamera gefunden. Schließen Sie eine an und versuchen Sie es erneut, oder nutzen Sie „Bilder hochladen“.',
  'camera-busy': () =>
    'Die Kamera ist belegt oder blockiert: Schließen Sie andere Apps oder Tabs, die sie nutzen, und versuchen Sie es erneut.',
  'camera-failed': ({ detail }) =>
    `Die Kamera konnte nicht starten (${detail}). Nutzen Sie stattdessen „Bilder hochladen“.`,
  'camera-stopped': () =>
    'Die Kamera wurde beendet (sie wurde abgezogen oder von einer anderen App übernommen). Schalten Sie sie wieder ein, sobald sie zurück ist.',
  'camera-not-started': () => 'Die Kamera ist nicht gestartet.',
  'classification-failed': ({ detail }) => `Klassifizieren fehlgeschlagen: ${detail}`,
};
