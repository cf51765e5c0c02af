// `node --import ./record-modules.js …`: writes every module file the process loaded, one URL or path a line, to
// $REGWATCH_MODULES_OUT when it exits — ES modules as the loader loads them, CommonJS ones from require's cache.
import { register, createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { MessageChannel } from 'node:worker_threads';

const loaded = [];
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.push(url));
port1.unref();
const hook = `
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url, {
  data: { port: port2 },
  transferList: [port2],
});
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  writeFileSync(process.env.REGWATCH_MODULES_OUT, [...loaded, ...Object.keys(cache)].join('\n'));
});
