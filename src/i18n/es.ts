// Español. Tuteo. Términos: modelo, clase, ejemplo, imagen, cámara, grabar (record), capa entrenada
// (head), vector de características, archivo de exportación (classes file). Comillas « ».
import type { NamedFiles, PictureName } from '../model/errors';
import type { PictureArea } from '../model/explain';
import type { Format } from './format';
import type { MobilenetStrings } from './strings';

const examples = { one: '# ejemplo', other: '# ejemplos' };
const classes = { one: '# clase', other: '# clases' };
const q = (text: string) => `«${text}»`;
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
/** A sentence about a labels file, after its URL when it has one (then in lower case). */
const at = (url: string | undefined, text: string) => (url ? `${url}: ${lower(text)}` : text);
/** A sentence about a class name, after the class's position in a file when it has one. */
const inFile = (position: number | undefined, text: string) =>
  position === undefined ? text : `Clase ${position} de este archivo: ${lower(text)}`;
const subject = ({ name, isFile }: PictureName) => (name ? q(name) : isFile ? 'El archivo' : 'La imagen');
const typeOf = (type?: string) => (type ? ` (${type})` : '');
const tooLarge = (inFile?: boolean) => (inFile ? 'Este archivo es demasiado grande: ' : '');
const example = ({ position, label }: { position: number; label: string }) =>
  `El ejemplo ${position} de la clase ${q(label)}`;
const cannot = (method?: string) => (method ? `${method} no puede usar` : 'No se puede clasificar');
const MISSING_MODEL = 'Ejecuta `npm run model` o define model-url.';
const ACTIONS = {
  read: 'leer las clases guardadas en este navegador',
  keep: 'guardar las clases en este navegador',
  forget: 'olvidar las clases guardadas en este navegador',
};
const NAME_ROLES = { name: 'nombre de la clase', 'rename-from': 'clase que renombrar', 'rename-to': 'nombre nuevo' };

const files = { one: '# archivo', other: '# archivos' };
/** "a.txt, b.txt y 2 más". */
const listed = ({ names, more }: NamedFiles, f: Format) => f.list(more ? [...names, `${f.number(more)} más`] : names);
/** The sentence after a batch's summary that names the folder's files that are not images. */
const leftOut = (skipped: NamedFiles, f: Format) => {
  const count = skipped.names.length + skipped.more;
  if (!count) return '';
  return count === 1
    ? ` Se omitió un archivo que no es una imagen: ${listed(skipped, f)}.`
    : ` Se omitieron ${f.number(count)} archivos que no son imágenes: ${listed(skipped, f)}.`;
};
const couldNot = (n: number, f: Format) =>
  f.plural(n, { one: '# no se pudo clasificar', other: '# no se pudieron clasificar' });
const AREAS: Record<PictureArea['row'], Record<PictureArea['column'], string>> = {
  top: {
    left: 'la esquina superior izquierda',
    centre: 'el centro de la parte superior',
    right: 'la esquina superior derecha',
  },
  centre: { left: 'el centro del lado izquierdo', centre: 'el centro', right: 'el centro del lado derecho' },
  bottom: {
    left: 'la esquina inferior izquierda',
    centre: 'el centro de la parte inferior',
    right: 'la esquina inferior derecha',
  },
};
const NOT_FOUND = 'Se muestran los nombres de clase en inglés.';

export const es: MobilenetStrings = {
  loading: 'Cargando el modelo…',
  loadingBytes: (loaded, total, f) => `Cargando el modelo… ${f.megabytes(loaded)} de ${f.megabytes(total)}`,
  waitingForModel: 'Su imagen se clasificará en cuanto el modelo esté listo.',
  ready: (backend) => `Listo · funciona con ${backend}`,
  notLoaded: 'El modelo no está cargado.',

  stageLabel: 'Entrada de imagen: suelta o pega una imagen aquí, o pulsa Intro para elegir archivos',
  emptyHint: 'Suelta una imagen aquí, pega una, elige archivos o enciende la cámara.',
  cropLabel: 'El recorte de 96 × 96 píxeles que vio el modelo',
  cameraPreview: 'Vista previa de la cámara',

  uploadImages: 'Elegir imágenes',
  camera: 'Cámara',
  chooseCamera: 'Elegir una cámara',
  cameraNumber: (n, f) => `Cámara ${f.number(n)}`,
  classifyFrame: 'Clasificar la imagen actual',
  retry: 'Reintentar',
  tryAgain: 'Volver a intentarlo',
  turnCameraOn: 'Encender la cámara',
  uploadFolder: 'Elegir una carpeta',

  classifying: (index, total, name, f) => `Clasificando ${f.number(index)} de ${f.number(total)}: ${name}`,
  classified: (total, f) => `${f.plural(total, { one: '# imagen clasificada', other: '# imágenes clasificadas' })}.`,
  classifiedSome: (classified, total, failed, f) =>
    `${f.number(classified)} de ${f.plural(total, { one: '# imagen clasificada', other: '# imágenes clasificadas' })}; ` +
    `${f.plural(failed.length, { one: '# no se pudo leer', other: '# no se pudieron leer' })}: ${f.list(failed)}.`,

  predictions: 'Predicciones',
  predictionsPickable: 'Predicciones: elige una para ver por qué',
  probability: (probability, f) => f.percent(probability),
  announceResult: (label, probability, f) => `${label}, ${f.percent(probability)}`,
  notSure: (minProbability, f) => `No está claro: nada supera el ${f.percent(minProbability, 1, 0)}`,

  featuresLabel: 'Exportación del vector de características',
  downloadJson: 'Descargar características (JSON)',
  downloadBin: 'Descargar características (.bin)',
  copyJson: 'Copiar características como JSON',
  copied: 'Vector de características copiado como JSON.',

  yourClasses: 'Tus clases',
  noExamplesYet: 'Ninguna clase tiene ejemplos todavía: añade una abajo y muéstrale algunas imágenes.',
  noneMatch: (label, similarity, f) =>
    `No es ninguna de tus clases. La más parecida: ${label} (similitud ${f.number(similarity, 2)}).`,
  announceNoneMatch: (label) => `No es ninguna de tus clases; la más parecida: ${label}.`,

  newClass: 'Clase nueva',
  newClassPlaceholder: 'p. ej., mi taza',
  addClass: 'Añadir clase',
  teachHint:
    'Añade una clase y muéstrale algunos ejemplos: mantén pulsado el botón para grabar con la cámara, o añade imágenes.',
  cameraHint: 'Enciende la cámara para grabar ejemplos manteniendo pulsado un botón.',
  exampleCount: (count, f) => f.plural(count, examples),
  holdToRecord: 'Mantén pulsado para grabar',
  recording: 'Grabando…',
  holdToRecordLabel: (label) => `Mantén pulsado para grabar ejemplos de ${label}`,
  addImages: 'Añadir imágenes',
  addImagesLabel: (label) => `Añadir imágenes a ${label}`,
  rename: 'Cambiar nombre',
  renameLabel: (label) => `Cambiar el nombre de ${label}`,
  newNameLabel: (label) => `Nombre nuevo para ${label}`,
  save: 'Guardar',
  cancel: 'Cancelar',
  delete: 'Eliminar',
  deleteLabel: (label) => `Eliminar ${label}`,
  undo: 'Deshacer',
  train: 'Entrenar',
  trainAgain: 'Volver a entrenar',
  trainingProgress: 'Progreso del entrenamiento',
  training: (fraction, f) => `Entrenando… ${f.percent(fraction, 0)}`,
  cancelTraining: 'Cancelar el entrenamiento',
  trainOptional:
    'Opcional: entrena una pequeña capa con tus ejemplos. Mientras tanto, los vecinos más cercanos (k-NN) los reconocen.',
  trainedHeadInUse: 'Se reconoce con la capa entrenada.',
  trainedHeadStale:
    'Los ejemplos han cambiado desde el entrenamiento: se reconoce con los vecinos más cercanos (k-NN) hasta que vuelvas a entrenar.',
  exportClasses: 'Exportar',
  importClasses: 'Importar',
  forgetEverything: 'Olvidar todo',
  confirmForgetLabel: 'Confirmar el olvido',
  confirmForget:
    '¿Olvidar todas las clases que este sitio ha guardado en este navegador, para todos los modelos? No se puede deshacer.',
  confirmForgetYes: 'Sí, olvidar todo',
  keepThem: 'Conservarlas',
  storageKept: (n, m, f) => `${f.plural(n, classes)}, ${f.plural(m, examples)}, guardados solo en este navegador.`,
  storageNotKept: (n, m, why, f) =>
    `${f.plural(n, classes)}, ${f.plural(m, examples)}, se perderán al cerrar la página: ${why ?? 'cargando…'}`,
  adding: (index, total, label, name, f) => `Añadiendo ${f.number(index)} de ${f.number(total)} a ${q(label)}: ${name}`,

  deletedClass: (label, n, f) => `Se eliminó ${q(label)} (${f.plural(n, examples)}).`,
  deletedClasses: (n, f) => `${f.plural(n, { one: 'Se eliminó # clase', other: 'Se eliminaron # clases' })}.`,
  imported: (n, m, f) =>
    `${f.plural(n, { one: 'Se importó # clase', other: 'Se importaron # clases' })} con ${f.plural(m, examples)}.`,
  forgotten: 'Se olvidaron todas las clases guardadas en este navegador.',
  trainedOn: (n, f) => `Entrenado con ${f.plural(n, examples)}.`,
  trainingStopped: 'Entrenamiento detenido.',
  recorded: (label, n, f) => `${q(label)} tiene ${f.plural(n, examples)}.`,
  added: (n, label, f) =>
    `${f.plural(n, { one: 'Se añadió # ejemplo', other: 'Se añadieron # ejemplos' })} a ${q(label)}.`,

  batchLabel: (n, f) => `Resultados de ${f.plural(n, files)}`,
  filesClassified: 'Archivos clasificados',
  filterByLabel: 'Filtrar por clase',
  sortBy: 'Ordenar',
  sortOrder: 'Orden de los archivos',
  sortLabel: 'Clase (A–Z)',
  sortProbability: 'Probabilidad (de mayor a menor)',
  sortProbabilityAsc: 'Probabilidad (de menor a mayor)',
  exportResultsLabel: 'Exportar los resultados',
  exportCsv: 'Exportar CSV',
  exportJson: 'Exportar JSON',
  filterShowing: (shown, done, f) =>
    `Se muestran ${f.number(shown)} de ${f.plural(done, files)} cuya clase más probable coincide.`,
  batchFiles: 'Archivos',
  noPrediction: 'Sin predicción',
  rowTopK: (k, f) => `${f.number(k)} predicciones`,
  rowTopKLabel: (k, file, f) => `Las ${f.number(k)} predicciones de ${file}`,
  batchProgress: (done, total, failed, f) =>
    `Clasificando… ${f.number(done)} de ${f.number(total)}${failed ? `; ${couldNot(failed, f)}` : ''}.`,
  batchDone: (total, skipped, f) =>
    `${f.plural(total, { one: '# imagen clasificada', other: '# imágenes clasificadas' })}.${leftOut(skipped, f)}`,
  batchDoneSome: (classified, total, failed, skipped, f) =>
    `${f.number(classified)} de ${f.plural(total, { one: '# imagen clasificada', other: '# imágenes clasificadas' })}; ` +
    `${couldNot(failed, f)}.${leftOut(skipped, f)}`,
  batchCancelled: (done, total, skipped, f) =>
    `Cancelado tras ${f.number(done)} de ${f.plural(total, { one: '# imagen', other: '# imágenes' })}.${leftOut(skipped, f)}`,

  explainFrame: 'Explicar la imagen actual',
  explaining: 'Averiguando por qué…',
  frameExplained: 'La imagen de la cámara explicada',
  lessImportant: 'Menos importante',
  moreImportant: 'Más importante',
  explainArea: (label, { row, column }) => `Lo más importante para ${q(label)}: ${AREAS[row][column]} de la imagen.`,
  explainNoArea: (label) => `Ninguna parte de la imagen destaca para ${q(label)}.`,

  regionLabel: 'Zona que ve el modelo',
  regionValue: (x, y, size, f) =>
    `Izquierda ${f.percent(x, 0)}, arriba ${f.percent(y, 0)}, tamaño ${f.percent(size, 0)} del lado corto`,
  regionHelp:
    'Arrastra el cuadrado para moverlo, o su esquina para cambiar su tamaño. Las flechas lo mueven; Mayús y las flechas cambian su tamaño.',
  pictureLabel: 'La imagen; el cuadrado marca lo que ve el modelo',

  disposed: () => 'Este clasificador ya se liberó (dispose).',
  'no-backend': () => 'No se pudo iniciar ningún backend de TensorFlow.js en este navegador.',
  'code-failed': ({ detail }) =>
    `No se pudo cargar el código del clasificador (${detail}). Compruebe la conexión y vuelva a cargar la página.`,
  'fetch-failed': ({ url }) =>
    `No se pudo obtener ${url}: falló la red o el servidor no permite que esta página lo lea (CORS). ` +
    'Comprueba la dirección o sirve el modelo desde este sitio.',
  'http-status': ({ url, status }) =>
    `${status === 404 ? 'No se encontró el archivo del modelo' : 'No se pudo obtener el archivo del modelo'} en ${url} (HTTP ${status}). ${MISSING_MODEL}`,
  'html-instead': ({ url }) =>
    `No se encontró el archivo del modelo en ${url}: el servidor envió una página HTML en su lugar. ${MISSING_MODEL}`,
  'invalid-json': ({ url }) => `${url} no es JSON válido: el archivo del modelo está dañado.`,
  'not-graph-model': ({ url }) =>
    `${url} no es un modelo de grafo de TF.js (no tiene modelTopology ni weightsManifest).`,
  'graph-load-failed': ({ url, detail }) => `${url} no se pudo cargar como modelo de grafo: ${detail}`,
  'weight-dtype': ({ url, name, dtype }) => `${url}: el peso ${name} tiene un tipo no admitido (${dtype}).`,
  'weights-truncated': ({ url, expected, received }, f) =>
    `Los pesos de ${url} están truncados o no coinciden con model.json: se esperaban ${f.number(expected)} bytes y llegaron ${f.number(received)}.`,
  'model-input-shape': ({ url, shape }) =>
    `${url} recibe entradas de forma [${shape}], pero este elemento necesita [N, 96, 96, 3]: ` +
    'no es un modelo MobileNet V2 de 96 × 96 como el que incluye este paquete.',
  'model-output-missing': ({ url, output, outputs }) =>
    `${url} no tiene ninguna salida llamada ${q(output)} (salidas: ${outputs}).`,
  'labels-not-array': ({ url }) => at(url, 'labels.json no es un array JSON.'),
  'labels-count': ({ url, entries, classes }, f) =>
    at(url, `labels.json tiene ${f.number(entries)} entradas, pero el modelo tiene ${f.number(classes)} clases.`),
  'labels-entry': ({ url, index }) =>
    at(url, `La entrada ${index} de labels.json no es { index: ${index}, wnid, label, fullName }.`),
  'labels-not-json': ({ url }) =>
    at(url, 'El archivo de nombres de clases no es JSON válido. Usa un archivo como el labels.json del modelo.'),
  'labels-too-large': ({ url, megabytes, maxMegabytes }, f) =>
    at(
      url,
      `El archivo de nombres de clases ocupa ${f.megabytes(megabytes * 1e6)}; como máximo puede ocupar ${f.megabytes(maxMegabytes * 1e6)}. ¿Es el archivo correcto?`,
    ),
  'labels-wnid': ({ url, index, expected, found }) =>
    at(
      url,
      `La entrada ${index} del archivo de nombres de clases es de la clase ${found}, pero la clase ${index} del modelo es ${expected}: ` +
        'las entradas deben seguir el orden del labels.json del modelo.',
    ),
  'labels-empty-name': ({ url, index }) =>
    at(url, `La entrada ${index} del archivo de nombres de clases tiene un nombre vacío: pon nombre a cada clase.`),
  'labels-fetch-failed': ({ url }) =>
    `No se pudo obtener el archivo de nombres de clases ${url}: falló la red o el servidor no permite que esta página lo lea (CORS). ${NOT_FOUND}`,
  'labels-http-status': ({ url, status }) =>
    `El archivo de nombres de clases ${url} ${status === 404 ? 'no se encontró' : 'no se pudo obtener'} (HTTP ${status}). ${NOT_FOUND}`,
  'no-canvas': () => 'Este navegador no puede crear un canvas 2D para preparar las imágenes.',
  'no-pixels': ({ width, height }) => `La imagen no tiene píxeles (${width} × ${height}).`,
  'image-too-small': (v, f) =>
    `${subject(v)} solo tiene ${v.width} × ${v.height} píxeles: su cuadrado central es demasiado pequeño para clasificarlo. ` +
    `Usa una imagen de al menos ${f.number(v.minSide)} píxeles en su lado más corto${v.cropped ? ' después del recorte' : ''}.`,
  'cross-origin': () =>
    'La imagen viene de otro sitio que no permite leerla (sin CORS). ' +
    'Sírvela con Access-Control-Allow-Origin o pon crossorigin="anonymous" en la imagen.',
  'empty-file': (v) => `${subject(v)} está vacío (0 bytes). Elige otra imagen.`,
  'image-too-large': (v, f) =>
    `${subject(v)}${typeOf(v.type)} tiene ${v.width} × ${v.height} píxeles (${f.number(v.megapixels)} megapíxeles) y no se pudo decodificar: ` +
    `es demasiado grande para este navegador o está dañado. Prueba con una copia de ${f.number(v.maxMegapixels)} megapíxeles como máximo.`,
  'undecodable-image': (v) =>
    `${subject(v)}${typeOf(v.type)} no se pudo leer como imagen: está dañado o en un formato que este navegador no sabe decodificar. ` +
    'Prueba con JPEG, PNG o WebP.',
  'image-load-failed': ({ url }) => `No se pudo cargar ni decodificar la imagen${url ? ` de ${url}` : ''}.`,
  'video-no-frame': () =>
    'El vídeo aún no ha mostrado ningún fotograma. Inicia la cámara o el vídeo y vuelve a intentarlo.',
  'input-wrong-type': ({ given, accepted, method }) => `${cannot(method)} ${given}: usa ${accepted}.`,
  'input-closed-bitmap': ({ accepted, method }) =>
    `${cannot(method)} un ImageBitmap cerrado: se llamó a close() o se transfirió, así que no tiene píxeles. Usa uno nuevo, o ${accepted}.`,
  'input-detached-canvas': ({ accepted, method }) =>
    `${cannot(method)} un OffscreenCanvas de 0 × 0 píxeles: se transfirió a un worker o nunca tuvo tamaño. Usa ${accepted}.`,
  'drop-nothing': () => 'No se soltó nada utilizable. Suelta un archivo de imagen o una imagen de otra página.',
  'paste-no-image': () => 'El portapapeles no contiene ninguna imagen. Copia una imagen y vuelve a pegar.',
  'copy-failed': () =>
    'No se pudo copiar al portapapeles: el navegador lo rechazó. Usa «Descargar características (JSON)» en su lugar.',
  'image-url-failed': ({ url }) =>
    `No se pudo cargar la imagen de ${url}: falló la red o su sitio no permite que otras páginas la lean ` +
    '(CORS). Sírvela con Access-Control-Allow-Origin, o descárgala y elige el archivo.',
  'image-url-status': ({ url, status }) => `No se pudo cargar la imagen de ${url} (HTTP ${status}).`,
  'not-on-page': () => 'El elemento no está en la página: añádelo al documento antes de clasificar.',
  'method-empty-url': ({ method, accepted }) => `${method} recibió una URL vacía: usa ${accepted}.`,
  'method-not-text': ({ method, given, what }) =>
    `${method} recibió ${given} como ${NAME_ROLES[what]}: da el nombre como texto.`,
  'method-not-classes-file': ({ method, given }) =>
    `${method} recibió ${given}: da el texto de un archivo de exportación o su objeto JSON ya analizado.`,
  'method-options': ({ method, given }) => `${method} recibió ${given} como opciones: da un objeto.`,
  'method-signal': ({ method, given }) => `${method} recibió ${given} como options.signal: da un AbortSignal.`,
  'method-format': ({ method, given, accepted }) =>
    `${method} recibió ${given}: usa ${accepted.map((format) => `'${format}'`).join(' o ')}.`,
  'explain-nothing': ({ method }) =>
    `Todavía no hay nada que explicar: clasifica primero una imagen y luego llama a ${method}.`,
  'folder-unreadable': () => 'No se pudo leer la carpeta.',
  'folder-empty': () => 'La carpeta está vacía. Elige una carpeta con archivos JPEG, PNG o WebP.',
  'folder-no-images': (files, f) =>
    `La carpeta no contiene imágenes, solo: ${listed(files, f)}. Elige una carpeta con archivos JPEG, PNG o WebP.`,

  'label-not-text': ({ position, type }) => inFile(position, `El nombre de una clase debe ser texto, no ${type}.`),
  'label-empty': ({ position }) =>
    inFile(position, `Una clase necesita un nombre: escribe uno, p. ej., ${q('mi taza')}.`),
  'label-too-long': ({ position, start, length, max }, f) =>
    inFile(
      position,
      `El nombre de clase ${q(`${start}…`)} tiene ${f.number(length)} caracteres; como máximo puede tener ${f.number(max)}.`,
    ),
  'too-many-classes': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} clases son más de las ${f.number(max)} que guarda un elemento: elimina algunas primero.`,
  'too-many-examples': ({ count, max, inFile }, f) =>
    `${tooLarge(inFile)}${f.number(count)} ejemplos son más de los ${f.number(max)} que guarda un elemento: elimina algunos primero.`,
  'file-too-large': ({ megabytes, maxMegabytes, maxExamples }, f) =>
    `Este archivo ocupa ${f.number(megabytes, 1)} MB; un archivo de exportación ocupa como máximo ${f.number(maxMegabytes, 1)} MB ` +
    `(${f.plural(maxExamples, examples)}). ¿Es el archivo correcto?`,
  'file-not-json': () =>
    'Este archivo no es JSON, así que no es un archivo de exportación. Elige un archivo creado con «Exportar».',
  'not-a-classes-file': ({ format }) =>
    `No es un archivo de exportación (su ${q('format')} no es ${q(format)}). Elige un archivo creado con «Exportar».`,
  'file-version-invalid': ({ found }) =>
    `Este archivo de exportación no tiene una ${q('version')} válida (tiene ${found}).`,
  'file-version-newer': ({ version, supported }) =>
    `Este archivo de exportación es de la versión ${version}, creado por un mobilenet-classifier más reciente; este lee hasta la versión ${supported}. Actualiza el elemento.`,
  'file-encoding': ({ found, expected }) =>
    `Este archivo de exportación guarda sus vectores como ${found}; los archivos de las versiones 1 y 2 usan ${q(expected)}.`,
  'file-no-classes': () => `Este archivo de exportación no tiene una lista ${q('classes')}.`,
  'file-threshold': ({ found }) =>
    `El valor ${q('minSimilarity')} de este archivo de exportación debe ser un número de -1 a 1; tiene ${found}.`,
  'head-no-labels': () =>
    `La capa entrenada (${q('head')}) de este archivo de exportación no tiene una lista ${q('labels')}.`,
  'head-mismatch': () =>
    'La capa entrenada de este archivo de exportación no corresponde a sus clases: cada clase debe aparecer una sola vez entre sus etiquetas.',
  'head-damaged': ({ weights, expected }) =>
    `${weights ? 'Los pesos' : 'El sesgo'} de la capa entrenada de este archivo ${weights ? 'están dañados' : 'está dañado'}: debe${weights ? 'n' : ''} ser base64 de ${expected} valores float32, ninguno NaN ni Infinity.`,
  'file-too-many-classes': ({ count, max }, f) =>
    `Este archivo tiene ${f.number(count)} clases; un elemento guarda como máximo ${f.number(max)}.`,
  'file-class-not-object': ({ position }) =>
    `La clase ${position} de este archivo no es un objeto con nombre (label) y ejemplos (examples).`,
  'file-duplicate-class': ({ label }) =>
    `Este archivo tiene dos clases llamadas ${q(label)}; los nombres de las clases deben ser distintos.`,
  'file-no-examples': ({ label }) => `La clase ${q(label)} de este archivo no tiene una lista ${q('examples')}.`,
  'example-not-text': (v) => `${example(v)} no es un texto en base64.`,
  'example-not-base64': (v) => `${example(v)} no es base64 válido.`,
  'example-bytes': (v, f) =>
    `${example(v)} tiene ${f.number(v.bytes)} bytes, que no son un número entero de valores float32.`,
  'example-length': (v, f) =>
    `${example(v)} tiene ${f.number(v.length)} valores; los vectores de características de este modelo tienen ${f.number(v.expected)}.`,
  'example-not-finite': (v) => `${example(v)} contiene NaN o Infinity: el archivo está dañado.`,
  'file-no-model': () =>
    `Este archivo de exportación no indica qué modelo lo creó (${q('model')} con ${q('id')} y ${q('featureSize')}).`,
  'file-other-model': ({ theirs, ours }) =>
    `Estos ejemplos se enseñaron a otro modelo (${theirs}); este elemento usa ${ours}. ` +
    'Los vectores de características de un modelo no significan nada para otro: vuelve a enseñar las clases aquí.',
  'storage-failed': ({ action, full, detail }) =>
    `No se pudieron ${ACTIONS[action]} (${full ? 'el almacenamiento del navegador para este sitio está lleno' : detail}). ` +
    'Las clases siguen funcionando hasta que se cierre la página; usa «Exportar» para guardar una copia.',
  'no-indexeddb': () =>
    'Este contexto del navegador no tiene IndexedDB, así que las clases no se guardan entre visitas. Usa «Exportar» para guardar una copia.',
  'no-content-hash': () =>
    'Este modelo no tiene un hash de contenido en sus metadatos, así que sus clases no se guardan entre visitas. Constrúyelo con `npm run model`.',
  'head-needs-two-classes': () => 'Para entrenar hacen falta al menos dos clases con ejemplos.',
  'head-needs-examples': ({ min, labels }, f) =>
    `Para entrenar hacen falta ${f.plural(min, examples)} en cada clase; añade más a ${f.list(labels.map(q))}.`,
  'vector-length': ({ length, expected }, f) =>
    `No se puede añadir un vector de características de ${f.number(length)} valores: los de este modelo tienen ${f.number(expected)}.`,
  'class-exists': ({ label }) => `Ya hay una clase llamada ${q(label)}.`,
  'class-missing': ({ label }) => `No hay ninguna clase llamada ${q(label)}.`,
  'training-busy': () => 'Ya se está entrenando una capa: espera a que termine o cancela el entrenamiento.',
  'record-needs-camera': () => 'Enciende la cámara para grabar ejemplos, o usa «Añadir imágenes».',
  'files-unreadable': ({ files }, f) =>
    `${f.plural(files.length, {
      one: '# archivo no se pudo leer como imagen y no se añadió',
      other: '# archivos no se pudieron leer como imágenes y no se añadieron',
    })}: ${f.list(files)}.`,
  'import-file-too-large': ({ name, megabytes, maxMegabytes }, f) =>
    `${name} ocupa ${f.number(megabytes, 1)} MB; un archivo de exportación ocupa como máximo ${f.number(maxMegabytes)} MB. ¿Es el archivo correcto?`,
  'model-not-loaded': () => 'El modelo aún no está cargado.',
  'set-changed': ({ label }) =>
    `No se añadió el ejemplo para ${q(label)}: classes-key o model-url cambió mientras se leía, así que pertenece a otro conjunto de clases. Vuelve a añadirlo.`,
  'classes-damaged': ({ labels }, f) =>
    labels.length === 1
      ? `La clase ${q(labels[0]!)} guardada en este navegador está dañada y no se cargó; las demás clases sí. Vuelve a enseñarla o importa un archivo de exportación.`
      : `${f.number(labels.length)} clases guardadas en este navegador están dañadas y no se cargaron (${f.list(labels.map(q))}); las demás clases sí. Vuelve a enseñarlas o importa un archivo de exportación.`,

  'camera-insecure': () =>
    'La cámara necesita una página segura (https o localhost) en un navegador compatible. Usa «Elegir imágenes» en su lugar.',
  'camera-denied': () =>
    'Se denegó el permiso de la cámara. Usa «Elegir imágenes» en su lugar, o permite la cámara en la configuración del sitio.',
  'camera-not-found': () =>
    'No se encontró ninguna cámara. Conecta una y vuelve a intentarlo, o usa «Elegir imágenes».',
  'camera-busy': () =>
    'La cámara está ocupada o bloqueada: cierra otras aplicaciones o pestañas que la usen y vuelve a intentarlo.',
  'camera-failed': ({ detail }) => `No se pudo iniciar la cámara (${detail}). Usa «Elegir imágenes» en su lugar.`,
  'camera-stopped': () =>
    'La cámara se detuvo (se desconectó o la tomó otra aplicación). Vuelve a encenderla cuando esté disponible.',
  'camera-not-started': () => 'La cámara no se inició.',
  'classification-failed': ({ detail }) => `Falló la clasificación: ${detail}`,
};
