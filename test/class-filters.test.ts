// The element's filter attributes: how include-classes / exclude-classes read, and how the element
// turns them into the core's options against the loaded model's labels.
import { describe, expect, it } from 'vitest';
import { readAttribute, readProperty, RULES } from '../src/components/mobilenet-classifier/attributes';
import { ClassFilters } from '../src/components/mobilenet-classifier/class-filters';
import { fakeLabels } from './fake-labels';

const labels = fakeLabels(['background', 'crane', 'goldfish', 'tabby']);
const none = { minProbability: 0, includeClasses: [], excludeClasses: [] };

describe('include-classes and exclude-classes attributes', () => {
  it('read a comma-separated list of labels and indices, trimmed, empty entries dropped', () => {
    const warnings: string[] = [];
    const read = (text: string | null) => readAttribute(RULES.includeClasses, text, (m) => warnings.push(m));
    expect(read('tabby, 2 ,,n00000001 ')).toEqual(['tabby', 2, 'n00000001']);
    expect(read('')).toEqual([]);
    expect(read(null)).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('as properties take arrays of labels and whole indices, and refuse anything else with a warning', () => {
    const warnings: string[] = [];
    const set = (value: unknown) => readProperty(RULES.excludeClasses, value, ['kept'], (m) => warnings.push(m));
    expect(set(['background', 3])).toEqual(['background', 3]);
    expect(set(undefined)).toEqual([]);
    expect(set('background')).toEqual(['kept']);
    expect(set([1.5])).toEqual(['kept']);
    expect(set([''])).toEqual(['kept']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/excludeClasses = "background": not a comma-separated list/);
  });
});

describe('the filters sent to the core', () => {
  it('pass min-probability and a known list through', () => {
    const filters = new ClassFilters(() => {
      throw new Error('no warning expected');
    });
    expect(filters.options({ ...none, minProbability: 0.2, includeClasses: ['tabby', 2] }, labels)).toEqual({
      minProbability: 0.2,
      includeClasses: ['tabby', 2],
    });
    expect(filters.options({ ...none, excludeClasses: ['background'] }, labels)).toEqual({
      minProbability: 0,
      excludeClasses: ['background'],
    });
  });

  it('leave out an entry no class has, warning once however often it is used', () => {
    const warnings: string[] = [];
    const filters = new ClassFilters((m) => warnings.push(m));
    const settings = { ...none, includeClasses: ['tabby', 'unicorn', 99] };
    expect(filters.options(settings, labels)).toEqual({ minProbability: 0, includeClasses: ['tabby'] });
    filters.options(settings, labels);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/include-classes>: includeClasses: no class is named "unicorn".*It is left out\./);
    expect(warnings[1]).toMatch(/99 is not a class index/);
  });

  it('filter nothing when an allow list names no class at all, rather than hide every class', () => {
    const filters = new ClassFilters(() => {});
    expect(filters.options({ ...none, includeClasses: ['unicorn'] }, labels)).toEqual({ minProbability: 0 });
  });

  it('apply neither list when both are given, with one warning', () => {
    const warnings: string[] = [];
    const filters = new ClassFilters((m) => warnings.push(m));
    const both = { ...none, includeClasses: ['tabby'], excludeClasses: ['crane'] };
    expect(filters.options(both, labels)).toEqual({ minProbability: 0 });
    filters.options(both, labels);
    expect(warnings).toEqual([
      '<mobilenet-classifier>: include-classes and exclude-classes cannot be used together; neither is applied. Remove one.',
    ]);
  });
});
