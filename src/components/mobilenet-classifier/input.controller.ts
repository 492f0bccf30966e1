import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SourceKind } from '../../events';
import { droppedEntries } from './folder-files';
import { classifierError, type ClassifierError, type ClassifierInput } from '../../model';

/** Anything `classify()` and `embed()` take: what the core takes, or an image URL. */
export type MobilenetSource = ClassifierInput | string;

/** One picture the user gave, and where it came from. */
export interface GivenPicture {
  source: File | string;
  origin: { kind: SourceKind; name: string };
}

/** Where the pictures go. */
export interface InputEvents {
  /** The user gave one picture or several (files chosen, dropped or pasted at once, in their order). */
  received(pictures: GivenPicture[]): void;
  /** The user dropped a folder (or several, or folders and files): its entries, to be walked. */
  folderDropped(entries: FileSystemEntry[]): void;
  /** The user gave something that is not a picture: say so. */
  refused(error: ClassifierError): void;
}

/**
 * The ways a user gives the element pictures, besides the camera: the file chooser, drag and drop
 * onto the element, and paste. Each hands what it got to {@link InputEvents.received}. Owns the
 * hidden `<input type="file">` (rendered by the host) and the listeners, removed when the host leaves.
 */
export class InputController implements ReactiveController {
  /** The file chooser. Rendered by the host, hidden; {@link choose} opens it. */
  readonly chooser: HTMLInputElement;
  /** Something is being dragged over the element. */
  dragging = false;

  /** Every listener, on its target: added while the host is connected. */
  private readonly listeners: [EventTarget, string, EventListener][] = [
    [document, 'paste', (event) => this.handlePaste(event as ClipboardEvent)],
    [this.host, 'dragenter', (event) => this.handleDragOver(event as DragEvent)],
    [this.host, 'dragover', (event) => this.handleDragOver(event as DragEvent)],
    [this.host, 'dragleave', (event) => this.handleDragLeave(event as DragEvent)],
    [this.host, 'drop', (event) => this.handleDrop(event as DragEvent)],
  ];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: InputEvents,
  ) {
    host.addController(this);
    this.chooser = document.createElement('input');
    this.chooser.type = 'file';
    this.chooser.accept = 'image/*';
    this.chooser.multiple = true;
    this.chooser.hidden = true;
    this.chooser.addEventListener('change', () => this.handleChosen());
  }

  hostConnected(): void {
    for (const [target, type, listener] of this.listeners) target.addEventListener(type, listener);
  }

  hostDisconnected(): void {
    for (const [target, type, listener] of this.listeners) target.removeEventListener(type, listener);
    this.setDragging(false);
  }

  /** Opens the file chooser. */
  choose(): void {
    this.chooser.click();
  }

  private handleChosen(): void {
    const files = Array.from(this.chooser.files ?? []);
    // Cleared so that choosing the same file again fires change again.
    this.chooser.value = '';
    if (files.length) this.events.received(pictures(files, 'upload'));
  }

  private handleDragOver(event: DragEvent): void {
    if (!event.dataTransfer) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  }

  private handleDragLeave(event: DragEvent): void {
    if (event.relatedTarget instanceof Node && this.host.contains(event.relatedTarget)) return;
    this.setDragging(false);
  }

  private handleDrop(event: DragEvent): void {
    event.preventDefault();
    this.setDragging(false);
    const data = event.dataTransfer;
    if (!data) return;
    const entries = droppedEntries(data);
    if (entries) {
      this.events.folderDropped(entries);
      return;
    }
    const files = Array.from(data.files);
    if (files.length) {
      this.events.received(pictures(files, 'drop'));
      return;
    }
    // An image dragged from another page arrives as a URL.
    const url = data
      .getData('text/uri-list')
      .split(/\r?\n/)
      .find((line) => line && !line.startsWith('#'));
    if (url) this.events.received([{ source: url, origin: { kind: 'drop', name: url } }]);
    else this.events.refused(classifierError('input', 'drop-nothing', {}));
  }

  /**
   * Pastes go to the element that holds the focus, or, when nothing on the page has it, to the first
   * <mobilenet-classifier> of the page, so that Ctrl/Cmd+V works without clicking first.
   */
  private handlePaste(event: ClipboardEvent): void {
    const inside = event.composedPath().includes(this.host);
    const unfocused = document.activeElement === null || document.activeElement === document.body;
    if (!inside && !(unfocused && document.querySelector(this.host.localName) === this.host)) return;
    const files = Array.from(event.clipboardData?.files ?? []).filter((file) => file.type.startsWith('image/'));
    if (!files.length) {
      if (inside) this.events.refused(classifierError('input', 'paste-no-image', {}));
      return;
    }
    event.preventDefault();
    this.events.received(pictures(files, 'paste'));
  }

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}

function pictures(files: File[], kind: SourceKind): GivenPicture[] {
  return files.map((file) => ({ source: file, origin: { kind, name: file.name } }));
}

/** What the core can read for a source: an image URL is fetched (the server must allow this page to read it). */
export async function readSource(source: MobilenetSource): Promise<ClassifierInput> {
  if (typeof source !== 'string') return source;
  let response: Response;
  try {
    response = await fetch(new URL(source, document.baseURI));
  } catch (error) {
    throw classifierError('input', 'image-url-failed', { url: source }, error);
  }
  if (!response.ok) throw classifierError('input', 'image-url-status', { url: source, status: response.status });
  return response.blob();
}
