import { describe, expect, it } from 'vitest';

import { loadOnce } from '../../src/model/loadOnce.ts';

describe('loadOnce', () => {
  it('imports once however often it is asked, and gives the module without waiting only once it is in', async () => {
    let imports = 0;
    const module = { answer: 42 };
    const split = loadOnce(async () => {
      imports += 1;
      return module;
    });
    expect(split.loaded()).toBeNull();
    const first = split.load();
    expect(split.load()).toBe(first);
    expect(split.loaded()).toBeNull();
    await expect(first).resolves.toBe(module);
    expect(split.loaded()).toBe(module);
    await split.load();
    expect(imports).toBe(1);
  });
});
