import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  CLOUDS,
  CLOUD_PROFILES,
  external_exports
} from "./chunk-I2DMUX3B.js";
import {
  error,
  info,
  neutralizeForLog,
  singleLine,
  warning
} from "./chunk-QTB6K6WF.js";
import {
  __commonJS,
  __toESM
} from "./chunk-7RRVYOQZ.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path3, { windows } = {}) => {
      const segs = path3.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse2 = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse2(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse2 = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix2 });
        const result = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix2 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse2(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse2.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse2(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// node_modules/ipaddr.js/lib/ipaddr.js
var require_ipaddr = __commonJS({
  "node_modules/ipaddr.js/lib/ipaddr.js"(exports, module) {
    (function(root) {
      "use strict";
      const ipv4Part = "(0?\\d+|0x[a-f0-9]+)";
      const ipv4Regexes = {
        fourOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        threeOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}$`, "i"),
        twoOctet: new RegExp(`^${ipv4Part}\\.${ipv4Part}$`, "i"),
        longValue: new RegExp(`^${ipv4Part}$`, "i")
      };
      const octalRegex = new RegExp(`^0[0-7]+$`, "i");
      const hexRegex = new RegExp(`^0x[a-f0-9]+$`, "i");
      const zoneIndex = "%[0-9a-z]{1,}";
      const ipv6Part = "(?:[0-9a-f]+::?)+";
      const ipv6Regexes = {
        zoneIndex: new RegExp(zoneIndex, "i"),
        "native": new RegExp(`^(::)?(${ipv6Part})?([0-9a-f]+)?(::)?(${zoneIndex})?$`, "i"),
        deprecatedTransitional: new RegExp(`^(?:::)(${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?)$`, "i"),
        transitional: new RegExp(`^((?:${ipv6Part})|(?:::)(?:${ipv6Part})?)${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}\\.${ipv4Part}(${zoneIndex})?$`, "i")
      };
      function expandIPv6(string, parts) {
        if (string.indexOf("::") !== string.lastIndexOf("::")) {
          return null;
        }
        let colonCount = 0;
        let lastColon = -1;
        let zoneId = (string.match(ipv6Regexes.zoneIndex) || [])[0];
        let replacement, replacementCount;
        if (zoneId) {
          zoneId = zoneId.substring(1);
          string = string.replace(/%.+$/, "");
        }
        while ((lastColon = string.indexOf(":", lastColon + 1)) >= 0) {
          colonCount++;
        }
        if (string.substr(0, 2) === "::") {
          colonCount--;
        }
        if (string.substr(-2, 2) === "::") {
          colonCount--;
        }
        if (colonCount >= parts) {
          return null;
        }
        replacementCount = parts - colonCount;
        replacement = ":";
        while (replacementCount--) {
          replacement += "0:";
        }
        string = string.replace("::", replacement);
        if (string[0] === ":") {
          string = string.slice(1);
        }
        if (string[string.length - 1] === ":") {
          string = string.slice(0, -1);
        }
        parts = (function() {
          const ref = string.split(":");
          const results = [];
          for (let i = 0; i < ref.length; i++) {
            results.push(ref[i].length > 4 ? NaN : parseInt(ref[i], 16));
          }
          return results;
        })();
        return {
          parts,
          zoneId
        };
      }
      function matchCIDR(first, second, partSize, cidrBits) {
        if (first.length !== second.length) {
          throw new Error("ipaddr: cannot match CIDR for objects with different lengths");
        }
        let part = 0;
        let shift;
        while (cidrBits > 0) {
          shift = partSize - cidrBits;
          if (shift < 0) {
            shift = 0;
          }
          if (first[part] >> shift !== second[part] >> shift) {
            return false;
          }
          cidrBits -= partSize;
          part += 1;
        }
        return true;
      }
      function parseIntAuto(string) {
        if (hexRegex.test(string)) {
          return parseInt(string, 16);
        }
        if (string[0] === "0" && !isNaN(parseInt(string[1], 10))) {
          if (octalRegex.test(string)) {
            return parseInt(string, 8);
          }
          throw new Error(`ipaddr: cannot parse ${string} as octal`);
        }
        return parseInt(string, 10);
      }
      function padPart(part, length) {
        while (part.length < length) {
          part = `0${part}`;
        }
        return part;
      }
      const ipaddr2 = {};
      ipaddr2.IPv4 = (function() {
        function IPv4(octets) {
          if (octets.length !== 4) {
            throw new Error("ipaddr: ipv4 octet count should be 4");
          }
          let i, octet;
          for (i = 0; i < octets.length; i++) {
            octet = octets[i];
            if (!(0 <= octet && octet <= 255)) {
              throw new Error("ipaddr: ipv4 octet should fit in 8 bits");
            }
          }
          this.octets = octets;
        }
        IPv4.prototype.SpecialRanges = {
          unspecified: [[new IPv4([0, 0, 0, 0]), 8]],
          broadcast: [[new IPv4([255, 255, 255, 255]), 32]],
          // RFC3171
          multicast: [[new IPv4([224, 0, 0, 0]), 4]],
          // RFC3927
          linkLocal: [[new IPv4([169, 254, 0, 0]), 16]],
          // RFC5735
          loopback: [[new IPv4([127, 0, 0, 0]), 8]],
          // RFC6598
          carrierGradeNat: [[new IPv4([100, 64, 0, 0]), 10]],
          // RFC1918
          "private": [
            [new IPv4([10, 0, 0, 0]), 8],
            [new IPv4([172, 16, 0, 0]), 12],
            [new IPv4([192, 168, 0, 0]), 16]
          ],
          // Reserved and testing-only ranges; RFCs 5735, 5737, 2544, 1700
          reserved: [
            [new IPv4([192, 0, 0, 0]), 24],
            [new IPv4([192, 0, 2, 0]), 24],
            [new IPv4([192, 88, 99, 0]), 24],
            [new IPv4([198, 18, 0, 0]), 15],
            [new IPv4([198, 51, 100, 0]), 24],
            [new IPv4([203, 0, 113, 0]), 24],
            [new IPv4([240, 0, 0, 0]), 4]
          ],
          // RFC7534, RFC7535
          as112: [
            [new IPv4([192, 175, 48, 0]), 24],
            [new IPv4([192, 31, 196, 0]), 24]
          ],
          // RFC7450
          amt: [
            [new IPv4([192, 52, 193, 0]), 24]
          ]
        };
        IPv4.prototype.kind = function() {
          return "ipv4";
        };
        IPv4.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv4") {
            throw new Error("ipaddr: cannot match ipv4 address with non-ipv4 one");
          }
          return matchCIDR(this.octets, other.octets, 8, cidrRange);
        };
        IPv4.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 8,
            128: 7,
            192: 6,
            224: 5,
            240: 4,
            248: 3,
            252: 2,
            254: 1,
            255: 0
          };
          let i, octet, zeros;
          for (i = 3; i >= 0; i -= 1) {
            octet = this.octets[i];
            if (octet in zerotable) {
              zeros = zerotable[octet];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 8) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 32 - cidr;
        };
        IPv4.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv4.prototype.toByteArray = function() {
          return this.octets.slice(0);
        };
        IPv4.prototype.toIPv4MappedAddress = function() {
          return ipaddr2.IPv6.parse(`::ffff:${this.toString()}`);
        };
        IPv4.prototype.toNormalizedString = function() {
          return this.toString();
        };
        IPv4.prototype.toString = function() {
          return this.octets.join(".");
        };
        return IPv4;
      })();
      ipaddr2.IPv4.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.isIPv4 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv4.isValid = function(string) {
        try {
          new this(this.parser(string));
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDR = function(string) {
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv4.isValidFourPartDecimal = function(string) {
        if (ipaddr2.IPv4.isValid(string) && string.match(/^(0|[1-9]\d*)(\.(0|[1-9]\d*)){3}$/)) {
          return true;
        } else {
          return false;
        }
      };
      ipaddr2.IPv4.isValidCIDRFourPartDecimal = function(string) {
        const match = string.match(/^(.+)\/(\d+)$/);
        if (!ipaddr2.IPv4.isValidCIDR(string) || !match) {
          return false;
        }
        return ipaddr2.IPv4.isValidFourPartDecimal(match[1]);
      };
      ipaddr2.IPv4.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 4) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv4 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv4.parse = function(string) {
        const parts = this.parser(string);
        if (parts === null) {
          throw new Error("ipaddr: string is not formatted like an IPv4 Address");
        }
        return new this(parts);
      };
      ipaddr2.IPv4.parseCIDR = function(string) {
        let match;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          const maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 32) {
            const parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv4 CIDR range");
      };
      ipaddr2.IPv4.parser = function(string) {
        let match, part, value;
        if (match = string.match(ipv4Regexes.fourOctet)) {
          return (function() {
            const ref = match.slice(1, 6);
            const results = [];
            for (let i = 0; i < ref.length; i++) {
              part = ref[i];
              results.push(parseIntAuto(part));
            }
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.longValue)) {
          value = parseIntAuto(match[1]);
          if (value > 4294967295 || value < 0) {
            throw new Error("ipaddr: address outside defined range");
          }
          return (function() {
            const results = [];
            let shift;
            for (shift = 0; shift <= 24; shift += 8) {
              results.push(value >> shift & 255);
            }
            return results;
          })().reverse();
        } else if (match = string.match(ipv4Regexes.twoOctet)) {
          return (function() {
            const ref = match.slice(1, 4);
            const results = [];
            value = parseIntAuto(ref[1]);
            if (value > 16777215 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(value >> 16 & 255);
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else if (match = string.match(ipv4Regexes.threeOctet)) {
          return (function() {
            const ref = match.slice(1, 5);
            const results = [];
            value = parseIntAuto(ref[2]);
            if (value > 65535 || value < 0) {
              throw new Error("ipaddr: address outside defined range");
            }
            results.push(parseIntAuto(ref[0]));
            results.push(parseIntAuto(ref[1]));
            results.push(value >> 8 & 255);
            results.push(value & 255);
            return results;
          })();
        } else {
          return null;
        }
      };
      ipaddr2.IPv4.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 32) {
          throw new Error("ipaddr: invalid IPv4 prefix length");
        }
        const octets = [0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 4) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.IPv6 = (function() {
        function IPv6(parts, zoneId) {
          let i, part;
          if (parts.length === 16) {
            this.parts = [];
            for (i = 0; i <= 14; i += 2) {
              this.parts.push(parts[i] << 8 | parts[i + 1]);
            }
          } else if (parts.length === 8) {
            this.parts = parts;
          } else {
            throw new Error("ipaddr: ipv6 part count should be 8 or 16");
          }
          for (i = 0; i < this.parts.length; i++) {
            part = this.parts[i];
            if (!(0 <= part && part <= 65535)) {
              throw new Error("ipaddr: ipv6 part should fit in 16 bits");
            }
          }
          if (zoneId) {
            this.zoneId = zoneId;
          }
        }
        IPv6.prototype.SpecialRanges = {
          // RFC4291, here and after
          unspecified: [new IPv6([0, 0, 0, 0, 0, 0, 0, 0]), 128],
          linkLocal: [new IPv6([65152, 0, 0, 0, 0, 0, 0, 0]), 10],
          multicast: [new IPv6([65280, 0, 0, 0, 0, 0, 0, 0]), 8],
          loopback: [new IPv6([0, 0, 0, 0, 0, 0, 0, 1]), 128],
          uniqueLocal: [new IPv6([64512, 0, 0, 0, 0, 0, 0, 0]), 7],
          ipv4Mapped: [new IPv6([0, 0, 0, 0, 0, 65535, 0, 0]), 96],
          // RFC3879
          deprecatedSiteLocal: [new IPv6([65216, 0, 0, 0, 0, 0, 0, 0]), 10],
          // RFC6666
          discard: [new IPv6([256, 0, 0, 0, 0, 0, 0, 0]), 64],
          // RFC6145
          rfc6145: [new IPv6([0, 0, 0, 0, 65535, 0, 0, 0]), 96],
          rfc6052: [
            // RFC6052
            [new IPv6([100, 65435, 0, 0, 0, 0, 0, 0]), 96],
            // RFC8215
            [new IPv6([100, 65435, 1, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC3056
          "6to4": [new IPv6([8194, 0, 0, 0, 0, 0, 0, 0]), 16],
          // RFC6052, RFC6146
          teredo: [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 32],
          // RFC5180
          benchmarking: [new IPv6([8193, 2, 0, 0, 0, 0, 0, 0]), 48],
          // RFC7450
          amt: [new IPv6([8193, 3, 0, 0, 0, 0, 0, 0]), 32],
          as112v6: [
            // RFC7535
            [new IPv6([8193, 4, 274, 0, 0, 0, 0, 0]), 48],
            // RFC7534
            [new IPv6([9760, 79, 32768, 0, 0, 0, 0, 0]), 48]
          ],
          // RFC4843
          deprecatedOrchid: [new IPv6([8193, 16, 0, 0, 0, 0, 0, 0]), 28],
          // RFC7343
          orchid2: [new IPv6([8193, 32, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9374
          droneRemoteIdProtocolEntityTags: [new IPv6([8193, 48, 0, 0, 0, 0, 0, 0]), 28],
          // RFC9602
          segmentRouting: [new IPv6([24320, 0, 0, 0, 0, 0, 0, 0]), 16],
          reserved: [
            // RFC3849
            [new IPv6([8193, 0, 0, 0, 0, 0, 0, 0]), 23],
            // RFC2928
            [new IPv6([8193, 3512, 0, 0, 0, 0, 0, 0]), 32],
            // RFC9637
            [new IPv6([16383, 0, 0, 0, 0, 0, 0, 0]), 20]
          ]
        };
        IPv6.prototype.isIPv4MappedAddress = function() {
          return this.range() === "ipv4Mapped";
        };
        IPv6.prototype.kind = function() {
          return "ipv6";
        };
        IPv6.prototype.match = function(other, cidrRange) {
          let ref;
          if (cidrRange === void 0) {
            ref = other;
            other = ref[0];
            cidrRange = ref[1];
          }
          if (other.kind() !== "ipv6") {
            throw new Error("ipaddr: cannot match ipv6 address with non-ipv6 one");
          }
          return matchCIDR(this.parts, other.parts, 16, cidrRange);
        };
        IPv6.prototype.prefixLengthFromSubnetMask = function() {
          let cidr = 0;
          let stop = false;
          const zerotable = {
            0: 16,
            32768: 15,
            49152: 14,
            57344: 13,
            61440: 12,
            63488: 11,
            64512: 10,
            65024: 9,
            65280: 8,
            65408: 7,
            65472: 6,
            65504: 5,
            65520: 4,
            65528: 3,
            65532: 2,
            65534: 1,
            65535: 0
          };
          let part, zeros;
          for (let i = 7; i >= 0; i -= 1) {
            part = this.parts[i];
            if (part in zerotable) {
              zeros = zerotable[part];
              if (stop && zeros !== 0) {
                return null;
              }
              if (zeros !== 16) {
                stop = true;
              }
              cidr += zeros;
            } else {
              return null;
            }
          }
          return 128 - cidr;
        };
        IPv6.prototype.range = function() {
          return ipaddr2.subnetMatch(this, this.SpecialRanges);
        };
        IPv6.prototype.toByteArray = function() {
          let part;
          const bytes = [];
          const ref = this.parts;
          for (let i = 0; i < ref.length; i++) {
            part = ref[i];
            bytes.push(part >> 8);
            bytes.push(part & 255);
          }
          return bytes;
        };
        IPv6.prototype.toFixedLengthString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(padPart(this.parts[i].toString(16), 4));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toIPv4Address = function() {
          if (!this.isIPv4MappedAddress()) {
            throw new Error("ipaddr: trying to convert a generic ipv6 address to ipv4");
          }
          const ref = this.parts.slice(-2);
          const high = ref[0];
          const low = ref[1];
          return new ipaddr2.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
        };
        IPv6.prototype.toNormalizedString = function() {
          const addr = (function() {
            const results = [];
            for (let i = 0; i < this.parts.length; i++) {
              results.push(this.parts[i].toString(16));
            }
            return results;
          }).call(this).join(":");
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          return addr + suffix;
        };
        IPv6.prototype.toRFC5952String = function() {
          const regex = /((^|:)(0(:|$)){2,})/g;
          let suffix = "";
          if (this.zoneId) {
            suffix = `%${this.zoneId}`;
          }
          const normalized = this.toNormalizedString();
          const string = normalized.slice(0, normalized.length - suffix.length);
          let bestMatchIndex = 0;
          let bestMatchLength = -1;
          let bestMatchGroups = -1;
          let match;
          while (match = regex.exec(string)) {
            const groups = (match[0].match(/0/g) || []).length;
            if (groups > bestMatchGroups) {
              bestMatchGroups = groups;
              bestMatchIndex = match.index;
              bestMatchLength = match[0].length;
            }
          }
          if (bestMatchLength < 0) {
            return string + suffix;
          }
          return `${string.substring(0, bestMatchIndex)}::${string.substring(bestMatchIndex + bestMatchLength)}${suffix}`;
        };
        IPv6.prototype.toString = function() {
          return this.toRFC5952String();
        };
        return IPv6;
      })();
      ipaddr2.IPv6.broadcastAddressFromCIDR = function(string) {
        try {
          const cidr = this.parseCIDR(string);
          const ipInterfaceOctets = cidr[0].toByteArray();
          const subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          const octets = [];
          let i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) | parseInt(subnetMaskOctets[i], 10) ^ 255);
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.isIPv6 = function(string) {
        return this.parser(string) !== null;
      };
      ipaddr2.IPv6.isValid = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          const addr = this.parser(string);
          new this(addr.parts, addr.zoneId);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.isValidCIDR = function(string) {
        if (typeof string === "string" && string.indexOf(":") === -1) {
          return false;
        }
        try {
          this.parseCIDR(string);
          return true;
        } catch {
          return false;
        }
      };
      ipaddr2.IPv6.networkAddressFromCIDR = function(string) {
        let cidr, i, ipInterfaceOctets, octets, subnetMaskOctets;
        try {
          cidr = this.parseCIDR(string);
          ipInterfaceOctets = cidr[0].toByteArray();
          subnetMaskOctets = this.subnetMaskFromPrefixLength(cidr[1]).toByteArray();
          octets = [];
          i = 0;
          while (i < 16) {
            octets.push(parseInt(ipInterfaceOctets[i], 10) & parseInt(subnetMaskOctets[i], 10));
            i++;
          }
          return new this(octets);
        } catch (e) {
          throw new Error("ipaddr: the address does not have IPv6 CIDR format", { cause: e });
        }
      };
      ipaddr2.IPv6.parse = function(string) {
        const addr = this.parser(string);
        if (addr === null) {
          throw new Error("ipaddr: string is not formatted like an IPv6 Address");
        }
        return new this(addr.parts, addr.zoneId);
      };
      ipaddr2.IPv6.parseCIDR = function(string) {
        let maskLength, match, parsed;
        if (match = string.match(/^(.+)\/(\d+)$/)) {
          maskLength = parseInt(match[2]);
          if (maskLength >= 0 && maskLength <= 128) {
            parsed = [this.parse(match[1]), maskLength];
            Object.defineProperty(parsed, "toString", {
              value: function() {
                return this.join("/");
              }
            });
            return parsed;
          }
        }
        throw new Error("ipaddr: string is not formatted like an IPv6 CIDR range");
      };
      ipaddr2.IPv6.parser = function(string) {
        let addr, i, match, octet, octets, zoneId;
        if (match = string.match(ipv6Regexes.deprecatedTransitional)) {
          return this.parser(`::ffff:${match[1]}`);
        }
        if (ipv6Regexes.native.test(string)) {
          return expandIPv6(string, 8);
        }
        if (match = string.match(ipv6Regexes.transitional)) {
          zoneId = match[6] || "";
          addr = match[1];
          if (!match[1].endsWith("::")) {
            addr = addr.slice(0, -1);
          }
          addr = expandIPv6(addr + zoneId, 6);
          if (addr && addr.parts) {
            octets = [
              parseInt(match[2]),
              parseInt(match[3]),
              parseInt(match[4]),
              parseInt(match[5])
            ];
            for (i = 0; i < octets.length; i++) {
              octet = octets[i];
              if (!(0 <= octet && octet <= 255)) {
                return null;
              }
            }
            addr.parts.push(octets[0] << 8 | octets[1]);
            addr.parts.push(octets[2] << 8 | octets[3]);
            return {
              parts: addr.parts,
              zoneId: addr.zoneId
            };
          }
        }
        return null;
      };
      ipaddr2.IPv6.subnetMaskFromPrefixLength = function(prefix) {
        prefix = parseInt(prefix);
        if (Number.isNaN(prefix) || prefix < 0 || prefix > 128) {
          throw new Error("ipaddr: invalid IPv6 prefix length");
        }
        const octets = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let j = 0;
        const filledOctetCount = Math.floor(prefix / 8);
        while (j < filledOctetCount) {
          octets[j] = 255;
          j++;
        }
        if (filledOctetCount < 16) {
          octets[filledOctetCount] = Math.pow(2, prefix % 8) - 1 << 8 - prefix % 8;
        }
        return new this(octets);
      };
      ipaddr2.fromByteArray = function(bytes) {
        const length = bytes.length;
        if (length === 4) {
          return new ipaddr2.IPv4(bytes);
        } else if (length === 16) {
          return new ipaddr2.IPv6(bytes);
        } else {
          throw new Error("ipaddr: the binary input is neither an IPv6 nor IPv4 address");
        }
      };
      ipaddr2.isValid = function(string) {
        return ipaddr2.IPv6.isValid(string) || ipaddr2.IPv4.isValid(string);
      };
      ipaddr2.isValidCIDR = function(string) {
        return ipaddr2.IPv6.isValidCIDR(string) || ipaddr2.IPv4.isValidCIDR(string);
      };
      ipaddr2.parse = function(string) {
        if (ipaddr2.IPv6.isValid(string)) {
          return ipaddr2.IPv6.parse(string);
        } else if (ipaddr2.IPv4.isValid(string)) {
          return ipaddr2.IPv4.parse(string);
        } else {
          throw new Error("ipaddr: the address has neither IPv6 nor IPv4 format");
        }
      };
      ipaddr2.parseCIDR = function(string) {
        try {
          return ipaddr2.IPv6.parseCIDR(string);
        } catch {
          try {
            return ipaddr2.IPv4.parseCIDR(string);
          } catch (e) {
            throw new Error("ipaddr: the address has neither IPv6 nor IPv4 CIDR format", { cause: e });
          }
        }
      };
      ipaddr2.process = function(string) {
        const addr = this.parse(string);
        if (addr.kind() === "ipv6" && addr.isIPv4MappedAddress()) {
          return addr.toIPv4Address();
        } else {
          return addr;
        }
      };
      ipaddr2.subnetMatch = function(address, rangeList, defaultName) {
        let i, rangeName, rangeSubnets, subnet;
        if (defaultName === void 0 || defaultName === null) {
          defaultName = "unicast";
        }
        for (rangeName in rangeList) {
          if (Object.prototype.hasOwnProperty.call(rangeList, rangeName)) {
            rangeSubnets = rangeList[rangeName];
            if (rangeSubnets[0] && !(rangeSubnets[0] instanceof Array)) {
              rangeSubnets = [rangeSubnets];
            }
            for (i = 0; i < rangeSubnets.length; i++) {
              subnet = rangeSubnets[i];
              if (address.kind() === subnet[0].kind() && address.match.apply(address, subnet)) {
                return rangeName;
              }
            }
          }
        }
        return defaultName;
      };
      if (typeof module !== "undefined" && module.exports) {
        module.exports = ipaddr2;
      } else {
        root.ipaddr = ipaddr2;
      }
    })(exports);
  }
});

// src/adapters/filesystem/spec-files.ts
import { constants } from "node:fs";
import { lstat, open, readdir as readdir2, realpath as realpath2, stat as stat2 } from "node:fs/promises";
import path from "node:path";

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path3) {
  let normalized = normalize(path3);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path3, separator) {
  return path3.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path3) {
  return path3 === "/" || WINDOWS_ROOT_DIR_REGEX.test(path3);
}
function normalizePath(path3, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path3.includes("/") || path3.startsWith(".");
  if (resolvePaths) path3 = resolve(path3);
  if (normalizePath$1 || pathNeedsCleaning) path3 = cleanPath(path3);
  if (path3 === ".") return "";
  const needsSeperator = path3[path3.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path3 + pathSeparator : path3, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path3 = directoryPath || ".";
  if (filters.every((filter) => filter(path3, true))) paths.push(path3);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path3, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path3, (error2, resolvedPath) => {
    if (error2) return queue.dequeue(suppressErrors ? null : error2, state);
    fs.stat(resolvedPath, (error$1, stat4) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat4.isDirectory() && isRecursive(path3, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat4, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path3, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path3);
    const stat4 = fs.statSync(resolvedPath);
    if (stat4.isDirectory() && isRecursive(path3, resolvedPath, state)) return;
    callback$1(stat4, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path3, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path3);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path3, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error2, callback$1) => {
  report(error2, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error2, callback$1, output, suppressErrors) {
  if (error2 && !suppressErrors) callback$1(error2, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error2, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error2, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error2, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error2)) {
      this.onQueueEmpty(error2, output);
      if (error2) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error2, state) => this.callbackInvoker(state, error2, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path3 = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path3)) continue;
        this.pushDirectory(path3, paths, filters);
        this.walkDirectory(this.state, path3, path3, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path3 = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path3, this.state, (stat4, resolvedPath) => {
          if (stat4.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path3 + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path3 + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path3;
            const filename = basename(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path3) => isMatch(path3));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts = splitPattern(patterns[i]);
    patternsParts[i] = parts;
    const partsCount = parts.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path3) {
  return path3.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path3) {
  var _result$parts;
  const result = import_picomatch.default.scan(path3, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path3];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path3) => path3.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path3) => path3.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts.length);
    for (let i = 0; i < length; i++) {
      const part = parts[i];
      if (part === "**" && !parts[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path3 = format(p, isDirectory);
      const matches = matcher(path3) && !ignore(path3);
      if (matches) log(`matched ${path3}`);
      return matches;
    } : (p, isDirectory) => {
      const path3 = format(p, isDirectory);
      return matcher(path3) && !ignore(path3);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key3 in defaultOptions) if (opts[key3] === void 0) Object.assign(opts, { [key3]: defaultOptions[key3] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative2] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative2) : [];
}

// src/engine/spec/decode.ts
function refuse(file, line, column, message) {
  return {
    ok: false,
    finding: { file, line, column, severity: "error", rule: "input/encoding", message }
  };
}
function looksLikeUtf16(bytes) {
  const sample = Math.min(bytes.length - bytes.length % 2, 512);
  if (sample < 4) return void 0;
  let evenNul = 0;
  let oddNul = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0 && bytes[index + 1] !== 0) evenNul += 1;
    if (bytes[index + 1] === 0 && bytes[index] !== 0) oddNul += 1;
  }
  const pairs = sample / 2;
  if (oddNul / pairs > 0.6) return "LE";
  if (evenNul / pairs > 0.6) return "BE";
  return void 0;
}
function sequenceLength(bytes, index) {
  const first = bytes[index] ?? 0;
  if (first < 128) return 1;
  let length;
  let min;
  if (first >= 194 && first <= 223) [length, min] = [2, 128];
  else if (first >= 224 && first <= 239) [length, min] = [3, 2048];
  else if (first >= 240 && first <= 244) [length, min] = [4, 65536];
  else return 0;
  let codePoint = first & 255 >> length + 1;
  for (let offset = 1; offset < length; offset += 1) {
    const next = bytes[index + offset];
    if (next === void 0 || (next & 192) !== 128) return 0;
    codePoint = codePoint << 6 | next & 63;
  }
  if (codePoint < min || codePoint > 1114111) return 0;
  if (codePoint >= 55296 && codePoint <= 57343) return 0;
  return length;
}
function hex(byte) {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}
function decodeSpecBytes(file, bytes) {
  if (bytes[0] === 255 && bytes[1] === 254) {
    const utf32 = bytes[2] === 0 && bytes[3] === 0;
    return refuse(
      file,
      1,
      1,
      `the file is ${utf32 ? "UTF-32" : "UTF-16"} (little-endian, it starts with a byte-order mark); specs are UTF-8: save it as UTF-8`
    );
  }
  if (bytes[0] === 254 && bytes[1] === 255) {
    return refuse(
      file,
      1,
      1,
      "the file is UTF-16 (big-endian, it starts with a byte-order mark); specs are UTF-8: save it as UTF-8"
    );
  }
  const utf16 = looksLikeUtf16(bytes);
  if (utf16) {
    return refuse(
      file,
      1,
      1,
      `the file looks like UTF-16 (${utf16 === "LE" ? "little" : "big"}-endian, without a byte-order mark): specs are UTF-8: save it as UTF-8`
    );
  }
  let line = 1;
  let lineStart = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    if (byte === 10) {
      line += 1;
      lineStart = index + 1;
      index += 1;
      continue;
    }
    const length = sequenceLength(bytes, index);
    if (length === 0) {
      const column = new TextDecoder().decode(bytes.subarray(lineStart, index)).length + 1;
      const latin1 = byte >= 160 ? ` (in Latin-1 that byte is "${String.fromCharCode(byte)}")` : "";
      return refuse(
        file,
        line,
        column,
        `byte ${hex(byte)} here is not valid UTF-8${latin1}; the file is probably saved as Latin-1 or Windows-1252: save it as UTF-8`
      );
    }
    index += length;
  }
  const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  return {
    ok: true,
    text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(start))
  };
}

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match = YAML_DATE_REGEXP.exec(source);
  if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match === null) return NOT_RESOLVED;
  const year = +match[1];
  const month = +match[2] - 1;
  const day = +match[3];
  if (!match[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match[4];
  const minute = +match[5];
  const second = +match[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match[7]) {
    let value = match[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match[9]) {
    const offsetHour = +match[10];
    const offsetMinute = +(match[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key3;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key3 = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key3 = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key3)) return "duplicate key in ordered map";
    carrier.seen.add(key3);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys2 = Object.keys(object);
    if (keys2.length !== 1) return "cannot resolve a pairs item";
    container.push([keys2[0], object[keys2[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key3 of Object.keys(o)) map.set(key3, o[key3]);
    return map;
  },
  addPair: (container, key3, value) => {
    if (key3 !== null && typeof key3 === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key3);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key3) => {
    if (key3 !== null && typeof key3 === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key3));
  },
  keys: (container) => Object.keys(container),
  get: (container, key3) => {
    const normalizedKey = String(key3);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key3 of data) map.set(key3, null);
    return map;
  },
  addPair: (container, key3, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key3);
    return "";
  },
  has: (container, key3) => container.has(key3),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys2 = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key3 of tag.implicitFirstChars) keys2.add(key3);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key3 of keys2) implicitScalarByFirstChar.set(key3, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key3) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key3, value) => {
    container.set(key3, value);
    return "";
  },
  has: (container, key3) => container.has(key3),
  keys: (container) => container.keys(),
  get: (container, key3) => container.get(key3),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key3 of Object.keys(obj)) map.set(key3, obj[key3]);
    return map;
  }
});
function normalizeKey(key3) {
  if (Array.isArray(key3)) {
    const array = Array.prototype.slice.call(key3);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key3 === "object" && Object.prototype.toString.call(key3) === "[object Object]") return "[object Object]";
  return String(key3);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key3 of Object.keys(o)) map.set(key3, o[key3]);
    return map;
  },
  addPair: (container, key3, value) => {
    const normalizedKey = normalizeKey(key3);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key3) => {
    const normalizedKey = normalizeKey(key3);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key3) => {
    const normalizedKey = String(key3);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match;
  let foundLineNo = -1;
  while (match = re.exec(mark.buffer)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
    if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where2 = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where2 += `in "${exception.mark.name}" `;
  where2 += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where2 += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where2}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "";
    case 95:
      return " ";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
  const textIndent = indent < 0 ? 0 : indent;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match !== null) {
    state.position = start + match.index + match[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit >= 0) {
      if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent = parentIndent + digit - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name2 = state.input.slice(nameStart, state.position);
  const args = [];
  if (name2.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name2 === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name2 === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix;
    state.directives.push({
      kind: "tag",
      handle,
      prefix
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name2) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name2)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/engine/spec/source-text.ts
var SourceText = class {
  constructor(text2) {
    this.text = text2;
    for (let index = 0; index < text2.length; index += 1) {
      if (text2.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
    }
  }
  text;
  lineStarts = [0];
  positionAt(offset) {
    const bounded = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = low + high + 1 >> 1;
      if ((this.lineStarts[middle] ?? 0) <= bounded) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: bounded - (this.lineStarts[low] ?? 0) + 1 };
  }
};

// src/engine/spec/yaml-loader.ts
var MAX_SPEC_BYTES = 2 * 1024 * 1024;
var MAX_YAML_DEPTH = 16;
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var IMPLICIT_TAGS = [nullCoreTag, boolCoreTag, intCoreTag, floatCoreTag];
var PathNode = class _PathNode {
  /** Where the value starts; for an empty value, where its key (or the last value) does. */
  valueOffset = 0;
  /** Where the mapping key that holds this value starts; -1 when no key holds it. */
  keyOffset = -1;
  /** The text of a plain scalar YAML turned into a number, boolean or null. */
  written = void 0;
  /** A mapping's values by key, or a sequence's items by index. */
  children = void 0;
  child(segment) {
    const children = this.children;
    if (children === void 0) return void 0;
    if (Array.isArray(children)) return typeof segment === "number" ? children[segment] : void 0;
    return typeof segment === "string" ? children.get(segment) : void 0;
  }
  /** A new node for an item of this sequence (items are added in order). */
  addItem() {
    const node = new _PathNode();
    if (!Array.isArray(this.children)) this.children = [];
    this.children.push(node);
    return node;
  }
  /** A new node for a key of this mapping. */
  addKey(key3) {
    const node = new _PathNode();
    if (!(this.children instanceof Map)) this.children = /* @__PURE__ */ new Map();
    this.children.set(key3, node);
    return node;
  }
};
var PositionIndex = class {
  constructor(source) {
    this.source = source;
  }
  source;
  /** The document's value; TreeBuilder fills the tree in as it builds the value. */
  root = new PathNode();
  /** The text as written, for a value YAML converted (`0x1F`, `1.10`, `yes`); else undefined. */
  writtenAt(path3) {
    let node = this.root;
    for (const segment of path3) node = node?.child(segment);
    return node?.written;
  }
  /** The position of the value at `path`, or of its nearest ancestor. */
  valueAt(path3) {
    return this.source.positionAt(this.nearest(path3).valueOffset);
  }
  /** The position of the key that holds `path` (for "unknown key" and the like). */
  keyAt(path3) {
    const node = this.nearest(path3);
    return this.source.positionAt(node.keyOffset >= 0 ? node.keyOffset : node.valueOffset);
  }
  nearest(path3) {
    let found = this.root;
    for (const segment of path3) {
      const child = found.child(segment);
      if (!child) break;
      found = child;
    }
    return found;
  }
};
var RefusedYaml = class extends Error {
  constructor(rule, offset, reason) {
    super(reason);
    this.rule = rule;
    this.offset = offset;
    this.reason = reason;
  }
  rule;
  offset;
  reason;
};
function loadYaml(file, text2) {
  const source = new SourceText(text2);
  const refuse2 = (rule, position, message) => ({
    ok: false,
    findings: [{ file, ...position, severity: "error", rule, message }]
  });
  const bytes = new TextEncoder().encode(text2).length;
  if (bytes > MAX_SPEC_BYTES) {
    return refuse2(
      "yaml/too-large",
      { line: 1, column: 1 },
      `the file is ${bytes} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`
    );
  }
  let events;
  try {
    events = parseEvents(text2, { filename: file, maxDepth: MAX_YAML_DEPTH });
  } catch (error2) {
    if (!(error2 instanceof YAMLException)) throw error2;
    const position = error2.mark ? { line: error2.mark.line + 1, column: error2.mark.column + 1 } : { line: 1, column: 1 };
    if (error2.reason.includes("maxDepth")) {
      return refuse2(
        "yaml/too-deep",
        position,
        `the YAML nests more than ${MAX_YAML_DEPTH} levels deep, far deeper than any spec needs: check the indentation and brackets here`
      );
    }
    return refuse2(
      "yaml/syntax",
      position,
      `the YAML cannot be read: ${error2.reason}; fix the syntax here`
    );
  }
  const documents = events.filter((event) => event.type === EVENT_ID.DOCUMENT);
  if (documents.length === 0) {
    return refuse2(
      "yaml/empty",
      { line: 1, column: 1 },
      'the file is empty: write a spec starting with "version: 1"'
    );
  }
  if (documents.length > 1) {
    const second = events.findIndex(
      (event, index) => index > 0 && event.type === EVENT_ID.DOCUMENT
    );
    return refuse2(
      "yaml/multiple-documents",
      source.positionAt(secondDocumentOffset(events, second, text2)),
      'the file holds more than one YAML document ("---"): keep one spec per file, or move the rest into another file of the set'
    );
  }
  const positions = new PositionIndex(source);
  try {
    const builder = new TreeBuilder(events, text2, positions);
    const value = builder.document();
    return { ok: true, value, positions };
  } catch (error2) {
    if (!(error2 instanceof RefusedYaml)) throw error2;
    return refuse2(error2.rule, source.positionAt(error2.offset), error2.reason);
  }
}
function secondDocumentOffset(events, second, text2) {
  for (let index = second; index < events.length; index += 1) {
    const offset = startOf(events[index]);
    if (offset >= 0) return offset;
  }
  let endOfFirst = 0;
  for (let index = 0; index < second; index += 1) {
    const event = events[index];
    const end = event?.type === EVENT_ID.SCALAR ? event.valueEnd : startOf(event);
    endOfFirst = Math.max(endOfFirst, end);
  }
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = endOfFirst;
  return marker.exec(text2)?.index ?? endOfFirst;
}
function startOf(event) {
  if (!event) return -1;
  switch (event.type) {
    case EVENT_ID.SCALAR: {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const value = event.valueStart >= 0 && quoted ? event.valueStart - 1 : event.valueStart;
      return firstPresent(event.anchorStart, event.tagStart, value);
    }
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return firstPresent(event.anchorStart, event.tagStart, event.start);
    case EVENT_ID.ALIAS:
      return Math.max(0, event.anchorStart - 1);
    default:
      return -1;
  }
}
function firstPresent(...offsets) {
  const present = offsets.filter((offset) => offset >= 0);
  return present.length > 0 ? Math.min(...present) : -1;
}
var YamlMapping = function YamlMapping2() {
};
YamlMapping.prototype = Object.freeze(/* @__PURE__ */ Object.create(null));
var TreeBuilder = class {
  constructor(events, text2, positions) {
    this.events = events;
    this.text = text2;
    this.positions = positions;
  }
  events;
  text;
  positions;
  index = 0;
  lastOffset = 0;
  document() {
    this.index = 1;
    if (this.events[this.index]?.type === EVENT_ID.POP) return null;
    return this.node(this.positions.root);
  }
  /** Builds the value at the current event; `at` is its node, its keyOffset already set. */
  node(at) {
    const event = this.events[this.index];
    if (!event)
      throw new RefusedYaml("yaml/syntax", this.text.length, "the document ends unexpectedly");
    const offset = startOf(event);
    const value = offset >= 0 ? offset : at.keyOffset >= 0 ? at.keyOffset : this.lastOffset;
    this.lastOffset = value;
    at.valueOffset = value;
    this.refuseAnchorsAndTags(event);
    this.index += 1;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const scalar = this.scalar(event);
        if (typeof scalar !== "string" && event.valueStart >= 0) {
          at.written = getScalarValue(this.text, event);
        }
        return scalar;
      }
      case EVENT_ID.SEQUENCE:
        return this.sequence(at);
      case EVENT_ID.MAPPING:
        return this.mapping(at);
      default:
        throw new RefusedYaml("yaml/syntax", Math.max(offset, 0), "unexpected YAML structure here");
    }
  }
  refuseAnchorsAndTags(event) {
    if (event.type === EVENT_ID.ALIAS) {
      throw new RefusedYaml(
        "yaml/alias",
        startOf(event),
        `YAML aliases ("*${this.text.slice(event.anchorStart, event.anchorEnd)}") are not allowed in a spec, because they can expand a small file into a huge one: write the value out in full`
      );
    }
    if (event.type === EVENT_ID.POP || event.type === EVENT_ID.DOCUMENT) return;
    if (event.tagStart >= 0) {
      throw new RefusedYaml(
        "yaml/tag",
        event.tagStart,
        `YAML tags ("${this.text.slice(event.tagStart, event.tagEnd)}") are not allowed in a spec: remove the tag and write a plain value`
      );
    }
    if (event.anchorStart >= 0) {
      throw new RefusedYaml(
        "yaml/alias",
        Math.max(0, event.anchorStart - 1),
        `YAML anchors ("&${this.text.slice(event.anchorStart, event.anchorEnd)}") are not allowed in a spec, and neither are the aliases that use them: write each value out in full`
      );
    }
  }
  scalar(event) {
    const text2 = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN) return text2;
    for (const tag of IMPLICIT_TAGS) {
      const resolved = tag.resolve(text2, false, tag.tagName);
      if (resolved !== NOT_RESOLVED) return resolved;
    }
    return text2;
  }
  sequence(at) {
    const items = [];
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      items.push(this.node(at.addItem()));
    }
    this.index += 1;
    return items;
  }
  mapping(at) {
    const result = new YamlMapping();
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.index];
      const keyOffset = startOf(keyEvent);
      if (keyEvent?.type !== EVENT_ID.SCALAR) {
        if (keyEvent) this.refuseAnchorsAndTags(keyEvent);
        throw new RefusedYaml(
          "yaml/complex-key",
          keyOffset,
          "a mapping key must be a plain name, not a list or mapping: write the key as plain text"
        );
      }
      this.refuseAnchorsAndTags(keyEvent);
      this.index += 1;
      const key3 = getScalarValue(this.text, keyEvent);
      if (key3 === "<<" && keyEvent.style === SCALAR_STYLE.PLAIN) {
        throw new RefusedYaml(
          "yaml/merge-key",
          keyOffset,
          'YAML merge keys ("<<") are not allowed in a spec: write the keys out in full'
        );
      }
      if (FORBIDDEN_KEYS.has(key3)) {
        throw new RefusedYaml(
          "yaml/forbidden-key",
          keyOffset,
          `the key "${key3}" is not allowed (it could alter object prototypes): remove it`
        );
      }
      if (Object.prototype.hasOwnProperty.call(result, key3)) {
        throw new RefusedYaml(
          "yaml/duplicate-key",
          keyOffset,
          `the key "${key3}" appears twice in the same mapping: keep one of them`
        );
      }
      const child = at.addKey(key3);
      child.keyOffset = Math.max(0, keyOffset);
      result[key3] = this.node(child);
    }
    this.index += 1;
    return result;
  }
};

// src/adapters/filesystem/glob.ts
function splitPattern2(pattern) {
  const segments = pattern.split("/");
  let fixed = 0;
  while (fixed < segments.length - 1 && !isDynamicPattern(segments[fixed])) fixed += 1;
  const restSegments = segments.slice(fixed);
  const joined = segments.slice(0, fixed).join("/");
  const base = fixed === 0 ? "." : joined === "" ? "/" : joined;
  const depth = restSegments.some((segment) => segment.includes("**")) ? Number.POSITIVE_INFINITY : restSegments.length - 1;
  return { base, rest: restSegments.join("/"), depth };
}
function escape(char) {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}
function globToRegExp(pattern) {
  let out = "";
  let index = 0;
  let inChoice = 0;
  const segmentStart = (at) => at === 0 || pattern[at - 1] === "/";
  while (index < pattern.length) {
    const char = pattern[index];
    if (char === "*" && pattern[index + 1] === "*" && segmentStart(index)) {
      const slash = pattern[index + 2] === "/";
      out += slash ? "(?:[^/.][^/]*/)*" : "(?:[^/.][^/]*(?:/[^/.][^/]*)*)?";
      index += slash ? 3 : 2;
      continue;
    }
    if (char === "*") {
      out += segmentStart(index) ? "(?:[^/.][^/]*)?" : "[^/]*";
    } else if (char === "?") {
      out += segmentStart(index) ? "[^/.]" : "[^/]";
    } else if (char === "[") {
      const close = pattern.indexOf("]", index + 2);
      if (close < 0) out += "\\[";
      else {
        const body = pattern.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        out += `[${body}]`;
        index = close;
      }
    } else if (char === "{") {
      inChoice += 1;
      out += "(?:";
    } else if (char === "}" && inChoice > 0) {
      inChoice -= 1;
      out += ")";
    } else if (char === "," && inChoice > 0) {
      out += "|";
    } else {
      out += escape(char);
    }
    index += 1;
  }
  return new RegExp(`^${out}$`, "i");
}

// src/adapters/filesystem/spec-files.ts
var SPEC_EXTENSION = /\.ya?ml$/i;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
function inputFinding(file, rule, message, severity = "error") {
  return { file, line: 1, column: 1, severity, rule, message };
}
function kindOf(info2) {
  if (info2.isFIFO()) return "a FIFO (named pipe)";
  if (info2.isSocket()) return "a socket";
  if (info2.isCharacterDevice()) return "a character device";
  if (info2.isBlockDevice()) return "a block device";
  if (info2.isDirectory()) return "a directory";
  return "not a regular file";
}
function errorCode(error2) {
  return typeof error2 === "object" && error2 !== null && "code" in error2 ? String(error2.code) : void 0;
}
function isInside(child, root) {
  const relative2 = path.relative(root, child);
  return relative2 === "" || !relative2.startsWith("..") && !path.isAbsolute(relative2);
}
var Collector = class {
  findings = [];
  /** The files to read, by the path shown. */
  candidates = /* @__PURE__ */ new Set();
  /** Walks `root` and keeps the entries whose path below it `wanted` accepts. */
  async walk(root, wanted, depth) {
    const rootReal = await realpath2(root);
    const walk = { root, rootReal, wanted, depth, visited: /* @__PURE__ */ new Map([[rootReal, root]]) };
    await this.directory(walk, root, rootReal, "", 0);
  }
  async directory(walk, directory, real, relative2, level) {
    let entries;
    try {
      entries = await readdir2(directory, { withFileTypes: true });
    } catch (error2) {
      this.findings.push(
        inputFinding(
          directory,
          "input/unreadable",
          `cannot list the directory: ${errorCode(error2) ?? String(error2)}`
        )
      );
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const shown = path.join(directory, entry.name);
      const below = relative2 === "" ? entry.name : `${relative2}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        await this.link(walk, shown, below, level);
      } else if (entry.isDirectory()) {
        const childReal = path.join(real, entry.name);
        if (level < walk.depth && !walk.visited.has(childReal)) {
          walk.visited.set(childReal, shown);
          await this.directory(walk, shown, childReal, below, level + 1);
        }
      } else if (walk.wanted(below)) {
        this.candidates.add(shown);
      }
    }
  }
  async link(walk, shown, below, level) {
    let real;
    try {
      real = await realpath2(shown);
    } catch (error2) {
      if (errorCode(error2) === "ELOOP") {
        this.findings.push(
          inputFinding(
            shown,
            "input/link-loop",
            "this symbolic link leads back to itself and reaches no file: delete it, or point it at a spec"
          )
        );
      } else if (walk.wanted(below)) {
        this.findings.push(
          inputFinding(
            shown,
            "input/dangling-link",
            "this symbolic link points to nothing (its target does not exist): fix the link or delete it"
          )
        );
      }
      return;
    }
    const target = await stat2(shown).catch(() => void 0);
    const isDirectory = target?.isDirectory() ?? false;
    const reachable = isDirectory ? level < walk.depth : walk.wanted(below);
    if (!reachable) return;
    if (!isInside(real, walk.rootReal)) {
      this.findings.push(
        inputFinding(
          shown,
          "input/outside-root",
          `this symbolic link points outside ${walk.root}, and kvnet follows no link out of the directory it reads: copy the file in, or name it directly`
        )
      );
      return;
    }
    if (!isDirectory) {
      this.candidates.add(shown);
      return;
    }
    const first = walk.visited.get(real);
    if (first !== void 0) {
      this.findings.push(
        inputFinding(
          shown,
          "input/directory-loop",
          `this symbolic link leads to ${first}, which is already read, so its files are read once: remove the link if nothing needs it`,
          "warning"
        )
      );
      return;
    }
    walk.visited.set(real, shown);
    await this.directory(walk, shown, real, below, level + 1);
  }
};
async function expand(argument, collector) {
  if (isDynamicPattern(argument)) {
    const { base, rest, depth } = splitPattern2(argument);
    const pattern = globToRegExp(rest);
    const before2 = collector.candidates.size + collector.findings.length;
    const baseInfo = await stat2(base).catch(() => void 0);
    if (baseInfo?.isDirectory()) {
      await collector.walk(base, (relative2) => pattern.test(relative2), depth);
    }
    if (collector.candidates.size + collector.findings.length === before2) {
      collector.findings.push(
        inputFinding(
          argument,
          "input/no-match",
          "no file matches this pattern: check the path and quoting"
        )
      );
    }
    return;
  }
  const linkInfo = await lstat(argument).catch(() => void 0);
  if (!linkInfo) {
    collector.findings.push(
      inputFinding(argument, "input/not-found", "no such file or directory: check the path")
    );
    return;
  }
  const info2 = await stat2(argument).catch(() => void 0);
  if (!info2) {
    collector.findings.push(
      inputFinding(
        argument,
        "input/dangling-link",
        "this symbolic link points to nothing (its target does not exist): fix the link or name another file"
      )
    );
    return;
  }
  if (!info2.isDirectory()) {
    collector.candidates.add(path.normalize(argument));
    return;
  }
  const before = collector.candidates.size + collector.findings.length;
  await collector.walk(
    argument,
    (relative2) => SPEC_EXTENSION.test(relative2),
    Number.POSITIVE_INFINITY
  );
  if (collector.candidates.size + collector.findings.length === before) {
    collector.findings.push(
      inputFinding(argument, "input/no-match", "this directory holds no .yaml or .yml file")
    );
  }
}
async function readBounded(file) {
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (error2) {
    const code = errorCode(error2);
    if (code === "ENXIO" || code === "EOPNOTSUPP") {
      return inputFinding(
        file,
        "input/not-regular",
        "this is a socket, not a regular file: kvnet reads spec files only; leave it out of the set"
      );
    }
    return inputFinding(file, "input/unreadable", `cannot read the file: ${code ?? String(error2)}`);
  }
  try {
    const info2 = await handle.stat();
    if (!info2.isFile()) {
      return inputFinding(
        file,
        "input/not-regular",
        `this is ${kindOf(info2)}, not a regular file: kvnet reads spec files only; leave it out of the set`
      );
    }
    if (info2.size > MAX_SPEC_BYTES) {
      return inputFinding(
        file,
        "yaml/too-large",
        `the file is ${info2.size} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`
      );
    }
    const buffer = new Uint8Array(MAX_SPEC_BYTES + 1);
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > MAX_SPEC_BYTES) {
      return inputFinding(
        file,
        "yaml/too-large",
        `the file holds more than the limit of ${MAX_SPEC_BYTES} bytes: split the vaults over several files in a directory`
      );
    }
    return { bytes: buffer.subarray(0, total), identity: `${info2.dev}:${info2.ino}` };
  } catch (error2) {
    return inputFinding(
      file,
      "input/unreadable",
      `cannot read the file: ${errorCode(error2) ?? String(error2)}`
    );
  } finally {
    await handle.close();
  }
}
async function collectSpecSources(argumentsGiven) {
  const collector = new Collector();
  for (const argument of argumentsGiven) await expand(argument, collector);
  const sources = [];
  const findings = collector.findings;
  const read = /* @__PURE__ */ new Map();
  for (const file of [...collector.candidates].sort()) {
    const result = await readBounded(file);
    if ("rule" in result) {
      findings.push(result);
      continue;
    }
    const first = read.get(result.identity);
    if (first !== void 0) {
      findings.push(
        inputFinding(
          file,
          "input/same-file",
          `this is the same file as ${first}, which is already read: it counts once; name it once`,
          "warning"
        )
      );
      continue;
    }
    read.set(result.identity, file);
    const decoded = decodeSpecBytes(file, result.bytes);
    if (decoded.ok) sources.push({ file, text: decoded.text });
    else findings.push(decoded.finding);
  }
  return { sources, findings };
}

// src/engine/render/findings.ts
function renderFindingsText(findings) {
  return findings.map(
    (finding) => `${singleLine(finding.file)}:${finding.line}:${finding.column}  ${finding.severity}  ${singleLine(finding.message)}  [${finding.rule}]`
  ).join("\n");
}
function summarizeFindings(findings, fileCount) {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const warnings = findings.length - errors;
  const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
  return `${files} checked: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

// src/engine/model/interned.ts
var Interner = class {
  /** `limit` bounds the table: when it is full it starts afresh (texts stay valid, unshared). */
  constructor(limit = 5e5) {
    this.limit = limit;
  }
  limit;
  table = /* @__PURE__ */ new Map();
  /** The one instance of `text` (the first seen), or `make(text)` remembered under it. */
  intern(text2, make = (same) => same) {
    const known = this.table.get(text2);
    if (known !== void 0) return known;
    if (this.table.size >= this.limit) this.table.clear();
    const made = make(text2);
    this.table.set(text2, made);
    return made;
  }
};
var ids = new Interner();
function internId(text2) {
  return ids.intern(text2);
}

// src/engine/model/ipv4.ts
var import_ipaddr = __toESM(require_ipaddr(), 1);
function lastAddress(range) {
  return range.first + 2 ** (32 - range.prefix) - 1;
}
function prefixMask(prefix) {
  return prefix === 0 ? 0 : 4294967295 << 32 - prefix >>> 0;
}
function parseIpv4Rule(text2) {
  const known = parsedRules.get(text2);
  if (known) return known;
  if (parsedRules.size >= PARSED_RULES_LIMIT) parsedRules.clear();
  const parsed = Object.freeze(parseUncached(text2));
  parsedRules.set(text2, parsed);
  return parsed;
}
var PARSED_RULES_LIMIT = 1e5;
var parsedRules = /* @__PURE__ */ new Map();
function parseUncached(text2) {
  const [addressPart = "", prefixPart, ...rest] = text2.trim().split("/");
  if (rest.length > 0) return { kind: "invalid", reason: 'it has more than one "/"' };
  if (!import_ipaddr.default.IPv4.isValidFourPartDecimal(addressPart)) {
    if (import_ipaddr.default.IPv6.isValid(addressPart) && !import_ipaddr.default.IPv4.isValid(addressPart))
      return { kind: "ipv6" };
    return {
      kind: "invalid",
      reason: "it is not a dotted IPv4 address such as 203.0.113.7 (four decimal octets 0–255, no leading zeros)"
    };
  }
  if (prefixPart !== void 0 && !/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixPart)) {
    return { kind: "invalid", reason: 'the prefix length after "/" must be a number from 0 to 32' };
  }
  const prefix = prefixPart === void 0 ? 32 : Number(prefixPart);
  const [a = 0, b = 0, c = 0, d = 0] = addressPart.split(".").map(Number);
  const address = (a << 24 | b << 16 | c << 8 | d) >>> 0;
  const first = (address & prefixMask(prefix)) >>> 0;
  const cidr = `${[first >>> 24, first >>> 16 & 255, first >>> 8 & 255, first & 255].join(".")}/${prefix}`;
  return {
    kind: "ok",
    // The text itself when it is already canonical, so the memo holds one string, not two.
    range: Object.freeze({ cidr: cidr === text2 ? text2 : cidr, first, prefix }),
    hostBitsSet: first !== address
  };
}
function canonicalCidr(text2) {
  const parsed = parseIpv4Rule(text2);
  return parsed.kind === "ok" ? parsed.range.cidr : void 0;
}
function contains(outer, inner) {
  return outer.prefix <= inner.prefix && (inner.first & prefixMask(outer.prefix)) >>> 0 === outer.first;
}
function overlaps(a, b) {
  return contains(a, b) || contains(b, a);
}
function rangeSortKey(range) {
  return `${range.first.toString(16).padStart(8, "0")}/${String(range.prefix).padStart(2, "0")}`;
}
function special(cidr, addressClass, label) {
  const parsed = parseIpv4Rule(cidr);
  if (parsed.kind !== "ok") throw new Error(`bad built-in range ${cidr}`);
  return { range: parsed.range, addressClass, label };
}
var SPECIAL_RANGES = [
  special("10.0.0.0/8", "private", "a private network range (RFC 1918)"),
  special("172.16.0.0/12", "private", "a private network range (RFC 1918)"),
  special("192.168.0.0/16", "private", "a private network range (RFC 1918)"),
  special("0.0.0.0/8", "non-public", '"this network" (RFC 1122)'),
  special("100.64.0.0/10", "non-public", "carrier-grade NAT space (RFC 6598)"),
  special("127.0.0.0/8", "non-public", "loopback (RFC 1122)"),
  special("169.254.0.0/16", "non-public", "link-local (RFC 3927)"),
  special("192.0.0.0/24", "non-public", "IETF protocol assignments (RFC 6890)"),
  special("198.18.0.0/15", "non-public", "benchmarking space (RFC 2544)"),
  special("224.0.0.0/4", "non-public", "multicast (RFC 5771)"),
  special("240.0.0.0/4", "non-public", "reserved space (RFC 1112)"),
  special("192.0.2.0/24", "documentation", "documentation range TEST-NET-1 (RFC 5737)"),
  special("198.51.100.0/24", "documentation", "documentation range TEST-NET-2 (RFC 5737)"),
  special("203.0.113.0/24", "documentation", "documentation range TEST-NET-3 (RFC 5737)")
];
var CLASS_ORDER = { private: 0, "non-public": 1, documentation: 2 };
function specialRangesTouched(range) {
  return SPECIAL_RANGES.filter((entry) => overlaps(entry.range, range)).sort(
    (a, b) => CLASS_ORDER[a.addressClass] - CLASS_ORDER[b.addressClass]
  );
}

// src/engine/model/resource-id.ts
var GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function isGuid(text2) {
  return GUID.test(text2);
}
var CANONICAL_WORDS = new Map(
  [
    "Microsoft.Network",
    "Microsoft.KeyVault",
    "virtualNetworks",
    "subnets",
    "vaults",
    "managedHSMs",
    "privateEndpoints",
    "privateDnsZones",
    "privateDnsZoneGroups",
    "virtualNetworkLinks",
    "privateEndpointConnections"
  ].map((word) => [word.toLowerCase(), word])
);
function canonicalWord(word) {
  return CANONICAL_WORDS.get(word.toLowerCase()) ?? word;
}
function parseResourceId(text2) {
  if (!text2.startsWith("/"))
    return { ok: false, reason: 'a resource id starts with "/subscriptions/"' };
  const parts = text2.replace(/\/+$/, "").split("/").slice(1);
  if (parts.some((part) => part.length === 0))
    return { ok: false, reason: 'it has an empty path segment ("//")' };
  const [subsWord, subscription, rgWord, resourceGroup, providersWord, provider, ...rest] = parts;
  if (subsWord?.toLowerCase() !== "subscriptions" || subscription === void 0) {
    return { ok: false, reason: 'a resource id starts with "/subscriptions/<subscription id>"' };
  }
  if (!isGuid(subscription))
    return { ok: false, reason: `"${subscription}" is not a subscription id (a GUID)` };
  if (rgWord?.toLowerCase() !== "resourcegroups" || resourceGroup === void 0) {
    return { ok: false, reason: 'after the subscription comes "/resourceGroups/<name>"' };
  }
  if (providersWord?.toLowerCase() !== "providers" || provider === void 0) {
    return { ok: false, reason: 'after the resource group comes "/providers/<namespace>"' };
  }
  if (rest.length === 0 || rest.length % 2 !== 0) {
    return { ok: false, reason: "the part after the provider must be type/name pairs" };
  }
  const segments = [];
  for (let index = 0; index < rest.length; index += 2) {
    segments.push([rest[index], rest[index + 1]]);
  }
  return { ok: true, id: { subscription, resourceGroup, provider, segments } };
}
function formatResourceId(id) {
  const tail = id.segments.map(([type, name2]) => `${canonicalWord(type)}/${name2}`).join("/");
  return internId(
    `/subscriptions/${id.subscription.toLowerCase()}/resourceGroups/${id.resourceGroup}/providers/${canonicalWord(id.provider)}/${tail}`
  );
}
var keys = new Interner();
function resourceIdKey(text2) {
  return keys.intern(text2, keyOf);
}
function keyOf(text2) {
  const lowered = (text2.endsWith("/") ? text2.replace(/\/+$/, "") : text2).toLowerCase();
  return internId(lowered);
}
function resourceTypeKey(id) {
  return [id.provider, ...id.segments.map(([type]) => type)].join("/").toLowerCase();
}
function subnetId(subscription, resourceGroup, vnet, subnet) {
  return formatResourceId({
    subscription,
    resourceGroup,
    provider: "Microsoft.Network",
    segments: [
      ["virtualNetworks", vnet],
      ["subnets", subnet]
    ]
  });
}
function virtualNetworkId(subscription, resourceGroup, vnet) {
  return formatResourceId({
    subscription,
    resourceGroup,
    provider: "Microsoft.Network",
    segments: [["virtualNetworks", vnet]]
  });
}

// src/engine/model/vault-network.ts
var canonicalSubnetIds = new Interner();
function canonicalSubnetId(id) {
  return canonicalSubnetIds.intern(id, (text2) => {
    const parsed = parseResourceId(text2);
    return parsed.ok ? formatResourceId(parsed.id) : internId(text2);
  });
}
function normalizeIpRules(values) {
  const unique = /* @__PURE__ */ new Map();
  for (const value of values) {
    const cidr = canonicalCidr(value) ?? value.trim();
    unique.set(cidr, cidr);
  }
  return [...unique.values()].map((cidr) => ({ cidr, key: sortKey(cidr) })).sort((a, b) => a.key.localeCompare(b.key)).map(({ cidr }) => cidr);
}
function sortKey(cidr) {
  const parsed = parseIpv4Rule(cidr);
  return parsed.kind === "ok" ? rangeSortKey(parsed.range) : `~${cidr}`;
}
function normalizeVirtualNetworkRules(rules) {
  const unique = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    const key3 = resourceIdKey(rule.subnetId);
    const previous = unique.get(key3);
    unique.set(key3, {
      subnetId: previous?.subnetId ?? canonicalSubnetId(rule.subnetId),
      ignoreMissingServiceEndpoint: (previous?.ignoreMissingServiceEndpoint ?? false) || rule.ignoreMissingServiceEndpoint
    });
  }
  return [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, rule]) => rule);
}
function capitalized(value, allowed) {
  if (value === null || value === void 0) return void 0;
  return allowed.find((option) => option.toLowerCase() === value.toLowerCase());
}
function normalizeLiveNetwork(raw) {
  const acls = raw.networkAcls ?? void 0;
  const defaulted = [];
  const publicNetworkAccess = capitalized(raw.publicNetworkAccess, ["Enabled", "Disabled"]) ?? raw.publicNetworkAccess ?? void 0;
  if (publicNetworkAccess === void 0) defaulted.push("publicNetworkAccess");
  const defaultAction = capitalized(acls?.defaultAction, ["Allow", "Deny"]);
  if (defaultAction === void 0) defaulted.push("defaultAction");
  const bypass = capitalized(acls?.bypass, ["AzureServices", "None"]);
  if (bypass === void 0) defaulted.push("bypass");
  const firewallHidden = (acls === void 0 || acls === null) && typeof publicNetworkAccess === "string" && publicNetworkAccess.toLowerCase() === "disabled";
  return {
    ...firewallHidden ? { firewallHidden: true } : {},
    publicNetworkAccess: publicNetworkAccess ?? "Enabled",
    defaultAction: defaultAction ?? "Allow",
    bypass: bypass ?? "AzureServices",
    ipRules: normalizeIpRules(
      (acls?.ipRules ?? []).flatMap((rule) => rule.value ? [rule.value] : [])
    ),
    virtualNetworkRules: normalizeVirtualNetworkRules(
      (acls?.virtualNetworkRules ?? []).flatMap(
        (rule) => rule.id ? [{ subnetId: rule.id, ignoreMissingServiceEndpoint: false }] : []
      )
    ),
    defaulted
  };
}
function comparableNetwork(network2) {
  if (network2.firewallHidden)
    return { publicNetworkAccess: network2.publicNetworkAccess, firewall: "not visible" };
  return {
    publicNetworkAccess: network2.publicNetworkAccess,
    defaultAction: network2.defaultAction,
    bypass: network2.bypass,
    ipRules: [...network2.ipRules],
    virtualNetworkRules: network2.virtualNetworkRules.map((rule) => resourceIdKey(rule.subnetId))
  };
}
function sameNetwork(a, b) {
  if (a.firewallHidden || b.firewallHidden) return a.publicNetworkAccess === b.publicNetworkAccess;
  return JSON.stringify(comparableNetwork(a)) === JSON.stringify(comparableNetwork(b));
}
function visibleBasis(live, desired) {
  if (!live.firewallHidden) return live;
  return {
    publicNetworkAccess: live.publicNetworkAccess,
    defaultAction: desired.defaultAction,
    bypass: desired.bypass,
    ipRules: desired.ipRules,
    virtualNetworkRules: desired.virtualNetworkRules,
    defaulted: [],
    firewallHidden: true
  };
}
var FIREWALL_NOT_VISIBLE = "the firewall (networkAcls) is not visible while public network access is disabled: Azure withholds it, so kvnet cannot tell whether rules are kept or were cleared";

// src/engine/render/messages.ts
var text = (params, name2) => {
  const value = params[name2];
  if (value === void 0) return "";
  if (!Array.isArray(value)) return String(value);
  return value.map((entry) => typeof entry === "string" ? entry : noteText(entry)).join(", ");
};
var lastSegment = (id) => id.split("/").pop() ?? id;
var FINDINGS = {
  "vault/missing": (p) => `${p("kind") || "vault"} "${p("vault")}" does not exist in resource group "${p("resourceGroup")}" of subscription ${p("subscription")}; kvnet manages the network of existing vaults: create the vault first, or fix its name or placement`,
  "subnet/missing": (p) => p("endpoint") ? `the subnet ${p("subnetId")} of private endpoint "${p("endpoint")}" does not exist: create it, or fix the reference` : `the subnet ${p("subnetId")} of a VNet rule does not exist: create it, or fix the reference`,
  "dns/zone-missing": (p) => `the private DNS zone ${p("zoneId")} does not exist; kvnet creates zones named with "zone", but never one given by "zoneId": create it, or fix the id`,
  "dns/link-conflict": (p) => `the zone already has a link named "${p("link")}" to ${p("live")}, not to ${p("spec")}; kvnet never changes or deletes links: rename the link in the spec`,
  "dns/zone-group-foreign": (p) => `private endpoint "${p("endpoint")}" already has the zone group "${p("group")}" (serving ${p("zones") || "no zone"}), and Azure allows one zone group per endpoint; kvnet will not replace a zone group it did not make (Azure Policy often deploys one): point the spec's dns at ${p("zones") || "that zone"}, or remove the other group`,
  "dns/zone-group-other": (p) => `private endpoint "${p("endpoint")}" already has the zone group "${p("group")}" (often deployed by Azure Policy) serving the declared zone, so it stands for the spec's "${p("spec")}"; Azure allows one zone group per endpoint, so kvnet creates no second one`,
  "private-endpoint/foreign": (p) => `private endpoint "${p("endpoint")}" exists but differs from the spec (${p("reasons")}), and it was not created by kvnet (no managed-by: kvnet tag), so kvnet will not replace it: fix the spec to match it, or delete it yourself`,
  "connection/unmanaged": (p, params) => `connection "${p("connection")}" (${p("status")}) from private endpoint ${p("endpoint")} is not declared in the spec; kvnet never approves it${params.suggestReject === true ? ": declare the endpoint, or set privateEndpointConnections.unmanaged: reject" : ""}`,
  "ip/expires-soon": (p) => `the IP rule ${p("cidr")} expires on ${p("expires")} and will be removed by the first plan after that date`,
  "vault/firewall-not-visible": (p) => `vault "${p("vault")}": ${FIREWALL_NOT_VISIBLE}; it admits no one until public access is enabled, and kvnet then sends the spec's firewall whole`,
  "vault/access-policies": (p) => `vault "${p("vault")}" uses access policies: whoever may write its network settings (Microsoft.KeyVault/vaults/write) can also grant themselves data access; consider the RBAC permission model`,
  lockout: (p, params) => `this plan would leave vault "${p("vault")}" with no verified network path: no public path, no private endpoint whose chain is complete, no trusted-service bypass${Number(params.unverified ?? 0) > 0 ? ` (${p("unverified")} path(s) kvnet could not verify do not count)` : ""}; the step that would do it does not run: add a path, or set acknowledgeLockout: true if that is intended`,
  "vnet-rule/no-effect": (p, params) => `the VNet rule for ${p("subnetId")} opens nothing: ${accessReasonText({ code: text(params, "reason"), params: {} })}`,
  "policy/firewall": (p) => `vault "${p("vault")}": every network can reach the vault: set firewall.defaultAction to Deny and list who may connect (${p("basis")}; disable with disableFindings: [policy/firewall])`,
  "policy/public-network-access": (p) => `vault "${p("vault")}": the public endpoint stays open to the firewall's rules: prefer private endpoints and publicNetworkAccess: Disabled (${p("basis")}; disable with disableFindings: [policy/public-network-access])`,
  "policy/private-link": (p) => `vault "${p("vault")}": no private endpoint reaches the vault: declare one under privateEndpoints (${p("basis")}; disable with disableFindings: [policy/private-link])`,
  "practice/wide-ip-range": (p) => `vault "${p("vault")}": an IP rule admits more than 65,536 addresses: narrow it to the egress addresses you trust (${p("basis")}; disable with disableFindings: [practice/wide-ip-range])`
};
function findingMessage(finding) {
  const template = FINDINGS[finding.rule];
  const p = (name2) => text(finding.params, name2);
  return template ? template(p, finding.params) : `${finding.rule} ${JSON.stringify(finding.params)}`;
}
var NOTES = {
  redrive: (p) => `its last write ended ${p("state") || "unfinished"}: kvnet writes it again`,
  "endpoint/manual-approval": () => "the connection is requested for manual approval; kvnet approves it as the vault owner",
  "endpoint/replaced": () => "replaced: deleted, then created again (these properties cannot change in place); clients using it lose the private path until the new endpoint and its DNS record are in place",
  "endpoint/subnet-differs": (p) => `its subnet is ${p("live")}, the spec says ${p("spec")}`,
  "endpoint/other-target": () => "it does not connect to this vault",
  "endpoint/connection-name-differs": (p) => `its connection is named "${p("live")}", the spec says "${p("spec")}"`,
  "endpoint/was-automatic": () => "it was approved automatically, the spec asks for manual approval",
  "endpoint/was-manual": () => "it was requested for manual approval, the spec asks for automatic",
  "endpoint/group-differs": (p) => `its group is ${p("groups") || "empty"}, not "${p("expected") || "vault"}"`,
  "endpoint/connection-ended": (p) => `its connection to the vault is ${p("status")}`,
  "endpoint/not-succeeded": (p) => `its provisioning state is ${p("state") || "unknown"}`,
  "endpoint/no-longer-declared": () => "created by kvnet (tag managed-by: kvnet) and no longer in the spec",
  "zone-group/missing": () => "the zone group does not exist",
  "zone-group/zones-differ": (p) => `the zone group points at ${p("zones") || "no zone"}`,
  "zone-group/record-differs": (p) => `the A record "${p("record")}" does not point at the endpoint's IP ${p("ips")}`,
  "connection/approve-declared": (p) => `approves the connection from the declared private endpoint ${p("endpoint")}`,
  "connection/reject-undeclared": (p) => `the spec does not declare the private endpoint ${p("endpoint")} and sets unmanaged: reject`,
  "subnet/others-kept": () => "every other property of the subnet (NSG, route table, delegations, other endpoints) is kept as it is",
  "subnet/source-switch": () => "from now on this subnet's traffic to every Key Vault arrives from its private address over the service endpoint, not its public one (open connections are reset): a vault that admits these clients by an IP rule, in this spec set or not, no longer does",
  "vault/firewall-sent-whole": () => `${FIREWALL_NOT_VISIBLE}; this change sends the spec's firewall whole`,
  "depends-on-blocked": (p) => `depends on ${p("step")}, which does not run`,
  "would-lock-out": (p) => `BLOCKED: after this step no client could reach vault "${p("vault")}": add a path, or set acknowledgeLockout: true`,
  "would-lock-out-accepted": (p) => `after this step no client can reach vault "${p("vault")}" (accepted: acknowledgeLockout is set)`,
  "replace-locks-out": (p) => `BLOCKED: between the delete and the create no client could reach vault "${p("vault")}": add another path first, or set acknowledgeLockout: true`,
  "replace-locks-out-accepted": (p) => `between the delete and the create no client can reach vault "${p("vault")}" (accepted: acknowledgeLockout is set)`,
  "private-path-missing": (p, params) => `BLOCKED: disabling public access before a private endpoint chain is complete would cut clients of vault "${p("vault")}" off; missing and not planned: ${gapsText(params)}: declare what is missing, or set acknowledgeLockout: true to accept it`,
  "private-path-missing-accepted": (p, params) => `disabling public access of vault "${p("vault")}" before a private endpoint chain is complete (${gapsText(params)}); accepted: acknowledgeLockout is set`,
  "ip-rule/annotated": (p) => [p("note"), p("expires") ? `expires ${p("expires")}` : ""].filter(Boolean).join("; "),
  "ip-rule/expired": (p) => `expired on ${p("expires")}`
};
function gapsText(params) {
  const gaps = params.gaps;
  const list = Array.isArray(gaps) ? gaps : [];
  return list.filter((gap) => typeof gap === "string").map((gap) => {
    if (gap === "no-endpoint-declared") return "a private endpoint (none is declared)";
    const at = gap.lastIndexOf(":");
    const name2 = gap.slice(0, at);
    return `${name2}: ${accessReasonText({ code: gap.slice(at + 1), params: {} })}`;
  }).join(", ");
}
function noteText(note) {
  const template = NOTES[note.code];
  return template ? template((name2) => text(note.params, name2), note.params) : note.code;
}
var ACCESS_REASONS = {
  "public-access-disabled": () => "ignored while public network access is Disabled",
  "public-access-mode": (p) => `public network access is ${p("mode")}: a network security perimeter (or a mode kvnet does not model) decides public access, so kvnet cannot verify it`,
  "default-action-allow": () => "no effect while defaultAction is Allow (every network is admitted)",
  "subnet-not-read": () => "kvnet did not read the subnet, so it cannot verify the path",
  "subnet-unreadable": (p) => `the subnet could not be read (${p("why")}), so the path is unverified`,
  "subnet-missing": () => "the subnet does not exist",
  "subnet-without-service-endpoint": () => "the subnet has no Microsoft.KeyVault service endpoint (its traffic arrives from a public address)",
  "subnet-not-ready": () => "the subnet is not in provisioning state Succeeded",
  "public-address-may-match-ip-rule": () => "its clients reach Key Vault from their public address, which an IP rule may admit",
  "endpoint-missing": () => "the private endpoint does not exist",
  "endpoint-not-visible": () => "the private endpoint is outside the spec set's subscriptions, so its DNS and state are unverified",
  "endpoint-not-ready": (p) => `the private endpoint's provisioning state is ${p("state")}`,
  "connection-missing": () => "the vault has no connection from this endpoint",
  "connection-not-approved": (p) => `its connection is ${p("status")}, not Approved`,
  "dns-not-declared": () => "no private DNS is declared for it, so name resolution is unverified",
  "zone-not-read": () => "its DNS zone was not read, so name resolution is unverified",
  "zone-missing": () => "its private DNS zone does not exist",
  "zone-not-ready": (p) => `the DNS zone ${p("zone")} is not in provisioning state Succeeded`,
  "zone-name-wrong": (p) => `the DNS zone is ${p("zone")}; Key Vault needs ${p("expected")}`,
  "link-missing": (p) => `the zone ${p("zone")} has no link to the endpoint's VNet`,
  "link-not-ready": (p) => `the zone ${p("zone")}'s link to the endpoint's VNet is not ready`,
  "record-missing": (p) => `the zone ${p("zone")} has no A record for the vault`,
  "record-elsewhere": (p) => `the vault's A record in ${p("zone")} points at another endpoint`,
  "endpoint-ip-unknown": () => "the endpoint's IP is unknown, so its A record cannot be checked",
  "record-mismatch": (p) => `the vault's A record in ${p("zone")} (${p("record")}) does not point at the endpoint (${p("endpoint")})`
};
function accessReasonText(reason) {
  const template = ACCESS_REASONS[reason.code];
  return template ? template((name2) => text(reason.params, name2), reason.params) : reason.code;
}
function pathText(path3) {
  switch (path3.kind) {
    case "public-all":
      return "every public network (defaultAction: Allow)";
    case "ip-range":
      return path3.cidr;
    case "subnet":
      return `subnet ${subnetLabel(path3.subnetId)}`;
    case "switching-subnets-egress":
      return egressText(path3.subnetIds);
    case "private-endpoint":
      return `private endpoint ${path3.name}`;
    case "trusted-services":
      return "trusted Azure services (bypass: AzureServices)";
  }
}
var EGRESS_NAMES_SHOWN = 3;
function egressText(subnetIds) {
  const names = subnetIds.slice(0, EGRESS_NAMES_SHOWN).map(subnetLabel);
  const more = subnetIds.length - names.length;
  const list = more > 0 ? `${names.join(", ")} and ${more} more` : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}` : names[0] ?? "";
  const subnets = subnetIds.length === 1 ? "subnet" : "subnets";
  return `clients of ${subnets} ${list}, switched to the Key Vault service endpoint, from their public address`;
}
function subnetLabel(subnetId2) {
  const parts = subnetId2.split("/");
  return parts.length >= 3 ? `${parts.at(-3) ?? ""}/${parts.at(-1) ?? ""}` : lastSegment(subnetId2);
}

// src/engine/render/set-changes.ts
var SET_CHANGE_VAULTS_SHOWN = 10;
var KIND_OF_PROPERTY = {
  "networkAcls.ipRules": "ipSet",
  "networkAcls.virtualNetworkRules": "subnetSet"
};
function setOriginText(change) {
  const kind = KIND_OF_PROPERTY[change.property];
  if (!kind || !change.sets || change.sets.length === 0) return void 0;
  return `${kind} ${change.sets.join(", ")}`;
}
function changeComment(change) {
  const origin = setOriginText(change);
  const reason = change.reason ? noteText(change.reason) : "";
  if (origin === void 0) return reason ? `   # ${reason}` : "";
  return `   # ${origin}${reason ? `: ${reason}` : ""}`;
}
function vaultList(vaults) {
  const shown = vaults.slice(0, SET_CHANGE_VAULTS_SHOWN);
  const more = vaults.length - shown.length;
  return `${shown.join(", ")}${more > 0 ? `, and ${more} more` : ""}`;
}
function setChangeLine(change) {
  const value = change.kind === "ipSet" ? change.value : `subnet ${subnetLabel(change.value)}`;
  const sign = change.op === "add" ? "+" : "-";
  const reason = change.reason ? ` (${noteText(change.reason)})` : "";
  const count = `${change.vaults.length} vault${change.vaults.length === 1 ? "" : "s"}`;
  const traced = change.evidence === "every-user" ? " [no longer in the spec; every vault using the set loses it]" : "";
  return `${sign} ${change.kind} ${change.set}: ${value}${reason} → ${count}: ${vaultList(change.vaults)}${traced}`;
}
function setChangeLines(plan) {
  return (plan.setChanges ?? []).map(setChangeLine);
}
var SET_CHANGES_HEADING = "Changes to named sets (each shown once, with every vault it reaches)";

// src/engine/render/plan-lines.ts
var KIND_LABEL = {
  vault: "vault",
  subnet: "subnet",
  privateEndpoint: "private endpoint",
  dnsZone: "private DNS zone",
  virtualNetworkLink: "DNS VNet link",
  zoneGroup: "DNS zone group",
  connection: "private endpoint connection"
};
var ACTION_SIGN = {
  create: "+",
  update: "~",
  delete: "-",
  replace: "±"
};
var IMPACT_LABEL = {
  widens: "widens",
  narrows: "narrows",
  both: "widens and narrows",
  none: "no access change"
};
function stepTitle(step) {
  const flags = [
    step.flags.blocked ? "BLOCKED" : "",
    step.flags.lockout ? "LOCKOUT" : "",
    step.flags.destructive ? "destructive" : ""
  ].filter(Boolean);
  const phase = step.kind === "vault" ? ` (${step.phase === "open" ? "opening" : "narrowing"} step)` : "";
  return `${ACTION_SIGN[step.action]} ${step.action} ${resourceLabel(step)}${phase}  [${IMPACT_LABEL[step.impact]}]${flags.length > 0 ? `  ${flags.join(", ")}` : ""}`;
}
function segmentAfter(resourceId, type) {
  const parts = resourceId.split("/");
  const at = parts.findIndex((part) => part.toLowerCase() === type.toLowerCase());
  return at >= 0 ? parts[at + 1] : void 0;
}
function resourceLabel(step) {
  const kind = KIND_LABEL[step.kind];
  const id = step.resourceId;
  switch (step.kind) {
    case "subnet": {
      const vnet = segmentAfter(id, "virtualNetworks");
      const subnet = segmentAfter(id, "subnets");
      return vnet && subnet ? `subnet ${subnet} of VNet ${vnet}` : `${kind} ${step.resourceName}`;
    }
    case "zoneGroup": {
      const endpoint = segmentAfter(id, "privateEndpoints");
      const group = segmentAfter(id, "privateDnsZoneGroups");
      return endpoint && group ? `${kind} ${group} of private endpoint ${endpoint}` : `${kind} ${step.resourceName}`;
    }
    case "virtualNetworkLink": {
      const zone = segmentAfter(id, "privateDnsZones");
      return zone ? `${kind} ${step.resourceName} of zone ${zone}` : `${kind} ${step.resourceName}`;
    }
    case "dnsZone": {
      const group = segmentAfter(id, "resourceGroups");
      return group ? `${kind} ${step.resourceName} in resource group ${group}` : `${kind} ${step.resourceName}`;
    }
    case "privateEndpoint": {
      const group = segmentAfter(id, "resourceGroups");
      return group ? `${kind} ${step.resourceName} in resource group ${group}` : `${kind} ${step.resourceName}`;
    }
    default:
      return `${kind} ${step.resourceName}`;
  }
}
function changeLine(change) {
  const reason = changeComment(change);
  switch (change.op) {
    case "add":
      return `+   ${change.property}: ${String(change.after)}${reason}`;
    case "remove":
      return `-   ${change.property}: ${String(change.before)}${reason}`;
    default: {
      const before = change.before === void 0 ? "" : `${String(change.before)}${change.beforeIsDefault ? " (default)" : ""} → `;
      return `~   ${change.property}: ${before}${String(change.after)}${reason}`;
    }
  }
}
function stepLines(step) {
  const lines = step.changes.map(
    (change) => step.action === "create" ? changeLine({ ...change, op: "add" }) : changeLine(change)
  );
  const effects = step.effects.flatMap(
    (effect) => changeSummary(effect).map((line) => `    ${effect.vault}: ${line}`)
  );
  return [
    stepTitle(step),
    ...lines,
    ...effects,
    ...bystanderLines(step),
    ...step.notes.map((note) => `    note: ${noteText(note)}`)
  ];
}
function bystanderLines(step) {
  const bystanders = step.bystanders;
  if (!bystanders) return [];
  const admit = bystanders.count === 1 ? "admits" : "admit";
  return [
    `    ${plural(bystanders.count, "vault")} that ${admit} public addresses: − may lose ${pathText(bystanders.possiblyLost)}`
  ];
}
function changeSummary(change) {
  return [
    ...change.lost.map((path3) => `− loses ${pathText(path3)}`),
    ...change.possiblyLost.map((path3) => `− may lose ${pathText(path3)}`),
    ...change.gained.map((path3) => `+ gains ${pathText(path3)}`)
  ];
}
function findingWhere(finding) {
  return finding.source ? `${finding.source.file}:${finding.source.line}:${finding.source.column}` : "(no spec position)";
}
function findingLine(finding) {
  return `${findingWhere(finding)}  ${finding.level}  ${findingMessage(finding)}  [${finding.rule}]`;
}
function readErrorLine(error2) {
  const status = [error2.httpStatus, error2.code].filter((part) => part !== void 0).join(" ");
  const role = error2.roleHint ? ` — needs ${error2.roleHint}` : "";
  return `could not read ${error2.resourceId}${status ? ` (${status})` : ""}: ${error2.message}${role}`;
}
function readErrorLines(plan) {
  return plan.readErrors.map(readErrorLine);
}
function countPlan(plan) {
  return {
    steps: plan.steps.length,
    widening: plan.vaults.filter((vault) => vault.net.gained.length > 0).length,
    narrowing: plan.vaults.filter(
      (vault) => vault.net.lost.length + vault.net.possiblyLost.length > 0
    ).length,
    destructive: plan.steps.filter((step) => step.flags.destructive).length,
    blocked: plan.steps.filter((step) => step.flags.blocked).length,
    vaultsChanged: plan.vaults.filter((vault) => vault.adds + vault.changes + vault.removals > 0).length
  };
}
var plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function readiness(plan) {
  if (plan.outcome === "error") return "error";
  if (plan.outcome === "no-changes") return "no-changes";
  return plan.steps.some((step) => step.flags.blocked) ? "blocked" : "apply-ready";
}
function verdict(plan) {
  if (plan.outcome === "error") {
    const errors = plan.readErrors.length + plan.findings.filter((finding) => finding.level === "error").length;
    return `error: kvnet could not make a trustworthy plan: ${plural(errors, "error")} (nothing will be applied)`;
  }
  if (plan.outcome === "no-changes") {
    return `No changes: live state matches the spec for ${plural(plan.vaults.length, "vault")}`;
  }
  const counts = countPlan(plan);
  const net = [
    `${plural(counts.narrowing, "vault")} ${counts.narrowing === 1 ? "loses" : "lose"} access`,
    `${counts.widening} ${counts.widening === 1 ? "gains" : "gain"} access`,
    `${plural(counts.destructive, "destructive step")}`
  ].join(", ");
  const ready = counts.blocked > 0 ? `blocked (${plural(counts.blocked, "step")} will not run)` : "apply-ready";
  return `${net} — ${ready} (${plural(counts.steps, "step")} on ${plural(counts.vaultsChanged, "vault")})`;
}

// src/engine/spec/findings.ts
function compareFindings(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}
function hasErrors(findings, strict = false) {
  return findings.some((finding) => finding.severity === "error" || strict);
}

// src/engine/spec/checks/context.ts
function wholeFile(source) {
  return {
    source,
    vaults: source.spec.vaults.map((vault, index) => ({ vault, index })),
    managedHsms: (source.spec.managedHsms ?? []).map((vault, index) => ({ vault, index }))
  };
}
var FindingSink = class {
  constructor(source, skip) {
    this.source = source;
    this.skip = skip;
  }
  source;
  skip;
  findings = [];
  /** Reports at the value at `path` (or at its key when `at` is 'key'). */
  report(severity, rule, path3, message, at = "value") {
    if (this.skip?.(path3, rule)) return;
    const position = at === "key" ? this.source.positions.keyAt(path3) : this.source.positions.valueAt(path3);
    this.findings.push({ file: this.source.file, ...position, severity, rule, message });
  }
  error(rule, path3, message) {
    this.report("error", rule, path3, message);
  }
  warning(rule, path3, message) {
    this.report("warning", rule, path3, message);
  }
  where(path3) {
    const position = this.source.positions.valueAt(path3);
    return `${this.source.file}:${position.line}:${position.column}`;
  }
};

// src/engine/spec/sets.ts
var SET_SECTION = {
  ipSet: "ipSets",
  subnetSet: "subnetSets"
};
var SET_LIST = {
  ipSet: "ipRules",
  subnetSet: "virtualNetworkRules"
};
function isSetRef(entry) {
  return typeof entry === "object" && entry !== null && "set" in entry;
}
var SetRegistry = class {
  definitions;
  /** kind → name → the first definition: every vault's reference is looked up here. */
  first = /* @__PURE__ */ new Map();
  constructor(files) {
    const definitions = [];
    for (const loaded of files) {
      for (const kind of ["ipSet", "subnetSet"]) {
        const section = loaded.spec[SET_SECTION[kind]];
        for (const [name2, entries] of Object.entries(section)) {
          definitions.push({ kind, name: name2, loaded, path: [SET_SECTION[kind], name2], entries });
        }
      }
    }
    this.definitions = definitions;
    for (const definition of definitions) {
      const byName = this.first.get(definition.kind) ?? /* @__PURE__ */ new Map();
      this.first.set(definition.kind, byName);
      if (!byName.has(definition.name)) byName.set(definition.name, definition);
    }
  }
  /** The first definition of a set (a second one is a finding). Names match exactly. */
  get(kind, name2) {
    return this.first.get(kind)?.get(name2);
  }
  names(kind) {
    return [...new Set(this.definitions.filter((d) => d.kind === kind).map((d) => d.name))].sort();
  }
};
function expandEntries(kind, entries, loaded, path3, registry) {
  const rules = [];
  const reached = /* @__PURE__ */ new Set();
  const walk = (list, file, listPath, set) => {
    list.forEach((entry, index) => {
      if (isSetRef(entry)) {
        if (reached.has(entry.set)) return;
        const definition = registry.get(kind, entry.set);
        if (!definition) return;
        reached.add(entry.set);
        walk(
          definition.entries,
          definition.loaded,
          definition.path,
          entry.set
        );
        return;
      }
      rules.push({
        rule: entry,
        loaded: file,
        path: [...listPath, index],
        ...set === void 0 ? {} : { set }
      });
    });
  };
  walk(entries, loaded, path3, void 0);
  return { rules, sets: [...reached].sort() };
}

// src/engine/spec/checks/dates.ts
function parse(date) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return void 0;
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return real ? time : void 0;
}
function isRealDate(date) {
  return parse(date) !== void 0;
}
function daysBetween(from, to) {
  const start = parse(from);
  const end = parse(to);
  if (start === void 0 || end === void 0) throw new Error(`not a date: ${from} or ${to}`);
  return Math.round((end - start) / 864e5);
}

// src/engine/spec/checks/ip-rules.ts
var MAX_IP_RULES = 1e3;
var EXPIRY_WARNING_DAYS = 14;
function ipRuleAddress(rule) {
  return typeof rule === "string" ? rule : rule.address;
}
function checkIpRules(vault, vaultPath, sink, options) {
  const rules = vault.firewall.ipRules;
  const rulesPath = [...vaultPath, "firewall", "ipRules"];
  const accepted = [];
  rules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    const rulePath = [...rulesPath, index];
    const addressPath = typeof rule === "string" ? rulePath : [...rulePath, "address"];
    const range = checkAddress(ipRuleAddress(rule), addressPath, sink);
    if (range) accepted.push({ range, path: addressPath, text: ipRuleAddress(rule) });
    if (typeof rule !== "string" && rule.expires !== void 0) {
      checkExpiry(rule.expires, ipRuleAddress(rule), [...rulePath, "expires"], sink, options);
    }
  });
  reportOverlaps(accepted, sink);
}
function checkAddress(text2, path3, sink) {
  const parsed = parseIpv4Rule(text2);
  if (parsed.kind === "ipv6") {
    sink.error(
      "ip/ipv6",
      path3,
      `"${text2}" is an IPv6 address; Key Vault firewalls accept IPv4 only: use the client's public IPv4 address, or a private endpoint`
    );
    return void 0;
  }
  if (parsed.kind === "invalid") {
    sink.error("ip/invalid", path3, `"${text2}" is not a valid IP rule: ${parsed.reason}`);
    return void 0;
  }
  const { range } = parsed;
  if (range.prefix === 0) {
    sink.error(
      "ip/zero-prefix",
      path3,
      `"${text2}" (a /0 range) would admit every address on the internet: to allow all networks set firewall.defaultAction to Allow, otherwise list the addresses you trust`
    );
    return void 0;
  }
  if (parsed.hostBitsSet) {
    sink.error(
      "ip/host-bits",
      path3,
      `"${text2}" has host bits set below its /${range.prefix} prefix: did you mean ${range.cidr}? (or ${text2.split("/")[0]} on its own)`
    );
    return void 0;
  }
  const touched = specialRangesTouched(range)[0];
  if (touched?.addressClass === "private" || touched?.addressClass === "non-public") {
    const why = touched.addressClass === "private" ? "Azure refuses private ranges in IP rules, because private traffic never reaches a vault's public endpoint: allow a subnet with a virtualNetworkRule, or use a private endpoint" : "it is not public internet space, so it can never be the source of a request to the vault: use the public address your clients egress from";
    sink.error(
      touched.addressClass === "private" ? "ip/private" : "ip/non-public",
      path3,
      `"${text2}" is or overlaps ${touched.range.cidr}, ${touched.label}; ${why}`
    );
    return void 0;
  }
  if (touched?.addressClass === "documentation") {
    sink.warning(
      "ip/documentation",
      path3,
      `"${text2}" is in ${touched.range.cidr}, ${touched.label}, reserved for examples: replace it with a real public address before relying on this rule`
    );
  }
  return range;
}
function reportOverlaps(rules, sink) {
  rules.forEach((rule, index) => {
    for (let earlier = 0; earlier < rules.length; earlier += 1) {
      const other = rules[earlier];
      if (!other || earlier === index) continue;
      const same = other.range.cidr === rule.range.cidr;
      if (same && earlier < index) {
        sink.warning(
          "ip/duplicate",
          rule.path,
          `"${rule.text}" repeats the rule "${other.text}" at ${sink.where(other.path)} (both mean ${rule.range.cidr}): remove one`
        );
        return;
      }
      if (!same && contains(other.range, rule.range)) {
        sink.warning(
          "ip/contained",
          rule.path,
          `"${rule.text}" lies inside "${other.text}" at ${sink.where(other.path)}, so it adds nothing: remove it, or narrow the wider rule`
        );
        return;
      }
    }
  });
}
function checkExpiry(expires, address, path3, sink, options) {
  if (!isRealDate(expires)) {
    sink.error(
      "ip/expires-invalid",
      path3,
      `"${expires}" is not a calendar date: write a real date as YYYY-MM-DD`
    );
    return;
  }
  const days = daysBetween(options.today, expires);
  if (days < 0) {
    sink.warning(
      "ip/expired",
      path3,
      `the rule for ${address} expired on ${expires}; the planner will remove it: delete it from the spec, or extend the date`
    );
  } else if (days <= EXPIRY_WARNING_DAYS) {
    sink.warning(
      "ip/expires-soon",
      path3,
      `the rule for ${address} expires on ${expires} (${days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`}), after which the planner removes it: extend the date if it is still needed`
    );
  }
}

// src/engine/spec/refs.ts
function vaultPlacement(spec, vault) {
  const subscription = vault.subscription ?? spec.defaults.subscription;
  const resourceGroup = vault.resourceGroup ?? spec.defaults.resourceGroup;
  return subscription !== void 0 && resourceGroup !== void 0 ? { subscription, resourceGroup } : void 0;
}
function canonical(id) {
  const parsed = parseResourceId(id);
  return parsed.ok ? formatResourceId(parsed.id) : id;
}
function resolveSubnetId(ref, placement) {
  if (typeof ref === "string") return canonical(ref);
  if ("id" in ref) return canonical(ref.id);
  return subnetId(
    ref.subscription ?? placement.subscription,
    ref.resourceGroup ?? placement.resourceGroup,
    ref.vnet,
    ref.name
  );
}
function resolveVirtualNetworkId(link, placement) {
  if (link.vnet.startsWith("/")) return canonical(link.vnet);
  return virtualNetworkId(
    link.subscription ?? placement.subscription,
    link.resourceGroup ?? placement.resourceGroup,
    link.vnet
  );
}

// src/engine/spec/suggest.ts
function editDistance(a, b) {
  const rows = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  const at = (i, j) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}
function closest(input, candidates) {
  const lowered = input.toLowerCase();
  const exactIgnoringCase = candidates.find((candidate) => candidate.toLowerCase() === lowered);
  if (exactIgnoringCase) return exactIgnoringCase;
  let best;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return void 0;
  const allowed = Math.max(1, Math.floor(Math.max(input.length, best.candidate.length) / 3));
  return best.distance <= allowed ? best.candidate : void 0;
}

// src/engine/spec/checks/azure-names.ts
var NETWORK_CHARS = {
  char: /^[a-zA-Z0-9_.-]$/,
  charsText: "letters, digits, underscores, periods and hyphens",
  start: /^[a-zA-Z0-9]/,
  startText: "start with a letter or digit",
  end: /[a-zA-Z0-9_]$/,
  endText: "end with a letter, digit or underscore"
};
function network(kind, min, max) {
  return {
    kind,
    min,
    max,
    ...NETWORK_CHARS,
    guide: `use ${min}–${max} letters, digits, underscores, periods and hyphens, starting with a letter or digit and ending with a letter, digit or underscore`
  };
}
var NAME_RULES = {
  virtualNetwork: network("virtual network", 2, 64),
  subnet: network("subnet", 1, 80),
  privateEndpoint: network("private endpoint", 2, 64),
  virtualNetworkLink: network("virtual network link", 1, 80),
  zoneGroup: network("DNS zone group", 1, 80),
  connection: network("private link connection", 1, 80),
  // Letters and digits as .NET's Char.IsLetterOrDigit defines them: Unicode letters are fine.
  resourceGroup: {
    kind: "resource group",
    min: 1,
    max: 90,
    char: /^[\p{L}\p{Nd}_.()-]$/u,
    charsText: "letters (any script), digits, underscores, periods, hyphens and parentheses",
    end: /[^.]$/,
    endText: "not end with a period",
    guide: "use up to 90 letters, digits, underscores, hyphens, periods and parentheses, not ending in a period (letters of any script count)"
  },
  privateDnsZone: {
    kind: "private DNS zone",
    min: 1,
    max: 253,
    char: /^[a-zA-Z0-9_.-]$/,
    charsText: "letters, digits, underscores, hyphens and periods between labels",
    start: /^[a-zA-Z0-9_]/,
    startText: "start with a letter, digit or underscore",
    end: /[a-zA-Z0-9_]$/,
    endText: "not end with a period or hyphen",
    guide: "use 2–34 labels of letters, digits, hyphens and underscores (each at most 63 characters) separated by periods, not ending in a period or hyphen"
  }
};
var RULE_BY_TYPE = {
  virtualnetworks: NAME_RULES.virtualNetwork,
  subnets: NAME_RULES.subnet,
  privateendpoints: NAME_RULES.privateEndpoint,
  privatednszones: NAME_RULES.privateDnsZone,
  virtualnetworklinks: NAME_RULES.virtualNetworkLink,
  privatednszonegroups: NAME_RULES.zoneGroup
};
var GENERIC = {
  kind: "resource",
  min: 1,
  max: 260,
  char: /^[^\s?#%/\\]$/u,
  charsText: 'no spaces, "?", "#", "%", "/" or "\\"',
  guide: 'a name in a resource id holds no spaces, "?", "#", "%", "/" or "\\"'
};
function quoteChars(chars) {
  return chars.map((char) => char === " " ? "a space" : `"${char}"`).join(", ");
}
function nameProblems(rule, name2) {
  const applied = rule ?? GENERIC;
  const problems = [];
  const chars = [...name2];
  if (name2 === "." || name2 === "..") {
    return [`it is "${name2}", a path step, not a name`];
  }
  if (/%[0-9a-f]{2}/i.test(name2)) {
    problems.push("it holds a URL-encoded character (such as %2F), where the name itself belongs");
  }
  if (chars.length < applied.min || chars.length > applied.max) {
    problems.push(
      `it is ${chars.length} character${chars.length === 1 ? "" : "s"} long, ${applied.min}–${applied.max} allowed`
    );
  }
  const bad = [...new Set(chars.filter((char) => !applied.char.test(char)))];
  if (bad.length > 0) {
    const shown = bad.slice(0, 4);
    problems.push(
      `it contains ${quoteChars(shown)}${bad.length > shown.length ? " and more" : ""} (allowed: ${applied.charsText})`
    );
  }
  if (name2.includes("..") && applied !== NAME_RULES.resourceGroup) {
    problems.push('it contains ".."');
  }
  if (applied === NAME_RULES.privateDnsZone) {
    const labels = name2.split(".");
    if (labels.length < 2 || labels.length > 34) {
      problems.push(`it has ${labels.length} labels (2–34 allowed)`);
    }
    if (labels.some((label) => label.length > 63)) problems.push("a label is over 63 characters");
  }
  if (applied.start && applied.startText && name2.length > 0 && !applied.start.test(name2)) {
    problems.push(`it must ${applied.startText}`);
  }
  if (applied.end && applied.endText && name2.length > 0 && !applied.end.test(name2)) {
    problems.push(`it must ${applied.endText}`);
  }
  return problems;
}
function invalidNameMessage(rule, name2) {
  const problems = nameProblems(rule, name2);
  if (problems.length === 0) return void 0;
  const applied = rule ?? GENERIC;
  return `"${name2}" is not a valid ${applied.kind} name: ${applied.guide}; here ${problems.join(", and ")}`;
}

// src/engine/spec/checks/names.ts
var VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
var SUBNET_TYPE = "microsoft.network/virtualnetworks/subnets";
var VNET_TYPE = "microsoft.network/virtualnetworks";
var DNS_ZONE_TYPE = "microsoft.network/privatednszones";
function checkVaultName(name2, path3, sink) {
  if (VAULT_NAME.test(name2) && !name2.includes("--")) return;
  const problems = [];
  if (name2.length < 3 || name2.length > 24)
    problems.push(`it is ${name2.length} characters long (3–24 allowed)`);
  if (/[^a-zA-Z0-9-]/.test(name2))
    problems.push("it contains characters other than letters, digits and hyphens");
  if (!/^[a-zA-Z]/.test(name2)) problems.push("it must start with a letter");
  if (/-$/.test(name2)) problems.push("it must end with a letter or digit");
  if (name2.includes("--")) problems.push("it contains two hyphens in a row");
  sink.error("name/vault", path3, `"${name2}" is not a valid key vault name: ${problems.join("; ")}`);
}
function checkResourceGroupName(name2, path3, sink) {
  if (name2 === void 0) return;
  const message = invalidNameMessage(NAME_RULES.resourceGroup, name2);
  if (message) sink.error("name/resource-group", path3, message);
}
function checkSubscription(value, path3, sink) {
  if (value === void 0 || isGuid(value)) return;
  sink.error(
    "id/subscription",
    path3,
    `"${value}" is not a subscription id: write the subscription's GUID (az account show --query id), not its display name`
  );
}
function checkPrivateEndpointName(name2, path3, sink) {
  const message = invalidNameMessage(NAME_RULES.privateEndpoint, name2);
  if (message) sink.error("name/private-endpoint", path3, message);
}
function checkChildName(rule, name2, path3, sink) {
  if (name2 === void 0) return;
  const message = invalidNameMessage(rule, name2);
  if (message) sink.error("name/invalid", path3, message);
}
function checkResourceId(text2, expectedType, what, path3, sink) {
  const parsed = parseResourceId(text2);
  if (!parsed.ok) {
    sink.error(
      "id/malformed",
      path3,
      `"${text2}" is not a valid ${what} resource id: ${parsed.reason}`
    );
    return false;
  }
  const actualType = resourceTypeKey(parsed.id);
  if (actualType !== expectedType) {
    sink.error(
      "id/wrong-type",
      path3,
      `"${text2}" is the id of a ${actualType} resource, but a ${what} (${expectedType}) is expected here: give the id of the ${what}`
    );
    return false;
  }
  const named = [
    [NAME_RULES.resourceGroup, parsed.id.resourceGroup],
    ...parsed.id.segments.map(
      ([type, name2]) => [RULE_BY_TYPE[type.toLowerCase()], name2]
    )
  ];
  for (const [rule, name2] of named) {
    const message = invalidNameMessage(rule, name2);
    if (message) {
      sink.error(
        "id/name",
        path3,
        `the ${what} resource id "${text2}" holds an invalid name: ${message}`
      );
      return false;
    }
  }
  return true;
}
function checkSubnetRef(ref, path3, sink) {
  if (typeof ref === "string") {
    checkResourceId(ref, SUBNET_TYPE, "subnet", path3, sink);
  } else if ("id" in ref) {
    checkResourceId(ref.id, SUBNET_TYPE, "subnet", [...path3, "id"], sink);
  } else {
    checkChildName(NAME_RULES.virtualNetwork, ref.vnet, [...path3, "vnet"], sink);
    checkChildName(NAME_RULES.subnet, ref.name, [...path3, "name"], sink);
    checkResourceGroupName(ref.resourceGroup, [...path3, "resourceGroup"], sink);
    checkSubscription(ref.subscription, [...path3, "subscription"], sink);
  }
}
function checkDefaults(spec, sink) {
  checkSubscription(spec.defaults.subscription, ["defaults", "subscription"], sink);
  checkResourceGroupName(spec.defaults.resourceGroup, ["defaults", "resourceGroup"], sink);
}
function checkVaultNames(spec, vault, vaultPath, sink) {
  checkVaultName(vault.name, [...vaultPath, "name"], sink);
  checkSubscription(vault.subscription, [...vaultPath, "subscription"], sink);
  checkResourceGroupName(vault.resourceGroup, [...vaultPath, "resourceGroup"], sink);
  if ((vault.subscription ?? spec.defaults.subscription) === void 0) {
    sink.error(
      "vault/no-subscription",
      vaultPath,
      `vault "${vault.name}" has no subscription: set "subscription" on the vault or in "defaults"`
    );
  }
  if ((vault.resourceGroup ?? spec.defaults.resourceGroup) === void 0) {
    sink.error(
      "vault/no-resource-group",
      vaultPath,
      `vault "${vault.name}" has no resource group: set "resourceGroup" on the vault or in "defaults"`
    );
  }
  vault.firewall.virtualNetworkRules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    checkSubnetRef(
      rule.subnet,
      [...vaultPath, "firewall", "virtualNetworkRules", index, "subnet"],
      sink
    );
  });
  vault.privateEndpoints.forEach((endpoint, index) => {
    const path3 = [...vaultPath, "privateEndpoints", index];
    checkPrivateEndpointName(endpoint.name, [...path3, "name"], sink);
    checkChildName(
      NAME_RULES.connection,
      endpoint.connectionName,
      [...path3, "connectionName"],
      sink
    );
    checkResourceGroupName(endpoint.resourceGroup, [...path3, "resourceGroup"], sink);
    checkSubnetRef(endpoint.subnet, [...path3, "subnet"], sink);
    const dns = endpoint.dns;
    if (!dns) return;
    if (dns.zoneId !== void 0)
      checkResourceId(
        dns.zoneId,
        DNS_ZONE_TYPE,
        "private DNS zone",
        [...path3, "dns", "zoneId"],
        sink
      );
    checkChildName(NAME_RULES.privateDnsZone, dns.zone, [...path3, "dns", "zone"], sink);
    checkChildName(NAME_RULES.zoneGroup, dns.zoneGroup, [...path3, "dns", "zoneGroup"], sink);
    dns.links.forEach((link, linkIndex) => {
      const linkPath = [...path3, "dns", "links", linkIndex];
      if (link.vnet.startsWith("/"))
        checkResourceId(link.vnet, VNET_TYPE, "virtual network", [...linkPath, "vnet"], sink);
      else checkChildName(NAME_RULES.virtualNetwork, link.vnet, [...linkPath, "vnet"], sink);
      checkChildName(NAME_RULES.virtualNetworkLink, link.name, [...linkPath, "name"], sink);
      checkResourceGroupName(link.resourceGroup, [...linkPath, "resourceGroup"], sink);
      checkSubscription(link.subscription, [...linkPath, "subscription"], sink);
    });
  });
}

// src/engine/spec/checks/network-rules.ts
var MAX_VIRTUAL_NETWORK_RULES = 200;
function checkVirtualNetworkRules(vault, vaultPath, placement, sink) {
  const rules = vault.firewall.virtualNetworkRules;
  const rulesPath = [...vaultPath, "firewall", "virtualNetworkRules"];
  if (!placement) return;
  const seen = /* @__PURE__ */ new Map();
  rules.forEach((rule, index) => {
    if (isSetRef(rule)) return;
    const path3 = [...rulesPath, index, "subnet"];
    const key3 = resourceIdKey(resolveSubnetId(rule.subnet, placement));
    const first = seen.get(key3);
    if (first) {
      sink.warning(
        "vnet/duplicate",
        path3,
        `this subnet is already allowed at ${sink.where(first)}: remove one of the two rules`
      );
    } else {
      seen.set(key3, path3);
    }
  });
}

// src/engine/spec/checks/named-sets.ts
var OTHER = { ipSet: "subnetSet", subnetSet: "ipSet" };
var article = (kind) => kind === "ipSet" ? "an ipSet" : "a subnetSet";
function checkNamedSets(targets, options, complete) {
  const sinks = /* @__PURE__ */ new Map();
  const sinkOf = (loaded) => {
    let sink = sinks.get(loaded);
    if (!sink) sinks.set(loaded, sink = new FindingSink(loaded));
    return sink;
  };
  const registry = new SetRegistry(targets.map((target) => target.source));
  const refs = [];
  reportDuplicates(registry, sinkOf);
  for (const definition of registry.definitions) {
    const sink = sinkOf(definition.loaded);
    checkDefinitionEntries(definition, sink, options);
    definition.entries.forEach((entry, index) => {
      if (isSetRef(entry))
        refs.push({
          kind: definition.kind,
          name: entry.set,
          sink,
          path: [...definition.path, index, "set"]
        });
    });
  }
  for (const target of targets) {
    const sink = sinkOf(target.source);
    for (const { vault, index } of target.vaults) {
      for (const kind of ["ipSet", "subnetSet"]) {
        const listPath = ["vaults", index, "firewall", SET_LIST[kind]];
        vault.firewall[SET_LIST[kind]].forEach((entry, entryIndex) => {
          if (isSetRef(entry))
            refs.push({ kind, name: entry.set, sink, path: [...listPath, entryIndex, "set"] });
        });
      }
    }
  }
  const used = /* @__PURE__ */ new Set();
  for (const ref of refs) {
    if (registry.get(ref.kind, ref.name)) {
      used.add(`${ref.kind}:${ref.name}`);
      continue;
    }
    reportMissing(ref, registry, complete);
  }
  for (const kind of ["ipSet", "subnetSet"]) reportCycles(kind, registry, sinkOf);
  if (complete) {
    for (const definition of registry.definitions) {
      if (used.has(`${definition.kind}:${definition.name}`)) continue;
      if (registry.get(definition.kind, definition.name) !== definition) continue;
      sinkOf(definition.loaded).report(
        "warning",
        "set/unused",
        definition.path,
        `${definition.kind} "${definition.name}" is used by no vault and no other set: grant it with "- set: ${definition.name}" in a vault's firewall.${SET_LIST[definition.kind]}, or remove it`,
        "key"
      );
    }
  }
  for (const target of targets) checkLimits(target, registry, sinkOf(target.source), options);
  return [...sinks.values()].flatMap((sink) => sink.findings);
}
function where(loaded, path3) {
  const position = loaded.positions.keyAt(path3);
  return `${loaded.file}:${position.line}:${position.column}`;
}
function reportDuplicates(registry, sinkOf) {
  for (const definition of registry.definitions) {
    const first = registry.get(definition.kind, definition.name);
    if (!first || first === definition) continue;
    sinkOf(definition.loaded).report(
      "error",
      "set/duplicate",
      definition.path,
      `${definition.kind} "${definition.name}" is already defined at ${where(first.loaded, first.path)}: define each set once in the spec set (any file may use it), or give this one another name`,
      "key"
    );
  }
}
function reportMissing(ref, registry, complete) {
  const list = SET_LIST[ref.kind];
  const other = OTHER[ref.kind];
  if (registry.get(other, ref.name)) {
    ref.sink.error(
      "set/wrong-kind",
      ref.path,
      `"${ref.name}" is ${article(other)}, and ${list} can only use ${ref.kind}s: move this entry to ${SET_LIST[other]}, or define ${article(ref.kind)} under ${SET_SECTION[ref.kind]}`
    );
    return;
  }
  if (!complete) return;
  const known = registry.names(ref.kind);
  const suggestion = closest(ref.name, known);
  const fix = suggestion ? `did you mean "${suggestion}"?` : known.length > 0 ? `the ${ref.kind}s defined are ${known.map((name2) => `"${name2}"`).join(", ")}` : `define it under ${SET_SECTION[ref.kind]}: at the top level of any file of the spec set`;
  ref.sink.error("set/unknown", ref.path, `no ${ref.kind} is named "${ref.name}": ${fix}`);
}
function reportCycles(kind, registry, sinkOf) {
  const state = /* @__PURE__ */ new Map();
  const reported = /* @__PURE__ */ new Set();
  const visit = (name2, trail) => {
    const definition = registry.get(kind, name2);
    if (!definition) return;
    state.set(name2, "visiting");
    definition.entries.forEach((entry, index) => {
      if (!isSetRef(entry)) return;
      const next = entry.set;
      if (state.get(next) === "visiting") {
        const route = [...trail, name2];
        const cycle = route.slice(route.indexOf(next));
        const key3 = [...cycle].sort().join("\0");
        if (reported.has(key3)) return;
        reported.add(key3);
        const shown = [...cycle, next].join(" → ");
        sinkOf(definition.loaded).error(
          "set/cycle",
          [...definition.path, index, "set"],
          `${kind} "${next}" includes itself (${shown}): remove this "set: ${next}" entry, or another entry of the loop`
        );
        return;
      }
      if (state.get(next) !== "done") visit(next, [...trail, name2]);
    });
    state.set(name2, "done");
  };
  for (const name2 of registry.names(kind)) if (!state.has(name2)) visit(name2, []);
}
function checkDefinitionEntries(definition, sink, options) {
  if (definition.kind === "subnetSet") {
    definition.entries.forEach((entry, index) => {
      if (!isSetRef(entry))
        checkSubnetRef(entry.subnet, [...definition.path, index, "subnet"], sink);
    });
    return;
  }
  const accepted = [];
  definition.entries.forEach((entry, index) => {
    if (isSetRef(entry)) return;
    const rulePath = [...definition.path, index];
    const addressPath = typeof entry === "string" ? rulePath : [...rulePath, "address"];
    const range = checkAddress(ipRuleAddress(entry), addressPath, sink);
    if (range) accepted.push({ range, path: addressPath, text: ipRuleAddress(entry) });
    if (typeof entry !== "string" && entry.expires !== void 0)
      checkExpiry(entry.expires, ipRuleAddress(entry), [...rulePath, "expires"], sink, options);
  });
  reportOverlaps(accepted, sink);
}
function checkLimits(target, registry, sink, options) {
  const { source } = target;
  for (const { vault, index } of target.vaults) {
    const vaultPath = ["vaults", index];
    const ipPath = [...vaultPath, "firewall", "ipRules"];
    const ips = expandEntries("ipSet", vault.firewall.ipRules, source, ipPath, registry);
    const cidrs = new Set(
      ips.rules.filter(({ rule }) => {
        const expires = typeof rule === "string" ? void 0 : rule.expires;
        return expires === void 0 || !isRealDate(expires) || daysBetween(options.today, expires) >= 0;
      }).map(({ rule }) => canonicalCidr(ipRuleAddress(rule)) ?? ipRuleAddress(rule))
    );
    if (cidrs.size > MAX_IP_RULES) {
      sink.error(
        "limits/ip-rules",
        ipPath,
        `vault "${vault.name}" has ${cidrs.size} IP rules${fromSets(ips.sets)}; Azure allows at most ${MAX_IP_RULES} per vault: merge adjacent addresses into CIDR ranges, or reach the vault through VNet rules or private endpoints`
      );
    }
    const vnetPath = [...vaultPath, "firewall", "virtualNetworkRules"];
    const vnets = expandEntries(
      "subnetSet",
      vault.firewall.virtualNetworkRules,
      source,
      vnetPath,
      registry
    );
    const placement = vaultPlacement(source.spec, vault);
    const subnets = new Set(
      vnets.rules.map(
        ({ rule }, at) => placement ? resourceIdKey(resolveSubnetId(rule.subnet, placement)) : String(at)
      )
    );
    if (subnets.size > MAX_VIRTUAL_NETWORK_RULES) {
      sink.error(
        "limits/vnet-rules",
        vnetPath,
        `vault "${vault.name}" has ${subnets.size} virtual network rules${fromSets(vnets.sets)}; Azure allows at most ${MAX_VIRTUAL_NETWORK_RULES} per vault: use private endpoints for the rest`
      );
    }
  }
}
function fromSets(sets) {
  return sets.length > 0 ? ` once its sets (${sets.join(", ")}) are expanded and duplicates merged` : "";
}

// src/engine/model/target-kinds.ts
var VAULT_KIND = {
  id: "vault",
  label: "vault",
  specSection: "vaults",
  provider: "Microsoft.KeyVault",
  typeSegment: "vaults",
  resourceType: "Microsoft.KeyVault/vaults",
  apiVersion: "2026-02-01",
  privateLinkGroup: "vault",
  privateLinkZones: {
    AzureCloud: "privatelink.vaultcore.azure.net",
    AzureUSGovernment: "privatelink.vaultcore.usgovcloudapi.net",
    AzureChinaCloud: "privatelink.vaultcore.azure.cn"
  },
  dataPlaneSuffixes: {
    AzureCloud: "vault.azure.net",
    AzureUSGovernment: "vault.usgovcloudapi.net",
    AzureChinaCloud: "vault.azure.cn"
  },
  firewall: { ipRules: true, virtualNetworkRules: true, ipRulesNeedDeny: false },
  serviceEndpoint: "Microsoft.KeyVault",
  hasAccessPolicies: true,
  sdk: { resource: "vaults", connections: "privateEndpointConnections" }
};
var MANAGED_HSM_KIND = {
  id: "managedHsm",
  label: "managed HSM",
  specSection: "managedHsms",
  provider: "Microsoft.KeyVault",
  typeSegment: "managedHSMs",
  resourceType: "Microsoft.KeyVault/managedHSMs",
  apiVersion: "2026-02-01",
  privateLinkGroup: "managedhsm",
  privateLinkZones: {
    AzureCloud: "privatelink.managedhsm.azure.net",
    AzureUSGovernment: "privatelink.managedhsm.usgovcloudapi.net",
    AzureChinaCloud: "privatelink.managedhsm.azure.cn"
  },
  dataPlaneSuffixes: {
    AzureCloud: "managedhsm.azure.net",
    AzureUSGovernment: "managedhsm.usgovcloudapi.net",
    AzureChinaCloud: "managedhsm.azure.cn"
  },
  // MHSMNetworkRuleSet has ipRules and virtualNetworkRules (azure-rest-api-specs,
  // managedHsm.json); Az.KeyVault documents that the service wants Deny with IP rules.
  firewall: { ipRules: true, virtualNetworkRules: true, ipRulesNeedDeny: true },
  serviceEndpoint: "Microsoft.KeyVault",
  hasAccessPolicies: false,
  sdk: { resource: "managedHsms", connections: "mhsmPrivateEndpointConnections" }
};
var TARGET_KINDS = [VAULT_KIND, MANAGED_HSM_KIND];
function targetKindOfId(resourceId) {
  const parsed = parseResourceId(resourceId);
  const type = parsed.ok ? (parsed.id.segments[0]?.[0] ?? "").toLowerCase() : "";
  return TARGET_KINDS.find((kind) => kind.typeSegment.toLowerCase() === type) ?? (resourceIdKey(resourceId).includes("/managedhsms/") ? MANAGED_HSM_KIND : VAULT_KIND);
}

// src/engine/spec/checks/semantics.ts
function checkSemantics(spec, vault, vaultPath, sink, kind = VAULT_KIND) {
  const { firewall } = vault;
  const hasRules = firewall.ipRules.length > 0 || firewall.virtualNetworkRules.length > 0;
  const rulesPath = [
    ...vaultPath,
    "firewall",
    firewall.ipRules.length > 0 ? "ipRules" : "virtualNetworkRules"
  ];
  if (vault.publicNetworkAccess === "Disabled" && hasRules) {
    sink.warning(
      "semantics/rules-ignored",
      rulesPath,
      `${kind.label} "${vault.name}" disables public network access, so Azure ignores its IP and VNet rules: remove the rules, or set publicNetworkAccess to Enabled`
    );
  } else if (firewall.defaultAction === "Allow" && hasRules) {
    sink.warning(
      "semantics/allow-with-rules",
      [...vaultPath, "firewall", "defaultAction"],
      `${kind.label} "${vault.name}" allows every network (defaultAction: Allow), so its IP and VNet rules have no effect: set defaultAction to Deny to enforce them`
    );
  }
  if (firewall.bypass === "None") {
    sink.warning(
      "semantics/bypass-none",
      [...vaultPath, "firewall", "bypass"],
      `${kind.label} "${vault.name}" sets bypass: None, so trusted Azure services (Backup, Disk Encryption, App Service certificates and others) lose access: keep AzureServices unless you are sure none of them use this vault`
    );
  }
  checkPrivateDns(spec, vault, vaultPath, sink, kind);
}
function checkPrivateDns(spec, vault, vaultPath, sink, kind) {
  const expectedZone = kind.privateLinkZones[spec.defaults.cloud];
  vault.privateEndpoints.forEach((endpoint, index) => {
    const dns = endpoint.dns;
    if (!dns) return;
    const dnsPath = [...vaultPath, "privateEndpoints", index, "dns"];
    if (dns.zone !== void 0 && dns.zoneId !== void 0) {
      sink.error(
        "dns/zone-and-zone-id",
        [...dnsPath, "zoneId"],
        'both "zone" and "zoneId" are given, and they exclude each other: keep "zone" (a zone kvnet creates if absent) or "zoneId" (an existing zone), not both'
      );
    }
    if (dns.zone === void 0 && dns.zoneId === void 0) {
      if (dns.zoneGroup !== void 0) {
        sink.error(
          "dns/zone-group-without-zone",
          [...dnsPath, "zoneGroup"],
          `zone group "${dns.zoneGroup}" has no zone to write records into: add "zone: ${expectedZone}" or "zoneId: <zone resource id>"`
        );
      }
      if (dns.links.length > 0) {
        sink.error(
          "dns/links-without-zone",
          [...dnsPath, "links"],
          `these VNet links have no zone to belong to: add "zone: ${expectedZone}" or "zoneId: <zone resource id>"`
        );
      }
    }
    const zoneName = dns.zone ?? zoneNameOf(dns.zoneId);
    if (zoneName !== void 0 && zoneName.toLowerCase() !== expectedZone) {
      sink.warning(
        "dns/zone-name",
        [...dnsPath, dns.zone !== void 0 ? "zone" : "zoneId"],
        `the zone "${zoneName}" is not ${expectedZone}, the zone ${kind === VAULT_KIND ? "Key Vault" : kind.label} private endpoints use in ${spec.defaults.cloud}; Azure only writes records automatically into that zone: use it`
      );
    }
  });
}
function zoneNameOf(zoneId) {
  if (zoneId === void 0) return void 0;
  const parsed = parseResourceId(zoneId);
  if (!parsed.ok || resourceTypeKey(parsed.id) !== DNS_ZONE_TYPE) return void 0;
  return parsed.id.segments[0]?.[1];
}

// src/engine/spec/checks/set.ts
function checkSpecSet(targets) {
  const vaults = /* @__PURE__ */ new Map();
  const endpoints = /* @__PURE__ */ new Map();
  const sinks = [];
  for (const { source: loaded, vaults: indexed, skip } of targets) {
    const sink = new FindingSink(loaded, skip);
    sinks.push(sink);
    indexed.forEach(({ vault, index: vaultIndex }) => {
      const vaultPath = ["vaults", vaultIndex, "name"];
      const vaultKey = vault.name.toLowerCase();
      const first = vaults.get(vaultKey);
      if (first) {
        sink.error(
          "vault/duplicate",
          vaultPath,
          `vault "${vault.name}" is already declared at ${first.sink.where(first.path)}: declare each vault once in the whole spec set`
        );
      } else {
        vaults.set(vaultKey, { sink, path: vaultPath });
      }
      const placement = vaultPlacement(loaded.spec, vault);
      vault.privateEndpoints.forEach((endpoint, endpointIndex) => {
        const path3 = ["vaults", vaultIndex, "privateEndpoints", endpointIndex, "name"];
        const group = endpoint.resourceGroup ?? placement?.resourceGroup ?? "";
        const key3 = `${placement?.subscription ?? ""}/${group}/${endpoint.name}`.toLowerCase();
        const earlier = endpoints.get(key3);
        if (earlier) {
          sink.error(
            "private-endpoint/duplicate",
            path3,
            `private endpoint "${endpoint.name}" in resource group "${group}" is already declared at ${earlier.sink.where(earlier.path)}: give each endpoint its own name`
          );
        } else {
          endpoints.set(key3, { sink, path: path3 });
        }
      });
    });
  }
  return sinks;
}

// src/engine/spec/checks/set-consistency.ts
function zoneKey(dns, subscription, resourceGroup) {
  if (dns.zoneId !== void 0) {
    const parsed = parseResourceId(dns.zoneId);
    const name2 = parsed.ok ? parsed.id.segments[0]?.[1] : void 0;
    if (!parsed.ok || name2 === void 0) return void 0;
    return { id: resourceIdKey(formatResourceId(parsed.id)), name: name2.toLowerCase() };
  }
  if (dns.zone === void 0) return void 0;
  const id = formatResourceId({
    subscription,
    resourceGroup,
    provider: "Microsoft.Network",
    segments: [["privateDnsZones", dns.zone]]
  });
  return { id: resourceIdKey(id), name: dns.zone.toLowerCase() };
}
function checkSetConsistency(targets, sinks) {
  const firstCloud = targets[0]?.source.spec.defaults.cloud;
  const firstFile = targets[0]?.source.file;
  const links = /* @__PURE__ */ new Map();
  targets.forEach((target, targetIndex) => {
    const sink = sinks[targetIndex];
    if (!sink) return;
    const { spec } = target.source;
    if (spec.defaults.cloud !== firstCloud) {
      sink.error(
        "set/mixed-clouds",
        ["defaults", "cloud"],
        `this file is for ${spec.defaults.cloud}, but ${firstFile ?? "another file"} of the same set is for ${firstCloud ?? "another cloud"}; one run talks to one cloud: put each cloud's files in a spec set of their own`
      );
    }
    target.vaults.forEach(({ vault, index: vaultIndex }) => {
      const placement = vaultPlacement(spec, vault);
      if (!placement) return;
      vault.privateEndpoints.forEach((endpoint, endpointIndex) => {
        const dns = endpoint.dns;
        if (!dns) return;
        const endpointPlacement = {
          subscription: placement.subscription,
          resourceGroup: endpoint.resourceGroup ?? placement.resourceGroup
        };
        const zone = zoneKey(dns, endpointPlacement.subscription, endpointPlacement.resourceGroup);
        if (zone === void 0) return;
        dns.links.forEach((link, linkIndex) => {
          const vnet = resourceIdKey(resolveVirtualNetworkId(link, endpointPlacement));
          const path3 = [
            "vaults",
            vaultIndex,
            "privateEndpoints",
            endpointIndex,
            "dns",
            "links",
            linkIndex,
            "vnet"
          ];
          const key3 = `${zone.name}|${vnet}`;
          const first = links.get(key3);
          if (!first) {
            links.set(key3, { sink, path: path3, name: link.name, zone: zone.id });
          } else if (first.zone !== zone.id) {
            sink.error(
              "dns/duplicate-link",
              path3,
              `this virtual network is already linked at ${first.sink.where(first.path)} to another zone named ${zone.name}; Azure links a VNet to one zone of a name: use the same zone (zoneId) for both endpoints`
            );
          } else if (first.name.toLowerCase() !== link.name.toLowerCase()) {
            sink.error(
              "dns/duplicate-link",
              path3,
              `the link "${link.name}" joins a virtual network the zone already links as "${first.name}" at ${first.sink.where(first.path)}; Azure links a VNet to a zone once: use the same link name, or drop one`
            );
          }
        });
      });
    });
  });
}

// src/engine/spec/checks/locations.ts
var REGIONS = {
  AzureCloud: [
    "australiacentral",
    "australiacentral2",
    "australiaeast",
    "australiasoutheast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "brazilsoutheast",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "centraluseuap",
    "chilecentral",
    "denmarkeast",
    "eastasia",
    "eastus",
    "eastus2",
    "eastus2euap",
    "francecentral",
    "francesouth",
    "germanynorth",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "jioindiacentral",
    "jioindiawest",
    "koreacentral",
    "koreasouth",
    "malaysiawest",
    "mexicocentral",
    "newzealandnorth",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "norwaywest",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southafricawest",
    "southcentralus",
    "southeastasia",
    "southindia",
    "spaincentral",
    "swedencentral",
    "swedensouth",
    "switzerlandnorth",
    "switzerlandwest",
    "uaecentral",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westindia",
    "westus",
    "westus2",
    "westus3"
  ],
  AzureUSGovernment: ["usdodcentral", "usdodeast", "usgovarizona", "usgovtexas", "usgovvirginia"],
  AzureChinaCloud: [
    "chinaeast",
    "chinaeast2",
    "chinaeast3",
    "chinanorth",
    "chinanorth2",
    "chinanorth3"
  ]
};
var WELL_FORMED = /^[a-z][a-z0-9]{2,40}$/;
function checkLocation(cloud, location, path3, sink) {
  if (location === void 0) return;
  const regions = REGIONS[cloud];
  if (regions.includes(location)) return;
  const squashed = location.toLowerCase().replace(/[\s_-]+/g, "");
  if (regions.includes(squashed)) {
    sink.error(
      "location/invalid",
      path3,
      `"${location}" is not how Azure names the region: write "${squashed}" (the name "az account list-locations" prints, not the display name)`
    );
    return;
  }
  const otherCloud = Object.keys(REGIONS).find(
    (name2) => name2 !== cloud && REGIONS[name2].includes(squashed)
  );
  if (otherCloud) {
    sink.error(
      "location/invalid",
      path3,
      `"${location}" is a region of ${otherCloud}, but this file's cloud is ${cloud}: use one of its regions (${regions.slice(0, 3).join(", ")}…), or set defaults.cloud`
    );
    return;
  }
  const suggestion = closest(squashed, regions);
  if (suggestion) {
    sink.error(
      "location/invalid",
      path3,
      `"${location}" is not an Azure region of ${cloud}: did you mean "${suggestion}"?`
    );
    return;
  }
  if (!WELL_FORMED.test(location)) {
    sink.error(
      "location/invalid",
      path3,
      `"${location}" is not an Azure region name: write a region's name as "az account list-locations --query [].name" prints it, for example "${regions[0] ?? ""}"`
    );
    return;
  }
  sink.warning(
    "location/unknown",
    path3,
    `"${location}" is not a region kvnet knows in ${cloud}: check the name with "az account list-locations"; if Azure opened it recently, this warning can be ignored`
  );
}
function checkDefaultLocation(spec, sink) {
  checkLocation(spec.defaults.cloud, spec.defaults.location, ["defaults", "location"], sink);
}
function checkVaultLocations(spec, vault, vaultPath, sink) {
  vault.privateEndpoints.forEach((endpoint, index) => {
    checkLocation(
      spec.defaults.cloud,
      endpoint.location,
      [...vaultPath, "privateEndpoints", index, "location"],
      sink
    );
  });
}

// src/engine/state/desired.ts
function settingSource(vault, setting) {
  return vault.sources?.[setting] ?? vault.source;
}
function vnetRuleSource(vault, subnetId2) {
  const wanted = subnetId2.toLowerCase();
  return vault.sources?.virtualNetworkRules.find((rule) => rule.subnetId.toLowerCase() === wanted)?.source ?? vault.source;
}
function sourceOf(loaded, path3) {
  return { file: loaded.file, ...loaded.positions.valueAt(path3) };
}
function vaultId(placement, name2, kind = VAULT_KIND) {
  return formatResourceId({
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    provider: kind.provider,
    segments: [[kind.typeSegment, name2]]
  });
}
function resolveDns(endpoint, placement, endpointId) {
  const dns = endpoint.dns;
  if (!dns || dns.zone === void 0 && dns.zoneId === void 0) return void 0;
  let zoneId;
  let zoneName;
  if (dns.zoneId !== void 0) {
    const parsed = parseResourceId(dns.zoneId);
    zoneId = parsed.ok ? formatResourceId(parsed.id) : dns.zoneId;
    zoneName = parsed.ok ? parsed.id.segments[0]?.[1] ?? "" : "";
  } else {
    zoneName = dns.zone ?? "";
    zoneId = formatResourceId({
      subscription: placement.subscription,
      resourceGroup: placement.resourceGroup,
      provider: "Microsoft.Network",
      segments: [["privateDnsZones", zoneName]]
    });
  }
  return {
    zoneId,
    zoneName,
    createIfMissing: dns.zoneId === void 0,
    links: dns.links.map((link) => ({
      id: internId(`${zoneId}/virtualNetworkLinks/${link.name}`),
      name: link.name,
      virtualNetworkId: resolveVirtualNetworkId(link, placement)
    })),
    zoneGroup: dns.zoneGroup === void 0 ? void 0 : {
      id: internId(`${endpointId}/privateDnsZoneGroups/${dns.zoneGroup}`),
      name: dns.zoneGroup
    }
  };
}
function resolvePrivateEndpoint(loaded, endpoint, vaultPlacementValue, path3) {
  const placement = {
    subscription: vaultPlacementValue.subscription,
    resourceGroup: endpoint.resourceGroup ?? vaultPlacementValue.resourceGroup
  };
  const id = formatResourceId({
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    provider: "Microsoft.Network",
    segments: [["privateEndpoints", endpoint.name]]
  });
  return {
    id,
    name: endpoint.name,
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    location: endpoint.location ?? loaded.spec.defaults.location,
    subnetId: resolveSubnetId(endpoint.subnet, vaultPlacementValue),
    connectionName: endpoint.connectionName,
    manualApproval: endpoint.manualApproval,
    requestMessage: endpoint.requestMessage,
    dns: resolveDns(endpoint, placement, id),
    source: sourceOf(loaded, path3)
  };
}
function resolveVault(loaded, vault, index, today, registry, kind = VAULT_KIND) {
  const placement = vaultPlacement(loaded.spec, vault);
  if (!placement) return void 0;
  const vaultPath = [kind.specSection, index];
  const ipExpansion = expandEntries(
    "ipSet",
    vault.firewall.ipRules,
    loaded,
    [...vaultPath, "firewall", "ipRules"],
    registry
  );
  const ipRules = ipExpansion.rules.map(({ rule, loaded: file, path: path3, set }) => {
    const address = ipRuleAddress(rule);
    return {
      cidr: canonicalCidr(address) ?? address,
      note: typeof rule === "string" ? void 0 : rule.note,
      expires: typeof rule === "string" ? void 0 : rule.expires,
      source: sourceOf(file, path3),
      ...set === void 0 ? {} : { set }
    };
  });
  const expired = ipRules.filter(
    (rule) => rule.expires !== void 0 && daysBetween(today, rule.expires) < 0
  );
  const expiring = ipRules.filter(
    (rule) => rule.expires !== void 0 && daysBetween(today, rule.expires) >= 0 && daysBetween(today, rule.expires) <= EXPIRY_WARNING_DAYS
  );
  const liveRules = ipRules.filter((rule) => !expired.includes(rule));
  const vnetExpansion = expandEntries(
    "subnetSet",
    vault.firewall.virtualNetworkRules,
    loaded,
    [...vaultPath, "firewall", "virtualNetworkRules"],
    registry
  );
  const vnetRules = vnetExpansion.rules.map(({ rule }) => ({
    subnetId: resolveSubnetId(rule.subnet, placement),
    ignoreMissingServiceEndpoint: rule.serviceEndpoint === "ignore"
  }));
  const virtualNetworkRuleSets = /* @__PURE__ */ new Map();
  vnetExpansion.rules.forEach(({ set }, at) => {
    const subnet = vnetRules[at];
    if (set === void 0 || !subnet) return;
    const subnetKey = resourceIdKey(subnet.subnetId);
    const list = virtualNetworkRuleSets.get(subnetKey) ?? [];
    if (!list.includes(set)) virtualNetworkRuleSets.set(subnetKey, [...list, set].sort());
  });
  return {
    kind,
    id: vaultId(placement, vault.name, kind),
    name: vault.name,
    subscription: placement.subscription,
    resourceGroup: placement.resourceGroup,
    cloud: CLOUD_PROFILES[loaded.spec.defaults.cloud],
    source: sourceOf(loaded, [...vaultPath, "name"]),
    sources: {
      publicNetworkAccess: sourceOf(loaded, [...vaultPath, "publicNetworkAccess"]),
      defaultAction: sourceOf(loaded, [...vaultPath, "firewall", "defaultAction"]),
      privateEndpoints: sourceOf(loaded, [...vaultPath, "privateEndpoints"]),
      unmanagedConnections: sourceOf(loaded, [
        ...vaultPath,
        "privateEndpointConnections",
        "unmanaged"
      ]),
      acknowledgeLockout: sourceOf(loaded, [...vaultPath, "acknowledgeLockout"]),
      virtualNetworkRules: vnetRules.map((rule, ruleIndex) => ({
        subnetId: rule.subnetId,
        source: sourceOf(loaded, [...vaultPath, "firewall", "virtualNetworkRules", ruleIndex])
      }))
    },
    network: {
      publicNetworkAccess: vault.publicNetworkAccess,
      defaultAction: vault.firewall.defaultAction,
      bypass: vault.firewall.bypass,
      ipRules: normalizeIpRules(liveRules.map((rule) => rule.cidr)),
      virtualNetworkRules: normalizeVirtualNetworkRules(vnetRules),
      defaulted: []
    },
    ipRules,
    expiredRules: expired,
    expiringRules: expiring,
    ensureServiceEndpointOn: normalizeVirtualNetworkRules(
      vnetRules.filter((rule) => !rule.ignoreMissingServiceEndpoint)
    ).map((rule) => rule.subnetId),
    privateEndpoints: vault.privateEndpoints.map(
      (endpoint, endpointIndex) => resolvePrivateEndpoint(loaded, endpoint, placement, [
        ...vaultPath,
        "privateEndpoints",
        endpointIndex,
        "name"
      ])
    ),
    unmanagedConnections: vault.privateEndpointConnections.unmanaged,
    acknowledgeLockout: vault.acknowledgeLockout,
    disabledFindings: [
      .../* @__PURE__ */ new Set([...loaded.spec.defaults.disableFindings, ...vault.disableFindings])
    ],
    sets: { ipSet: ipExpansion.sets, subnetSet: vnetExpansion.sets },
    virtualNetworkRuleSets
  };
}
function resolveDesiredState(files, today) {
  const registry = new SetRegistry(files);
  return { vaults: files.flatMap((loaded) => resolveFile(loaded, today, registry)) };
}
var resolvedFiles = /* @__PURE__ */ new WeakMap();
function resolveFile(loaded, today, registry) {
  const known = resolvedFiles.get(loaded);
  if (known?.today === today && known.lookups.every(({ kind, name: name2, foundIn }) => registry.get(kind, name2)?.loaded === foundIn))
    return known.vaults;
  const lookups = [];
  const recording = {
    get: (kind, name2) => {
      const found = registry.get(kind, name2);
      lookups.push({ kind, name: name2, foundIn: found?.loaded });
      return found;
    }
  };
  const vaults = [
    ...loaded.spec.vaults.flatMap((vault, index) => {
      const resolved = resolveVault(loaded, vault, index, today, recording);
      return resolved ? [resolved] : [];
    }),
    ...(loaded.spec.managedHsms ?? []).flatMap((hsm, index) => {
      const resolved = resolveVault(loaded, hsm, index, today, recording, MANAGED_HSM_KIND);
      return resolved ? [resolved] : [];
    })
  ];
  resolvedFiles.set(loaded, { today, lookups, vaults });
  return vaults;
}

// src/engine/analysis/address-space.ts
function interval(cidr) {
  const parsed = parseIpv4Rule(cidr);
  return parsed.kind === "ok" ? [parsed.range.first, lastAddress(parsed.range)] : void 0;
}
var AddressSet = class _AddressSet {
  constructor(intervals) {
    this.intervals = intervals;
  }
  intervals;
  static of(cidrs) {
    const sorted = cidrs.flatMap((cidr) => {
      const found = interval(cidr);
      return found ? [found] : [];
    }).sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [start, end] of sorted) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    return new _AddressSet(merged);
  }
  /** Every address of the CIDR is in the set (an unparseable CIDR is never covered). */
  covers(cidr) {
    const target = interval(cidr);
    if (!target) return false;
    let low = 0;
    let high = this.intervals.length - 1;
    while (low <= high) {
      const middle = low + high >> 1;
      const [start, end] = this.intervals[middle];
      if (target[0] < start) high = middle - 1;
      else if (target[0] > end) low = middle + 1;
      else return target[1] <= end;
    }
    return false;
  }
};

// src/engine/analysis/world.ts
function recordKey(zone, name2) {
  return `${zone}|${name2.toLowerCase()}`;
}
function setWithUndo(map, key3, value) {
  const had = map.has(key3);
  const previous = map.get(key3);
  if (value === void 0) map.delete(key3);
  else map.set(key3, value);
  return () => {
    if (had) map.set(key3, previous);
    else map.delete(key3);
  };
}
function undoAll(undos) {
  return () => {
    for (const undo of [...undos].reverse()) undo();
  };
}
var key = resourceIdKey;
var subnetRevisions = /* @__PURE__ */ new WeakMap();
var subnetRevision = (world) => subnetRevisions.get(world) ?? 0;
function setSubnetWithUndo(world, subnetKey, fact) {
  const bump = () => subnetRevisions.set(world, subnetRevision(world) + 1);
  const undo = setWithUndo(world.subnets, subnetKey, fact);
  bump();
  return () => {
    undo();
    bump();
  };
}

// src/engine/analysis/access.ts
var NO_CHANGE = { gained: [], lost: [], possiblyLost: [] };
function pathKey(path3) {
  switch (path3.kind) {
    case "public-all":
    case "trusted-services":
      return path3.kind;
    case "ip-range":
      return `ip-range:${path3.cidr}`;
    case "subnet":
      return `${path3.kind}:${key(path3.subnetId)}`;
    case "switching-subnets-egress":
      return egressKey(path3);
    case "private-endpoint":
      return `private-endpoint:${key(path3.endpointId)}`;
  }
}
var coded = (code, params = {}) => ({ code, params });
var egressKeys = /* @__PURE__ */ new WeakMap();
function egressKey(path3) {
  let text2 = egressKeys.get(path3);
  if (text2 === void 0) {
    text2 = `${path3.kind}:${path3.subnetIds.map(key).join(",")}`;
    egressKeys.set(path3, text2);
  }
  return text2;
}
var egressPath = (subnetIds) => ({
  kind: "switching-subnets-egress",
  subnetIds
});
var pathTables = /* @__PURE__ */ new WeakMap();
function pathTable(world) {
  let table = pathTables.get(world);
  if (!table) {
    table = { ipRanges: /* @__PURE__ */ new Map(), subnets: /* @__PURE__ */ new Map(), endpoints: /* @__PURE__ */ new Map() };
    pathTables.set(world, table);
  }
  return table;
}
var PUBLIC_ALL = { kind: "public-all" };
var TRUSTED_SERVICES = { kind: "trusted-services" };
function ipRangePath(table, cidr) {
  let path3 = table.ipRanges.get(cidr);
  if (!path3) table.ipRanges.set(cidr, path3 = { kind: "ip-range", cidr });
  return path3;
}
function subnetPath(table, subnetId2) {
  let path3 = table.subnets.get(subnetId2);
  if (!path3) table.subnets.set(subnetId2, path3 = { kind: "subnet", subnetId: subnetId2 });
  return path3;
}
function endpointPath(table, endpointId, name2) {
  let byName = table.endpoints.get(endpointId);
  if (!byName) table.endpoints.set(endpointId, byName = /* @__PURE__ */ new Map());
  let path3 = byName.get(name2);
  if (!path3) byName.set(name2, path3 = { kind: "private-endpoint", endpointId, name: name2 });
  return path3;
}
function publicPaths(vault, world, access) {
  const network2 = vault.network;
  const table = pathTable(world);
  const rules = [
    ...network2.ipRules.map((cidr) => ipRangePath(table, cidr)),
    ...network2.virtualNetworkRules.map((rule) => subnetPath(table, rule.subnetId))
  ];
  if (network2.publicNetworkAccess === "Disabled") {
    for (const path3 of rules)
      access.inactive.push({ path: path3, reason: coded("public-access-disabled") });
    return;
  }
  if (network2.publicNetworkAccess !== "Enabled") {
    const reason = coded("public-access-mode", { mode: network2.publicNetworkAccess });
    if (network2.defaultAction === "Allow") access.unknown.push({ path: PUBLIC_ALL, reason });
    for (const path3 of rules) access.unknown.push({ path: path3, reason });
    return;
  }
  if (network2.defaultAction === "Allow") {
    access.open.push(PUBLIC_ALL);
    for (const path3 of rules) access.inactive.push({ path: path3, reason: coded("default-action-allow") });
    return;
  }
  for (const cidr of network2.ipRules) access.open.push(ipRangePath(table, cidr));
  for (const rule of network2.virtualNetworkRules) {
    const path3 = subnetPath(table, rule.subnetId);
    const subnet = world.subnets.get(key(rule.subnetId));
    if (!subnet) access.unknown.push({ path: path3, reason: coded("subnet-not-read") });
    else if (subnet.status === "unknown")
      access.unknown.push({ path: path3, reason: coded("subnet-unreadable", { why: subnet.reason }) });
    else if (subnet.status === "missing")
      access.inactive.push({ path: path3, reason: coded("subnet-missing") });
    else if (!subnet.keyVaultEndpoint)
      access.inactive.push({ path: path3, reason: coded("subnet-without-service-endpoint") });
    else if (!subnet.ready) access.unknown.push({ path: path3, reason: coded("subnet-not-ready") });
    else access.open.push(path3);
  }
  if (network2.ipRules.length === 0) return;
  const egress = pendingEgressEntry(world);
  if (egress) access.unknown.push(egress);
}
function admitsPublicEgress(network2) {
  return network2.publicNetworkAccess === "Enabled" && network2.defaultAction !== "Allow" && network2.ipRules.length > 0;
}
var pendingEntries = /* @__PURE__ */ new WeakMap();
var internedEntries = /* @__PURE__ */ new WeakMap();
function isPendingSwitch(world, subnetKey) {
  if (!world.switchingSubnets.has(subnetKey)) return false;
  const subnet = world.subnets.get(subnetKey);
  return subnet?.status === "ok" && !subnet.keyVaultEndpoint;
}
function pendingEgressEntry(world) {
  const revision = subnetRevision(world);
  const memo = pendingEntries.get(world);
  if (memo?.revision === revision) return memo.entry;
  const keys2 = [];
  const ids2 = [];
  for (const subnetKey of world.switchingSubnets) {
    const subnet = world.subnets.get(subnetKey);
    if (subnet?.status !== "ok" || subnet.keyVaultEndpoint) continue;
    keys2.push(subnetKey);
    ids2.push(subnet.id);
  }
  const entry = ids2.length > 0 ? internedEntry(world, keys2.join("\n"), ids2) : void 0;
  pendingEntries.set(world, { revision, entry });
  return entry;
}
function internedEntry(world, id, subnetIds) {
  let entries = internedEntries.get(world);
  if (!entries) {
    entries = /* @__PURE__ */ new Map();
    internedEntries.set(world, entries);
  }
  let entry = entries.get(id);
  if (!entry) {
    entry = { path: egressPath(subnetIds), reason: coded("public-address-may-match-ip-rule") };
    entries.set(id, entry);
  }
  return entry;
}
function endpointGap(vault, vaultKey, endpointKey, endpoint, world) {
  const connection = vault.connections.get(endpointKey);
  if (!endpoint) {
    if (!connection) return { kind: "inactive", reason: coded("endpoint-missing") };
    if (connection.status !== "Approved")
      return {
        kind: "inactive",
        reason: coded("connection-not-approved", { status: connection.status })
      };
    return { kind: "unknown", reason: coded("endpoint-not-visible") };
  }
  if (!endpoint.ready)
    return {
      kind: "inactive",
      reason: coded("endpoint-not-ready", { state: endpoint.provisioningState ?? "unknown" })
    };
  if (!connection) return { kind: "inactive", reason: coded("connection-missing") };
  if (connection.status !== "Approved")
    return {
      kind: "inactive",
      reason: coded("connection-not-approved", { status: connection.status })
    };
  const zones = new Set(
    endpoint.zoneGroups.filter((group) => group.ready).flatMap((group) => group.zones)
  );
  const declared = world.declaredZoneOf.get(endpointKey);
  if (declared) zones.add(declared);
  if (zones.size === 0) return { kind: "unknown", reason: coded("dns-not-declared") };
  let first;
  for (const zoneKey2 of zones) {
    const gap = zoneGap(vault, endpointKey, endpoint, zoneKey2, world);
    if (!gap) return { kind: "open" };
    first ??= gap;
  }
  return first ?? { kind: "unknown", reason: coded("dns-not-declared") };
}
function zoneGap(vault, endpointKey, endpoint, zoneKey2, world) {
  const zone = world.zones.get(zoneKey2);
  if (zone === void 0)
    return { kind: "unknown", reason: coded("zone-not-read", { zoneId: zoneKey2 }) };
  if (zone === "missing")
    return { kind: "inactive", reason: coded("zone-missing", { zoneId: zoneKey2 }) };
  if (!zone.ready)
    return { kind: "inactive", reason: coded("zone-not-ready", { zone: zone.name }) };
  if (zone.name.toLowerCase() !== vault.privateLinkZone)
    return {
      kind: "inactive",
      reason: coded("zone-name-wrong", { zone: zone.name, expected: vault.privateLinkZone })
    };
  const link = world.links.get(zoneKey2)?.get(endpoint.virtualNetwork);
  if (!link) return { kind: "inactive", reason: coded("link-missing", { zone: zone.name }) };
  if (!link.ready)
    return { kind: "inactive", reason: coded("link-not-ready", { zone: zone.name }) };
  const record = world.records.get(recordKey(zoneKey2, vault.name));
  if (!record) return { kind: "inactive", reason: coded("record-missing", { zone: zone.name }) };
  if (record.kind === "endpoint") {
    return record.endpoint === endpointKey ? void 0 : { kind: "inactive", reason: coded("record-elsewhere", { zone: zone.name }) };
  }
  if (endpoint.ips.length === 0)
    return { kind: "unknown", reason: coded("endpoint-ip-unknown", { zone: zone.name }) };
  return record.ips.some((ip) => endpoint.ips.includes(ip)) ? void 0 : {
    kind: "inactive",
    reason: coded("record-mismatch", {
      zone: zone.name,
      record: [...record.ips],
      endpoint: [...endpoint.ips]
    })
  };
}
function accessOf(world, vaultKey) {
  const vault = world.vaults.get(vaultKey);
  const access = { open: [], unknown: [], inactive: [] };
  if (!vault) return access;
  publicPaths(vault, world, access);
  const trusted = TRUSTED_SERVICES;
  if (vault.network.bypass === "AzureServices") {
    if (["Enabled", "Disabled"].includes(vault.network.publicNetworkAccess))
      access.open.push(trusted);
    else
      access.unknown.push({
        path: trusted,
        reason: coded("public-access-mode", { mode: vault.network.publicNetworkAccess })
      });
  }
  const endpoints = new Map(vault.declaredEndpoints);
  for (const [endpointKey, connection] of vault.connections)
    if (!endpoints.has(endpointKey))
      endpoints.set(endpointKey, world.endpoints.get(endpointKey)?.id ?? connection.endpointId);
  for (const [endpointKey, endpointId] of endpoints) {
    const endpoint = world.endpoints.get(endpointKey);
    const path3 = endpointPath(
      pathTable(world),
      endpoint?.id ?? endpointId,
      endpoint?.name ?? lastSegment2(endpointId)
    );
    const gap = endpointGap(vault, vaultKey, endpointKey, endpoint, world);
    if (gap.kind === "open") access.open.push(path3);
    else access[gap.kind].push({ path: path3, reason: gap.reason });
  }
  return access;
}
function lastSegment2(id) {
  return id.split("/").pop() ?? id;
}
var Coverage = class {
  constructor(access) {
    this.access = access;
    this.keys = new Set(access.open.map(pathKey));
    this.all = this.keys.has("public-all");
    this.subnets = access.open.flatMap(
      (path3) => path3.kind === "subnet" ? [key(path3.subnetId)] : []
    );
  }
  access;
  keys;
  addressSet;
  /** Keys of the subnets open by VNet rule. */
  subnets;
  /** defaultAction Allow: every source, service-endpoint traffic included. */
  all;
  /** Built on the first range that is not open as written (most diffs compare equal lists). */
  get addresses() {
    this.addressSet ??= AddressSet.of(
      this.access.open.flatMap((path3) => path3.kind === "ip-range" ? [path3.cidr] : [])
    );
    return this.addressSet;
  }
  covers(path3) {
    switch (path3.kind) {
      case "ip-range":
        return this.all || this.keys.has(pathKey(path3)) || this.addresses.covers(path3.cidr);
      case "subnet":
      case "trusted-services":
        return this.all || this.keys.has(pathKey(path3));
      default:
        return this.keys.has(pathKey(path3));
    }
  }
};
var isEgress = (path3) => path3.kind === "switching-subnets-egress";
function egressOf(access) {
  for (const entry of access.unknown) if (isEgress(entry.path)) return entry.path;
  return void 0;
}
function diffAccess(before, after) {
  if (before === after) return NO_CHANGE;
  const was = new Coverage(before);
  const now = new Coverage(after);
  const unknownAfter = new Set(
    after.unknown.filter((entry) => !isEgress(entry.path)).map((entry) => pathKey(entry.path))
  );
  const gained = after.open.filter((path3) => !was.covers(path3));
  const lost = before.open.filter((path3) => !now.covers(path3) && !unknownAfter.has(pathKey(path3)));
  const possiblyLost = [
    ...before.open.filter((path3) => !now.covers(path3) && unknownAfter.has(pathKey(path3))),
    ...before.unknown.map((entry) => entry.path).filter((path3) => !isEgress(path3) && !now.covers(path3) && !unknownAfter.has(pathKey(path3))),
    ...lostEgress(before, after, now)
  ];
  return { gained, lost, possiblyLost };
}
var egressDifferences = /* @__PURE__ */ new WeakMap();
function egressDifference(was, now) {
  let byAfter = egressDifferences.get(was.subnetIds);
  if (!byAfter) {
    byAfter = /* @__PURE__ */ new Map();
    egressDifferences.set(was.subnetIds, byAfter);
  }
  if (byAfter.has(now?.subnetIds)) return byAfter.get(now?.subnetIds);
  const still = new Set(now?.subnetIds.map(key));
  const ids2 = [];
  const keyList = [];
  for (const id of was.subnetIds) {
    const subnetKey = key(id);
    if (still.has(subnetKey)) continue;
    ids2.push(id);
    keyList.push(subnetKey);
  }
  const difference = ids2.length === 0 ? void 0 : {
    path: ids2.length === was.subnetIds.length ? was : egressPath(ids2),
    keyList,
    keys: new Set(keyList),
    less: /* @__PURE__ */ new Map()
  };
  byAfter.set(now?.subnetIds, difference);
  return difference;
}
function lostEgress(before, after, now) {
  const was = egressOf(before);
  if (!was || now.all) return [];
  const gone = egressDifference(was, egressOf(after));
  if (!gone) return [];
  const admitted = [...new Set(now.subnets.filter((subnetKey) => gone.keys.has(subnetKey)))];
  if (admitted.length === 0) return [gone.path];
  const id = admitted.sort().join("\n");
  if (!gone.less.has(id)) {
    const skip = new Set(admitted);
    const ids2 = gone.path.subnetIds.filter((_, index) => !skip.has(gone.keyList[index]));
    gone.less.set(id, ids2.length > 0 ? egressPath(ids2) : void 0);
  }
  const rest = gone.less.get(id);
  return rest ? [rest] : [];
}
function isEmptyChange(change) {
  return change.gained.length + change.lost.length + change.possiblyLost.length === 0;
}
function impactOf(changes) {
  const widens = changes.some((change) => change.gained.length > 0);
  const narrows = changes.some((change) => change.lost.length + change.possiblyLost.length > 0);
  if (widens && narrows) return "both";
  if (widens) return "widens";
  return narrows ? "narrows" : "none";
}
function isLockedOut(access) {
  return access.open.length === 0;
}
function hasPrivatePath(access) {
  return access.open.some((path3) => path3.kind === "private-endpoint");
}

// src/engine/analysis/best-practices.ts
var isWide = (cidr) => Number(cidr.split("/")[1]) < 16;
var PRACTICES = [
  {
    id: "policy/firewall",
    basis: 'Azure Policy "Azure Key Vault should have firewall enabled"',
    applies: (vault) => vault.network.publicNetworkAccess === "Enabled" && vault.network.defaultAction === "Allow",
    source: (vault) => settingSource(vault, "defaultAction")
  },
  {
    id: "policy/public-network-access",
    basis: 'Azure Policy "Azure Key Vault should disable public network access"',
    applies: (vault) => vault.network.publicNetworkAccess === "Enabled",
    source: (vault) => settingSource(vault, "publicNetworkAccess")
  },
  {
    id: "policy/private-link",
    basis: 'Azure Policy "Azure Key Vaults should use private link"',
    applies: (_vault, after) => !hasPrivatePath(after),
    source: (vault) => settingSource(vault, "privateEndpoints")
  },
  {
    id: "practice/wide-ip-range",
    basis: "least privilege",
    applies: (vault) => vault.network.ipRules.some((cidr) => isWide(cidr)),
    source: (vault) => vault.ipRules.find((rule) => isWide(rule.cidr))?.source ?? vault.source
  }
];
var BEST_PRACTICE_IDS = PRACTICES.map((practice) => practice.id);
function bestPracticeFindings(vault, after) {
  return PRACTICES.filter(
    (practice) => !vault.disabledFindings.includes(practice.id) && practice.applies(vault, after)
  ).map((practice) => ({
    level: "warning",
    rule: practice.id,
    vault: vault.name,
    source: practice.source(vault),
    params: { vault: vault.name, basis: practice.basis }
  }));
}

// src/engine/spec/checks/disabled-findings.ts
function checkIds(ids2, path3, sink) {
  ids2.forEach((id, index) => {
    if (BEST_PRACTICE_IDS.includes(id)) return;
    const suggestion = closest(id, BEST_PRACTICE_IDS);
    const known = BEST_PRACTICE_IDS.join(", ");
    sink.error(
      "findings/unknown-id",
      [...path3, index],
      suggestion ? `"${id}" is not a finding kvnet reports, so it disables nothing: did you mean "${suggestion}"? (the ids are ${known})` : `"${id}" is not a finding kvnet reports, so it disables nothing: use one of ${known}`
    );
  });
}
function checkDefaultDisabledFindings(spec, sink) {
  checkIds(spec.defaults.disableFindings, ["defaults", "disableFindings"], sink);
}
function checkVaultDisabledFindings(vault, vaultPath, sink) {
  checkIds(vault.disableFindings, [...vaultPath, "disableFindings"], sink);
}

// src/engine/spec/checks/managed-hsms.ts
function checkManagedHsms(target, sink, options) {
  const { spec } = target.source;
  const seen = /* @__PURE__ */ new Map();
  for (const { vault: hsm, index } of target.managedHsms ?? []) {
    const hsmPath = [MANAGED_HSM_KIND.specSection, index];
    checkVaultNames(spec, hsm, hsmPath, sink);
    checkIpRules(hsm, hsmPath, sink, options);
    checkVirtualNetworkRules(hsm, hsmPath, vaultPlacement(spec, hsm), sink);
    checkSemantics(spec, hsm, hsmPath, sink, MANAGED_HSM_KIND);
    checkFirewallFields(hsm, hsmPath, sink);
    const key3 = hsm.name.toLowerCase();
    const first = seen.get(key3);
    if (first)
      sink.error(
        "managed-hsm/duplicate",
        [...hsmPath, "name"],
        `managed HSM "${hsm.name}" is already declared at ${sink.where(first)}: declare each managed HSM once`
      );
    else seen.set(key3, [...hsmPath, "name"]);
  }
}
function checkFirewallFields(hsm, hsmPath, sink) {
  const { firewall } = hsm;
  const kind = MANAGED_HSM_KIND;
  if (kind.firewall.ipRulesNeedDeny && firewall.ipRules.length > 0 && firewall.defaultAction === "Allow" && hsm.publicNetworkAccess === "Enabled")
    sink.error(
      "managed-hsm/ip-rules-need-deny",
      [...hsmPath, "firewall", "ipRules"],
      `managed HSM "${hsm.name}" lists IP rules while defaultAction is Allow, and the Managed HSM service refuses IP rules unless defaultAction is Deny: set firewall.defaultAction to Deny, or remove the IP rules`
    );
  if (firewall.virtualNetworkRules.length > 0)
    sink.warning(
      "managed-hsm/virtual-network-rules",
      [...hsmPath, "firewall", "virtualNetworkRules"],
      `managed HSM "${hsm.name}" lists VNet rules: the Managed HSM API accepts virtualNetworkRules, but Microsoft documents (Az.KeyVault) that the service does not support them yet, so an apply may be refused: prefer a private endpoint for these subnets`
    );
}

// src/engine/spec/schema-findings.ts
function schemaFindings(file, schema, input, issues, positions) {
  const findings = [];
  convert(issues, [], schema);
  return findings;
  function convert(list, base, baseSchema) {
    for (const issue of list) {
      const path3 = [
        ...base,
        ...issue.path.map((segment) => typeof segment === "symbol" ? String(segment) : segment)
      ];
      const here = schemaAt(baseSchema, issue.path);
      if (path3.length > 0 && valueAt(input, path3) === void 0) {
        addMissing(path3, here);
        continue;
      }
      if (issue.code === "invalid_union") {
        const chosen = chooseUnionBranch(issue.errors);
        const options = here instanceof external_exports.ZodUnion ? here.options : [];
        const branchSchema = options[chosen.index];
        if (chosen.issues && branchSchema) {
          convert(chosen.issues, path3, branchSchema);
        } else {
          add(
            path3,
            "value",
            "schema/type",
            wrongType(valueAt(input, path3), here, describeAt(path3))
          );
        }
        continue;
      }
      addIssue(issue, path3, here);
    }
  }
  function describeAt(path3) {
    const actual = valueAt(input, path3);
    const written = positions.writtenAt(path3);
    if (written === void 0 || typeof actual === "string") return describeValue(actual);
    const as = actual === null ? "an empty value" : `the ${typeof actual} ${String(actual)}`;
    return written === String(actual) ? written : `${written} (which YAML reads as ${as})`;
  }
  function addIssue(issue, path3, here) {
    const actual = valueAt(input, path3);
    const describeValue2 = (_value) => describeAt(path3);
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = knownKeys(here);
        for (const key3 of issue.keys) {
          const suggestion = closest(key3, known);
          const fix = suggestion ? `did you mean "${suggestion}"?` : `remove it; the keys allowed here are ${known.map((k) => `"${k}"`).join(", ")}`;
          add([...path3, key3], "key", "schema/unknown-key", `unknown key "${key3}": ${fix}`);
        }
        return;
      }
      case "invalid_type": {
        add(path3, "value", "schema/type", wrongType(actual, here, describeAt(path3)));
        return;
      }
      case "invalid_value": {
        const literal = issue.values.find((value) => typeof value !== "string");
        if (literal !== void 0 && typeof actual !== typeof literal) {
          add(
            path3,
            "value",
            "schema/value",
            `${describeValue2(actual)} is not allowed here: write ${String(literal)} without quotes (a ${typeof literal}, not text)`
          );
          return;
        }
        const options = issue.values.map((value) => String(value));
        const suggestion = typeof actual === "string" ? closest(actual, options) : void 0;
        const allowed = issue.values.map((value) => JSON.stringify(value)).join(" or ");
        const fix = suggestion ? `did you mean "${suggestion}"? (allowed: ${allowed})` : `use ${allowed}`;
        add(path3, "value", "schema/value", `${describeValue2(actual)} is not allowed here: ${fix}`);
        return;
      }
      case "too_small":
        if (issue.origin === "string" && Number(issue.minimum) === 1) {
          add(path3, "value", "schema/value", "the value is empty: write it out, or remove the key");
          return;
        }
        add(
          path3,
          "value",
          "schema/value",
          `${describeValue2(actual)} is too short: ${issue.message}`
        );
        return;
      case "too_big":
        if (issue.origin === "string" && typeof actual === "string") {
          add(
            path3,
            "value",
            "schema/value",
            `${describeValue2(actual)} is ${actual.length} characters long, more than the ${String(issue.maximum)} allowed: shorten it`
          );
          return;
        }
        add(
          path3,
          "value",
          "schema/value",
          `${describeValue2(actual)} is too long: ${issue.message}`
        );
        return;
      case "invalid_format":
      case "custom":
      default:
        add(
          path3,
          "value",
          "schema/value",
          `${describeValue2(actual)} is not valid here: ${issue.message}`
        );
    }
  }
  function addMissing(path3, here) {
    const key3 = path3[path3.length - 1];
    if (typeof key3 === "number") {
      add(path3, "parent", "schema/type", `this list item is empty: ${expectedOf(here)}`);
      return;
    }
    add(
      path3,
      "parent",
      "schema/required",
      `the required key "${String(key3)}" is missing: add it (${expectedOf(here)})`
    );
  }
  function add(path3, at, rule, message) {
    const position = at === "key" ? positions.keyAt(path3) : at === "parent" ? positions.valueAt(path3.slice(0, -1)) : positions.valueAt(path3);
    findings.push({ file, ...position, severity: "error", rule, message });
  }
}
function chooseUnionBranch(branches) {
  let best;
  branches.forEach((issues, index) => {
    const wrongTypeOutright = issues.length === 1 && issues[0]?.code === "invalid_type" && issues[0].path.length === 0;
    if (wrongTypeOutright) return;
    const score = issues.reduce(
      (sum, issue) => sum + (issue.code === "unrecognized_keys" ? issue.keys.length : 1),
      0
    );
    if (!best || score < best.score) best = { index, score };
  });
  return best ? { index: best.index, issues: branches[best.index] } : { index: -1 };
}
function unwrap(schema) {
  let current = schema;
  while (current instanceof external_exports.ZodOptional || current instanceof external_exports.ZodDefault || current instanceof external_exports.ZodNullable) {
    current = current.unwrap();
  }
  return current;
}
function unionMemberFor(union, segment) {
  return union.options.map((option) => unwrap(option)).find(
    (option) => typeof segment === "number" ? option instanceof external_exports.ZodArray : option instanceof external_exports.ZodObject && String(segment) in option.shape
  );
}
function schemaAt(schema, path3) {
  let current = unwrap(schema);
  for (const segment of path3) {
    if (current instanceof external_exports.ZodUnion) current = unionMemberFor(current, segment);
    if (current instanceof external_exports.ZodObject)
      current = unwrap(current.shape[String(segment)]);
    else if (current instanceof external_exports.ZodArray) current = unwrap(current.element);
    else return void 0;
  }
  return current;
}
function knownKeys(schema) {
  const target = unwrap(schema);
  if (target instanceof external_exports.ZodObject) return Object.keys(target.shape);
  if (target instanceof external_exports.ZodUnion) {
    return [...new Set(target.options.flatMap((option) => knownKeys(option)))];
  }
  return [];
}
function wrongType(actual, here, described = describeValue(actual)) {
  const target = unwrap(here);
  if (target instanceof external_exports.ZodBoolean && (actual === "true" || actual === "false")) {
    return `${described} is text, not a boolean: write ${actual} without quotes`;
  }
  if (target instanceof external_exports.ZodString && typeof actual !== "string" && actual !== null) {
    return `${described} is not valid here: write ${expectedOf(here)} (put it in quotes to keep it as written)`;
  }
  return `${described} is not valid here: write ${expectedOf(here)}`;
}
function expectedOf(schema) {
  const target = unwrap(schema);
  if (target === void 0) return "see the spec reference";
  if (target instanceof external_exports.ZodEnum)
    return `one of ${target.options.map((o) => `"${String(o)}"`).join(", ")}`;
  if (target instanceof external_exports.ZodLiteral)
    return `exactly ${[...target.values].map((v) => JSON.stringify(v)).join(" or ")}`;
  if (target instanceof external_exports.ZodString) return "a text value";
  if (target instanceof external_exports.ZodBoolean) return "true or false";
  if (target instanceof external_exports.ZodArray) return 'a list (each item on a line starting with "- ")';
  if (target instanceof external_exports.ZodObject)
    return `a mapping with the keys ${Object.keys(target.shape).join(", ")}`;
  if (target instanceof external_exports.ZodUnion)
    return target.options.map((option) => expectedOf(option)).join(", or ");
  return target.description ?? "see the spec reference";
}
function valueAt(input, path3) {
  let current = input;
  for (const segment of path3) {
    if (current === null || typeof current !== "object") return void 0;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return void 0;
    current = current[segment];
  }
  return current;
}
function describeValue(value) {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
  return String(value);
}

// src/engine/spec/salvage.ts
var NEUTRAL = {
  publicNetworkAccess: "Enabled",
  defaultAction: "Deny"
};
var DEPENDS_ON_DEFAULTS = {
  "vault/no-subscription": "subscription",
  "vault/no-resource-group": "resourceGroup"
};
var MAX_ROUNDS = 8;
function key2(path3) {
  return JSON.stringify(path3);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function clone(value) {
  if (Array.isArray(value)) return value.map(clone);
  if (isRecord(value)) {
    const out = {};
    for (const [name2, item] of Object.entries(value)) out[name2] = clone(item);
    return out;
  }
  return value;
}
function schemaAt2(schema, path3) {
  let current = schema;
  for (const segment of path3) {
    let inner = unwrap(current);
    if (inner instanceof external_exports.ZodUnion) {
      inner = inner.options.map((option) => unwrap(option)).find(
        (option) => typeof segment === "number" ? option instanceof external_exports.ZodArray : option instanceof external_exports.ZodObject && segment in option.shape
      );
    }
    if (inner instanceof external_exports.ZodObject) current = inner.shape[String(segment)];
    else if (inner instanceof external_exports.ZodArray) current = inner.element;
    else return void 0;
  }
  return current;
}
function parentOf(root, path3) {
  let current = root;
  for (const segment of path3.slice(0, -1)) {
    if (current === null || typeof current !== "object") return void 0;
    current = current[segment];
  }
  return current;
}
function standIn(schema, name2, actual) {
  const inner = unwrap(schema);
  if (name2 in NEUTRAL) return NEUTRAL[name2];
  if (inner instanceof external_exports.ZodEnum) return inner.options[0];
  if (inner instanceof external_exports.ZodLiteral) return [...inner.values][0];
  if (inner instanceof external_exports.ZodString) {
    return typeof actual === "number" || typeof actual === "boolean" ? String(actual) : "(invalid)";
  }
  if (inner instanceof external_exports.ZodBoolean) return false;
  if (inner instanceof external_exports.ZodArray) return [];
  if (inner instanceof external_exports.ZodObject) return {};
  if (inner instanceof external_exports.ZodUnion) return standIn(inner.options[0], name2, actual);
  return void 0;
}
function salvage(schema, input, issues, minItemDepth) {
  const value = clone(input);
  const holes = /* @__PURE__ */ new Map();
  const repaired = [];
  let pending = issues.map((issue) => issue.path);
  let pendingIssues = issues;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let changed = false;
    pendingIssues.forEach((issue, index) => {
      const path3 = pending[index];
      if (repair(issue, path3)) changed = true;
    });
    if (!changed) return void 0;
    const compacted = compact(value, []);
    const parsed = schema.safeParse(compacted);
    if (parsed.success) {
      const skip = (path3, rule) => repaired.some(
        (place) => place.every((segment, index) => path3[index] === segment) || place[0] === "defaults" && (place.length === 1 || place[1] === DEPENDS_ON_DEFAULTS[rule]) || place.length === 1 && place[0] !== "vaults" && place[0] !== "version" && rule in DEPENDS_ON_DEFAULTS
      );
      return { value: expand2(parsed.data, []), skip };
    }
    pendingIssues = parsed.error.issues;
    pending = pendingIssues.map((issue) => toOriginal(issue.path));
  }
  return void 0;
  function repair(issue, path3) {
    if (issue.code === "unrecognized_keys") {
      const target = valueAtPath(path3);
      if (!isRecord(target)) return false;
      for (const name3 of issue.keys) delete target[name3];
      if (path3.length === 0) repaired.push(...issue.keys.map((name3) => [name3]));
      return issue.keys.length > 0;
    }
    for (let depth = path3.length - 1; depth >= minItemDepth; depth -= 1) {
      const segment = path3[depth];
      if (typeof segment !== "number") continue;
      const listPath = path3.slice(0, depth);
      const list = valueAtPath(listPath);
      if (!Array.isArray(list)) continue;
      const entry = holes.get(key2(listPath)) ?? { length: list.length, indexes: /* @__PURE__ */ new Set() };
      if (entry.indexes.has(segment)) return false;
      entry.indexes.add(segment);
      holes.set(key2(listPath), entry);
      repaired.push(path3.slice(0, depth + 1));
      return true;
    }
    if (path3.length === 0) return false;
    const parent = parentOf(value, path3);
    const name2 = path3[path3.length - 1];
    if (parent === null || typeof parent !== "object") return false;
    const container = parent;
    const fieldSchema = schemaAt2(schema, path3);
    const before = container[name2];
    repaired.push(path3);
    if (fieldSchema instanceof external_exports.ZodOptional || fieldSchema instanceof external_exports.ZodDefault) {
      if (!(name2 in container)) return false;
      delete container[name2];
      return true;
    }
    const replacement = standIn(fieldSchema, String(name2), before);
    if (replacement === void 0 || JSON.stringify(replacement) === JSON.stringify(before)) {
      return false;
    }
    container[name2] = replacement;
    return true;
  }
  function valueAtPath(path3) {
    let current = value;
    for (const segment of path3) {
      if (current === null || typeof current !== "object") return void 0;
      current = current[segment];
    }
    return current;
  }
  function compact(node, path3) {
    if (Array.isArray(node)) {
      const left = holes.get(key2(path3))?.indexes;
      const out = [];
      node.forEach((item, index) => {
        if (!left?.has(index)) out.push(compact(item, [...path3, index]));
      });
      return out;
    }
    if (isRecord(node)) {
      const out = {};
      for (const [name2, item] of Object.entries(node)) out[name2] = compact(item, [...path3, name2]);
      return out;
    }
    return node;
  }
  function toOriginal(path3) {
    const out = [];
    for (const segment of path3) {
      const left = holes.get(key2(out))?.indexes;
      if (typeof segment === "number" && left) {
        let seen = -1;
        let index = 0;
        for (; index < Number.MAX_SAFE_INTEGER; index += 1) {
          if (!left.has(index)) seen += 1;
          if (seen === segment) break;
        }
        out.push(index);
      } else {
        out.push(segment);
      }
    }
    return out;
  }
  function expand2(node, path3) {
    if (Array.isArray(node)) {
      const entry = holes.get(key2(path3));
      if (!entry) return node.map((item, index) => expand2(item, [...path3, index]));
      const out = new Array(entry.length);
      let next = 0;
      for (let index = 0; index < entry.length; index += 1) {
        if (entry.indexes.has(index)) continue;
        out[index] = expand2(node[next], [...path3, index]);
        next += 1;
      }
      return out;
    }
    if (isRecord(node)) {
      const out = {};
      for (const [name2, item] of Object.entries(node)) out[name2] = expand2(item, [...path3, name2]);
      return out;
    }
    return node;
  }
}

// src/engine/spec/schema.ts
var DATE = /^\d{4}-\d{2}-\d{2}$/;
var name = (what) => external_exports.string().min(1).describe(what);
var subscriptionId = external_exports.string().describe("Azure subscription id (a GUID).");
var subnetByName = external_exports.strictObject({
  vnet: name("Name of the virtual network."),
  name: name("Name of the subnet."),
  resourceGroup: name(
    "Resource group of the virtual network; defaults to the vault's."
  ).optional(),
  subscription: subscriptionId.optional()
}).describe(
  "A subnet named by its virtual network; resource group and subscription default to the vault's."
);
var subnetById = external_exports.strictObject({ id: external_exports.string().describe("Full resource id of the subnet.") }).describe("A subnet given by its full resource id.");
var subnetRefSchema = external_exports.union([
  external_exports.string().describe("Full resource id of the subnet: /subscriptions/…/subnets/NAME."),
  subnetById,
  subnetByName
]).describe("A subnet: a resource id, { id }, or { vnet, name, resourceGroup?, subscription? }.");
var ipRuleObject = external_exports.strictObject({
  address: external_exports.string().describe("A public IPv4 address (203.0.113.7) or CIDR range (198.51.100.0/24)."),
  note: external_exports.string().max(200).describe("Why this rule exists; shown in plans.").optional(),
  expires: external_exports.string().regex(DATE, { error: "expires must be a date written YYYY-MM-DD, for example 2027-03-31" }).describe(
    "Date (YYYY-MM-DD) after which the planner removes this rule; it warns 14 days before."
  ).optional()
}).describe("An IP rule with an optional note and expiry date.");
var ipRuleSchema = external_exports.union([external_exports.string().describe("A public IPv4 address or CIDR range."), ipRuleObject]).describe("A public IPv4 address or CIDR range allowed through the firewall.");
var SET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
var setRefSchema = external_exports.strictObject({
  set: external_exports.string().regex(SET_NAME, {
    error: 'a set name is 1–80 letters, digits, ".", "_" or "-", starting with a letter or digit'
  }).describe("Name of an ipSet (in ipRules) or a subnetSet (in virtualNetworkRules).")
}).describe("Every entry of a named set, defined under ipSets or subnetSets in any file.");
var ipRuleEntrySchema = external_exports.union([ipRuleSchema, setRefSchema]).describe("An IP rule, or `set: NAME` for every entry of an ipSet.");
var virtualNetworkRuleSchema = external_exports.strictObject({
  subnet: subnetRefSchema,
  serviceEndpoint: external_exports.enum(["ensure", "ignore"]).default("ensure").describe(
    "ensure: add Microsoft.KeyVault to the subnet's service endpoints when missing (default). ignore: leave the subnet alone; the rule is set with ignoreMissingVnetServiceEndpoint and has no effect until the endpoint exists."
  )
}).describe("Allow traffic from a subnet through its Microsoft.KeyVault service endpoint.");
var virtualNetworkRuleEntrySchema = external_exports.union([virtualNetworkRuleSchema, setRefSchema]).describe("A VNet rule, or `set: NAME` for every entry of a subnetSet.");
var setName = external_exports.string().regex(SET_NAME, {
  error: 'a set name is 1–80 letters, digits, ".", "_" or "-", starting with a letter or digit'
});
var ipSetsSchema = external_exports.record(setName, external_exports.array(ipRuleEntrySchema).describe("The entries of one ipSet.")).describe(
  "Named lists of IP rules, defined once in the spec set (any file) and granted to vaults with `- set: NAME` in firewall.ipRules."
);
var subnetSetsSchema = external_exports.record(setName, external_exports.array(virtualNetworkRuleEntrySchema).describe("The entries of one subnetSet.")).describe(
  "Named lists of VNet rules, defined once in the spec set (any file) and granted to vaults with `- set: NAME` in firewall.virtualNetworkRules. A subnet given by vnet and name resolves in each vault that uses the set."
);
var firewallSchema = external_exports.strictObject({
  defaultAction: external_exports.enum(["Allow", "Deny"]).describe(
    "Allow: every network may reach the vault (rules have no effect). Deny: only the rules below, trusted services and private endpoints."
  ),
  bypass: external_exports.enum(["AzureServices", "None"]).default("AzureServices").describe(
    "AzureServices (default): trusted Microsoft services bypass the firewall. None: they do not."
  ),
  ipRules: external_exports.array(ipRuleEntrySchema).default([]).describe(
    "Public IPv4 addresses and ranges, and ipSets (at most 1000 rules once sets are expanded)."
  ),
  virtualNetworkRules: external_exports.array(virtualNetworkRuleEntrySchema).default([]).describe(
    "Subnets allowed through service endpoints, and subnetSets (at most 200 once sets are expanded)."
  )
}).describe("The vault firewall (networkAcls).");
var dnsLinkSchema = external_exports.strictObject({
  vnet: name("Virtual network to link: its name, or its full resource id."),
  name: name("Name of the virtual network link."),
  resourceGroup: name(
    "Resource group of the virtual network; defaults to the vault's."
  ).optional(),
  subscription: subscriptionId.optional()
}).describe(
  "A link between the private DNS zone and a virtual network that must resolve the vault."
);
var dnsSchema = external_exports.strictObject({
  zone: name(
    "Private DNS zone name, created in the endpoint's resource group if absent (privatelink.vaultcore.azure.net)."
  ).optional(),
  zoneId: external_exports.string().describe("Resource id of an existing (hub) private DNS zone.").optional(),
  links: external_exports.array(dnsLinkSchema).default([]).describe("Virtual network links the zone must have."),
  zoneGroup: name(
    "Name of the DNS zone group on the private endpoint, which keeps the A record in the zone."
  ).optional()
}).describe("Private DNS for the endpoint: give zone or zoneId, not both.");
var privateEndpointSchema = external_exports.strictObject({
  name: name("Name of the private endpoint."),
  subnet: subnetRefSchema,
  connectionName: name("Name of the private link service connection."),
  resourceGroup: name("Resource group of the endpoint; defaults to the vault's.").optional(),
  location: name("Region of the endpoint; defaults to the virtual network's.").optional(),
  manualApproval: external_exports.boolean().default(false).describe(
    "Request the connection for manual approval instead of approving it automatically."
  ),
  requestMessage: external_exports.string().max(140).describe("Message sent with a manual connection request (at most 140 characters).").optional(),
  dns: dnsSchema.optional()
}).describe("A private endpoint to the vault, with its private DNS.");
var disableFindingsSchema = external_exports.array(
  external_exports.string().regex(/^(policy|practice)\/[a-z-]+$/, {
    error: "only best-practice findings can be disabled: write an id such as policy/private-link"
  })
).default([]).describe(
  "Best-practice finding ids (policy/…, practice/…) not to report, e.g. policy/private-link."
);
var vaultSchema = external_exports.strictObject({
  name: external_exports.string().describe("Name of the key vault (3–24 letters, digits and hyphens)."),
  subscription: subscriptionId.optional(),
  resourceGroup: name(
    "Resource group of the vault; defaults to defaults.resourceGroup."
  ).optional(),
  publicNetworkAccess: external_exports.enum(["Enabled", "Disabled", "SecuredByPerimeter"]).describe(
    "Enabled: the firewall decides. Disabled: only private endpoints and trusted services reach the vault. SecuredByPerimeter: a network security perimeter decides public access (kvnet keeps it and cannot verify that path)."
  ),
  firewall: firewallSchema,
  privateEndpoints: external_exports.array(privateEndpointSchema).default([]).describe("Private endpoints to the vault."),
  privateEndpointConnections: external_exports.strictObject({
    unmanaged: external_exports.enum(["report", "reject"]).default("report").describe(
      "What to do with connections to this vault that the spec does not declare: report them, or reject them."
    )
  }).default({ unmanaged: "report" }).describe("Policy for private endpoint connections other parties request to this vault."),
  acknowledgeLockout: external_exports.boolean().default(false).describe(
    "Set to true to accept a configuration in which no client can reach the vault's data plane."
  ),
  disableFindings: disableFindingsSchema
}).describe("The network configuration of one key vault.");
var managedHsmSchema = vaultSchema.extend({
  name: external_exports.string().describe("Name of the managed HSM pool (3–24 letters, digits and hyphens)."),
  firewall: firewallSchema.describe(
    "The managed HSM firewall (networkAcls). The service wants defaultAction Deny when ipRules are given."
  )
}).describe("The network configuration of one Managed HSM pool.");
var specSchema = external_exports.strictObject({
  version: external_exports.literal(1).describe("Spec format version; always 1."),
  defaults: external_exports.strictObject({
    subscription: subscriptionId.optional(),
    resourceGroup: name("Default resource group.").optional(),
    location: name("Default region for new resources.").optional(),
    cloud: external_exports.enum(CLOUDS).default("AzureCloud").describe("Azure cloud of every vault in this file."),
    disableFindings: disableFindingsSchema
  }).default({ cloud: "AzureCloud", disableFindings: [] }).describe("Values that vaults and their resources inherit unless they set their own."),
  vaults: external_exports.array(vaultSchema).describe("The key vaults whose network access this file declares."),
  ipSets: ipSetsSchema.default({}),
  subnetSets: subnetSetsSchema.default({}),
  managedHsms: external_exports.array(managedHsmSchema).default([]).describe("The Managed HSM pools whose network access this file declares.")
}).describe("kvnet spec: the network security of Azure Key Vaults.");

// src/engine/spec/validate.ts
function parseSpecFile(source) {
  const yaml = loadYaml(source.file, source.text);
  if (!yaml.ok) return { findings: yaml.findings };
  const parsed = specSchema.safeParse(yaml.value);
  if (!parsed.success) {
    const findings = schemaFindings(
      source.file,
      specSchema,
      yaml.value,
      parsed.error.issues,
      yaml.positions
    );
    const checkable = vaultsThatParse(source.file, yaml.value, parsed.error.issues, yaml.positions);
    return checkable ? { checkable, findings } : { findings };
  }
  const loaded = { file: source.file, spec: parsed.data, positions: yaml.positions };
  return { loaded, checkable: wholeFile(loaded), findings: [] };
}
function vaultsThatParse(file, value, issues, positions) {
  const salvaged = salvage(specSchema, value, issues, 2);
  if (!salvaged) return void 0;
  const spec = salvaged.value;
  const vaults = [];
  spec.vaults.forEach((vault, index) => vaults.push({ vault, index }));
  const managedHsms = [];
  spec.managedHsms.forEach((hsm, index) => managedHsms.push({ vault: hsm, index }));
  return { source: { file, spec, positions }, vaults, managedHsms, skip: salvaged.skip };
}
function checkFile(target, sink, options) {
  const { spec } = target.source;
  checkDefaults(spec, sink);
  checkDefaultLocation(spec, sink);
  checkDefaultDisabledFindings(spec, sink);
  target.vaults.forEach(({ vault, index }) => {
    const vaultPath = ["vaults", index];
    const placement = vaultPlacement(spec, vault);
    checkVaultNames(spec, vault, vaultPath, sink);
    checkIpRules(vault, vaultPath, sink, options);
    checkVirtualNetworkRules(vault, vaultPath, placement, sink);
    checkSemantics(spec, vault, vaultPath, sink);
    checkVaultLocations(spec, vault, vaultPath, sink);
    checkVaultDisabledFindings(vault, vaultPath, sink);
  });
  checkManagedHsms(target, sink, options);
}
function validateSpecSet(sources, options) {
  return checkParsedSet(sources.map(parseSpecFile), sources.length, options);
}
async function validateSpecSetAsParsed(sources, options, onParsed) {
  const parsed = [];
  for (const source of sources) {
    const result = parseSpecFile(source);
    parsed.push(result);
    if (result.loaded) onParsed(result.loaded);
    await new Promise((resolve3) => setImmediate(resolve3));
  }
  return checkParsedSet(parsed, sources.length, options);
}
function checkParsedSet(parsed, sourceCount, options) {
  const findings = [];
  const files = [];
  const targets = [];
  for (const result of parsed) {
    findings.push(...result.findings);
    if (result.loaded) files.push(result.loaded);
    if (result.checkable) targets.push(result.checkable);
  }
  const setSinks = checkSpecSet(targets);
  checkSetConsistency(targets, setSinks);
  targets.forEach((target, index) => {
    const sink = setSinks[index] ?? new FindingSink(target.source, target.skip);
    if (target.skip) {
      try {
        checkFile(target, sink, options);
      } catch {
      }
    } else {
      checkFile(target, sink, options);
    }
    findings.push(...sink.findings);
  });
  findings.push(...checkNamedSets(targets, options, files.length === sourceCount));
  return { files, findings: findings.sort(compareFindings) };
}

// src/adapters/filesystem/other-spec-files.ts
import { readFile, stat as stat3 } from "node:fs/promises";
import path2 from "node:path";
var DISCOVERY_LIMIT = 2e3;
var looksLikeSpec = (text2) => /^version:/m.test(text2) && /^vaults:/m.test(text2);
async function otherSpecSources(patterns, thisSet) {
  const mine = new Set(thisSet.map((file) => path2.resolve(file)));
  if (patterns.length > 0) {
    const collected = await collectSpecSources(patterns);
    return collected.sources.filter((source) => !mine.has(path2.resolve(source.file)));
  }
  const files = await glob("**/*.{yaml,yml}", {
    onlyFiles: true,
    dot: false,
    ignore: ["**/node_modules/**", ".git/**", ".github/**"]
  });
  const sources = [];
  for (const file of files.sort().slice(0, DISCOVERY_LIMIT)) {
    if (mine.has(path2.resolve(file))) continue;
    const info2 = await stat3(file).catch(() => void 0);
    if (!info2 || info2.size > MAX_SPEC_BYTES) continue;
    const text2 = await readFile(file, "utf8").catch(() => "");
    if (looksLikeSpec(text2)) sources.push({ file: path2.normalize(file), text: text2 });
  }
  return sources;
}

// src/engine/state/across-sets.ts
function vaultsDeclaredInOtherSets(thisSet, otherFiles, today) {
  const elsewhere = /* @__PURE__ */ new Map();
  for (const file of otherFiles)
    for (const vault of resolvedOrNothing(file, today)) {
      const name2 = vault.name.toLowerCase();
      if (!elsewhere.has(name2)) elsewhere.set(name2, vault.source);
    }
  const findings = [];
  for (const vault of resolveDesiredState(thisSet, today).vaults) {
    const other = elsewhere.get(vault.name.toLowerCase());
    if (!other) continue;
    findings.push({
      file: vault.source.file,
      line: vault.source.line,
      column: vault.source.column,
      severity: "error",
      rule: "vault/in-two-sets",
      message: `vault "${vault.name}" is also declared at ${other.file}:${other.line}:${other.column}, in another spec set: each set would undo the other's rules on every apply. Declare each vault in one spec set only`
    });
  }
  return findings;
}
function resolvedOrNothing(file, today) {
  try {
    return resolveDesiredState([file], today).vaults;
  } catch {
    return [];
  }
}

// src/action/spec-overlap.ts
async function overlapFindings(inputs, files, today) {
  const others = await otherSpecSources(
    inputs.allSpecs,
    files.map((file) => file.file)
  );
  const loaded = others.flatMap((source) => {
    const parsed = parseSpecFile(source).loaded;
    return parsed ? [parsed] : [];
  });
  return vaultsDeclaredInOtherSets(files, loaded, today);
}

// src/action/spec-set.ts
function cloudsOf(files) {
  return [...new Set(files.map((loaded) => loaded.spec.defaults.cloud))];
}
function todayFrom(env) {
  const pinned = env.KVNET_TODAY;
  if (pinned !== void 0 && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function loadSpecSet(inputs, env, onFileParsed) {
  const today = todayFrom(env);
  const collected = await collectSpecSources(inputs.spec);
  const wanted = inputs.azureSubscriptionId?.toLowerCase();
  const outside = (loaded) => wanted === void 0 ? [] : resolveDesiredState([loaded], today).vaults.filter(
    (vault) => vault.subscription.toLowerCase() !== wanted
  );
  const result = onFileParsed ? await validateSpecSetAsParsed(collected.sources, { today }, (loaded) => {
    if (outside(loaded).length === 0) onFileParsed(loaded, today);
  }) : validateSpecSet(collected.sources, { today });
  const findings = [...collected.findings, ...result.findings];
  if (inputs.azureSubscriptionId && !hasErrors(findings)) {
    for (const loaded of result.files) {
      for (const vault of outside(loaded)) {
        findings.push({
          file: vault.source.file,
          line: vault.source.line,
          column: vault.source.column,
          severity: "error",
          rule: "action/subscription",
          message: `vault ${vault.name} is in subscription ${vault.subscription}, but the input "azure-subscription-id" limits this run to ${inputs.azureSubscriptionId}: move it to another spec set or change the input`
        });
      }
    }
  }
  if (!hasErrors(findings)) findings.push(...await overlapFindings(inputs, result.files, today));
  findings.sort(compareFindings);
  for (const finding of findings) {
    const annotate = finding.severity === "error" ? error : warning;
    annotate(neutralizeForLog(renderFindingsText([finding])), {
      file: finding.file,
      startLine: finding.line,
      startColumn: finding.column,
      title: `kvnet ${finding.rule}`
    });
  }
  if (findings.length > 0) info(neutralizeForLog(renderFindingsText(findings)));
  const summary = summarizeFindings(findings, collected.sources.length);
  info(summary);
  const valid = !hasErrors(findings) && collected.sources.length > 0;
  return {
    clouds: cloudsOf(result.files),
    findings,
    fileCount: collected.sources.length,
    valid,
    summary,
    desired: valid ? resolveDesiredState(result.files, today) : void 0
  };
}
function annotatePlanFindings(plan) {
  for (const finding of plan.findings) {
    if (finding.level === "info") continue;
    const annotate = finding.level === "error" ? error : warning;
    annotate(neutralizeForLog(singleLine(findingLine(finding))), {
      ...finding.source ? {
        file: finding.source.file,
        startLine: finding.source.line,
        startColumn: finding.source.column
      } : {},
      title: `kvnet ${finding.rule}`
    });
  }
}

export {
  renderFindingsText,
  internId,
  parseResourceId,
  resourceIdKey,
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  normalizeLiveNetwork,
  comparableNetwork,
  sameNetwork,
  visibleBasis,
  findingMessage,
  noteText,
  pathText,
  setChangeLines,
  SET_CHANGES_HEADING,
  stepTitle,
  changeLine,
  stepLines,
  findingWhere,
  findingLine,
  readErrorLines,
  countPlan,
  readiness,
  verdict,
  targetKindOfId,
  settingSource,
  vnetRuleSource,
  resolveDesiredState,
  recordKey,
  setWithUndo,
  undoAll,
  key,
  setSubnetWithUndo,
  egressPath,
  admitsPublicEgress,
  isPendingSwitch,
  accessOf,
  Coverage,
  diffAccess,
  isEmptyChange,
  impactOf,
  isLockedOut,
  hasPrivatePath,
  bestPracticeFindings,
  cloudsOf,
  todayFrom,
  loadSpecSet,
  annotatePlanFindings
};
