#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  collectSpecSources,
  compareFindings,
  hasErrors,
  renderFindingsJson,
  renderFindingsText,
  summarizeFindings,
  validateSpecSet
} from "./chunk-NCROHRFL.js";
import "./chunk-NXIKCKPF.js";
import "./chunk-U5VPZIUV.js";
import {
  safeJsonOutput
} from "./chunk-VQEEO6FB.js";
import "./chunk-7WJMRSVX.js";
import "./chunk-ACFZ3IEQ.js";
import {
  EXIT_ERROR,
  EXIT_OK,
  UsageError,
  today
} from "./chunk-BSYTSFL5.js";
import "./chunk-6YIJE4HJ.js";

// src/cli/commands/validate.ts
import { parseArgs } from "node:util";
var VALIDATE_USAGE = `Usage: kvnet validate <spec file, directory or glob>... [--strict] [--format text|json]

Checks a spec set without calling Azure. Exit 0 when valid, 1 otherwise.
  --strict         warnings fail too
  --format FORMAT  text (default) or json`;
async function runValidate(argv, io) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      strict: { type: "boolean", default: false },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h", default: false }
    }
  });
  if (values.help) {
    io.out(VALIDATE_USAGE);
    return EXIT_OK;
  }
  if (values.format !== "text" && values.format !== "json") {
    throw new UsageError(`--format must be text or json, not "${values.format}"`);
  }
  if (positionals.length === 0)
    throw new UsageError("name at least one spec file, directory or glob");
  const collected = await collectSpecSources(positionals);
  const result = validateSpecSet(collected.sources, { today: today(io.env) });
  const findings = [...collected.findings, ...result.findings].sort(compareFindings);
  const valid = !hasErrors(findings, values.strict) && collected.sources.length > 0;
  if (values.format === "json") {
    io.out(safeJsonOutput(renderFindingsJson(findings, valid)));
  } else {
    if (findings.length > 0) io.out(renderFindingsText(findings));
    io.out(`${summarizeFindings(findings, collected.sources.length)}${valid ? "" : " — invalid"}`);
  }
  return valid ? EXIT_OK : EXIT_ERROR;
}
export {
  VALIDATE_USAGE,
  runValidate
};
