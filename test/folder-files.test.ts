import { describe, expect, it } from 'vitest';
import { filesOfEntries, filesOfFolderInput, isImageFile } from '../src/components/mobilenet-classifier/folder-files';

/** A stand-in for the File and Directory Entries API: a tree of folders and files. */
type Tree = { [name: string]: Tree | string };

function entryOf(name: string, node: Tree | string, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string') {
    return {
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (resolve: (file: File) => void, reject: (error: Error) => void) =>
        node === 'unreadable'
          ? setTimeout(() => reject(new Error('NotFoundError')))
          : setTimeout(() => resolve(new File(['x'], name, { type: node }))),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([child, value]) => entryOf(child, value, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    // Like Chromium: at most 100 entries per call, then an empty answer.
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) =>
          setTimeout(() => resolve(children.slice(at, (at += 100)))),
      };
    },
  } as unknown as FileSystemEntry;
}

describe('filesOfEntries', () => {
  it('walks folders to the bottom, reading every slice, and keeps the images in path order', async () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`IMG_${i + 1}.jpg`, 'image/jpeg']));
    const { images, skipped } = await filesOfEntries([
      entryOf('trip', {
        'notes.txt': 'text/plain',
        day2: { 'b.png': 'image/png', deeper: { 'c.webp': 'image/webp', '.DS_Store': '' } },
        burst: many,
      }),
      entryOf('loose.heic', ''),
    ]);
    expect(images).toHaveLength(253);
    expect(images.slice(0, 3).map((f) => f.name)).toEqual([
      'loose.heic',
      'trip/burst/IMG_1.jpg',
      'trip/burst/IMG_2.jpg',
    ]);
    expect(images[10].name, 'numeric order: IMG_10 after IMG_9').toBe('trip/burst/IMG_10.jpg');
    expect(images.slice(-2).map((f) => f.name)).toEqual(['trip/day2/b.png', 'trip/day2/deeper/c.webp']);
    expect(images.every((f) => f.file instanceof File)).toBe(true);
    expect(skipped).toEqual(['trip/day2/deeper/.DS_Store', 'trip/notes.txt']);
  });

  it('names a file it cannot read among the skipped ones and goes on', async () => {
    const { images, skipped } = await filesOfEntries([
      entryOf('f', { 'a.jpg': 'image/jpeg', 'gone.jpg': 'unreadable' }),
    ]);
    expect(images.map((f) => f.name)).toEqual(['f/a.jpg']);
    expect(skipped).toEqual(['f/gone.jpg']);
  });
});

describe('filesOfFolderInput', () => {
  it('names files by their path in the chosen folder and leaves out the ones that are not images', () => {
    const file = (path: string, type: string) => {
      const f = new File(['x'], path.split('/').pop()!, { type });
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      return f;
    };
    const { images, skipped } = filesOfFolderInput([
      file('pics/b.jpg', 'image/jpeg'),
      file('pics/a.JPG', ''),
      file('pics/readme.md', 'text/markdown'),
    ]);
    expect(images.map((f) => f.name)).toEqual(['pics/a.JPG', 'pics/b.jpg']);
    expect(skipped).toEqual(['pics/readme.md']);
  });
});

describe('isImageFile', () => {
  it('goes by the type, and by the extension only when the type is empty', () => {
    expect(isImageFile({ name: 'x.txt', type: 'image/png' })).toBe(true);
    expect(isImageFile({ name: 'x.jpg', type: 'text/plain' })).toBe(false);
    expect(isImageFile({ name: 'x.AVIF', type: '' })).toBe(true);
    expect(isImageFile({ name: 'Thumbs.db', type: '' })).toBe(false);
  });
});
