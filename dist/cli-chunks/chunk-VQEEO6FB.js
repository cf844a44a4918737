#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);

// src/engine/render/untrusted.ts
var INVISIBLE_RANGES = "\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff0-\\ufffb\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}";
var INVISIBLE = new RegExp(`[${INVISIBLE_RANGES}]`, "gu");
var INVISIBLE_OR_LINE_FEED = new RegExp(`[${INVISIBLE_RANGES}\\n]`, "gu");
var SGR = /(\u001b\[[0-9;]*m)/;
var SGR_OR_CURSOR = /(\u001b\[[0-9;]*m|\u001b\[[0-9]{1,3}A|\u001b\[2K)/;
function escapeCodePoint(char) {
  let out = "";
  for (let index = 0; index < char.length; index += 1) {
    out += `\\u${char.charCodeAt(index).toString(16).padStart(4, "0")}`;
  }
  return out;
}
function visibleControls(text) {
  return text.replace(INVISIBLE, escapeCodePoint);
}
function singleLine(text) {
  return text.replace(
    INVISIBLE_OR_LINE_FEED,
    (char) => char === "\n" ? "\\n" : escapeCodePoint(char)
  );
}
function neutralizeWorkflowCommands(line) {
  return line.replace(/##\[/g, "#\\u0023[").replace(/^(\s*):(?=:)/u, "$1\\u003a");
}
function safeOutput(text, options = {}) {
  return text.split("\n").map((line) => {
    const kept = options.keepCursor ? SGR_OR_CURSOR : options.keepColor ? SGR : void 0;
    const visible = kept ? line.split(kept).map((part, index) => index % 2 === 1 ? part : visibleControls(part)).join("") : visibleControls(line);
    return neutralizeWorkflowCommands(visible);
  }).join("\n");
}
function safeJsonOutput(json) {
  return safeOutput(json);
}

export {
  singleLine,
  safeOutput,
  safeJsonOutput
};
