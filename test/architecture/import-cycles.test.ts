/**
 * The import graph keeps its shape: no circle anywhere, and the boundaries the layout promises (docs/architecture.md)
 * hold — config imports no plug-in, watchers use their kit and not the check's internals, command logic knows no
 * chat platform, and a platform's home never reaches back into the notifier plug-ins. Type-only imports count too
 * (dpdm without `transform`): a type circle is still two modules that cannot be understood, moved or tested one
 * without the other. Dynamic imports (the CLI's commands loaded on demand) count as well.
 */
import { join } from 'node:path';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';
import { boundaryViolations, IMPORT_RULES } from './import-rules.js';

describe('import graph', () => {
  let tree: DependencyTree;
  beforeAll(async () => {
    tree = await parseDependencyTree(['src/**/*.ts', 'watchers/*.ts', 'notifiers/*.ts'], {
      context: ROOT,
      cwd: ROOT,
      tsconfig: join(ROOT, 'tsconfig.json'),
      transform: false,
      skipDynamicImports: false,
    });
  }, 120_000);

  it('covers the code (a wrong glob would find nothing wrong in nothing)', () => {
    const files = Object.keys(tree).filter((f) => !f.includes('node_modules'));
    expect(files.length).toBeGreaterThan(200);
    // Every rule looks at files that exist: a renamed folder cannot leave a rule guarding nothing.
    for (const rule of IMPORT_RULES)
      expect(
        files.filter((f) => rule.from.test(f)),
        `no file matches ${rule.from}`,
      ).not.toEqual([]);
  });

  it('has no circular dependency', () => {
    expect(parseCircular(tree).map((circle) => circle.join(' → '))).toEqual([]);
  });

  it('refuses, with each rule, the import it is there for', () => {
    for (const rule of IMPORT_RULES) {
      const [from, to] = rule.refuses;
      const planted = { [from]: [{ id: to }] };
      expect(boundaryViolations(planted, [rule]), `${from} → ${to}`).toEqual([`${from} → ${to}: ${rule.why}`]);
    }
  });

  it('keeps each boundary: config, watchers, command logic and the chat platforms import only what they may', () => {
    expect(boundaryViolations(tree)).toEqual([]);
  });
});
