import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneOrphans } from '../../bin/build.js';

describe('the build after the bundle changed', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const touch = (path: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
  };

  it('removes every file the build did not write, and folders left empty, and keeps what it wrote', () => {
    root = mkdtempSync(join(tmpdir(), 'regwatch-prune-'));
    const kept = ['dist/src/cli.js', 'dist/src/cli.js.map', 'dist/src/chunk-NEW.js', 'dist/src/assets/dashboard.css'];
    // A chunk of the previous build, and the per-module output of the former tsc build in its folders.
    const orphans = [
      'dist/src/chunk-OLD.js',
      'dist/src/chunk-OLD.js.map',
      'dist/src/config/paths.js',
      'dist/watchers/page.js',
    ];
    for (const f of [...kept, ...orphans]) touch(f);

    pruneOrphans(join(root, 'dist'), new Set(kept.map((f) => join(root, f))));

    expect(orphans.filter((f) => existsSync(join(root, f)))).toEqual([]);
    expect(['dist/src/config', 'dist/watchers'].filter((d) => existsSync(join(root, d)))).toEqual([]);
    expect(kept.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
