#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  EarlyReads,
  changeCounts,
  changedVaults,
  groupFindings,
  groupLine,
  loadSpecSet,
  makePlan,
  renderJsonChunks,
  renderTextLines,
  splitByChange
} from "./chunk-6AXH2S6U.js";
import "./chunk-NCROHRFL.js";
import "./chunk-NXIKCKPF.js";
import {
  SET_CHANGES_HEADING,
  connectionFailureMessage,
  countPlan,
  readErrorLines,
  readiness,
  setChangeLines,
  stepLines,
  verdict
} from "./chunk-HBBZYGCR.js";
import "./chunk-FRBLMQPP.js";
import "./chunk-U5VPZIUV.js";
import {
  singleLine
} from "./chunk-VQEEO6FB.js";
import "./chunk-7WJMRSVX.js";
import "./chunk-ACFZ3IEQ.js";
import {
  EXIT_CHANGES,
  EXIT_ERROR,
  EXIT_OK,
  MAX_PARALLEL,
  UsageError,
  colorOnStdout,
  wholeNumberFlag
} from "./chunk-BSYTSFL5.js";
import "./chunk-6YIJE4HJ.js";

// src/cli/commands/plan.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/engine/render/batches.ts
var WRITE_BATCH_CHARS = 16 * 1024;
function* withLineEnds(lines) {
  for (const [index, line] of lines.entries())
    if (index < lines.length - 1 || line !== "" || index === 0) yield `${line}
`;
}
function* batches(pieces, options = {}) {
  const chars = options.chars ?? WRITE_BATCH_CHARS;
  let parts = [];
  let length = 0;
  let lineEnded = !options.wholeLines;
  for (const piece of pieces) {
    parts.push(piece);
    length += piece.length;
    lineEnded ||= piece.includes("\n");
    if (length < chars || !lineEnded) continue;
    const text = parts.join("");
    const cut = options.wholeLines ? text.lastIndexOf("\n") + 1 : text.length;
    yield text.slice(0, cut);
    const rest = text.slice(cut);
    parts = rest === "" ? [] : [rest];
    length = rest.length;
    lineEnded = !options.wholeLines;
  }
  if (length > 0) yield parts.join("");
}

// src/engine/render/markdown-safe.ts
function longestRun(text, char) {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
function fence(lines, info = "") {
  const content = lines.map(singleLine).join("\n");
  const marker = "`".repeat(Math.max(3, longestRun(content, "`") + 1));
  return `${marker}${info}
${content}
${marker}`;
}
function inlineCode(text) {
  const flat = singleLine(text).replace(/\|/g, "\\|");
  const marker = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${marker}${pad}${flat}${pad}${marker}`;
}
function htmlText(text) {
  return singleLine(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/@/g, "&#64;").replace(/#/g, "&#35;");
}

// src/engine/render/markdown.ts
var COMMENT_LIMIT = 65536;
var DEFAULT_FULL_PLAN_AT = "The whole plan: `kvnet plan --format json` (or `--format md` without a size limit).";
function planMarker(plan, specSetId = "default") {
  const safeId = specSetId.replace(/[^A-Za-z0-9._/-]/g, "_");
  return `<!-- kvnet:plan spec-set=${safeId} fingerprint=${plan.fingerprint} schema=${plan.schemaVersion} -->`;
}
function verdictLine(plan) {
  const counts = countPlan(plan);
  const state = readiness(plan);
  const icon = state === "error" ? "❌" : state === "no-changes" ? "✅" : state === "blocked" ? "⛔" : counts.narrowing > 0 || counts.destructive > 0 ? "⚠️" : "📝";
  return `## ${icon} kvnet plan: ${verdict(plan)}`;
}
var plural = (count, word) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
function ruleAnchor(rule) {
  return rule.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");
}
function ruleRef(rule, rulesUrl) {
  const code = inlineCode(rule);
  return rulesUrl ? `[${code}](${rulesUrl}#${ruleAnchor(rule)})` : code;
}
function findingItem(group, rulesUrl) {
  const text = groupLine(group);
  const message = text.slice(0, text.lastIndexOf("  ["));
  return `- ${inlineCode(message)} [${ruleRef(group.rule, rulesUrl)}]`;
}
var DIFF_SIGN = {
  "-": "-",
  "!": "!",
  "+": "+",
  "#": "#",
  "=": " "
};
function vaultTitle(change) {
  const icon = change.loses > 0 ? "🔒" : change.gains > 0 ? "🔓" : "·";
  const steps = plural(change.steps.length, "step");
  return `${icon} ${inlineCode(change.vault.name)} — ${changeCounts(change)} · ${steps}`;
}
function vaultBlock(change) {
  const lines = change.lines.map((line) => `${DIFF_SIGN[line.sign]} ${line.text}`);
  return [
    `**${vaultTitle(change)}**`,
    "",
    fence(lines.length > 0 ? lines : ["# no change in who can reach it"], "diff"),
    ""
  ].join("\n");
}
function vaultCompact(change) {
  const lines = change.lines.filter((line) => line.sign !== "#");
  const first = lines.slice(0, 2).map((line) => `${line.sign === "=" ? "" : `${line.sign} `}${line.text}`).join("; ");
  const more = lines.length > 2 ? `; and ${lines.length - 2} more` : "";
  return `- ${vaultTitle(change)}${first ? `: ${inlineCode(`${first}${more}`)}` : ""}`;
}
function details(summary, body) {
  return [`<details><summary>${summary}</summary>`, "", body, "", "</details>", ""].join("\n");
}
function orderBlock(plan) {
  const lines = plan.steps.flatMap((step, index) => {
    const [title = "", ...rest] = stepLines(step);
    return [`${String(index + 1).padStart(3)}. ${title}`, ...rest.map((line) => `     ${line}`)];
  });
  return details(
    `Execution order: ${htmlText(plural(plan.steps.length, "step"))}, opening first, narrowing last, with their changes and notes`,
    fence(lines, "diff")
  );
}
function renderMarkdownReport(plan, options = {}) {
  const limit = options.limit ?? COMMENT_LIMIT;
  const size = (text2) => options.unit === "bytes" ? Buffer.byteLength(text2, "utf8") : text2.length;
  const fullPlanAt = options.fullPlanAt ?? DEFAULT_FULL_PLAN_AT;
  const head = [planMarker(plan, options.specSetId), verdictLine(plan), ""].join("\n");
  const tail = `
<sub>fingerprint ${inlineCode(plan.fingerprint)} · plan schema ${plan.schemaVersion}</sub>`;
  const changes = changedVaults(plan);
  const changedNames = new Set(changes.map((change) => change.vault.name));
  const { changed, unchanged } = splitByChange(plan.findings, changedNames);
  const changedGroups = groupFindings(changed);
  const unchangedGroups = groupFindings(unchanged);
  const errors = [
    ...readErrorLines(plan).map((line) => `- ${inlineCode(`error  ${line}`)}`),
    ...changedGroups.filter((group) => group.level === "error").map((group) => findingItem(group, options.rulesUrl))
  ];
  const notices = changedGroups.filter((group) => group.level !== "error").map((group) => findingItem(group, options.rulesUrl));
  const unchangedItems = unchangedGroups.map((group) => findingItem(group, options.rulesUrl));
  let used = size(head) + size(tail) + 1e3;
  const fits = (text2) => used + size(text2) + 1 <= limit;
  const take = (text2) => {
    if (!fits(text2)) return false;
    used += size(text2) + 1;
    return true;
  };
  const errorPieces = [];
  let errorsLeft = errors.length;
  for (const item of errors) {
    if (!take(item)) break;
    errorPieces.push({ text: item });
    errorsLeft -= 1;
  }
  const form = /* @__PURE__ */ new Map();
  const losers = changes.filter((change) => change.loses > 0);
  const others = changes.filter((change) => change.loses === 0);
  const addCompact = (list) => {
    for (const change of list) {
      if (!take(vaultCompact(change))) return;
      form.set(change, "compact");
    }
  };
  const upgrade = (list) => {
    for (const change of list) {
      if (form.get(change) !== "compact") return;
      const extra = vaultBlock(change);
      const saved = size(vaultCompact(change)) + 1;
      if (used - saved + size(extra) + 1 > limit) return;
      used += size(extra) + 1 - saved;
      form.set(change, "full");
    }
  };
  addCompact(losers);
  upgrade(losers);
  const setLines = setChangeLines(plan);
  const setsBlock = setLines.length > 0 ? [`### ${SET_CHANGES_HEADING}`, "", fence(setLines, "diff"), ""].join("\n") : "";
  const showSets = setsBlock !== "" && take(setsBlock);
  const noticePieces = [];
  let noticesLeft = notices.length;
  const noticeHeading = "### Findings on what this plan changes\n";
  if (notices.length > 0 && take(noticeHeading)) {
    for (const item of notices) {
      if (!take(item)) break;
      noticePieces.push({ text: item });
      noticesLeft -= 1;
    }
  }
  addCompact(others);
  upgrade(others);
  const unchangedBody = unchangedItems.join("\n");
  const unchangedDetails = unchangedItems.length > 0 ? details(
    `${htmlText(
      plural(
        unchangedGroups.reduce((sum, group) => sum + group.findings.length, 0),
        "finding"
      )
    )} about vaults this plan does not change`,
    unchangedBody
  ) : "";
  const showUnchanged = unchangedDetails !== "" && take(unchangedDetails);
  const order = plan.steps.length > 0 ? orderBlock(plan) : "";
  const showOrder = order !== "" && take(order);
  const out = [head];
  if (errorPieces.length > 0 || errorsLeft > 0) {
    out.push("### Errors", "", ...errorPieces.map((piece) => piece.text));
    if (errorsLeft > 0) out.push(`- … and ${plural(errorsLeft, "more error")}`);
    out.push("");
  }
  const counts = countPlan(plan);
  if (changes.length > 0) {
    out.push("### Who loses and who gains access (losses first)", "");
    let compactRun = false;
    for (const change of changes) {
      const shown = form.get(change);
      if (!shown) continue;
      if (shown === "compact") {
        out.push(vaultCompact(change));
        compactRun = true;
      } else {
        if (compactRun) out.push("");
        compactRun = false;
        out.push(vaultBlock(change));
      }
    }
    if (compactRun) out.push("");
    const hidden = changes.filter((change) => !form.has(change));
    const compacted = changes.filter((change) => form.get(change) === "compact");
    if (hidden.length > 0) {
      const lose = hidden.filter((change) => change.loses > 0).length;
      const gain = hidden.filter((change) => change.loses === 0 && change.gains > 0).length;
      out.push(
        `… and ${plural(hidden.length, "more vault")} (${lose.toLocaleString("en-US")} ${lose === 1 ? "loses" : "lose"} access, ${gain.toLocaleString("en-US")} only ${gain === 1 ? "gains" : "gain"}, ${(hidden.length - lose - gain).toLocaleString("en-US")} with no change in who can reach ${hidden.length - lose - gain === 1 ? "it" : "them"}).`,
        ""
      );
    }
    if (compacted.length > 0)
      out.push(
        `${plural(compacted.length, "vault")} in short form (at most two of their changes): the size limit leaves no room for more.`,
        ""
      );
  }
  const untouched = plan.vaults.length - changes.length;
  if (plan.outcome === "changes" && untouched > 0)
    out.push(
      `${plural(untouched, "other vault")} of the spec set ${untouched === 1 ? "is" : "are"} unchanged.`,
      ""
    );
  if (showSets) out.push(setsBlock);
  if (noticePieces.length > 0 || noticesLeft > 0) {
    out.push(noticeHeading, ...noticePieces.map((piece) => piece.text));
    if (noticesLeft > 0) out.push(`- … and ${plural(noticesLeft, "more finding")}`);
    out.push("");
  }
  if (showUnchanged) out.push(unchangedDetails);
  if (showOrder) out.push(order);
  const left = [];
  const hiddenVaults = changes.filter((change) => form.get(change) !== "full").length;
  if (hiddenVaults > 0) left.push(`the changes of ${plural(hiddenVaults, "vault")}`);
  if (errorsLeft > 0) left.push(plural(errorsLeft, "error"));
  if (setsBlock !== "" && !showSets) left.push("the changes to named sets");
  if (noticesLeft > 0) left.push(plural(noticesLeft, "finding"));
  if (!showUnchanged && unchangedItems.length > 0) left.push("the findings about unchanged vaults");
  if (!showOrder && order !== "")
    left.push(`the execution order (${plural(counts.steps, "step")})`);
  const complete = left.length === 0;
  if (!complete) out.push(`> **Not shown here** (size limit): ${left.join(", ")}. ${fullPlanAt}`);
  const text = `${out.join("\n").replace(/\n+$/, "")}
${tail}`;
  return { text: size(text) <= limit ? text : text.slice(0, limit), complete };
}
function renderMarkdown(plan, options = {}) {
  return renderMarkdownReport(plan, options).text;
}

// src/cli/commands/plan.ts
var PLAN_USAGE = `Usage: kvnet plan <spec file, directory or glob>... [options]

Reads live state from Azure (GET requests only), diffs it against the spec and prints the plan.
Exit 0: no changes. 2: changes. 1: error.
  --format FORMAT      text (default), md (the pull-request comment) or json
  --out FILE           write the rendering to FILE instead of standard output
  --arm-endpoint URL   Azure Resource Manager endpoint (default: the cloud's; or KVNET_ARM_ENDPOINT)
  --cloud NAME         AzureCloud, AzureUSGovernment or AzureChinaCloud (default: the spec's)
  --auth KIND          token (KVNET_ACCESS_TOKEN, the default when set), azure-cli or default
  --max-parallel N     ARM reads in flight per subscription (default 16, 1 to ${MAX_PARALLEL})`;
function exitCodeFor(plan) {
  return plan.outcome === "error" ? EXIT_ERROR : plan.outcome === "changes" ? EXIT_CHANGES : EXIT_OK;
}
async function runPlan(argv, io) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: "string", default: "text" },
      out: { type: "string" },
      "arm-endpoint": { type: "string" },
      cloud: { type: "string" },
      auth: { type: "string" },
      "max-parallel": { type: "string", default: "16" },
      help: { type: "boolean", short: "h", default: false }
    }
  });
  if (values.help) {
    io.out(PLAN_USAGE);
    return EXIT_OK;
  }
  const format = values.format;
  if (format !== "text" && format !== "md" && format !== "json")
    throw new UsageError(`--format must be text, md or json, not "${format}"`);
  const concurrency = wholeNumberFlag(values["max-parallel"], "--max-parallel", 1, MAX_PARALLEL);
  if (positionals.length === 0)
    throw new UsageError("name at least one spec file, directory or glob");
  const early = new EarlyReads(
    { cloud: values.cloud, armEndpoint: values["arm-endpoint"], auth: values.auth },
    io.env,
    concurrency
  );
  const specs = await loadSpecSet(
    positionals,
    io,
    "no plan made",
    early.onFileParsed,
    (files) => early.forSet(files)
  );
  if (!specs) {
    early.abandon();
    return EXIT_ERROR;
  }
  const {
    desired,
    connection: { clients, reader, reads }
  } = specs;
  const plan = await makePlan(desired, reader, { concurrency, reads });
  const unreachable = connectionFailureMessage(clients, io.env);
  if (unreachable) {
    io.err(`kvnet plan: ${unreachable}
No plan was made.`);
    return EXIT_ERROR;
  }
  if (format === "md") {
    const markdown = renderMarkdown(plan);
    if (values.out)
      await writeFile(values.out, markdown.endsWith("\n") ? markdown : `${markdown}
`);
    else io.out(markdown);
  } else {
    const color = !values.out && colorOnStdout(io.env);
    const pieces = format === "json" ? renderJsonChunks(plan) : withLineEnds(renderTextLines(plan, { color }));
    if (values.out) await writeFile(values.out, batches(pieces));
    else for (const batch of batches(pieces, { wholeLines: true })) await io.write(batch);
  }
  if (values.out) io.out(`plan written to ${values.out}: ${plan.outcome}`);
  return exitCodeFor(plan);
}
export {
  PLAN_USAGE,
  exitCodeFor,
  runPlan
};
