#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  closest
} from "./chunk-NXIKCKPF.js";
import {
  CLOUDS,
  CLOUD_PROFILES,
  EVENT_ID,
  MANAGED_HSM_KIND,
  NOT_RESOLVED,
  SCALAR_STYLE,
  VAULT_KIND,
  YAMLException,
  boolCoreTag,
  canonicalCidr,
  contains,
  floatCoreTag,
  formatResourceId,
  getScalarValue,
  intCoreTag,
  internId,
  isGuid,
  lastAddress,
  normalizeIpRules,
  normalizeVirtualNetworkRules,
  nullCoreTag,
  parseEvents,
  parseIpv4Rule,
  parseResourceId,
  resourceIdKey,
  resourceTypeKey,
  specialRangesTouched,
  subnetId,
  virtualNetworkId
} from "./chunk-U5VPZIUV.js";
import {
  singleLine
} from "./chunk-VQEEO6FB.js";
import {
  external_exports
} from "./chunk-7WJMRSVX.js";
import {
  __commonJS,
  __toESM
} from "./chunk-6YIJE4HJ.js";

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
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
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
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
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
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
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
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
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
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
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
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

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
var FINDINGS_SCHEMA_VERSION = 1;
function renderFindingsJson(findings, valid) {
  return JSON.stringify(
    {
      schemaVersion: FINDINGS_SCHEMA_VERSION,
      valid,
      findings: findings.map(({ file, line, column, severity, rule, message }) => ({
        file,
        line,
        column,
        severity,
        rule,
        message
      }))
    },
    null,
    2
  );
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
  report(severity, rule, path2, message, at = "value") {
    if (this.skip?.(path2, rule)) return;
    const position = at === "key" ? this.source.positions.keyAt(path2) : this.source.positions.valueAt(path2);
    this.findings.push({ file: this.source.file, ...position, severity, rule, message });
  }
  error(rule, path2, message) {
    this.report("error", rule, path2, message);
  }
  warning(rule, path2, message) {
    this.report("warning", rule, path2, message);
  }
  where(path2) {
    const position = this.source.positions.valueAt(path2);
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
function expandEntries(kind, entries, loaded, path2, registry) {
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
  walk(entries, loaded, path2, void 0);
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
function checkAddress(text, path2, sink) {
  const parsed = parseIpv4Rule(text);
  if (parsed.kind === "ipv6") {
    sink.error(
      "ip/ipv6",
      path2,
      `"${text}" is an IPv6 address; Key Vault firewalls accept IPv4 only: use the client's public IPv4 address, or a private endpoint`
    );
    return void 0;
  }
  if (parsed.kind === "invalid") {
    sink.error("ip/invalid", path2, `"${text}" is not a valid IP rule: ${parsed.reason}`);
    return void 0;
  }
  const { range } = parsed;
  if (range.prefix === 0) {
    sink.error(
      "ip/zero-prefix",
      path2,
      `"${text}" (a /0 range) would admit every address on the internet: to allow all networks set firewall.defaultAction to Allow, otherwise list the addresses you trust`
    );
    return void 0;
  }
  if (parsed.hostBitsSet) {
    sink.error(
      "ip/host-bits",
      path2,
      `"${text}" has host bits set below its /${range.prefix} prefix: did you mean ${range.cidr}? (or ${text.split("/")[0]} on its own)`
    );
    return void 0;
  }
  const touched = specialRangesTouched(range)[0];
  if (touched?.addressClass === "private" || touched?.addressClass === "non-public") {
    const why = touched.addressClass === "private" ? "Azure refuses private ranges in IP rules, because private traffic never reaches a vault's public endpoint: allow a subnet with a virtualNetworkRule, or use a private endpoint" : "it is not public internet space, so it can never be the source of a request to the vault: use the public address your clients egress from";
    sink.error(
      touched.addressClass === "private" ? "ip/private" : "ip/non-public",
      path2,
      `"${text}" is or overlaps ${touched.range.cidr}, ${touched.label}; ${why}`
    );
    return void 0;
  }
  if (touched?.addressClass === "documentation") {
    sink.warning(
      "ip/documentation",
      path2,
      `"${text}" is in ${touched.range.cidr}, ${touched.label}, reserved for examples: replace it with a real public address before relying on this rule`
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
function checkExpiry(expires, address, path2, sink, options) {
  if (!isRealDate(expires)) {
    sink.error(
      "ip/expires-invalid",
      path2,
      `"${expires}" is not a calendar date: write a real date as YYYY-MM-DD`
    );
    return;
  }
  const days = daysBetween(options.today, expires);
  if (days < 0) {
    sink.warning(
      "ip/expired",
      path2,
      `the rule for ${address} expired on ${expires}; the planner will remove it: delete it from the spec, or extend the date`
    );
  } else if (days <= EXPIRY_WARNING_DAYS) {
    sink.warning(
      "ip/expires-soon",
      path2,
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
function checkVaultName(name2, path2, sink) {
  if (VAULT_NAME.test(name2) && !name2.includes("--")) return;
  const problems = [];
  if (name2.length < 3 || name2.length > 24)
    problems.push(`it is ${name2.length} characters long (3–24 allowed)`);
  if (/[^a-zA-Z0-9-]/.test(name2))
    problems.push("it contains characters other than letters, digits and hyphens");
  if (!/^[a-zA-Z]/.test(name2)) problems.push("it must start with a letter");
  if (/-$/.test(name2)) problems.push("it must end with a letter or digit");
  if (name2.includes("--")) problems.push("it contains two hyphens in a row");
  sink.error("name/vault", path2, `"${name2}" is not a valid key vault name: ${problems.join("; ")}`);
}
function checkResourceGroupName(name2, path2, sink) {
  if (name2 === void 0) return;
  const message = invalidNameMessage(NAME_RULES.resourceGroup, name2);
  if (message) sink.error("name/resource-group", path2, message);
}
function checkSubscription(value, path2, sink) {
  if (value === void 0 || isGuid(value)) return;
  sink.error(
    "id/subscription",
    path2,
    `"${value}" is not a subscription id: write the subscription's GUID (az account show --query id), not its display name`
  );
}
function checkPrivateEndpointName(name2, path2, sink) {
  const message = invalidNameMessage(NAME_RULES.privateEndpoint, name2);
  if (message) sink.error("name/private-endpoint", path2, message);
}
function checkChildName(rule, name2, path2, sink) {
  if (name2 === void 0) return;
  const message = invalidNameMessage(rule, name2);
  if (message) sink.error("name/invalid", path2, message);
}
function checkResourceId(text, expectedType, what, path2, sink) {
  const parsed = parseResourceId(text);
  if (!parsed.ok) {
    sink.error(
      "id/malformed",
      path2,
      `"${text}" is not a valid ${what} resource id: ${parsed.reason}`
    );
    return false;
  }
  const actualType = resourceTypeKey(parsed.id);
  if (actualType !== expectedType) {
    sink.error(
      "id/wrong-type",
      path2,
      `"${text}" is the id of a ${actualType} resource, but a ${what} (${expectedType}) is expected here: give the id of the ${what}`
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
        path2,
        `the ${what} resource id "${text}" holds an invalid name: ${message}`
      );
      return false;
    }
  }
  return true;
}
function checkSubnetRef(ref, path2, sink) {
  if (typeof ref === "string") {
    checkResourceId(ref, SUBNET_TYPE, "subnet", path2, sink);
  } else if ("id" in ref) {
    checkResourceId(ref.id, SUBNET_TYPE, "subnet", [...path2, "id"], sink);
  } else {
    checkChildName(NAME_RULES.virtualNetwork, ref.vnet, [...path2, "vnet"], sink);
    checkChildName(NAME_RULES.subnet, ref.name, [...path2, "name"], sink);
    checkResourceGroupName(ref.resourceGroup, [...path2, "resourceGroup"], sink);
    checkSubscription(ref.subscription, [...path2, "subscription"], sink);
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
    const path2 = [...vaultPath, "privateEndpoints", index];
    checkPrivateEndpointName(endpoint.name, [...path2, "name"], sink);
    checkChildName(
      NAME_RULES.connection,
      endpoint.connectionName,
      [...path2, "connectionName"],
      sink
    );
    checkResourceGroupName(endpoint.resourceGroup, [...path2, "resourceGroup"], sink);
    checkSubnetRef(endpoint.subnet, [...path2, "subnet"], sink);
    const dns = endpoint.dns;
    if (!dns) return;
    if (dns.zoneId !== void 0)
      checkResourceId(
        dns.zoneId,
        DNS_ZONE_TYPE,
        "private DNS zone",
        [...path2, "dns", "zoneId"],
        sink
      );
    checkChildName(NAME_RULES.privateDnsZone, dns.zone, [...path2, "dns", "zone"], sink);
    checkChildName(NAME_RULES.zoneGroup, dns.zoneGroup, [...path2, "dns", "zoneGroup"], sink);
    dns.links.forEach((link, linkIndex) => {
      const linkPath = [...path2, "dns", "links", linkIndex];
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
    const path2 = [...rulesPath, index, "subnet"];
    const key3 = resourceIdKey(resolveSubnetId(rule.subnet, placement));
    const first = seen.get(key3);
    if (first) {
      sink.warning(
        "vnet/duplicate",
        path2,
        `this subnet is already allowed at ${sink.where(first)}: remove one of the two rules`
      );
    } else {
      seen.set(key3, path2);
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
function where(loaded, path2) {
  const position = loaded.positions.keyAt(path2);
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
        const path2 = ["vaults", vaultIndex, "privateEndpoints", endpointIndex, "name"];
        const group = endpoint.resourceGroup ?? placement?.resourceGroup ?? "";
        const key3 = `${placement?.subscription ?? ""}/${group}/${endpoint.name}`.toLowerCase();
        const earlier = endpoints.get(key3);
        if (earlier) {
          sink.error(
            "private-endpoint/duplicate",
            path2,
            `private endpoint "${endpoint.name}" in resource group "${group}" is already declared at ${earlier.sink.where(earlier.path)}: give each endpoint its own name`
          );
        } else {
          endpoints.set(key3, { sink, path: path2 });
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
          const path2 = [
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
            links.set(key3, { sink, path: path2, name: link.name, zone: zone.id });
          } else if (first.zone !== zone.id) {
            sink.error(
              "dns/duplicate-link",
              path2,
              `this virtual network is already linked at ${first.sink.where(first.path)} to another zone named ${zone.name}; Azure links a VNet to one zone of a name: use the same zone (zoneId) for both endpoints`
            );
          } else if (first.name.toLowerCase() !== link.name.toLowerCase()) {
            sink.error(
              "dns/duplicate-link",
              path2,
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
function checkLocation(cloud, location, path2, sink) {
  if (location === void 0) return;
  const regions = REGIONS[cloud];
  if (regions.includes(location)) return;
  const squashed = location.toLowerCase().replace(/[\s_-]+/g, "");
  if (regions.includes(squashed)) {
    sink.error(
      "location/invalid",
      path2,
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
      path2,
      `"${location}" is a region of ${otherCloud}, but this file's cloud is ${cloud}: use one of its regions (${regions.slice(0, 3).join(", ")}…), or set defaults.cloud`
    );
    return;
  }
  const suggestion = closest(squashed, regions);
  if (suggestion) {
    sink.error(
      "location/invalid",
      path2,
      `"${location}" is not an Azure region of ${cloud}: did you mean "${suggestion}"?`
    );
    return;
  }
  if (!WELL_FORMED.test(location)) {
    sink.error(
      "location/invalid",
      path2,
      `"${location}" is not an Azure region name: write a region's name as "az account list-locations --query [].name" prints it, for example "${regions[0] ?? ""}"`
    );
    return;
  }
  sink.warning(
    "location/unknown",
    path2,
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
function sourceOf(loaded, path2) {
  return { file: loaded.file, ...loaded.positions.valueAt(path2) };
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
function resolvePrivateEndpoint(loaded, endpoint, vaultPlacementValue, path2) {
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
    source: sourceOf(loaded, path2)
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
  const ipRules = ipExpansion.rules.map(({ rule, loaded: file, path: path2, set }) => {
    const address = ipRuleAddress(rule);
    return {
      cidr: canonicalCidr(address) ?? address,
      note: typeof rule === "string" ? void 0 : rule.note,
      expires: typeof rule === "string" ? void 0 : rule.expires,
      source: sourceOf(file, path2),
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
function pathKey(path2) {
  switch (path2.kind) {
    case "public-all":
    case "trusted-services":
      return path2.kind;
    case "ip-range":
      return `ip-range:${path2.cidr}`;
    case "subnet":
      return `${path2.kind}:${key(path2.subnetId)}`;
    case "switching-subnets-egress":
      return egressKey(path2);
    case "private-endpoint":
      return `private-endpoint:${key(path2.endpointId)}`;
  }
}
var coded = (code, params = {}) => ({ code, params });
var egressKeys = /* @__PURE__ */ new WeakMap();
function egressKey(path2) {
  let text = egressKeys.get(path2);
  if (text === void 0) {
    text = `${path2.kind}:${path2.subnetIds.map(key).join(",")}`;
    egressKeys.set(path2, text);
  }
  return text;
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
  let path2 = table.ipRanges.get(cidr);
  if (!path2) table.ipRanges.set(cidr, path2 = { kind: "ip-range", cidr });
  return path2;
}
function subnetPath(table, subnetId2) {
  let path2 = table.subnets.get(subnetId2);
  if (!path2) table.subnets.set(subnetId2, path2 = { kind: "subnet", subnetId: subnetId2 });
  return path2;
}
function endpointPath(table, endpointId, name2) {
  let byName = table.endpoints.get(endpointId);
  if (!byName) table.endpoints.set(endpointId, byName = /* @__PURE__ */ new Map());
  let path2 = byName.get(name2);
  if (!path2) byName.set(name2, path2 = { kind: "private-endpoint", endpointId, name: name2 });
  return path2;
}
function publicPaths(vault, world, access) {
  const network2 = vault.network;
  const table = pathTable(world);
  const rules = [
    ...network2.ipRules.map((cidr) => ipRangePath(table, cidr)),
    ...network2.virtualNetworkRules.map((rule) => subnetPath(table, rule.subnetId))
  ];
  if (network2.publicNetworkAccess === "Disabled") {
    for (const path2 of rules)
      access.inactive.push({ path: path2, reason: coded("public-access-disabled") });
    return;
  }
  if (network2.publicNetworkAccess !== "Enabled") {
    const reason = coded("public-access-mode", { mode: network2.publicNetworkAccess });
    if (network2.defaultAction === "Allow") access.unknown.push({ path: PUBLIC_ALL, reason });
    for (const path2 of rules) access.unknown.push({ path: path2, reason });
    return;
  }
  if (network2.defaultAction === "Allow") {
    access.open.push(PUBLIC_ALL);
    for (const path2 of rules) access.inactive.push({ path: path2, reason: coded("default-action-allow") });
    return;
  }
  for (const cidr of network2.ipRules) access.open.push(ipRangePath(table, cidr));
  for (const rule of network2.virtualNetworkRules) {
    const path2 = subnetPath(table, rule.subnetId);
    const subnet = world.subnets.get(key(rule.subnetId));
    if (!subnet) access.unknown.push({ path: path2, reason: coded("subnet-not-read") });
    else if (subnet.status === "unknown")
      access.unknown.push({ path: path2, reason: coded("subnet-unreadable", { why: subnet.reason }) });
    else if (subnet.status === "missing")
      access.inactive.push({ path: path2, reason: coded("subnet-missing") });
    else if (!subnet.keyVaultEndpoint)
      access.inactive.push({ path: path2, reason: coded("subnet-without-service-endpoint") });
    else if (!subnet.ready) access.unknown.push({ path: path2, reason: coded("subnet-not-ready") });
    else access.open.push(path2);
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
  const keys = [];
  const ids = [];
  for (const subnetKey of world.switchingSubnets) {
    const subnet = world.subnets.get(subnetKey);
    if (subnet?.status !== "ok" || subnet.keyVaultEndpoint) continue;
    keys.push(subnetKey);
    ids.push(subnet.id);
  }
  const entry = ids.length > 0 ? internedEntry(world, keys.join("\n"), ids) : void 0;
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
    const path2 = endpointPath(
      pathTable(world),
      endpoint?.id ?? endpointId,
      endpoint?.name ?? lastSegment(endpointId)
    );
    const gap = endpointGap(vault, vaultKey, endpointKey, endpoint, world);
    if (gap.kind === "open") access.open.push(path2);
    else access[gap.kind].push({ path: path2, reason: gap.reason });
  }
  return access;
}
function lastSegment(id) {
  return id.split("/").pop() ?? id;
}
var Coverage = class {
  constructor(access) {
    this.access = access;
    this.keys = new Set(access.open.map(pathKey));
    this.all = this.keys.has("public-all");
    this.subnets = access.open.flatMap(
      (path2) => path2.kind === "subnet" ? [key(path2.subnetId)] : []
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
      this.access.open.flatMap((path2) => path2.kind === "ip-range" ? [path2.cidr] : [])
    );
    return this.addressSet;
  }
  covers(path2) {
    switch (path2.kind) {
      case "ip-range":
        return this.all || this.keys.has(pathKey(path2)) || this.addresses.covers(path2.cidr);
      case "subnet":
      case "trusted-services":
        return this.all || this.keys.has(pathKey(path2));
      default:
        return this.keys.has(pathKey(path2));
    }
  }
};
var isEgress = (path2) => path2.kind === "switching-subnets-egress";
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
  const gained = after.open.filter((path2) => !was.covers(path2));
  const lost = before.open.filter((path2) => !now.covers(path2) && !unknownAfter.has(pathKey(path2)));
  const possiblyLost = [
    ...before.open.filter((path2) => !now.covers(path2) && unknownAfter.has(pathKey(path2))),
    ...before.unknown.map((entry) => entry.path).filter((path2) => !isEgress(path2) && !now.covers(path2) && !unknownAfter.has(pathKey(path2))),
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
  const ids = [];
  const keyList = [];
  for (const id of was.subnetIds) {
    const subnetKey = key(id);
    if (still.has(subnetKey)) continue;
    ids.push(id);
    keyList.push(subnetKey);
  }
  const difference = ids.length === 0 ? void 0 : {
    path: ids.length === was.subnetIds.length ? was : egressPath(ids),
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
    const ids = gone.path.subnetIds.filter((_, index) => !skip.has(gone.keyList[index]));
    gone.less.set(id, ids.length > 0 ? egressPath(ids) : void 0);
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
  return access.open.some((path2) => path2.kind === "private-endpoint");
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
function checkIds(ids, path2, sink) {
  ids.forEach((id, index) => {
    if (BEST_PRACTICE_IDS.includes(id)) return;
    const suggestion = closest(id, BEST_PRACTICE_IDS);
    const known = BEST_PRACTICE_IDS.join(", ");
    sink.error(
      "findings/unknown-id",
      [...path2, index],
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
      const path2 = [
        ...base,
        ...issue.path.map((segment) => typeof segment === "symbol" ? String(segment) : segment)
      ];
      const here = schemaAt(baseSchema, issue.path);
      if (path2.length > 0 && valueAt(input, path2) === void 0) {
        addMissing(path2, here);
        continue;
      }
      if (issue.code === "invalid_union") {
        const chosen = chooseUnionBranch(issue.errors);
        const options = here instanceof external_exports.ZodUnion ? here.options : [];
        const branchSchema = options[chosen.index];
        if (chosen.issues && branchSchema) {
          convert(chosen.issues, path2, branchSchema);
        } else {
          add(
            path2,
            "value",
            "schema/type",
            wrongType(valueAt(input, path2), here, describeAt(path2))
          );
        }
        continue;
      }
      addIssue(issue, path2, here);
    }
  }
  function describeAt(path2) {
    const actual = valueAt(input, path2);
    const written = positions.writtenAt(path2);
    if (written === void 0 || typeof actual === "string") return describeValue(actual);
    const as = actual === null ? "an empty value" : `the ${typeof actual} ${String(actual)}`;
    return written === String(actual) ? written : `${written} (which YAML reads as ${as})`;
  }
  function addIssue(issue, path2, here) {
    const actual = valueAt(input, path2);
    const describeValue2 = (_value) => describeAt(path2);
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = knownKeys(here);
        for (const key3 of issue.keys) {
          const suggestion = closest(key3, known);
          const fix = suggestion ? `did you mean "${suggestion}"?` : `remove it; the keys allowed here are ${known.map((k) => `"${k}"`).join(", ")}`;
          add([...path2, key3], "key", "schema/unknown-key", `unknown key "${key3}": ${fix}`);
        }
        return;
      }
      case "invalid_type": {
        add(path2, "value", "schema/type", wrongType(actual, here, describeAt(path2)));
        return;
      }
      case "invalid_value": {
        const literal = issue.values.find((value) => typeof value !== "string");
        if (literal !== void 0 && typeof actual !== typeof literal) {
          add(
            path2,
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
        add(path2, "value", "schema/value", `${describeValue2(actual)} is not allowed here: ${fix}`);
        return;
      }
      case "too_small":
        if (issue.origin === "string" && Number(issue.minimum) === 1) {
          add(path2, "value", "schema/value", "the value is empty: write it out, or remove the key");
          return;
        }
        add(
          path2,
          "value",
          "schema/value",
          `${describeValue2(actual)} is too short: ${issue.message}`
        );
        return;
      case "too_big":
        if (issue.origin === "string" && typeof actual === "string") {
          add(
            path2,
            "value",
            "schema/value",
            `${describeValue2(actual)} is ${actual.length} characters long, more than the ${String(issue.maximum)} allowed: shorten it`
          );
          return;
        }
        add(
          path2,
          "value",
          "schema/value",
          `${describeValue2(actual)} is too long: ${issue.message}`
        );
        return;
      case "invalid_format":
      case "custom":
      default:
        add(
          path2,
          "value",
          "schema/value",
          `${describeValue2(actual)} is not valid here: ${issue.message}`
        );
    }
  }
  function addMissing(path2, here) {
    const key3 = path2[path2.length - 1];
    if (typeof key3 === "number") {
      add(path2, "parent", "schema/type", `this list item is empty: ${expectedOf(here)}`);
      return;
    }
    add(
      path2,
      "parent",
      "schema/required",
      `the required key "${String(key3)}" is missing: add it (${expectedOf(here)})`
    );
  }
  function add(path2, at, rule, message) {
    const position = at === "key" ? positions.keyAt(path2) : at === "parent" ? positions.valueAt(path2.slice(0, -1)) : positions.valueAt(path2);
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
function schemaAt(schema, path2) {
  let current = unwrap(schema);
  for (const segment of path2) {
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
function valueAt(input, path2) {
  let current = input;
  for (const segment of path2) {
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
function key2(path2) {
  return JSON.stringify(path2);
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
function schemaAt2(schema, path2) {
  let current = schema;
  for (const segment of path2) {
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
function parentOf(root, path2) {
  let current = root;
  for (const segment of path2.slice(0, -1)) {
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
      const path2 = pending[index];
      if (repair(issue, path2)) changed = true;
    });
    if (!changed) return void 0;
    const compacted = compact(value, []);
    const parsed = schema.safeParse(compacted);
    if (parsed.success) {
      const skip = (path2, rule) => repaired.some(
        (place) => place.every((segment, index) => path2[index] === segment) || place[0] === "defaults" && (place.length === 1 || place[1] === DEPENDS_ON_DEFAULTS[rule]) || place.length === 1 && place[0] !== "vaults" && place[0] !== "version" && rule in DEPENDS_ON_DEFAULTS
      );
      return { value: expand2(parsed.data, []), skip };
    }
    pendingIssues = parsed.error.issues;
    pending = pendingIssues.map((issue) => toOriginal(issue.path));
  }
  return void 0;
  function repair(issue, path2) {
    if (issue.code === "unrecognized_keys") {
      const target = valueAtPath(path2);
      if (!isRecord(target)) return false;
      for (const name3 of issue.keys) delete target[name3];
      if (path2.length === 0) repaired.push(...issue.keys.map((name3) => [name3]));
      return issue.keys.length > 0;
    }
    for (let depth = path2.length - 1; depth >= minItemDepth; depth -= 1) {
      const segment = path2[depth];
      if (typeof segment !== "number") continue;
      const listPath = path2.slice(0, depth);
      const list = valueAtPath(listPath);
      if (!Array.isArray(list)) continue;
      const entry = holes.get(key2(listPath)) ?? { length: list.length, indexes: /* @__PURE__ */ new Set() };
      if (entry.indexes.has(segment)) return false;
      entry.indexes.add(segment);
      holes.set(key2(listPath), entry);
      repaired.push(path2.slice(0, depth + 1));
      return true;
    }
    if (path2.length === 0) return false;
    const parent = parentOf(value, path2);
    const name2 = path2[path2.length - 1];
    if (parent === null || typeof parent !== "object") return false;
    const container = parent;
    const fieldSchema = schemaAt2(schema, path2);
    const before = container[name2];
    repaired.push(path2);
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
  function valueAtPath(path2) {
    let current = value;
    for (const segment of path2) {
      if (current === null || typeof current !== "object") return void 0;
      current = current[segment];
    }
    return current;
  }
  function compact(node, path2) {
    if (Array.isArray(node)) {
      const left = holes.get(key2(path2))?.indexes;
      const out = [];
      node.forEach((item, index) => {
        if (!left?.has(index)) out.push(compact(item, [...path2, index]));
      });
      return out;
    }
    if (isRecord(node)) {
      const out = {};
      for (const [name2, item] of Object.entries(node)) out[name2] = compact(item, [...path2, name2]);
      return out;
    }
    return node;
  }
  function toOriginal(path2) {
    const out = [];
    for (const segment of path2) {
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
  function expand2(node, path2) {
    if (Array.isArray(node)) {
      const entry = holes.get(key2(path2));
      if (!entry) return node.map((item, index) => expand2(item, [...path2, index]));
      const out = new Array(entry.length);
      let next = 0;
      for (let index = 0; index < entry.length; index += 1) {
        if (entry.indexes.has(index)) continue;
        out[index] = expand2(node[next], [...path2, index]);
        next += 1;
      }
      return out;
    }
    if (isRecord(node)) {
      const out = {};
      for (const [name2, item] of Object.entries(node)) out[name2] = expand2(item, [...path2, name2]);
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
  writtenAt(path2) {
    let node = this.root;
    for (const segment of path2) node = node?.child(segment);
    return node?.written;
  }
  /** The position of the value at `path`, or of its nearest ancestor. */
  valueAt(path2) {
    return this.source.positionAt(this.nearest(path2).valueOffset);
  }
  /** The position of the key that holds `path` (for "unknown key" and the like). */
  keyAt(path2) {
    const node = this.nearest(path2);
    return this.source.positionAt(node.keyOffset >= 0 ? node.keyOffset : node.valueOffset);
  }
  nearest(path2) {
    let found = this.root;
    for (const segment of path2) {
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
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const position = error.mark ? { line: error.mark.line + 1, column: error.mark.column + 1 } : { line: 1, column: 1 };
    if (error.reason.includes("maxDepth")) {
      return refuse2(
        "yaml/too-deep",
        position,
        `the YAML nests more than ${MAX_YAML_DEPTH} levels deep, far deeper than any spec needs: check the indentation and brackets here`
      );
    }
    return refuse2(
      "yaml/syntax",
      position,
      `the YAML cannot be read: ${error.reason}; fix the syntax here`
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
  const positions = new PositionIndex(source);
  try {
    const builder = new TreeBuilder(events, text, positions);
    const value = builder.document();
    return { ok: true, value, positions };
  } catch (error) {
    if (!(error instanceof RefusedYaml)) throw error;
    return refuse2(error.rule, source.positionAt(error.offset), error.reason);
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
var YamlMapping = function YamlMapping2() {
};
YamlMapping.prototype = Object.freeze(/* @__PURE__ */ Object.create(null));
var TreeBuilder = class {
  constructor(events, text, positions) {
    this.events = events;
    this.text = text;
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
    const text = getScalarValue(this.text, event);
    if (event.style !== SCALAR_STYLE.PLAIN) return text;
    for (const tag of IMPLICIT_TAGS) {
      const resolved = tag.resolve(text, false, tag.tagName);
      if (resolved !== NOT_RESOLVED) return resolved;
    }
    return text;
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
    await new Promise((resolve) => setImmediate(resolve));
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

// src/adapters/filesystem/spec-files.ts
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
var __require = /* @__PURE__ */ createRequire(import.meta.url);
var pm = null;
try {
  __require.resolve("picomatch");
  pm = __require("picomatch");
} catch {
}

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isWin = process.platform === "win32";
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};

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

// src/adapters/filesystem/glob.ts
function splitPattern(pattern) {
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
function kindOf(info) {
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isDirectory()) return "a directory";
  return "not a regular file";
}
function errorCode(error) {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : void 0;
}
function isInside(child, root) {
  const relative = path.relative(root, child);
  return relative === "" || !relative.startsWith("..") && !path.isAbsolute(relative);
}
var Collector = class {
  findings = [];
  /** The files to read, by the path shown. */
  candidates = /* @__PURE__ */ new Set();
  /** Walks `root` and keeps the entries whose path below it `wanted` accepts. */
  async walk(root, wanted, depth) {
    const rootReal = await realpath(root);
    const walk = { root, rootReal, wanted, depth, visited: /* @__PURE__ */ new Map([[rootReal, root]]) };
    await this.directory(walk, root, rootReal, "", 0);
  }
  async directory(walk, directory, real, relative, level) {
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      this.findings.push(
        inputFinding(
          directory,
          "input/unreadable",
          `cannot list the directory: ${errorCode(error) ?? String(error)}`
        )
      );
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const shown = path.join(directory, entry.name);
      const below = relative === "" ? entry.name : `${relative}/${entry.name}`;
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
      real = await realpath(shown);
    } catch (error) {
      if (errorCode(error) === "ELOOP") {
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
    const target = await stat(shown).catch(() => void 0);
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
    const { base, rest, depth } = splitPattern(argument);
    const pattern = globToRegExp(rest);
    const before2 = collector.candidates.size + collector.findings.length;
    const baseInfo = await stat(base).catch(() => void 0);
    if (baseInfo?.isDirectory()) {
      await collector.walk(base, (relative) => pattern.test(relative), depth);
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
  const info = await stat(argument).catch(() => void 0);
  if (!info) {
    collector.findings.push(
      inputFinding(
        argument,
        "input/dangling-link",
        "this symbolic link points to nothing (its target does not exist): fix the link or name another file"
      )
    );
    return;
  }
  if (!info.isDirectory()) {
    collector.candidates.add(path.normalize(argument));
    return;
  }
  const before = collector.candidates.size + collector.findings.length;
  await collector.walk(
    argument,
    (relative) => SPEC_EXTENSION.test(relative),
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
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENXIO" || code === "EOPNOTSUPP") {
      return inputFinding(
        file,
        "input/not-regular",
        "this is a socket, not a regular file: kvnet reads spec files only; leave it out of the set"
      );
    }
    return inputFinding(file, "input/unreadable", `cannot read the file: ${code ?? String(error)}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return inputFinding(
        file,
        "input/not-regular",
        `this is ${kindOf(info)}, not a regular file: kvnet reads spec files only; leave it out of the set`
      );
    }
    if (info.size > MAX_SPEC_BYTES) {
      return inputFinding(
        file,
        "yaml/too-large",
        `the file is ${info.size} bytes, above the limit of ${MAX_SPEC_BYTES}: split the vaults over several files in a directory`
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
    return { bytes: buffer.subarray(0, total), identity: `${info.dev}:${info.ino}` };
  } catch (error) {
    return inputFinding(
      file,
      "input/unreadable",
      `cannot read the file: ${errorCode(error) ?? String(error)}`
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

export {
  renderFindingsText,
  summarizeFindings,
  renderFindingsJson,
  compareFindings,
  hasErrors,
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
  validateSpecSet,
  validateSpecSetAsParsed,
  collectSpecSources
};
