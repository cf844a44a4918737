import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  BEST_PRACTICE_IDS,
  MANAGED_HSM_KIND,
  MAX_IP_RULES,
  SET_LIST,
  SET_SECTION,
  SetRegistry,
  VAULT_KIND,
  canonicalCidr,
  checkAddress,
  checkExpiry,
  checkIpRules,
  daysBetween,
  expandEntries,
  external_exports,
  findingLine,
  formatResourceId,
  ipRuleAddress,
  isGuid,
  isRealDate,
  isSetRef,
  parseResourceId,
  renderFindingsText,
  reportOverlaps,
  resolveDesiredState,
  resolveSubnetId,
  resolveVirtualNetworkId,
  resourceIdKey,
  resourceTypeKey,
  specSchema,
  summarizeFindings,
  vaultPlacement
} from "./chunk-B6SJDPMF.js";
import {
  error,
  info,
  neutralizeForLog,
  singleLine,
  warning
} from "./chunk-OR57H7DE.js";
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
    var parse = (input, options) => {
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
            const expression = parse(rest, { ...options, fastpaths: false }).output;
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
    parse.fastpaths = (input, options) => {
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
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
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
      return parse(pattern, { ...options, fastpaths: false });
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
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
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
  for (const key2 in defaultOptions) if (opts[key2] === void 0) Object.assign(opts, { [key2]: defaultOptions[key2] });
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
    let key2;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key2 = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key2 = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key2)) return "duplicate key in ordered map";
    carrier.seen.add(key2);
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
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of Object.keys(o)) map.set(key2, o[key2]);
    return map;
  },
  addPair: (container, key2, value) => {
    if (key2 !== null && typeof key2 === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key2);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key2) => {
    if (key2 !== null && typeof key2 === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key2));
  },
  keys: (container) => Object.keys(container),
  get: (container, key2) => {
    const normalizedKey = String(key2);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of data) map.set(key2, null);
    return map;
  },
  addPair: (container, key2, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key2);
    return "";
  },
  has: (container, key2) => container.has(key2),
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
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key2 of tag.implicitFirstChars) keys.add(key2);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key2 of keys) implicitScalarByFirstChar.set(key2, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key2) !== -1));
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
  addPair: (container, key2, value) => {
    container.set(key2, value);
    return "";
  },
  has: (container, key2) => container.has(key2),
  keys: (container) => container.keys(),
  get: (container, key2) => container.get(key2),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key2 of Object.keys(obj)) map.set(key2, obj[key2]);
    return map;
  }
});
function normalizeKey(key2) {
  if (Array.isArray(key2)) {
    const array = Array.prototype.slice.call(key2);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key2 === "object" && Object.prototype.toString.call(key2) === "[object Object]") return "[object Object]";
  return String(key2);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key2 of Object.keys(o)) map.set(key2, o[key2]);
    return map;
  },
  addPair: (container, key2, value) => {
    const normalizedKey = normalizeKey(key2);
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
  has: (container, key2) => {
    const normalizedKey = normalizeKey(key2);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key2) => {
    const normalizedKey = String(key2);
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
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
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
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
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
  constructor(text) {
    this.text = text;
    for (let index = 0; index < text.length; index += 1) {
      if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
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
var PositionIndex = class {
  root = {};
  set(path3, located) {
    this.node(path3).located = located;
  }
  /** Remembers the text of a plain scalar YAML turned into a number, boolean or null. */
  setWritten(path3, text) {
    this.node(path3).written = text;
  }
  /** The text as written, for a value YAML converted (`0x1F`, `1.10`, `yes`); else undefined. */
  writtenAt(path3) {
    let node = this.root;
    for (const segment of path3) node = node?.children?.get(segment);
    return node?.written;
  }
  /** The position of the value at `path`, or of its nearest ancestor. */
  valueAt(path3) {
    return this.nearest(path3).value;
  }
  /** The position of the key that holds `path` (for "unknown key" and the like). */
  keyAt(path3) {
    const located = this.nearest(path3);
    return located.key ?? located.value;
  }
  node(path3) {
    let node = this.root;
    for (const segment of path3) {
      node.children ??= /* @__PURE__ */ new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = {};
        node.children.set(segment, child);
      }
      node = child;
    }
    return node;
  }
  nearest(path3) {
    let found = this.root.located ?? { value: { line: 1, column: 1 } };
    let node = this.root;
    for (const segment of path3) {
      node = node.children?.get(segment);
      if (!node) break;
      if (node.located) found = node.located;
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
function loadYaml(file, text) {
  const source = new SourceText(text);
  const refuse2 = (rule, position, message) => ({
    ok: false,
    findings: [{ file, ...position, severity: "error", rule, message }]
  });
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SPEC_BYTES) {
    return refuse2(
      "yaml/too-large",
      { line: 1, column: 1 },
      `the file is ${bytes} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`
    );
  }
  let events;
  try {
    events = parseEvents(text, { filename: file, maxDepth: MAX_YAML_DEPTH });
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
      source.positionAt(secondDocumentOffset(events, second, text)),
      'the file holds more than one YAML document ("---"): keep one spec per file, or move the rest into another file of the set'
    );
  }
  const positions = new PositionIndex();
  try {
    const builder = new TreeBuilder(events, text, source, positions);
    const value = builder.document();
    return { ok: true, value, positions };
  } catch (error2) {
    if (!(error2 instanceof RefusedYaml)) throw error2;
    return refuse2(error2.rule, source.positionAt(error2.offset), error2.reason);
  }
}
function secondDocumentOffset(events, second, text) {
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
  return marker.exec(text)?.index ?? endOfFirst;
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
var TreeBuilder = class {
  constructor(events, text, source, positions) {
    this.events = events;
    this.text = text;
    this.source = source;
    this.positions = positions;
  }
  events;
  text;
  source;
  positions;
  index = 0;
  lastPosition = { line: 1, column: 1 };
  document() {
    this.index = 1;
    if (this.events[this.index]?.type === EVENT_ID.POP) return null;
    return this.node([], void 0);
  }
  node(path3, keyPosition) {
    const event = this.events[this.index];
    if (!event)
      throw new RefusedYaml("yaml/syntax", this.text.length, "the document ends unexpectedly");
    const offset = startOf(event);
    const value = offset >= 0 ? this.source.positionAt(offset) : keyPosition ?? this.lastPosition;
    this.lastPosition = value;
    this.positions.set(path3, { value, key: keyPosition });
    this.refuseAnchorsAndTags(event);
    this.index += 1;
    switch (event.type) {
      case EVENT_ID.SCALAR: {
        const scalar = this.scalar(event);
        if (typeof scalar !== "string" && event.valueStart >= 0) {
          this.positions.setWritten(path3, getScalarValue(this.text, event));
        }
        return scalar;
      }
      case EVENT_ID.SEQUENCE:
        return this.sequence(path3);
      case EVENT_ID.MAPPING:
        return this.mapping(path3);
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
    const text = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN) return text;
    for (const tag of IMPLICIT_TAGS) {
      const resolved = tag.resolve(text, false, tag.tagName);
      if (resolved !== NOT_RESOLVED) return resolved;
    }
    return text;
  }
  sequence(path3) {
    const items = [];
    while (this.events[this.index]?.type !== EVENT_ID.POP) {
      items.push(this.node([...path3, items.length], void 0));
    }
    this.index += 1;
    return items;
  }
  mapping(path3) {
    const result = /* @__PURE__ */ Object.create(null);
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
      const key2 = getScalarValue(this.text, keyEvent);
      if (key2 === "<<" && keyEvent.style === SCALAR_STYLE.PLAIN) {
        throw new RefusedYaml(
          "yaml/merge-key",
          keyOffset,
          'YAML merge keys ("<<") are not allowed in a spec: write the keys out in full'
        );
      }
      if (FORBIDDEN_KEYS.has(key2)) {
        throw new RefusedYaml(
          "yaml/forbidden-key",
          keyOffset,
          `the key "${key2}" is not allowed (it could alter object prototypes): remove it`
        );
      }
      if (Object.prototype.hasOwnProperty.call(result, key2)) {
        throw new RefusedYaml(
          "yaml/duplicate-key",
          keyOffset,
          `the key "${key2}" appears twice in the same mapping: keep one of them`
        );
      }
      result[key2] = this.node([...path3, key2], this.source.positionAt(keyOffset));
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
function nameProblems(rule, name) {
  const applied = rule ?? GENERIC;
  const problems = [];
  const chars = [...name];
  if (name === "." || name === "..") {
    return [`it is "${name}", a path step, not a name`];
  }
  if (/%[0-9a-f]{2}/i.test(name)) {
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
  if (name.includes("..") && applied !== NAME_RULES.resourceGroup) {
    problems.push('it contains ".."');
  }
  if (applied === NAME_RULES.privateDnsZone) {
    const labels = name.split(".");
    if (labels.length < 2 || labels.length > 34) {
      problems.push(`it has ${labels.length} labels (2–34 allowed)`);
    }
    if (labels.some((label) => label.length > 63)) problems.push("a label is over 63 characters");
  }
  if (applied.start && applied.startText && name.length > 0 && !applied.start.test(name)) {
    problems.push(`it must ${applied.startText}`);
  }
  if (applied.end && applied.endText && name.length > 0 && !applied.end.test(name)) {
    problems.push(`it must ${applied.endText}`);
  }
  return problems;
}
function invalidNameMessage(rule, name) {
  const problems = nameProblems(rule, name);
  if (problems.length === 0) return void 0;
  const applied = rule ?? GENERIC;
  return `"${name}" is not a valid ${applied.kind} name: ${applied.guide}; here ${problems.join(", and ")}`;
}

// src/engine/spec/checks/names.ts
var VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
var SUBNET_TYPE = "microsoft.network/virtualnetworks/subnets";
var VNET_TYPE = "microsoft.network/virtualnetworks";
var DNS_ZONE_TYPE = "microsoft.network/privatednszones";
function checkVaultName(name, path3, sink) {
  if (VAULT_NAME.test(name) && !name.includes("--")) return;
  const problems = [];
  if (name.length < 3 || name.length > 24)
    problems.push(`it is ${name.length} characters long (3–24 allowed)`);
  if (/[^a-zA-Z0-9-]/.test(name))
    problems.push("it contains characters other than letters, digits and hyphens");
  if (!/^[a-zA-Z]/.test(name)) problems.push("it must start with a letter");
  if (/-$/.test(name)) problems.push("it must end with a letter or digit");
  if (name.includes("--")) problems.push("it contains two hyphens in a row");
  sink.error("name/vault", path3, `"${name}" is not a valid key vault name: ${problems.join("; ")}`);
}
function checkResourceGroupName(name, path3, sink) {
  if (name === void 0) return;
  const message = invalidNameMessage(NAME_RULES.resourceGroup, name);
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
function checkPrivateEndpointName(name, path3, sink) {
  const message = invalidNameMessage(NAME_RULES.privateEndpoint, name);
  if (message) sink.error("name/private-endpoint", path3, message);
}
function checkChildName(rule, name, path3, sink) {
  if (name === void 0) return;
  const message = invalidNameMessage(rule, name);
  if (message) sink.error("name/invalid", path3, message);
}
function checkResourceId(text, expectedType, what, path3, sink) {
  const parsed = parseResourceId(text);
  if (!parsed.ok) {
    sink.error(
      "id/malformed",
      path3,
      `"${text}" is not a valid ${what} resource id: ${parsed.reason}`
    );
    return false;
  }
  const actualType = resourceTypeKey(parsed.id);
  if (actualType !== expectedType) {
    sink.error(
      "id/wrong-type",
      path3,
      `"${text}" is the id of a ${actualType} resource, but a ${what} (${expectedType}) is expected here: give the id of the ${what}`
    );
    return false;
  }
  const named = [
    [NAME_RULES.resourceGroup, parsed.id.resourceGroup],
    ...parsed.id.segments.map(
      ([type, name]) => [RULE_BY_TYPE[type.toLowerCase()], name]
    )
  ];
  for (const [rule, name] of named) {
    const message = invalidNameMessage(rule, name);
    if (message) {
      sink.error(
        "id/name",
        path3,
        `the ${what} resource id "${text}" holds an invalid name: ${message}`
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
    const key2 = resourceIdKey(resolveSubnetId(rule.subnet, placement));
    const first = seen.get(key2);
    if (first) {
      sink.warning(
        "vnet/duplicate",
        path3,
        `this subnet is already allowed at ${sink.where(first)}: remove one of the two rules`
      );
    } else {
      seen.set(key2, path3);
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
  const fix = suggestion ? `did you mean "${suggestion}"?` : known.length > 0 ? `the ${ref.kind}s defined are ${known.map((name) => `"${name}"`).join(", ")}` : `define it under ${SET_SECTION[ref.kind]}: at the top level of any file of the spec set`;
  ref.sink.error("set/unknown", ref.path, `no ${ref.kind} is named "${ref.name}": ${fix}`);
}
function reportCycles(kind, registry, sinkOf) {
  const state = /* @__PURE__ */ new Map();
  const reported = /* @__PURE__ */ new Set();
  const visit = (name, trail) => {
    const definition = registry.get(kind, name);
    if (!definition) return;
    state.set(name, "visiting");
    definition.entries.forEach((entry, index) => {
      if (!isSetRef(entry)) return;
      const next = entry.set;
      if (state.get(next) === "visiting") {
        const route = [...trail, name];
        const cycle = route.slice(route.indexOf(next));
        const key2 = [...cycle].sort().join("\0");
        if (reported.has(key2)) return;
        reported.add(key2);
        const shown = [...cycle, next].join(" → ");
        sinkOf(definition.loaded).error(
          "set/cycle",
          [...definition.path, index, "set"],
          `${kind} "${next}" includes itself (${shown}): remove this "set: ${next}" entry, or another entry of the loop`
        );
        return;
      }
      if (state.get(next) !== "done") visit(next, [...trail, name]);
    });
    state.set(name, "done");
  };
  for (const name of registry.names(kind)) if (!state.has(name)) visit(name, []);
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
        const key2 = `${placement?.subscription ?? ""}/${group}/${endpoint.name}`.toLowerCase();
        const earlier = endpoints.get(key2);
        if (earlier) {
          sink.error(
            "private-endpoint/duplicate",
            path3,
            `private endpoint "${endpoint.name}" in resource group "${group}" is already declared at ${earlier.sink.where(earlier.path)}: give each endpoint its own name`
          );
        } else {
          endpoints.set(key2, { sink, path: path3 });
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
    const name = parsed.ok ? parsed.id.segments[0]?.[1] : void 0;
    if (!parsed.ok || name === void 0) return void 0;
    return { id: resourceIdKey(formatResourceId(parsed.id)), name: name.toLowerCase() };
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
          const key2 = `${zone.name}|${vnet}`;
          const first = links.get(key2);
          if (!first) {
            links.set(key2, { sink, path: path3, name: link.name, zone: zone.id });
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
    (name) => name !== cloud && REGIONS[name].includes(squashed)
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

// src/engine/spec/checks/disabled-findings.ts
function checkIds(ids, path3, sink) {
  ids.forEach((id, index) => {
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
    const key2 = hsm.name.toLowerCase();
    const first = seen.get(key2);
    if (first)
      sink.error(
        "managed-hsm/duplicate",
        [...hsmPath, "name"],
        `managed HSM "${hsm.name}" is already declared at ${sink.where(first)}: declare each managed HSM once`
      );
    else seen.set(key2, [...hsmPath, "name"]);
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
        for (const key2 of issue.keys) {
          const suggestion = closest(key2, known);
          const fix = suggestion ? `did you mean "${suggestion}"?` : `remove it; the keys allowed here are ${known.map((k) => `"${k}"`).join(", ")}`;
          add([...path3, key2], "key", "schema/unknown-key", `unknown key "${key2}": ${fix}`);
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
    const key2 = path3[path3.length - 1];
    if (typeof key2 === "number") {
      add(path3, "parent", "schema/type", `this list item is empty: ${expectedOf(here)}`);
      return;
    }
    add(
      path3,
      "parent",
      "schema/required",
      `the required key "${String(key2)}" is missing: add it (${expectedOf(here)})`
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
function key(path3) {
  return JSON.stringify(path3);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function clone(value) {
  if (Array.isArray(value)) return value.map(clone);
  if (isRecord(value)) {
    const out = {};
    for (const [name, item] of Object.entries(value)) out[name] = clone(item);
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
function standIn(schema, name, actual) {
  const inner = unwrap(schema);
  if (name in NEUTRAL) return NEUTRAL[name];
  if (inner instanceof external_exports.ZodEnum) return inner.options[0];
  if (inner instanceof external_exports.ZodLiteral) return [...inner.values][0];
  if (inner instanceof external_exports.ZodString) {
    return typeof actual === "number" || typeof actual === "boolean" ? String(actual) : "(invalid)";
  }
  if (inner instanceof external_exports.ZodBoolean) return false;
  if (inner instanceof external_exports.ZodArray) return [];
  if (inner instanceof external_exports.ZodObject) return {};
  if (inner instanceof external_exports.ZodUnion) return standIn(inner.options[0], name, actual);
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
      for (const name2 of issue.keys) delete target[name2];
      if (path3.length === 0) repaired.push(...issue.keys.map((name2) => [name2]));
      return issue.keys.length > 0;
    }
    for (let depth = path3.length - 1; depth >= minItemDepth; depth -= 1) {
      const segment = path3[depth];
      if (typeof segment !== "number") continue;
      const listPath = path3.slice(0, depth);
      const list = valueAtPath(listPath);
      if (!Array.isArray(list)) continue;
      const entry = holes.get(key(listPath)) ?? { length: list.length, indexes: /* @__PURE__ */ new Set() };
      if (entry.indexes.has(segment)) return false;
      entry.indexes.add(segment);
      holes.set(key(listPath), entry);
      repaired.push(path3.slice(0, depth + 1));
      return true;
    }
    if (path3.length === 0) return false;
    const parent = parentOf(value, path3);
    const name = path3[path3.length - 1];
    if (parent === null || typeof parent !== "object") return false;
    const container = parent;
    const fieldSchema = schemaAt2(schema, path3);
    const before = container[name];
    repaired.push(path3);
    if (fieldSchema instanceof external_exports.ZodOptional || fieldSchema instanceof external_exports.ZodDefault) {
      if (!(name in container)) return false;
      delete container[name];
      return true;
    }
    const replacement = standIn(fieldSchema, String(name), before);
    if (replacement === void 0 || JSON.stringify(replacement) === JSON.stringify(before)) {
      return false;
    }
    container[name] = replacement;
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
      const left = holes.get(key(path3))?.indexes;
      const out = [];
      node.forEach((item, index) => {
        if (!left?.has(index)) out.push(compact(item, [...path3, index]));
      });
      return out;
    }
    if (isRecord(node)) {
      const out = {};
      for (const [name, item] of Object.entries(node)) out[name] = compact(item, [...path3, name]);
      return out;
    }
    return node;
  }
  function toOriginal(path3) {
    const out = [];
    for (const segment of path3) {
      const left = holes.get(key(out))?.indexes;
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
      const entry = holes.get(key(path3));
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
      for (const [name, item] of Object.entries(node)) out[name] = expand2(item, [...path3, name]);
      return out;
    }
    return node;
  }
}

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
var looksLikeSpec = (text) => /^version:/m.test(text) && /^vaults:/m.test(text);
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
    const text = await readFile(file, "utf8").catch(() => "");
    if (looksLikeSpec(text)) sources.push({ file: path2.normalize(file), text });
  }
  return sources;
}

// src/engine/state/across-sets.ts
function vaultsDeclaredInOtherSets(thisSet, otherFiles, today) {
  const elsewhere = /* @__PURE__ */ new Map();
  for (const file of otherFiles)
    for (const vault of resolveDesiredState([file], today).vaults) {
      const name = vault.name.toLowerCase();
      if (!elsewhere.has(name)) elsewhere.set(name, vault.source);
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
function todayFrom(env) {
  const pinned = env.KVNET_TODAY;
  if (pinned !== void 0 && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
async function loadSpecSet(inputs, env) {
  const today = todayFrom(env);
  const collected = await collectSpecSources(inputs.spec);
  const result = validateSpecSet(collected.sources, { today });
  const findings = [...collected.findings, ...result.findings];
  if (inputs.azureSubscriptionId && !hasErrors(findings)) {
    const wanted = inputs.azureSubscriptionId.toLowerCase();
    for (const loaded of result.files) {
      const desired = resolveDesiredState([loaded], today);
      for (const vault of desired.vaults) {
        if (vault.subscription.toLowerCase() !== wanted) {
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
    files: result.files,
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
  todayFrom,
  loadSpecSet,
  annotatePlanFindings
};
