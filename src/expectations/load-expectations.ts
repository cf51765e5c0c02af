import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ONE_SHOT_PARSE, validateYaml, type ConfigIssue, type YamlFile } from '../config/config-issue.js';
import { SHIPPED_CONFIG_DIR } from '../config/paths.js';
import { expectationSchemas, type Expectation } from './expectation-schema.js';

/**
 * `expectations.yaml` of the config directory, else the shipped one. Every problem is a `file:line:col` issue.
 * The shipped file names the shipped watches: when it is the fallback, an expectation whose watches this config does
 * not have is left out (a config with its own watches does not inherit expectations about others').
 */
export function loadExpectations(
  dir: string,
  read: (path: string) => YamlFile | undefined,
  watchIds: ReadonlySet<string>,
  issues: ConfigIssue[],
): Expectation[] {
  const own = join(dir, 'expectations.yaml');
  const shipped = join(SHIPPED_CONFIG_DIR, 'expectations.yaml');
  const path = existsSync(own) ? own : existsSync(shipped) ? shipped : undefined;
  if (!path) return [];
  const fallback = path !== own;
  const yaml = read(path);
  if (!yaml) return [];
  // The shipped file as built is valid (test/expectations/validate-expectations.test.ts): when each of its expectations names a watch
  // this config lacks, all would be left out below, so none is validated (a config without watches pays nothing).
  if (fallback && yaml.shippedDigest && eachNamesAnotherWatch(yaml.value(), watchIds)) return [];
  const top = validateYaml(yaml, expectationSchemas().file);
  issues.push(...top.issues);
  const out: Expectation[] = [];
  const seen = new Map<string, number>();
  top.value?.expectations.forEach((raw, i) => {
    const result = expectationSchemas().expectation.safeParse(raw, ONE_SHOT_PARSE);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const where = ['expectations', i, ...issue.path];
        if (issue.code === 'unrecognized_keys')
          for (const key of issue.keys)
            issues.push(
              yaml.issue(
                [...where, key],
                `unknown key "${key}" in expectation ${i + 1}: remove it or check its spelling (see docs/config.md)`,
                true,
              ),
            );
        else issues.push(yaml.issue(where, `expectations[${i}].${issue.path.join('.')}: ${issue.message}`));
      }
      return;
    }
    const exp = result.data;
    const unknown = (exp.watches ?? []).filter((w) => !watchIds.has(w));
    if (unknown.length > 0) {
      if (fallback) return;
      const at = (exp.watches ?? []).indexOf(unknown[0]!);
      issues.push(
        yaml.issue(
          ['expectations', i, 'watches', at],
          `expectations[${i}].watches: no watch with id "${unknown.join('", "')}"; use the id of a watch in watches/`,
        ),
      );
      return;
    }
    const first = seen.get(exp.id);
    if (first !== undefined) {
      issues.push(
        yaml.issue(
          ['expectations', i, 'id'],
          `duplicate expectation id "${exp.id}" (first at line ${yaml.at(['expectations', first, 'id']).line}): ids must be unique`,
        ),
      );
      return;
    }
    seen.set(exp.id, i);
    out.push(exp);
  });
  return out;
}

/** Whether every expectation of a parsed file lists its watches and one of them is not in `watchIds`. */
function eachNamesAnotherWatch(file: unknown, watchIds: ReadonlySet<string>): boolean {
  const list = file && typeof file === 'object' ? (file as { expectations?: unknown }).expectations : undefined;
  return (
    Array.isArray(list) &&
    list.every((e: unknown) => {
      const watches = e && typeof e === 'object' ? (e as { watches?: unknown }).watches : undefined;
      return Array.isArray(watches) && watches.some((w) => typeof w !== 'string' || !watchIds.has(w));
    })
  );
}
