import type { PluginKinds } from './config/plugin-kinds.js';
import { notifiers } from '../notifiers/index.js';
import { watchers } from '../watchers/index.js';

/** The plug-in registries as config loading sees them; entry points (CLI, daemon, demo) hand this to loadConfig. */
export const plugins: PluginKinds = { watcherKinds: Object.keys(watchers), channelTypes: notifiers };
