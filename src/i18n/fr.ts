// Français. Vouvoiement. Termes : modèle, classe, exemple, image, caméra, capturer (record), couche
// entraînée (head), vecteur de caractéristiques, fichier d’export (classes file). Espaces insécables
// avant : ; ? ! et dans les guillemets « ».
import type { NamedFiles, PictureName } from '../model/errors';
import type { PictureArea } from '../model/explain';
import type { Format } from './format';
import type { MobilenetStrings } from './strings';

const examples = { one: '# exemple', other: '# exemples' };
const classes = { one: '# classe', other: '# classes' };
const q = (text: string) => `«\u00a0${text}\u00a0»`;
const subject = ({ name, isFile }: PictureName) => (name ? q(name) : isFile ? 'Le fichier' : 'L’image');
const typeOf = (type?: string) => (type ? ` (${type})` : '');
/** A sentence about a labels file, after its URL when it has one (then in lower case). */
const at = (url: string | undefined, text: string) => (url ? `${url}\u00a0: ${lower(text)}` : text);
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** A sentence about a class name, after the class's position in a file when it has one. */
const inFile = (position: number | undefined, text: string) =>
  position === undefined ? text : `Classe ${position} de ce fichier\u00a0: ${lower(text)}`;
const tooLarge = (inFile?: boolean) => (inFile ? 'Ce fichier est trop volumineux\u00a0: ' : '');
const example = ({ position, label }: { position: number; label: string }) =>
  `L’exemple ${position} de la classe ${q(label)}`;
const cannot = (method?: string) => (method ? `${method} ne peut pas utiliser` : 'Impossible de classer');
const MISSING_MODEL = 'Lancez `npm run model` ou définissez model-url.';
const ACTIONS = {
  read: 'lire les classes gardées dans ce navigateur',
  keep: 'garder les classes dans ce navigateur',
  forget: 'oublier les classes gardées dans ce navigateur',
};
const NAME_ROLES = { name: 'nom de classe', 'rename-from': 'classe à renommer', 'rename-to': 'nouveau nom' };

const files = { one: '# fichier', other: '# fichiers' };
/** "a.txt, b.txt et 2 autres". */
const listed = ({ names, more }: NamedFiles, f: Format) =>
  f.list(more ? [...names, f.plural(more, { one: '# autre', other: '# autres' })] : names);
/** The sentence after a batch's summary that names the folder's files that are not images. */
const leftOut = (skipped: NamedFiles, f: Format) => {
  const count = skipped.names.length + skipped.more;
  if (!count) return '';
  return count === 1
    ? ` Un fichier qui n’est pas une image a été ignoré\u00a0: ${listed(skipped, f)}.`
    : ` ${f.number(count)} fichiers qui ne sont pas des images ont été ignorés\u00a0: ${listed(skipped, f)}.`;
};
const couldNot = (n: number, f: Format) =>
  f.plural(n, { one: '# n’a pas pu être classée', other: '# n’ont pas pu être classées' });
const AREAS: Record<PictureArea['row'], Record<PictureArea['column'], string>> = {
  top: { left: 'le coin supérieur gauche', centre: 'le milieu du haut', right: 'le coin supérieur droit' },
  centre: { left: 'le milieu du côté gauche', centre: 'le centre', right: 'le milieu du côté droit' },
  bottom: { left: 'le coin inférieur gauche', centre: 'le milieu du bas', right: 'le coin inférieur droit' },
};
const NOT_FOUND = 'Les noms anglais des classes sont affichés.';

export const fr: MobilenetStrings = {
  loading: 'Chargement du modèle…',
  loadingBytes: (loaded, total, f) => `Chargement du modèle… ${f.megabytes(loaded)} sur ${f.megabytes(total)}`,
  waitingForModel: 'Votre image sera classée dès que le modèle sera prêt.',
  ready: (backend) => `Prêt · fonctionne sur ${backend}`,
  notLoaded: 'Le modèle n’est pas chargé.',

  stageLabel: 'Entrée d’image\u00a0: déposez ou collez une image ici, ou appuyez sur Entrée pour choisir des fichiers',
  emptyHint: 'Déposez une image ici, collez-en une, choisissez des fichiers ou allumez la caméra.',
  cropLabel: 'Le recadrage de 96 × 96 pixels vu par le modèle',
  cameraPreview: 'Aperçu de la caméra',

  uploadImages: 'Choisir des images',
  camera: 'Caméra',
  chooseCamera: 'Choisir une caméra',
  cameraNumber: (n, f) => `Caméra ${f.number(n)}`,
  classifyFrame: 'Classer l’image actuelle',
  retry: 'Réessayer',
  tryAgain: 'Réessayer',
  turnCameraOn: 'Allumer la caméra',
  uploadFolder: 'Choisir un dossier',

  classifying: (index, total, name, f) =>
    `Classement de l’image ${f.number(index)} sur ${f.number(total)}\u00a0: ${name}`,
  classified: (total, f) => `${f.plural(total, { one: '# image classée', other: '# images classées' })}.`,
  classifiedSome: (classified, total, failed, f) =>
    `${f.number(classified)} ${f.plural(total, { one: 'image classée sur #', other: 'images classées sur #' })}\u00a0; ` +
    `${f.plural(failed.length, { one: '# n’a pas pu être lue', other: '# n’ont pas pu être lues' })}\u00a0: ${f.list(failed)}.`,

  predictions: 'Prédictions',
  predictionsPickable: 'Prédictions\u00a0: choisissez-en une pour voir pourquoi',
  probability: (probability, f) => f.percent(probability),
  announceResult: (label, probability, f) => `${label}, ${f.percent(probability)}`,
  notSure: (minProbability, f) => `Incertain\u00a0: rien au-dessus de ${f.percent(minProbability, 1, 0)}`,

  featuresLabel: 'Export du vecteur de caractéristiques',
  downloadJson: 'Télécharger les caractéristiques (JSON)',
  downloadBin: 'Télécharger les caractéristiques (.bin)',
  copyJson: 'Copier les caractéristiques en JSON',
  copied: 'Vecteur de caractéristiques copié en JSON.',

  yourClasses: 'Vos classes',
  noExamplesYet: 'Aucune classe n’a encore d’exemple\u00a0: ajoutez-en une ci-dessous et montrez-lui quelques images.',
  noneMatch: (label, similarity, f) =>
    `Aucune de vos classes. La plus proche\u00a0: ${label} (similarité ${f.number(similarity, 2)}).`,
  announceNoneMatch: (label) => `Aucune de vos classes\u00a0; la plus proche\u00a0: ${label}.`,

  newClass: 'Nouvelle classe',
  newClassPlaceholder: 'p. ex. ma tasse',
  addClass: 'Ajouter la classe',
  teachHint:
    'Ajoutez une classe, puis montrez-lui quelques exemples\u00a0: maintenez le bouton pour capturer depuis la caméra, ou ajoutez des images.',
  cameraHint: 'Allumez la caméra pour capturer des exemples en maintenant un bouton enfoncé.',
  exampleCount: (count, f) => f.plural(count, examples),
  holdToRecord: 'Maintenir pour capturer',
  recording: 'Capture…',
  holdToRecordLabel: (label) => `Maintenir pour capturer des exemples de ${label}`,
  addImages: 'Ajouter des images',
  addImagesLabel: (label) => `Ajouter des images à ${label}`,
  rename: 'Renommer',
  renameLabel: (label) => `Renommer ${label}`,
  newNameLabel: (label) => `Nouveau nom pour ${label}`,
  save: 'Enregistrer',
  cancel: 'Annuler',
  delete: 'Supprimer',
  deleteLabel: (label) => `Supprimer ${label}`,
  undo: 'Annuler',
  train: 'Entraîner',
  trainAgain: 'Entraîner à nouveau',
  trainingProgress: 'Progression de l’entraînement',
  training: (fraction, f) => `Entraînement… ${f.percent(fraction, 0)}`,
  cancelTraining: 'Arrêter l’entraînement',
  trainOptional:
    'Facultatif\u00a0: entraînez une petite couche sur vos exemples. D’ici là, la méthode des plus proches voisins (k-NN) les reconnaît.',
  trainedHeadInUse: 'Reconnaissance par la couche entraînée.',
  trainedHeadStale:
    'Les exemples ont changé depuis l’entraînement\u00a0: la méthode des plus proches voisins (k-NN) les reconnaît jusqu’au prochain entraînement.',
  exportClasses: 'Exporter',
  importClasses: 'Importer',
  forgetEverything: 'Tout oublier',
  confirmForgetLabel: 'Confirmer l’oubli',
  confirmForget:
    'Oublier toutes les classes que ce site a gardées dans ce navigateur, pour tous les modèles\u00a0? Cette action est irréversible.',
  confirmForgetYes: 'Oui, tout oublier',
  keepThem: 'Les garder',
  storageKept: (n, m, f) => `${f.plural(n, classes)}, ${f.plural(m, examples)}, gardés dans ce navigateur uniquement.`,
  storageNotKept: (n, m, why, f) =>
    `${f.plural(n, classes)}, ${f.plural(m, examples)}, perdus à la fermeture de la page\u00a0: ${why ?? 'chargement…'}`,
  adding: (index, total, label, name, f) =>
    `Ajout de l’image ${f.number(index)} sur ${f.number(total)} à ${q(label)}\u00a0: ${name}`,

  deletedClass: (label, n, f) => `Classe ${q(label)} supprimée (${f.plural(n, examples)}).`,
  deletedClasses: (n, f) => `${f.plural(n, { one: '# classe supprimée', other: '# classes supprimées' })}.`,
  imported: (n, m, f) =>
    `${f.plural(n, { one: '# classe importée', other: '# classes importées' })} avec ${f.plural(m, examples)}.`,
  forgotten: 'Toutes les classes gardées dans ce navigateur ont été oubliées.',
  trainedOn: (n, f) => `Entraînement terminé sur ${f.plural(n, examples)}.`,
  trainingStopped: 'Entraînement arrêté.',
  recorded: (label, n, f) => `${q(label)} a ${f.plural(n, examples)}.`,
  added: (n, label, f) => `${f.plural(n, { one: '# exemple ajouté', other: '# exemples ajoutés' })} à ${q(label)}.`,

  batchLabel: (n, f) => `Résultats de ${f.plural(n, files)}`,
  filesClassified: 'Fichiers classés',
  filterByLabel: 'Filtrer par classe',
  sortBy: 'Trier',
  sortOrder: 'Ordre des fichiers',
  sortLabel: 'Classe (A–Z)',
  sortProbability: 'Probabilité (la plus haute d’abord)',
  sortProbabilityAsc: 'Probabilité (la plus basse d’abord)',
  exportResultsLabel: 'Exporter les résultats',
  exportCsv: 'Exporter en CSV',
  exportJson: 'Exporter en JSON',
  filterShowing: (shown, done, f) =>
    `Fichiers affichés\u00a0: ${f.number(shown)} sur ${f.number(done)}, ceux dont la classe la plus probable correspond.`,
  batchFiles: 'Fichiers',
  noPrediction: 'Aucune prédiction',
  rowTopK: (k, f) => `${f.number(k)} prédictions`,
  rowTopKLabel: (k, file, f) => `Les ${f.number(k)} prédictions de ${file}`,
  batchProgress: (done, total, failed, f) =>
    `Classement en cours… ${f.number(done)} sur ${f.number(total)}${failed ? `, ${couldNot(failed, f)}` : ''}.`,
  batchDone: (total, skipped, f) =>
    `${f.plural(total, { one: '# image classée', other: '# images classées' })}.${leftOut(skipped, f)}`,
  batchDoneSome: (classified, total, failed, skipped, f) =>
    `${f.number(classified)} ${f.plural(total, { one: 'image classée sur #', other: 'images classées sur #' })}\u00a0; ` +
    `${couldNot(failed, f)}.${leftOut(skipped, f)}`,
  batchCancelled: (done, total, skipped, f) =>
    `Annulé après ${f.number(done)} ${f.plural(total, { one: 'image sur #', other: 'images sur #' })}.${leftOut(skipped, f)}`,

  explainFrame: 'Expliquer l’image actuelle',
  explaining: 'Recherche des raisons…',
  frameExplained: 'L’image de la caméra expliquée',
  lessImportant: 'Moins important',
  moreImportant: 'Plus important',
  explainArea: (label, { row, column }) =>
    `Le plus important pour ${q(label)}\u00a0: ${AREAS[row][column]} de l’image.`,
  explainNoArea: (label) => `Aucune partie de l’image ne ressort pour ${q(label)}.`,

  regionLabel: 'Zone vue par le modèle',
  regionValue: (x, y, size, f) =>
    `Gauche ${f.percent(x, 0)}, haut ${f.percent(y, 0)}, taille ${f.percent(size, 0)} du petit côté`,
  regionHelp:
    'Faites glisser le carré pour le déplacer, ou son coin pour le redimensionner. Les flèches le déplacent, Maj et les flèches le redimensionnent.',
  pictureLabel: 'L’image\u00a0; le carré marque ce que voit le modèle',

  disposed: () => 'Ce classifieur a été libéré (dispose).',
  'no-backend': () => 'Aucun backend TensorFlow.js n’a pu démarrer dans ce navigateur.',
  'code-failed': ({ detail }) =>
    `Impossible de charger le code du classifieur (${detail}). Vérifiez la connexion et rechargez la page.`,
  'fetch-failed': ({ url }) =>
    `Impossible de récupérer ${url}\u00a0: le réseau a échoué ou le serveur n’autorise pas cette page à le lire (CORS). ` +
    'Vérifiez l’adresse, ou servez le modèle depuis ce site.',
  'http-status': ({ url, status }) =>
    `Fichier du modèle ${status === 404 ? 'introuvable' : 'impossible à récupérer'} à l’adresse ${url} (HTTP ${status}). ${MISSING_MODEL}`,
  'html-instead': ({ url }) =>
    `Fichier du modèle introuvable à l’adresse ${url}\u00a0: le serveur a renvoyé une page HTML à la place. ${MISSING_MODEL}`,
  'invalid-json': ({ url }) => `${url} n’est pas du JSON valide\u00a0: le fichier du modèle est corrompu.`,
  'not-graph-model': ({ url }) => `${url} n’est pas un modèle de graphe TF.js (ni modelTopology ni weightsManifest).`,
  'graph-load-failed': ({ url, detail }) => `${url} n’a pas pu être chargé comme modèle de graphe\u00a0: ${detail}`,
  'weight-dtype': ({ url, name, dtype }) => `${url}\u00a0: le poids ${name} a un type non pris en charge (${dtype}).`,
  'weights-truncated': ({ url, expected, received }, f) =>
    `Les poids de ${url} sont tronqués ou ne correspondent pas à model.json\u00a0: ${f.number(expected)} octets attendus, ${f.number(received)} reçus.`,
  'model-input-shape': ({ url, shape }) =>
    `${url} prend des entrées de forme [${shape}], mais cet élément a besoin de [N, 96, 96, 3]\u00a0: ` +
    'ce n’est pas un modèle MobileNet V2 96 × 96 comme celui fourni avec ce paquet.',
  'model-output-missing': ({ url, output, outputs }) =>
    `${url} n’a pas de sortie nommée ${q(output)} (sorties\u00a0: ${outputs}).`,
  'labels-not-array': ({ url }) => at(url, `labels.json n’est pas un tableau JSON.`),
  'labels-count': ({ url, entries, classes }, f) =>
    at(url, `labels.json a ${f.number(entries)} entrées, mais le modèle a ${f.number(classes)} classes.`),
  'labels-entry': ({ url, index }) =>
    at(url, `L’entrée ${index} de labels.json n’est pas { index: ${index}, wnid, label, fullName }.`),
  'labels-not-json': ({ url }) =>
    at(
      url,
      `Le fichier des noms de classes n’est pas du JSON valide. Donnez un fichier comme le labels.json du modèle.`,
    ),
  'labels-too-large': ({ url, megabytes, maxMegabytes }, f) =>
    at(
      url,
      `Le fichier des noms de classes fait ${f.megabytes(megabytes * 1e6)}\u00a0; il ne peut dépasser ${f.megabytes(maxMegabytes * 1e6)}. Est-ce le bon fichier\u00a0?`,
    ),
  'labels-wnid': ({ url, index, expected, found }) =>
    at(
      url,
      `L’entrée ${index} du fichier des noms de classes est pour la classe ${found}, mais la classe ${index} du modèle est ${expected}\u00a0: ` +
        'les entrées doivent suivre l’ordre du labels.json du modèle.',
    ),
  'labels-empty-name': ({ url, index }) =>
    at(url, `L’entrée ${index} du fichier des noms de classes a un nom vide\u00a0: donnez un nom à chaque classe.`),
  'labels-fetch-failed': ({ url }) =>
    `Impossible de récupérer le fichier des noms de classes ${url}\u00a0: le réseau a échoué ou le serveur n’autorise pas cette page à le lire (CORS). ${NOT_FOUND}`,
  'labels-http-status': ({ url, status }) =>
    `Le fichier des noms de classes ${url} ${status === 404 ? 'est introuvable' : 'n’a pas pu être récupéré'} (HTTP ${status}). ${NOT_FOUND}`,
  'no-canvas': () => 'Ce navigateur ne peut pas créer de canvas 2D pour préparer les images.',
  'no-pixels': ({ width, height }) => `L’image n’a aucun pixel (${width} × ${height}).`,
  'image-too-small': (v, f) =>
    `${subject(v)} ne fait que ${v.width} × ${v.height} pixels\u00a0: son carré central est trop petit pour être classé. ` +
    `Utilisez une image d’au moins ${f.number(v.minSide)} pixels sur son petit côté${v.cropped ? ' après recadrage' : ''}.`,
  'cross-origin': () =>
    'L’image vient d’un autre site qui n’autorise pas sa lecture (pas de CORS). ' +
    'Servez-la avec Access-Control-Allow-Origin, ou ajoutez crossorigin="anonymous" à l’image.',
  'empty-file': (v) => `${subject(v)} est vide (0 octet). Choisissez une autre image.`,
  'image-too-large': (v, f) =>
    `${subject(v)}${typeOf(v.type)} fait ${v.width} × ${v.height} pixels (${f.number(v.megapixels)} mégapixels) et n’a pas pu être décodé\u00a0: ` +
    `trop grand pour ce navigateur, ou endommagé. Essayez une copie d’au plus ${f.number(v.maxMegapixels)} mégapixels.`,
  'undecodable-image': (v) =>
    `${subject(v)}${typeOf(v.type)} n’a pas pu être lu comme une image\u00a0: il est endommagé ou dans un format que ce navigateur ne sait pas décoder. ` +
    'Essayez JPEG, PNG ou WebP.',
  'image-load-failed': ({ url }) => `L’image ${url ? `à l’adresse ${url} ` : ''}n’a pas pu être chargée ni décodée.`,
  'video-no-frame': () => 'La vidéo n’a encore affiché aucune image. Démarrez la caméra ou la vidéo, puis réessayez.',
  'input-wrong-type': ({ given, accepted, method }) => `${cannot(method)} ${given}\u00a0: donnez ${accepted}.`,
  'input-closed-bitmap': ({ accepted, method }) =>
    `${cannot(method)} une ImageBitmap fermée\u00a0: close() a été appelée ou elle a été transférée, elle n’a donc plus de pixels. Donnez-en une nouvelle, ou ${accepted}.`,
  'input-detached-canvas': ({ accepted, method }) =>
    `${cannot(method)} un OffscreenCanvas de 0 × 0 pixel\u00a0: il a été transféré à un worker ou n’a jamais reçu de taille. Donnez ${accepted}.`,
  'drop-nothing': () =>
    'Rien d’utilisable n’a été déposé. Déposez un fichier image ou une image venant d’une autre page.',
  'paste-no-image': () => 'Le presse-papiers ne contient aucune image. Copiez une image, puis collez à nouveau.',
  'copy-failed': () =>
    'Impossible de copier dans le presse-papiers\u00a0: le navigateur a refusé. Utilisez plutôt «\u00a0Télécharger les caractéristiques (JSON)\u00a0».',
  'image-url-failed': ({ url }) =>
    `Impossible de charger l’image à l’adresse ${url}\u00a0: le réseau a échoué, ou son site n’autorise pas les autres pages à la lire ` +
    '(CORS). Servez-la avec Access-Control-Allow-Origin, ou téléchargez-la et choisissez le fichier.',
  'image-url-status': ({ url, status }) => `Impossible de charger l’image à l’adresse ${url} (HTTP ${status}).`,
  'not-on-page': () => 'L’élément n’est pas dans la page\u00a0: ajoutez-le au document avant de classer.',
  'method-empty-url': ({ method, accepted }) => `${method} a reçu une URL vide\u00a0: donnez ${accepted}.`,
  'method-not-text': ({ method, given, what }) =>
    `${method} a reçu ${given} comme ${NAME_ROLES[what]}\u00a0: donnez le nom sous forme de texte.`,
  'method-not-classes-file': ({ method, given }) =>
    `${method} a reçu ${given}\u00a0: donnez le texte d’un fichier d’export, ou son objet JSON analysé.`,
  'method-options': ({ method, given }) => `${method} a reçu ${given} comme options\u00a0: donnez un objet.`,
  'method-signal': ({ method, given }) =>
    `${method} a reçu ${given} comme options.signal\u00a0: donnez un AbortSignal.`,
  'method-format': ({ method, given, accepted }) =>
    `${method} a reçu ${given}\u00a0: donnez ${accepted.map((format) => `'${format}'`).join(' ou ')}.`,
  'explain-nothing': ({ method }) =>
    `Rien à expliquer pour l’instant\u00a0: classez d’abord une image, puis appelez ${method}.`,
  'folder-unreadable': () => 'Le dossier n’a pas pu être lu.',
  'folder-empty': () => 'Le dossier est vide. Choisissez un dossier contenant des fichiers JPEG, PNG ou WebP.',
  'folder-no-images': (files, f) =>
    `Le dossier ne contient aucune image, seulement\u00a0: ${listed(files, f)}. Choisissez un dossier contenant des fichiers JPEG, PNG ou WebP.`,

  'label-not-text': ({ position, type }) => inFile(position, `Un nom de classe doit être du texte, pas ${type}.`),
  'label-empty': ({ position }) =>
    inFile(position, `Une classe a besoin d’un nom\u00a0: saisissez-en un, p. ex. ${q('ma tasse')}.`),
  'label-too-long': ({ position, start, length, max }, f) =>
    inFile(
      position,
      `Le nom de classe ${q(`${start}…`)} fait ${f.number(length)} caractères\u00a0; ${f.number(max)} au plus.`,
    ),
  'too-many-classes': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} classes, c’est plus que les ${f.number(max)} qu’un élément garde\u00a0: supprimez-en d’abord.`,
  'too-many-examples': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} exemples, c’est plus que les ${f.number(max)} qu’un élément garde\u00a0: supprimez-en d’abord.`,
  'file-too-large': ({ megabytes, maxMegabytes, maxExamples }, f) =>
    `Ce fichier fait ${f.number(megabytes, 1)} Mo\u00a0; un fichier d’export fait au plus ${f.number(maxMegabytes, 1)} Mo ` +
    `(${f.plural(maxExamples, examples)}). Est-ce le bon fichier\u00a0?`,
  'file-not-json': () =>
    'Ce fichier n’est pas du JSON, ce n’est donc pas un fichier d’export. Choisissez un fichier créé avec «\u00a0Exporter\u00a0».',
  'not-a-classes-file': ({ format }) =>
    `Ce n’est pas un fichier d’export (son ${q('format')} n’est pas ${q(format)}). Choisissez un fichier créé avec «\u00a0Exporter\u00a0».`,
  'file-version-invalid': ({ found }) =>
    `Ce fichier d’export n’a pas de ${q('version')} valide (trouvé\u00a0: ${found}).`,
  'file-version-newer': ({ version, supported }) =>
    `Ce fichier d’export est en version ${version}, créé par un mobilenet-classifier plus récent\u00a0; celui-ci lit jusqu’à la version ${supported}. Mettez l’élément à jour.`,
  'file-encoding': ({ found, expected }) =>
    `Ce fichier d’export stocke ses vecteurs en ${found}\u00a0; les fichiers des versions 1 et 2 utilisent ${q(expected)}.`,
  'file-no-classes': () => `Ce fichier d’export n’a pas de liste ${q('classes')}.`,
  'file-threshold': ({ found }) =>
    `Le ${q('minSimilarity')} de ce fichier d’export doit être un nombre de -1 à 1, pas ${found}.`,
  'head-no-labels': () => `La couche entraînée (${q('head')}) de ce fichier d’export n’a pas de liste ${q('labels')}.`,
  'head-mismatch': () =>
    'La couche entraînée de ce fichier d’export ne correspond pas à ses classes\u00a0: chaque classe doit figurer une seule fois parmi ses étiquettes.',
  'head-damaged': ({ weights, expected }) =>
    `${weights ? 'Les poids' : 'Le biais'} de la couche entraînée de ce fichier ${weights ? 'sont endommagés' : 'est endommagé'}\u00a0: il faut du base64 de ${expected} valeurs float32, aucune NaN ni Infinity.`,
  'file-too-many-classes': ({ count, max }, f) =>
    `Ce fichier a ${f.number(count)} classes\u00a0; un élément en garde au plus ${f.number(max)}.`,
  'file-class-not-object': ({ position }) =>
    `La classe ${position} de ce fichier n’est pas un objet avec un nom (label) et des exemples (examples).`,
  'file-duplicate-class': ({ label }) =>
    `Ce fichier a deux classes nommées ${q(label)}\u00a0; les noms de classes doivent être différents.`,
  'file-no-examples': ({ label }) => `La classe ${q(label)} de ce fichier n’a pas de liste ${q('examples')}.`,
  'example-not-text': (v) => `${example(v)} n’est pas un texte base64.`,
  'example-not-base64': (v) => `${example(v)} n’est pas du base64 valide.`,
  'example-bytes': (v, f) => `${example(v)} fait ${f.number(v.bytes)} octets, pas un nombre entier de valeurs float32.`,
  'example-length': (v, f) =>
    `${example(v)} a ${f.number(v.length)} valeurs\u00a0; les vecteurs de caractéristiques de ce modèle en ont ${f.number(v.expected)}.`,
  'example-not-finite': (v) => `${example(v)} contient NaN ou Infinity\u00a0: le fichier est endommagé.`,
  'file-no-model': () =>
    `Ce fichier d’export n’indique pas quel modèle l’a créé (${q('model')} avec ${q('id')} et ${q('featureSize')}).`,
  'file-other-model': ({ theirs, ours }) =>
    `Ces exemples ont été appris par un autre modèle (${theirs})\u00a0; cet élément utilise ${ours}. ` +
    'Les vecteurs de caractéristiques d’un modèle n’ont aucun sens pour un autre\u00a0: apprenez à nouveau les classes ici.',
  'storage-failed': ({ action, full, detail }) =>
    `Impossible de ${ACTIONS[action]} (${full ? 'le stockage du navigateur pour ce site est plein' : detail}). ` +
    'Les classes fonctionnent jusqu’à la fermeture de la page\u00a0; utilisez «\u00a0Exporter\u00a0» pour en garder une copie.',
  'no-indexeddb': () =>
    'Ce contexte de navigation n’a pas d’IndexedDB, les classes ne sont donc pas gardées d’une visite à l’autre. Utilisez «\u00a0Exporter\u00a0» pour en garder une copie.',
  'no-content-hash': () =>
    'Ce modèle n’a pas d’empreinte de contenu dans ses métadonnées, ses classes ne sont donc pas gardées d’une visite à l’autre. Construisez-le avec `npm run model`.',
  'head-needs-two-classes': () => 'L’entraînement demande au moins deux classes avec des exemples.',
  'head-needs-examples': ({ min, labels }, f) =>
    `L’entraînement demande ${f.plural(min, examples)} dans chaque classe\u00a0; ajoutez-en à ${f.list(labels.map(q))}.`,
  'vector-length': ({ length, expected }, f) =>
    `Un vecteur de caractéristiques de ${f.number(length)} valeurs ne peut pas être ajouté\u00a0: ceux de ce modèle en ont ${f.number(expected)}.`,
  'class-exists': ({ label }) => `Il existe déjà une classe nommée ${q(label)}.`,
  'class-missing': ({ label }) => `Il n’existe aucune classe nommée ${q(label)}.`,
  'training-busy': () => 'Une couche est déjà en cours d’entraînement\u00a0: attendez la fin ou arrêtez-la.',
  'record-needs-camera': () =>
    'Allumez la caméra pour capturer des exemples, ou utilisez «\u00a0Ajouter des images\u00a0».',
  'files-unreadable': ({ files }, f) =>
    `${f.plural(files.length, {
      one: '# fichier n’a pas pu être lu comme image et n’a pas été ajouté',
      other: '# fichiers n’ont pas pu être lus comme images et n’ont pas été ajoutés',
    })}\u00a0: ${f.list(files)}.`,
  'import-file-too-large': ({ name, megabytes, maxMegabytes }, f) =>
    `${name} fait ${f.number(megabytes, 1)} Mo\u00a0; un fichier d’export fait au plus ${f.number(maxMegabytes)} Mo. Est-ce le bon fichier\u00a0?`,
  'model-not-loaded': () => 'Le modèle n’est pas encore chargé.',
  'set-changed': ({ label }) =>
    `L’exemple pour ${q(label)} n’a pas été ajouté\u00a0: classes-key ou model-url a changé pendant sa lecture, il appartient donc à un autre ensemble de classes. Ajoutez-le à nouveau.`,
  'classes-damaged': ({ labels }, f) =>
    labels.length === 1
      ? `La classe ${q(labels[0]!)} gardée dans ce navigateur est endommagée et n’a pas été chargée\u00a0; les autres classes l’ont été. Apprenez-la à nouveau, ou importez un fichier d’export.`
      : `${f.number(labels.length)} classes gardées dans ce navigateur sont endommagées et n’ont pas été chargées (${f.list(labels.map(q))})\u00a0; les autres classes l’ont été. Apprenez-les à nouveau, ou importez un fichier d’export.`,

  'camera-insecure': () =>
    'La caméra demande une page sécurisée (https ou localhost) dans un navigateur qui la prend en charge. Utilisez plutôt «\u00a0Choisir des images\u00a0».',
  'camera-denied': () =>
    'Accès à la caméra refusé. Utilisez plutôt «\u00a0Choisir des images\u00a0», ou autorisez la caméra dans les paramètres du site.',
  'camera-not-found': () =>
    'Aucune caméra trouvée. Branchez-en une et réessayez, ou utilisez «\u00a0Choisir des images\u00a0».',
  'camera-busy': () =>
    'La caméra est occupée ou bloquée\u00a0: fermez les autres applications ou onglets qui l’utilisent, puis réessayez.',
  'camera-failed': ({ detail }) =>
    `La caméra n’a pas pu démarrer (${detail}). Utilisez plutôt «\u00a0Choisir des images\u00a0».`,
  'camera-stopped': () =>
    'La caméra s’est arrêtée (elle a été débranchée ou prise par une autre application). Rallumez-la quand elle sera de retour.',
  'camera-not-started': () => 'La caméra n’a pas démarré.',
  'classification-failed': ({ detail }) => `Échec du classement\u00a0: ${detail}`,
};
