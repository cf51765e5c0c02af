import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneOrphans } from '../../bin/build.js';

describe('the build after a module moved', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const touch = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  };

  it('removes the compiled copy of a module whose source is gone, and keeps every other output', () => {
    root = mkdtempSync(join(tmpdir(), 'regwatch-prune-'));
    for (const f of ['src/chat/slack/slack-blocks.ts', 'src/cli.ts']) touch(f);
    const kept = ['dist/src/chat/slack/slack-blocks.js', 'dist/src/chat/slack/slack-blocks.js.map', 'dist/src/cli.js'];
    // Where the module was before it moved, and a folder that no longer exists at all.
    const orphans = ['dist/src/chat/slack-blocks.js', 'dist/src/chat/slack-blocks.js.map', 'dist/src/old/gone.js'];
    for (const f of [...kept, ...orphans, 'dist/.tsbuildinfo']) touch(f);

    pruneOrphans(join(root, 'dist', 'src'), join(root, 'src'));

    expect(orphans.filter((f) => existsSync(join(root, f)))).toEqual([]);
    expect([...kept, 'dist/.tsbuildinfo'].filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
