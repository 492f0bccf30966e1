// The element's side of localisation: which language it speaks, and its strings in that language.
//
// @shoelace-style/localize holds the tables (registerTranslation, shared with any other element on the
// page that uses it, hence the key prefix) and requests an update of every connected element when
// <html lang> changes. On top of it, Localizer resolves the language as HTML does (the element's own
// lang, else the nearest ancestor's, crossing shadow roots, else the document's) and watches those
// ancestors too, which the library leaves out by design; it applies the element's `strings` override,
// and gives every function entry the Format of the resolved locale.
import { LocalizeController, registerTranslation } from '@shoelace-style/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatFor, type Format } from './format';
import { en } from './en';
import type { ErrorCode, ErrorValues, MobilenetStrings, StringKey, UiStrings } from './strings';

/**
 * Built-in locales: code and name in the language itself. English comes with the element; each other
 * table (about 8 KB gzipped) loads when an element first speaks its language.
 */
export const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'es', name: 'Español' },
  { code: 'ja', name: '日本語' },
] as const satisfies readonly { code: string; name: string }[];

/** The built-in tables other than English, by language. */
const BUILT_IN: Record<string, () => Promise<MobilenetStrings>> = {
  de: () => import('./de').then((m) => m.de),
  fr: () => import('./fr').then((m) => m.fr),
  es: () => import('./es').then((m) => m.es),
  ja: () => import('./ja').then((m) => m.ja),
};

/** The longest wait of an element's first render for its language's table: English is shown meanwhile. */
const FIRST_RENDER_WAIT_MS = 1000;

/** Keys in the shared registry are prefixed: Shoelace's own tables have keys such as `copy` and `loading`. */
const PREFIX = 'mobilenet-classifier:';

/** What an entry takes, without the Format that the Localizer adds. */
export type Params<E> = E extends (...args: [...infer P, Format]) => string ? P : [];

/** The UI strings as methods: `t.uploadImages()`, `t.classified(3)`. */
export type Terms = { readonly [K in keyof UiStrings]: (...args: Params<UiStrings[K]>) => string };

/** An element that speaks through a Localizer; `strings` overrides entries of its table. */
export type LocalizedHost = ReactiveControllerHost & HTMLElement & { strings?: Partial<MobilenetStrings> };

/**
 * Adds a language, or changes entries of one, for every `<mobilenet-classifier>` of the page. Entries
 * a new language lacks are shown in English.
 *
 * @param code a BCP 47 language tag: `pt`, or `pt-BR` for one region (which falls back to `pt`).
 * @example
 * registerStrings('pt', { uploadImages: 'Enviar imagens', classified: (n, f) => f.plural(n, { one: '# imagem classificada.', other: '# imagens classificadas.' }) }, { name: 'Português' });
 */
export function registerStrings(
  code: string,
  strings: Partial<MobilenetStrings>,
  options: { name?: string; dir?: 'ltr' | 'rtl' } = {},
): void {
  registerBuiltIns();
  addTable(code, strings, options);
}

/** Adds entries to a language's table; `under` puts them beneath the entries it has (a built-in table arriving late). */
function addTable(
  code: string,
  strings: Partial<MobilenetStrings>,
  options: { name?: string; dir?: 'ltr' | 'rtl' },
  under = false,
): void {
  const lower = code.toLowerCase();
  const table = under ? { ...strings, ...tables.get(lower) } : { ...tables.get(lower), ...strings };
  tables.set(lower, table);
  speeches.clear();
  const entries = Object.fromEntries(Object.entries(table).map(([key, value]) => [PREFIX + key, value]));
  registerTranslation({ $code: code, $name: options.name ?? code, $dir: options.dir ?? 'ltr', ...entries });
}

/** Built-in tables loading or loaded, by language; a load that failed stays failed (English is shown). */
const builtInLoads = new Map<string, Promise<void>>();
/** Connected Localizers: each renders again when a table it may speak arrives. */
const live = new Set<Localizer>();

/** Loads the built-in table of `language` unless it is English or already asked for; resolves when it settled. */
function loadBuiltIn(language: string): Promise<void> {
  const load = BUILT_IN[language];
  if (!load) return Promise.resolve();
  let pending = builtInLoads.get(language);
  if (!pending) {
    pending = load().then(
      (table) => {
        addTable(language, table, { name: LOCALES.find((l) => l.code === language)?.name }, true);
        for (const localizer of live) localizer.tablesChanged();
      },
      (error: unknown) => {
        console.warn(`mobilenet-classifier: the ${language} strings could not be loaded, so English is shown.`, error);
      },
    );
    builtInLoads.set(language, pending);
  }
  return pending;
}

/**
 * The tables registered, by lower-case code, as the library holds them (without the prefix). Looked
 * up here, as the library does (the region's table, then the language's), because its term() parses
 * the language tag twice per entry: 60 µs an entry, most of a render, were measured that way.
 */
const tables = new Map<string, Partial<MobilenetStrings>>();
let registered = false;
/** On first use, not on import: importing the package registers nothing (see package.json sideEffects). */
function registerBuiltIns(): void {
  if (registered) return;
  registered = true;
  addTable('en', en, { name: 'English' });
}

/**
 * The language of `element`: its own `lang`, else the nearest ancestor's (through shadow roots to
 * their hosts), else the document's, else the browser's. Empty `lang` attributes are skipped.
 */
export function resolveLang(element: Element): string {
  for (let node: Element | undefined = element; node;) {
    const owner = node.closest('[lang]:not([lang=""])');
    if (owner) return owner.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  const doc = element.ownerDocument;
  return doc.documentElement.lang || (typeof navigator === 'undefined' ? '' : navigator.language) || 'en';
}

/** What an element speaks in a language: its locale's Format, and the tables to look entries up in. */
interface Speech {
  /** The language as resolved, e.g. `de-CH`. */
  lang: string;
  /** The language itself when a table is for it (or for its language), else `en`. */
  locale: string;
  format: Format;
  /** The region's table, then the language's: those registered. */
  tables: Partial<MobilenetStrings>[];
}

/** Speech by language tag; emptied when a table is registered. */
const speeches = new Map<string, Speech>();

function speechOf(lang: string): Speech {
  let speech = speeches.get(lang);
  if (!speech) {
    const { language, region } = new Intl.Locale(lang);
    // Until it arrives this language speaks English; its arrival clears these speeches.
    void loadBuiltIn(language);
    const found = [region ? tables.get(`${language}-${region}`.toLowerCase()) : undefined, tables.get(language)];
    const own = found.filter((table) => table !== undefined);
    const locale = own.length ? lang : 'en';
    speech = { lang, locale, format: formatFor(locale), tables: own };
    speeches.set(lang, speech);
  }
  return speech;
}

/** The library's controller, with HTML's language resolution. */
class LangController extends LocalizeController {
  override lang(): string {
    return this.resolve();
  }

  resolve(): string {
    const lang = resolveLang(this.host).replace(/_/g, '-');
    try {
      return new Intl.Locale(lang).toString();
    } catch {
      return 'en';
    }
  }
}

/**
 * A Lit controller that gives an element its strings in the language it resolves, updating it when
 * that language changes (its own `lang`, an ancestor's, or the document's).
 *
 * @example
 * private readonly t = new Localizer(this).t;          // in the element
 * html`<button>${this.t.uploadImages()}</button>`;
 * this.progressLine = this.t.classified(files.length);
 */
export class Localizer implements ReactiveController {
  /** The UI strings as methods, in the current language. */
  readonly t: Terms;
  private readonly controller: LangController;
  /** The language at the last check, to update only when it changed. */
  private lastLang = '';
  /** The language of the render under way. */
  private rendering?: Speech;

  constructor(private readonly host: LocalizedHost) {
    registerBuiltIns();
    this.controller = new LangController(host);
    host.addController(this);
    const t: Record<string, (...args: unknown[]) => string> = {};
    for (const key of Object.keys(en)) t[key] = (...args) => this.entry(key as StringKey, args);
    this.t = t as unknown as Terms;
  }

  hostConnected(): void {
    live.add(this);
    // An element moved to another part of the page may speak another language there.
    this.langMayHaveChanged();
    watchLang(this.host, this);
  }

  hostDisconnected(): void {
    live.delete(this);
    unwatchLang(this);
  }

  /**
   * Resolves when the built-in table of the element's language is in, or could not be loaded, and at
   * once for English and languages without one; at the latest after `FIRST_RENDER_WAIT_MS`. The
   * element's first render waits for it, so that it does not show English first.
   */
  stringsLoaded(): Promise<void> {
    const language = new Intl.Locale(this.controller.resolve()).language;
    if (!BUILT_IN[language]) return Promise.resolve();
    return Promise.race([
      loadBuiltIn(language),
      new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS)),
    ]);
  }

  /** A table arrived: the element renders again, in case it speaks that language now. */
  tablesChanged(): void {
    this.host.requestUpdate();
  }

  // A render asks for dozens of strings: the language is resolved (a walk up the tree) once for all.
  hostUpdate(): void {
    this.rendering = this.speech();
  }

  hostUpdated(): void {
    this.rendering = undefined;
  }

  /** The element's language as resolved, e.g. `de-CH` (even when no table is for it). */
  get lang(): string {
    return this.speech().lang;
  }

  /** The locale whose table is shown: the language when a table (or its language's) exists, else `en`. */
  get locale(): string {
    return this.speech().locale;
  }

  /** Numbers, plurals and lists in {@link locale}. */
  get format(): Format {
    return this.speech().format;
  }

  /** A probability as a percentage in the current locale: 12.5% or 12,5 %. */
  percent(probability: number): string {
    return this.format.percent(probability);
  }

  /** The message of an error code in the current language. */
  errorText<C extends ErrorCode>(code: C, values: ErrorValues[C]): string {
    return this.entry(code, [values]);
  }

  /**
   * What the element shows for a failure, in the current language: see {@link describeError}.
   */
  error(error: unknown): string {
    return describeError(error, (code, values) => this.entry(code, [values]));
  }

  /** Called by the language watcher: updates the element when its language changed. */
  langMayHaveChanged(): void {
    const lang = this.controller.resolve();
    if (lang === this.lastLang) return;
    this.lastLang = lang;
    this.host.requestUpdate();
  }

  /** The language of this render (resolved at its start), or resolved now. */
  private speech(): Speech {
    return this.rendering ?? speechOf(this.controller.resolve());
  }

  private entry(key: StringKey, args: unknown[]): string {
    const { format, tables } = this.speech();
    const entry = this.host.strings?.[key] ?? tables.find((table) => table[key])?.[key] ?? en[key];
    return render(entry, args, format);
  }
}

/** Errors whose message is fit to show even without a code. */
const SHOWN_AS_IS = new Set(['ClassifierError', 'CustomClassError', 'CameraError', 'RangeError']);

/**
 * What is shown for a failure, with `text` giving the entry of an error code: an error with a known
 * `code` by its entry; one of the element's error types without a code (a developer's RangeError, say)
 * by its own message; anything else as "Classification failed: …".
 */
export function describeError(
  error: unknown,
  text: <C extends ErrorCode>(code: C, values: ErrorValues[C]) => string,
): string {
  const { code, values, name, message } = (error ?? {}) as Record<string, unknown>;
  if (typeof code === 'string' && Object.hasOwn(en, code))
    return text(code as ErrorCode, (values ?? {}) as ErrorValues[ErrorCode]);
  if (typeof message === 'string' && typeof name === 'string' && SHOWN_AS_IS.has(name)) return message;
  return text('classification-failed', { detail: typeof message === 'string' ? message : String(error) });
}

function render(entry: unknown, args: unknown[], format: Format): string {
  return typeof entry === 'function' ? String(entry(...args, format)) : String(entry);
}

// One MutationObserver per tree (the document, and each shadow root an element sits in) sees every
// `lang` change there; lang changes are rare, so each one simply asks every watcher to check.
const watchers = new Map<Node, { observer: MutationObserver; localizers: Set<Localizer> }>();
const watchedRoots = new Map<Localizer, Node[]>();

function watchLang(host: Element, localizer: Localizer): void {
  if (typeof MutationObserver === 'undefined') return;
  unwatchLang(localizer);
  const roots: Node[] = [];
  for (let node: Element | undefined = host; node;) {
    const root = node.getRootNode();
    roots.push(root);
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  for (const root of roots) {
    let watcher = watchers.get(root);
    if (!watcher) {
      const localizers = new Set<Localizer>();
      const observer = new MutationObserver(() => localizers.forEach((l) => l.langMayHaveChanged()));
      observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
      watcher = { observer, localizers };
      watchers.set(root, watcher);
    }
    watcher.localizers.add(localizer);
  }
  watchedRoots.set(localizer, roots);
}

function unwatchLang(localizer: Localizer): void {
  for (const root of watchedRoots.get(localizer) ?? []) {
    const watcher = watchers.get(root);
    if (!watcher) continue;
    watcher.localizers.delete(localizer);
    if (watcher.localizers.size === 0) {
      watcher.observer.disconnect();
      watchers.delete(root);
    }
  }
  watchedRoots.delete(localizer);
}
