import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  setOutput,
  summary,
  warning
} from "./chunk-QTB6K6WF.js";

// src/action/outputs.ts
function setOutcome(outcome) {
  setOutput("outcome", outcome);
}
function setCommentUrl(url) {
  setOutput("comment-url", url);
}

// src/action/summary.ts
var SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
function fitSummary(render) {
  let limit = SUMMARY_LIMIT_BYTES;
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const text = render(limit);
    if (Buffer.byteLength(text, "utf8") <= SUMMARY_LIMIT_BYTES) return text;
    limit = Math.floor(limit / 2);
  }
  return render(6e4).slice(0, 6e4);
}
async function writeSummary(markdown) {
  if (!process.env.GITHUB_STEP_SUMMARY) return false;
  const text = Buffer.byteLength(markdown, "utf8") <= SUMMARY_LIMIT_BYTES ? markdown : fitSummary((limit) => markdown.slice(0, limit));
  try {
    await summary.addRaw(text, true).write();
    return true;
  } catch (error) {
    warning(`could not write the job summary: ${error.message}`);
    return false;
  }
}

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

export {
  MAX_PARALLEL,
  BoundedRunner,
  OnceByKey,
  setOutcome,
  setCommentUrl,
  SUMMARY_LIMIT_BYTES,
  writeSummary
};
