import { describe, expect, it } from 'vitest';
import { plugins } from '../../src/plugins.js';
import { watchers } from '../../watchers/index.js';
import { notifiers } from '../../notifiers/index.js';

describe('the plug-in kinds config validation accepts', () => {
  it('are exactly the registered watchers and notifiers', () => {
    // A kind added to watchers/index.ts but not to src/plugins.ts would be refused by `regwatch validate`.
    expect([...plugins.watcherKinds].sort()).toEqual(Object.keys(watchers).sort());
    expect(Object.keys(plugins.channelTypes).sort()).toEqual(Object.keys(notifiers).sort());
  });
});
