import type { PluginKinds } from './config/plugin-kinds.js';
import { notifiers } from '../notifiers/index.js';

/**
 * The watch kinds of watchers/index.ts, by name only: validating a config needs no watcher's code, and importing the
 * registry would load every watcher and its HTML parser, diff and fetch code into each start, a config without
 * watches included. test/config/plugin-kinds.test.ts keeps this list equal to the registry's keys.
 */
export const WATCHER_KINDS: readonly string[] = ['page', 'list', 'feed'];

/** The plug-in registries as config loading sees them; entry points (CLI, daemon, demo) hand this to loadConfig. */
export const plugins: PluginKinds = { watcherKinds: WATCHER_KINDS, channelTypes: notifiers };
