/**
 * Test-only preload for child `regwatch` processes (`NODE_OPTIONS=--import …/fake-dns.js`): the host names in
 * REGWATCH_TEST_DNS (JSON `{"name": "address"}`) resolve to the given address, everything else as usual. It gives a
 * test "a host name that resolves to loopback" without /etc/hosts or a network. regwatch's guarded lookup reads
 * `dns.lookup` at call time, so it sees this one, exactly as it would see a hostile DNS answer.
 */
import dns from 'node:dns';
import process from 'node:process';

const table = JSON.parse(process.env.REGWATCH_TEST_DNS ?? '{}');
const real = dns.lookup;

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (typeof options === 'number') options = { family: options };
  const address = table[String(hostname).toLowerCase()];
  if (address === undefined) return real.call(dns, hostname, options, callback);
  const family = address.includes(':') ? 6 : 4;
  process.nextTick(() => (options?.all ? callback(null, [{ address, family }]) : callback(null, address, family)));
};
