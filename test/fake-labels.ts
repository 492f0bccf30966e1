import type { Label } from '../src/model/types';

/** A labels.json for tests: `names[i]` is class i's label; class 0 gets the wnid `background`. */
export function fakeLabels(names: string[]): Label[] {
  return names.map((label, index) => ({
    index,
    wnid: index === 0 ? 'background' : `n0000000${index}`,
    label,
    fullName: label,
  }));
}
