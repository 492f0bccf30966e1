// The files of a chosen or dropped folder: walked recursively (File and Directory Entries API for a
// drop, webkitRelativePath for `<input webkitdirectory>`), images only, in path order. No Lit here;
// tested under Node with stand-in entries (test/folder-files.test.ts).

/** A file of a batch, with the name it is shown and exported under. */
export interface NamedFile {
  file: File;
  /** The file's name; inside a folder, its path from the folder chosen or dropped, e.g. `trip/IMG_1.jpg`. */
  name: string;
}

/** What a folder held: its images, and the other files, left out. */
export interface FolderFiles {
  images: NamedFile[];
  /** Paths of the files that are not images. */
  skipped: string[];
}

/** Extensions of image formats some browser can decode, for files whose type the system left empty. */
const IMAGE_EXTENSION = /\.(avif|bmp|gif|heic|heif|ico|jfif|jpe?g|png|svg|tiff?|webp)$/i;

/** Whether a file found in a folder is taken as an image (by its type, or its extension when it has none). */
export function isImageFile(file: { name: string; type: string }): boolean {
  return file.type ? file.type.startsWith('image/') : IMAGE_EXTENSION.test(file.name);
}

/**
 * The entries of a drop, when it holds a folder; undefined when it holds only files (use
 * `dataTransfer.files` then). Must run during the drop event: the items are emptied after it.
 */
export function droppedEntries(data: DataTransfer): FileSystemEntry[] | undefined {
  const entries = Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.())
    .filter((entry): entry is FileSystemEntry => entry != null);
  return entries.some((entry) => entry.isDirectory) ? entries : undefined;
}

/** Every file under the entries, folders walked to the bottom; images in path order, the rest skipped. */
export async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<FolderFiles> {
  const found: NamedFile[] = [];
  const unreadable: string[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    const name = entry.fullPath.replace(/^\//, '') || entry.name;
    try {
      if (entry.isFile) {
        const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
        found.push({ file, name });
      } else if (entry.isDirectory) {
        for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child);
      }
    } catch {
      // Removed since the drop, or not readable: named with the skipped files rather than stopping the rest.
      unreadable.push(name);
    }
  };
  for (const entry of entries) await walk(entry);
  const split = splitImages(found);
  return { images: split.images, skipped: [...split.skipped, ...unreadable] };
}

/** The files of `<input webkitdirectory>`, named by their path in the folder. */
export function filesOfFolderInput(files: readonly File[]): FolderFiles {
  return splitImages(files.map((file) => ({ file, name: file.webkitRelativePath || file.name })));
}

function splitImages(files: NamedFile[]): FolderFiles {
  const byPath = [...files].sort((a, b) => PATH_ORDER.compare(a.name, b.name));
  return {
    images: byPath.filter((f) => isImageFile(f.file)),
    skipped: byPath.filter((f) => !isImageFile(f.file)).map((f) => f.name),
  };
}

/** IMG_2 before IMG_10, as file managers list them. */
const PATH_ORDER = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** readEntries() answers in slices (100 at a time in Chromium) until it answers with none. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const slice = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!slice.length) return all;
    all.push(...slice);
  }
}
