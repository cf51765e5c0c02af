import { z } from 'zod';
import { notifiers } from '../../notifiers/index.js';
import { rulesFileSchema } from '../classify/rule-schema.js';
import { expectationsJsonSchemaSource } from '../expectations/expectation-schema.js';
import { settingsSchema } from './settings-schema.js';
import { watchSchema } from './watch-schema.js';

/** JSON Schemas for editors (yaml-language-server), generated from the same zod schemas that validate the config. */
export function jsonSchemas(): Record<string, unknown> {
  const watchesFile = z.strictObject({
    $schema: z.string().optional(),
    defaults: z.record(z.string(), z.unknown()).optional(),
    watches: z.array(watchSchema),
  });
  const channel = z.union(
    Object.values(notifiers).map((n) => n.schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]],
  );
  const notifyFile = z.strictObject({ $schema: z.string().optional(), channels: z.array(channel) });
  const opts = { io: 'input', unrepresentable: 'any', target: 'draft-7' } as const;
  return {
    'watches.schema.json': { title: 'regwatch watches file', ...z.toJSONSchema(watchesFile, opts) },
    'notify.schema.json': { title: 'regwatch notify.yaml', ...z.toJSONSchema(notifyFile, opts) },
    'settings.schema.json': { title: 'regwatch settings.yaml', ...z.toJSONSchema(settingsSchema, opts) },
    'rules.schema.json': { title: 'regwatch classification rules', ...z.toJSONSchema(rulesFileSchema, opts) },
    'expectations.schema.json': {
      title: 'regwatch expectations.yaml',
      ...z.toJSONSchema(expectationsJsonSchemaSource, opts),
    },
  };
}
