import { describe, expect, it } from 'vitest';

import { factIs, factKeyOf, findFact, WELL_KNOWN_FACT_KEYS } from '../../src/model/facts.ts';
import { comparableText, withoutAccents } from '../../src/model/normalise.ts';
import type { Unit } from '../../src/model/schema.ts';

describe('well-known facts', () => {
  it('are known by key, or by a label that means the same when there is no key', () => {
    expect(factKeyOf({ key: 'formed', label: 'Set up', value: '1949' })).toBe('formed');
    expect(factKeyOf({ label: ' Established ', value: '1949' })).toBe('formed');
    expect(factKeyOf({ label: 'HEADQUARTERS', value: 'Beijing' })).toBe('location');
    expect(factKeyOf({ label: 'Official  name', value: 'x' })).toBe('officialName');
    expect(factKeyOf({ label: 'Staff', value: '40' })).toBeUndefined();
    // A key of its own wins over what the label would mean.
    expect(factIs({ key: 'history', label: 'Founded', value: 'x' }, 'formed')).toBe(false);
  });

  it('find the first fact that states a value', () => {
    const unit: Unit = {
      id: 'a',
      parentId: null,
      name: 'A',
      facts: [
        { key: 'formed', label: 'Formed', value: ' ' },
        { label: 'Founded', value: '1982' },
      ],
    };
    expect(findFact(unit, 'formed')?.value).toBe('1982');
  });

  it('keep the schema’s order of keys', () => {
    expect(WELL_KNOWN_FACT_KEYS).toEqual(['formed', 'type', 'parentBody', 'jurisdiction', 'location', 'history', 'officialName']);
  });
});

describe('text normalising', () => {
  it('compares texts whatever their case, spacing and apostrophes, but keeps accents', () => {
    expect(comparableText('  People’s   Bank ')).toBe("people's bank");
    expect(comparableText('Hà Nội')).not.toBe(comparableText('Ha Noi'));
  });

  it('drops accents and opens compatibility forms, keeping case', () => {
    expect(withoutAccents('Café ﬁle Zhōng')).toBe('Cafe file Zhong');
  });
});
