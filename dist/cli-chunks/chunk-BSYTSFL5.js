#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);

// src/engine/state/concurrency.ts
var MAX_PARALLEL = 64;
var BoundedRunner = class {
  constructor(limit) {
    this.limit = limit;
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`concurrency must be a positive integer, not ${limit}`);
  }
  limit;
  active = 0;
  waiting = [];
  async run(task) {
    if (this.active >= this.limit) await new Promise((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
};
var OnceByKey = class {
  promises = /* @__PURE__ */ new Map();
  get(key, start) {
    const existing = this.promises.get(key);
    if (existing) return existing;
    const started = start();
    this.promises.set(key, started);
    return started;
  }
  has(key) {
    return this.promises.has(key);
  }
  keys() {
    return [...this.promises.keys()];
  }
  async settled() {
    const entries = await Promise.all(
      [...this.promises.entries()].map(async ([key, promise]) => [key, await promise])
    );
    return new Map(entries);
  }
};

// src/cli/io.ts
var EXIT_OK = 0;
var EXIT_ERROR = 1;
var EXIT_CHANGES = 2;
var processIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
  write: (text) => new Promise((resolve, reject) => {
    process.stdout.write(
      text,
      (error) => error ? reject(isBrokenPipe(error) ? new OutputClosed() : error) : resolve()
    );
  }),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}
`),
  env: process.env,
  cwd: process.cwd()
};
var OutputClosed = class extends Error {
  constructor() {
    super("standard output was closed before everything was written (its reader exited)");
  }
};
var isBrokenPipe = (error) => error.code === "EPIPE";
function colorOnStdout(env) {
  return process.stdout.isTTY === true && env.NO_COLOR === void 0;
}
var UsageError = class extends Error {
};
function today(env) {
  const pinned = env.KVNET_TODAY;
  if (pinned !== void 0) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned))
      throw new UsageError(`KVNET_TODAY must be a date written YYYY-MM-DD, not "${pinned}"`);
    return pinned;
  }
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
function wholeNumberFlag(value, flag, min, max) {
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < min || number > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

export {
  MAX_PARALLEL,
  BoundedRunner,
  OnceByKey,
  EXIT_OK,
  EXIT_ERROR,
  EXIT_CHANGES,
  processIo,
  OutputClosed,
  colorOnStdout,
  UsageError,
  today,
  wholeNumberFlag
};
