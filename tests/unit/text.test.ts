import { describe, expect, it } from 'vitest';

import { CARD_NAME_SIZE, CARD_SMALL_SIZE, cardLayout } from '../../src/engine/cardLayout.ts';
import { NODE_HEIGHT, NODE_WIDTH, ROOT_HEIGHT, ROOT_WIDTH } from '../../src/engine/layout.ts';

const ROOT = { width: ROOT_WIDTH, height: ROOT_HEIGHT };
const CARD = { width: NODE_WIDTH, height: NODE_HEIGHT };
/** Room an initials disc takes beside a person's name (see NodeCard). */
const AVATAR = 42;

const joinedLines = (lines: readonly string[]) => lines.join(' ');

describe('the text of a card', () => {
  it('never cuts the top unit’s head: their name gets a line of its own under their title', () => {
    const text = cardLayout({
      ...ROOT,
      name: 'General Office of the State Council',
      isPerson: false,
      kindLabel: 'Office',
      secondName: '中华人民共和国国务院办公厅',
      head: { title: 'Secretary-General of the State Council', person: 'Wu Zhenglong 吴政隆' },
    });
    expect(text.extra?.lines).toContain('Wu Zhenglong 吴政隆');
    expect(text.extra?.shown).toBe('Secretary-General of the State Council: Wu Zhenglong 吴政隆');
    expect(joinedLines(text.extra?.lines ?? [])).not.toContain('…');
    // Every line inside the card.
    for (const y of [...text.name.ys, ...(text.extra?.ys ?? [])]) expect(y).toBeLessThanOrEqual(ROOT.height - 6);
    // The second name still shows, on the kind line.
    expect(text.kind.withSecond).toBe(true);
  });

  it('keeps the head’s name whole on a root whose own name takes two lines, dropping the title first', () => {
    const text = cardLayout({
      ...ROOT,
      name: "General Office of the Standing Committee of the National People's Congress",
      isPerson: false,
      kindLabel: 'Office',
      secondName: null,
      head: { title: 'Secretary-General of the Standing Committee', person: 'Liu Qi 刘奇' },
    });
    expect(text.name.lines.length).toBe(2);
    expect(text.extra?.lines.at(-1)).toBe('Liu Qi 刘奇');
  });

  it('shrinks a name’s type before it cuts it', () => {
    // Two lines at 14 px are not enough for it; two at 12 px are.
    const name = 'Office for Cooperation and Exchanges with Hong Kong SAR';
    const big = cardLayout({ ...CARD, name, isPerson: false, kindLabel: 'Bureau', secondName: null, head: null });
    expect(big.name.size).toBe(CARD_SMALL_SIZE);
    expect(big.name.shown).toBe(name);
    const short = cardLayout({ ...CARD, name: 'Secretariat', isPerson: false, kindLabel: 'Bureau', secondName: null, head: null });
    expect(short.name.size).toBe(CARD_NAME_SIZE);
  });

  it('gives a person’s long name a third line rather than cut it', () => {
    const name = 'Maria Fernanda Rodríguez-Villanueva Castellanos';
    const text = cardLayout({ ...CARD, name, isPerson: true, kindLabel: 'Chief Operating Officer', secondName: null, head: null, nameInset: AVATAR });
    expect(text.name.shown).toBe(name);
    expect(text.name.lines.length).toBe(3);
    expect(text.name.size).toBe(CARD_SMALL_SIZE);
    for (const y of text.name.ys) expect(y).toBeLessThanOrEqual(CARD.height - 6);
  });

  it('puts the second name under a one-line name, and on the kind line under a two-line one', () => {
    const one = cardLayout({ ...CARD, name: 'Secretariat', isPerson: false, kindLabel: 'Bureau', secondName: '秘书局', head: null });
    expect(one.extra).toMatchObject({ lines: ['秘书局'], isSecondName: true });
    expect(one.kind.withSecond).toBe(false);
    const two = cardLayout({
      ...CARD,
      name: 'Bureau for the Supervision of Government Affairs',
      isPerson: false,
      kindLabel: 'Bureau',
      secondName: '督查室',
      head: null,
    });
    expect(two.name.lines.length).toBe(2);
    expect(two.extra).toBeNull();
    expect(two.kind.withSecond).toBe(true);
  });
});
