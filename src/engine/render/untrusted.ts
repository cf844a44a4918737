// The one sanitiser for everything kvnet prints, CLI and Action alike. Text that came from a
// spec, Azure or GitHub is untrusted: before it reaches a terminal or a log,
// - control characters (ANSI escapes, carriage returns that overwrite a line, tabs, NEL) and
//   invisible ones (zero-width, bidirectional overrides, byte-order marks, tag characters) are
//   shown as `\uXXXX` instead of being obeyed or hidden, so a message quotes what was written;
// - no line can start a workflow command: the runner obeys `::command::` at the start of a line
//   after leading whitespace and the legacy `##[command]` anywhere in a line (SECURITY-NOTES.md
//   §2.3), so the first `:` of such a line is written `\u003a` and the second `#` of `##[` is
//   written `\u0023`: visible, in the same notation as the other escapes, and inert.
// Renderers call `visibleControls` / `singleLine` on untrusted values; the CLI's streams and the
// Action's log call `safeOutput` on every write, as the last line of defence.

// Default-ignorable and formatting code points that render as nothing (Unicode's
// Default_Ignorable_Code_Point, minus the variation selectors emoji need), bidi controls, and
// every C0/C1 control but the line feed.
const INVISIBLE_RANGES =
  '\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5' +
  '\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufeff\\uffa0\\ufff0-\\ufffb' +
  '\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}';
// eslint-disable-next-line no-misleading-character-class -- single code points, matched one by one
const INVISIBLE = new RegExp(`[${INVISIBLE_RANGES}]`, 'gu');
// eslint-disable-next-line no-misleading-character-class -- as above
const INVISIBLE_OR_LINE_FEED = new RegExp(`[${INVISIBLE_RANGES}\\n]`, 'gu');
/** The colour sequences kvnet's own text renderer writes (SGR), kept when colour is on. */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const SGR = /(\u001b\[[0-9;]*m)/;
/** SGR plus the cursor-up and erase-line sequences of kvnet's live apply lines on a TTY. */
// eslint-disable-next-line no-control-regex -- as above
const SGR_OR_CURSOR = /(\u001b\[[0-9;]*m|\u001b\[[0-9]{1,3}A|\u001b\[2K)/;

/** `\uXXXX` for each UTF-16 unit, so the escape is also valid inside a JSON string. */
function escapeCodePoint(char: string): string {
  let out = '';
  for (let index = 0; index < char.length; index += 1) {
    out += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** Control and invisible characters shown as `\uXXXX`; line feeds kept. */
export function visibleControls(text: string): string {
  return text.replace(INVISIBLE, escapeCodePoint);
}

/** One line for a terminal: controls made visible and line breaks shown as "\n". */
export function singleLine(text: string): string {
  return text.replace(INVISIBLE_OR_LINE_FEED, (char) =>
    char === '\n' ? '\\n' : escapeCodePoint(char),
  );
}

/** Breaks `::command` at the start of the line and `##[` anywhere in it. */
export function neutralizeWorkflowCommands(line: string): string {
  return line.replace(/##\[/g, '#\\u0023[').replace(/^(\s*):(?=:)/u, '$1\\u003a');
}

export interface SafeOutputOptions {
  /** Keep kvnet's own colour sequences (only when writing to a terminal with colour on). */
  readonly keepColor?: boolean;
  /**
   * Also keep kvnet's own cursor-up and erase-line sequences (the live apply lines on a TTY).
   * Untrusted values must already have passed `singleLine`, which shows their escape characters.
   */
  readonly keepCursor?: boolean;
}

/**
 * Text as it may be written to a terminal or a workflow log: every line with its control and
 * invisible characters visible and no workflow command at its start or `##[` within it.
 * Carriage returns, form feeds, U+2028/U+2029 and NEL are shown, not obeyed, so the only line
 * breaks left are the line feeds checked here.
 */
export function safeOutput(text: string, options: SafeOutputOptions = {}): string {
  return text
    .split('\n')
    .map((line) => {
      const kept = options.keepCursor ? SGR_OR_CURSOR : options.keepColor ? SGR : undefined;
      const visible = kept
        ? line
            .split(kept)
            .map((part, index) => (index % 2 === 1 ? part : visibleControls(part)))
            .join('')
        : visibleControls(line);
      return neutralizeWorkflowCommands(visible);
    })
    .join('\n');
}

/**
 * A JSON document for a terminal or a log, still the same JSON: outside strings JSON has none of
 * these characters and no line of it starts with `::`, and inside a string `\uXXXX` and
 * `\u0023` mean what they replace. (It is what `safeOutput` does; the name says it is safe.)
 */
export function safeJsonOutput(json: string): string {
  return safeOutput(json);
}
