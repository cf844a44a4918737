// Build-time stand-in for `undici` in the Action's bundle (scripts/build.mjs): @actions/core
// imports @actions/http-client, which imports undici's ProxyAgent at the top, so every start of
// the Action parsed and evaluated all of undici (some 770 KB, 50 ms of evaluation) for a class
// it builds only behind an HTTP proxy, and a fetch used once GitHub is called. Here undici is
// required on first use from dist/action-chunks/undici.cjs, a bundle of its own next to the
// chunk that holds this shim; what it is and does is unchanged.
'use strict';
let undici;
// A require() on purpose: that is what makes the loading lazy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = () => (undici ??= require('./undici.cjs'));
module.exports = {
  get ProxyAgent() {
    return load().ProxyAgent;
  },
  get fetch() {
    return load().fetch;
  },
};
