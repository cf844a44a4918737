// Build-time stand-in for `undici` in the Action's bundle (scripts/build.mjs): @actions/core
// imports @actions/http-client, which imports undici's ProxyAgent at the top, so every start of
// the Action evaluated all of undici (some 50 ms of its 0.3 s start-up) for a class it builds
// only behind an HTTP proxy. Here undici is required on first use instead; what it is and does
// is unchanged.
'use strict';
let undici;
// A require() on purpose: that is what makes the evaluation lazy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => (undici ??= require('undici'));
module.exports = {
  get ProxyAgent() {
    return load().ProxyAgent;
  },
  get fetch() {
    return load().fetch;
  },
};
