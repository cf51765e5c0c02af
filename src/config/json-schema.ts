import * as z from 'zod';
import { ruleSchemas } from '../classify/rule-schema.js';
import { expectationSchemas } from '../expectations/expectation-schema.js';
import type { PluginKinds } from './plugin-kinds.js';
import { settingsSchema } from './settings-schema.js';
import { watchSchemas } from './watch-schema.js';

/** JSON Schemas for editors (yaml-language-server), generated from the same zod schemas that validate the config. */
export function jsonSchemas(plugins: PluginKinds): Record<string, unknown> {
  // An editor offers the registered kinds; load-config checks them the same way.
  const { shape } = watchSchemas().watch;
  const watch = z.strictObject({ ...shape, kind: z.enum(plugins.watcherKinds as [string, ...string[]]) });
  const watchesFile = z.strictObject({
    $schema: z.string().optional(),
    // Any watch key but id may be a file-wide default (maxNewItems, every, follow …).
    defaults: z.strictObject(shape).omit({ id: true }).partial().optional(),
    watches: z.array(watch),
  });
  const channel = z.union(
    Object.values(plugins.channelTypes).map((n) => n.schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
  );
  const notifyFile = z.strictObject({ $schema: z.string().optional(), channels: z.array(channel) });
  const opts = { io: 'input', unrepresentable: 'any', target: 'draft-7' } as const;
  return {
    'watches.schema.json': { title: 'regwatch watches file', ...z.toJSONSchema(watchesFile, opts) },
    'notify.schema.json': { title: 'regwatch notify.yaml', ...z.toJSONSchema(notifyFile, opts) },
    'settings.schema.json': { title: 'regwatch settings.yaml', ...z.toJSONSchema(settingsSchema, opts) },
    'rules.schema.json': { title: 'regwatch classification rules', ...z.toJSONSchema(ruleSchemas().rulesFile, opts) },
    'expectations.schema.json': {
      title: 'regwatch expectations.yaml',
      ...z.toJSONSchema(expectationSchemas().jsonSchemaSource, opts),
    },
  };
}
