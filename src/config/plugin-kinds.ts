import type { z } from 'zod';

/**
 * What validating a config needs to know of the plug-ins: the watch kinds and the channel types with their schemas.
 * The entry points build it from the registries (src/plugins.ts) and hand it to loadConfig, so config imports no
 * plug-in and a plug-in may import config's types without a circle.
 */
export interface PluginKinds {
  /** Watch kinds: the keys of watchers/index.ts. */
  readonly watcherKinds: readonly string[];
  /** Channel types and each one's zod schema: notifiers/index.ts. */
  readonly channelTypes: Readonly<Record<string, { readonly schema: z.ZodType }>>;
}
