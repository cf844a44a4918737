// Text that came from a spec, Azure or GitHub is untrusted: before it reaches a terminal or a
// log, control characters (ANSI escapes, carriage returns that overwrite a line) are made
// visible instead of being obeyed.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function visibleControls(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line for a terminal: controls made visible and line breaks shown as "\n". */
export function singleLine(text: string): string {
  return visibleControls(text.replace(/\r?\n/g, '\\n'));
}
