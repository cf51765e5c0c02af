/**
 * The import graph has no circle: config does not reach into the plug-ins, watchers and notifiers do not loop back
 * through the pipeline. Type-only imports count too (dpdm without `transform`): a type circle is still two modules
 * that cannot be understood, moved or tested one without the other. Dynamic imports (the CLI's commands loaded on
 * demand) count as well.
 */
import { join } from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

describe('import graph', () => {
  it(
    'has no circular dependency from the entry points, the watchers and the notifiers',
    { timeout: 60_000 },
    async () => {
      const tree = await parseDependencyTree(
        ['src/cli.ts', 'src/daemon.ts', 'src/cli/*.ts', 'watchers/*.ts', 'notifiers/*.ts', 'src/config/*.ts'],
        {
          context: ROOT,
          cwd: ROOT,
          tsconfig: join(ROOT, 'tsconfig.json'),
          transform: false,
          skipDynamicImports: false,
        },
      );
      // The graph really covers the code (a wrong glob would find no circle in nothing).
      expect(Object.keys(tree).filter((f) => !f.includes('node_modules')).length).toBeGreaterThan(100);
      expect(parseCircular(tree).map((circle) => circle.join(' → '))).toEqual([]);
    },
  );
});
