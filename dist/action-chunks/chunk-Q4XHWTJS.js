import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  errorText,
  listPullReviews,
  pullHeadSha,
  setCommitStatus,
  teamMembership
} from "./chunk-ENMDWJTH.js";
import {
  SET_CHANGES_HEADING,
  accessOf,
  admitsPublicEgress,
  bestPracticeFindings,
  comparableNetwork,
  countPlan,
  diffAccess,
  egressPath,
  external_exports,
  findingMessage,
  findingWhere,
  hasPrivatePath,
  impactOf,
  isEmptyChange,
  isLockedOut,
  isPendingSwitch,
  key,
  normalizeIpRules,
  normalizeLiveNetwork,
  normalizeVirtualNetworkRules,
  noteText,
  parseResourceId,
  pathText,
  readErrorLines,
  readiness,
  recordKey,
  renderFindingsText,
  resolveDesiredState,
  resourceIdKey,
  sameNetwork,
  setChangeLines,
  setSubnetWithUndo,
  setWithUndo,
  settingSource,
  stepLines,
  stepTitle,
  targetKindOfId,
  undoAll,
  verdict,
  visibleBasis,
  vnetRuleSource
} from "./chunk-B6SJDPMF.js";
import {
  neutralizeForLog,
  setOutput,
  singleLine,
  summary,
  warning
} from "./chunk-OR57H7DE.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-7RRVYOQZ.js";

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m = s * 60;
    var h = m * 60;
    var d = h * 24;
    var w = d * 7;
    var y = d * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y;
        case "weeks":
        case "week":
        case "w":
          return n * w;
        case "days":
        case "day":
        case "d":
          return n * d;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return Math.round(ms / d) + "d";
      }
      if (msAbs >= h) {
        return Math.round(ms / h) + "h";
      }
      if (msAbs >= m) {
        return Math.round(ms / m) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms / s) + "s";
      }
      return ms + "ms";
    }
    function fmtLong(ms) {
      var msAbs = Math.abs(ms);
      if (msAbs >= d) {
        return plural3(ms, msAbs, d, "day");
      }
      if (msAbs >= h) {
        return plural3(ms, msAbs, h, "hour");
      }
      if (msAbs >= m) {
        return plural3(ms, msAbs, m, "minute");
      }
      if (msAbs >= s) {
        return plural3(ms, msAbs, s, "second");
      }
      return ms + " ms";
    }
    function plural3(ms, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable2;
      createDebug.enable = enable2;
      createDebug.enabled = enabled2;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy2;
      Object.keys(env).forEach((key2) => {
        createDebug[key2] = env[key2];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms = curr - (prevTime || curr);
          self.diff = ms;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend2;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v) => {
            enableOverride = v;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend2(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable2(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns of split) {
          if (ns[0] === "-") {
            createDebug.skips.push(ns.slice(1));
          } else {
            createDebug.names.push(ns);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable2() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled2(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns of createDebug.names) {
          if (matchesTemplate(name, ns)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy2() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c = "color: " + this.color;
      args.splice(1, 0, c, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error2) {
      }
    }
    function load() {
      let r;
      try {
        r = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error2) {
      }
      if (!r && typeof process !== "undefined" && "env" in process) {
        r = process.env.DEBUG;
      }
      return r;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error2) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v) {
      try {
        return JSON.stringify(v);
      } catch (error2) {
        return "[UnexpectedJSONParseError]: " + error2.message;
      }
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util2 = __require("util");
    exports.init = init;
    exports.log = log2;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util2.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = __require("supports-color");
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error2) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key2) => {
      return /^debug_/i.test(key2);
    }).reduce((obj, key2) => {
      const prop = key2.substring(6).toLowerCase().replace(/_([a-z])/g, (_, k) => {
        return k.toUpperCase();
      });
      let val = process.env[key2];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c = this.color;
        const colorCode = "\x1B[3" + (c < 8 ? c : "8;5;" + c);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log2(...args) {
      return process.stderr.write(util2.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util2.inspect(v, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v) {
      this.inspectOpts.colors = this.useColors;
      return util2.inspect(v, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/agent-base/dist/helpers.js
var require_helpers = __commonJS({
  "node_modules/agent-base/dist/helpers.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.req = exports.json = exports.toBuffer = void 0;
    var http2 = __importStar(__require("http"));
    var https2 = __importStar(__require("https"));
    async function toBuffer(stream) {
      let length = 0;
      const chunks = [];
      for await (const chunk of stream) {
        length += chunk.length;
        chunks.push(chunk);
      }
      return Buffer.concat(chunks, length);
    }
    exports.toBuffer = toBuffer;
    async function json(stream) {
      const buf = await toBuffer(stream);
      const str = buf.toString("utf8");
      try {
        return JSON.parse(str);
      } catch (_err) {
        const err = _err;
        err.message += ` (input: ${str})`;
        throw err;
      }
    }
    exports.json = json;
    function req(url, opts = {}) {
      const href = typeof url === "string" ? url : url.href;
      const req2 = (href.startsWith("https:") ? https2 : http2).request(url, opts);
      const promise = new Promise((resolve, reject) => {
        req2.once("response", resolve).once("error", reject).end();
      });
      req2.then = promise.then.bind(promise);
      return req2;
    }
    exports.req = req;
  }
});

// node_modules/agent-base/dist/index.js
var require_dist = __commonJS({
  "node_modules/agent-base/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __exportStar = exports && exports.__exportStar || function(m, exports2) {
      for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports2, p)) __createBinding(exports2, m, p);
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Agent = void 0;
    var net = __importStar(__require("net"));
    var http2 = __importStar(__require("http"));
    var https_1 = __require("https");
    __exportStar(require_helpers(), exports);
    var INTERNAL = /* @__PURE__ */ Symbol("AgentBaseInternalState");
    var Agent = class extends http2.Agent {
      constructor(opts) {
        super(opts);
        this[INTERNAL] = {};
      }
      /**
       * Determine whether this is an `http` or `https` request.
       */
      isSecureEndpoint(options) {
        if (options) {
          if (typeof options.secureEndpoint === "boolean") {
            return options.secureEndpoint;
          }
          if (typeof options.protocol === "string") {
            return options.protocol === "https:";
          }
        }
        const { stack } = new Error();
        if (typeof stack !== "string")
          return false;
        return stack.split("\n").some((l) => l.indexOf("(https.js:") !== -1 || l.indexOf("node:https:") !== -1);
      }
      // In order to support async signatures in `connect()` and Node's native
      // connection pooling in `http.Agent`, the array of sockets for each origin
      // has to be updated synchronously. This is so the length of the array is
      // accurate when `addRequest()` is next called. We achieve this by creating a
      // fake socket and adding it to `sockets[origin]` and incrementing
      // `totalSocketCount`.
      incrementSockets(name) {
        if (this.maxSockets === Infinity && this.maxTotalSockets === Infinity) {
          return null;
        }
        if (!this.sockets[name]) {
          this.sockets[name] = [];
        }
        const fakeSocket = new net.Socket({ writable: false });
        this.sockets[name].push(fakeSocket);
        this.totalSocketCount++;
        return fakeSocket;
      }
      decrementSockets(name, socket) {
        if (!this.sockets[name] || socket === null) {
          return;
        }
        const sockets = this.sockets[name];
        const index = sockets.indexOf(socket);
        if (index !== -1) {
          sockets.splice(index, 1);
          this.totalSocketCount--;
          if (sockets.length === 0) {
            delete this.sockets[name];
          }
        }
      }
      // In order to properly update the socket pool, we need to call `getName()` on
      // the core `https.Agent` if it is a secureEndpoint.
      getName(options) {
        const secureEndpoint = this.isSecureEndpoint(options);
        if (secureEndpoint) {
          return https_1.Agent.prototype.getName.call(this, options);
        }
        return super.getName(options);
      }
      createSocket(req, options, cb) {
        const connectOpts = {
          ...options,
          secureEndpoint: this.isSecureEndpoint(options)
        };
        const name = this.getName(connectOpts);
        const fakeSocket = this.incrementSockets(name);
        Promise.resolve().then(() => this.connect(req, connectOpts)).then((socket) => {
          this.decrementSockets(name, fakeSocket);
          if (socket instanceof http2.Agent) {
            try {
              return socket.addRequest(req, connectOpts);
            } catch (err) {
              return cb(err);
            }
          }
          this[INTERNAL].currentSocket = socket;
          super.createSocket(req, options, cb);
        }, (err) => {
          this.decrementSockets(name, fakeSocket);
          cb(err);
        });
      }
      createConnection() {
        const socket = this[INTERNAL].currentSocket;
        this[INTERNAL].currentSocket = void 0;
        if (!socket) {
          throw new Error("No socket was returned in the `connect()` function");
        }
        return socket;
      }
      get defaultPort() {
        return this[INTERNAL].defaultPort ?? (this.protocol === "https:" ? 443 : 80);
      }
      set defaultPort(v) {
        if (this[INTERNAL]) {
          this[INTERNAL].defaultPort = v;
        }
      }
      get protocol() {
        return this[INTERNAL].protocol ?? (this.isSecureEndpoint() ? "https:" : "http:");
      }
      set protocol(v) {
        if (this[INTERNAL]) {
          this[INTERNAL].protocol = v;
        }
      }
    };
    exports.Agent = Agent;
  }
});

// node_modules/https-proxy-agent/dist/parse-proxy-response.js
var require_parse_proxy_response = __commonJS({
  "node_modules/https-proxy-agent/dist/parse-proxy-response.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.parseProxyResponse = void 0;
    var debug_1 = __importDefault(require_src());
    var debug = (0, debug_1.default)("https-proxy-agent:parse-proxy-response");
    function parseProxyResponse(socket) {
      return new Promise((resolve, reject) => {
        let buffersLength = 0;
        const buffers = [];
        function read() {
          const b = socket.read();
          if (b)
            ondata(b);
          else
            socket.once("readable", read);
        }
        function cleanup() {
          socket.removeListener("end", onend);
          socket.removeListener("error", onerror);
          socket.removeListener("readable", read);
        }
        function onend() {
          cleanup();
          debug("onend");
          reject(new Error("Proxy connection ended before receiving CONNECT response"));
        }
        function onerror(err) {
          cleanup();
          debug("onerror %o", err);
          reject(err);
        }
        function ondata(b) {
          buffers.push(b);
          buffersLength += b.length;
          const buffered = Buffer.concat(buffers, buffersLength);
          const endOfHeaders = buffered.indexOf("\r\n\r\n");
          if (endOfHeaders === -1) {
            debug("have not received end of HTTP headers yet...");
            read();
            return;
          }
          const headerParts = buffered.slice(0, endOfHeaders).toString("ascii").split("\r\n");
          const firstLine = headerParts.shift();
          if (!firstLine) {
            socket.destroy();
            return reject(new Error("No header received from proxy CONNECT response"));
          }
          const firstLineParts = firstLine.split(" ");
          const statusCode = +firstLineParts[1];
          const statusText = firstLineParts.slice(2).join(" ");
          const headers = {};
          for (const header of headerParts) {
            if (!header)
              continue;
            const firstColon = header.indexOf(":");
            if (firstColon === -1) {
              socket.destroy();
              return reject(new Error(`Invalid header from proxy CONNECT response: "${header}"`));
            }
            const key2 = header.slice(0, firstColon).toLowerCase();
            const value = header.slice(firstColon + 1).trimStart();
            const current = headers[key2];
            if (typeof current === "string") {
              headers[key2] = [current, value];
            } else if (Array.isArray(current)) {
              current.push(value);
            } else {
              headers[key2] = value;
            }
          }
          debug("got proxy server response: %o %o", firstLine, headers);
          cleanup();
          resolve({
            connect: {
              statusCode,
              statusText,
              headers
            },
            buffered
          });
        }
        socket.on("error", onerror);
        socket.on("end", onend);
        read();
      });
    }
    exports.parseProxyResponse = parseProxyResponse;
  }
});

// node_modules/https-proxy-agent/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/https-proxy-agent/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HttpsProxyAgent = void 0;
    var net = __importStar(__require("net"));
    var tls = __importStar(__require("tls"));
    var assert_1 = __importDefault(__require("assert"));
    var debug_1 = __importDefault(require_src());
    var agent_base_1 = require_dist();
    var url_1 = __require("url");
    var parse_proxy_response_1 = require_parse_proxy_response();
    var debug = (0, debug_1.default)("https-proxy-agent");
    var setServernameFromNonIpHost = (options) => {
      if (options.servername === void 0 && options.host && !net.isIP(options.host)) {
        return {
          ...options,
          servername: options.host
        };
      }
      return options;
    };
    var HttpsProxyAgent2 = class extends agent_base_1.Agent {
      constructor(proxy, opts) {
        super(opts);
        this.options = { path: void 0 };
        this.proxy = typeof proxy === "string" ? new url_1.URL(proxy) : proxy;
        this.proxyHeaders = opts?.headers ?? {};
        debug("Creating new HttpsProxyAgent instance: %o", this.proxy.href);
        const host = (this.proxy.hostname || this.proxy.host).replace(/^\[|\]$/g, "");
        const port = this.proxy.port ? parseInt(this.proxy.port, 10) : this.proxy.protocol === "https:" ? 443 : 80;
        this.connectOpts = {
          // Attempt to negotiate http/1.1 for proxy servers that support http/2
          ALPNProtocols: ["http/1.1"],
          ...opts ? omit(opts, "headers") : null,
          host,
          port
        };
      }
      /**
       * Called when the node-core HTTP client library is creating a
       * new HTTP request.
       */
      async connect(req, opts) {
        const { proxy } = this;
        if (!opts.host) {
          throw new TypeError('No "host" provided');
        }
        let socket;
        if (proxy.protocol === "https:") {
          debug("Creating `tls.Socket`: %o", this.connectOpts);
          socket = tls.connect(setServernameFromNonIpHost(this.connectOpts));
        } else {
          debug("Creating `net.Socket`: %o", this.connectOpts);
          socket = net.connect(this.connectOpts);
        }
        const headers = typeof this.proxyHeaders === "function" ? this.proxyHeaders() : { ...this.proxyHeaders };
        const host = net.isIPv6(opts.host) ? `[${opts.host}]` : opts.host;
        let payload = `CONNECT ${host}:${opts.port} HTTP/1.1\r
`;
        if (proxy.username || proxy.password) {
          const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
          headers["Proxy-Authorization"] = `Basic ${Buffer.from(auth).toString("base64")}`;
        }
        headers.Host = `${host}:${opts.port}`;
        if (!headers["Proxy-Connection"]) {
          headers["Proxy-Connection"] = this.keepAlive ? "Keep-Alive" : "close";
        }
        for (const name of Object.keys(headers)) {
          payload += `${name}: ${headers[name]}\r
`;
        }
        const proxyResponsePromise = (0, parse_proxy_response_1.parseProxyResponse)(socket);
        socket.write(`${payload}\r
`);
        const { connect, buffered } = await proxyResponsePromise;
        req.emit("proxyConnect", connect);
        this.emit("proxyConnect", connect, req);
        if (connect.statusCode === 200) {
          req.once("socket", resume);
          if (opts.secureEndpoint) {
            debug("Upgrading socket connection to TLS");
            return tls.connect({
              ...omit(setServernameFromNonIpHost(opts), "host", "path", "port"),
              socket
            });
          }
          return socket;
        }
        socket.destroy();
        const fakeSocket = new net.Socket({ writable: false });
        fakeSocket.readable = true;
        req.once("socket", (s) => {
          debug("Replaying proxy buffer for failed request");
          (0, assert_1.default)(s.listenerCount("data") > 0);
          s.push(buffered);
          s.push(null);
        });
        return fakeSocket;
      }
    };
    HttpsProxyAgent2.protocols = ["http", "https"];
    exports.HttpsProxyAgent = HttpsProxyAgent2;
    function resume(socket) {
      socket.resume();
    }
    function omit(obj, ...keys) {
      const ret = {};
      let key2;
      for (key2 in obj) {
        if (!keys.includes(key2)) {
          ret[key2] = obj[key2];
        }
      }
      return ret;
    }
  }
});

// node_modules/http-proxy-agent/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/http-proxy-agent/dist/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HttpProxyAgent = void 0;
    var net = __importStar(__require("net"));
    var tls = __importStar(__require("tls"));
    var debug_1 = __importDefault(require_src());
    var events_1 = __require("events");
    var agent_base_1 = require_dist();
    var url_1 = __require("url");
    var debug = (0, debug_1.default)("http-proxy-agent");
    var HttpProxyAgent2 = class extends agent_base_1.Agent {
      constructor(proxy, opts) {
        super(opts);
        this.proxy = typeof proxy === "string" ? new url_1.URL(proxy) : proxy;
        this.proxyHeaders = opts?.headers ?? {};
        debug("Creating new HttpProxyAgent instance: %o", this.proxy.href);
        const host = (this.proxy.hostname || this.proxy.host).replace(/^\[|\]$/g, "");
        const port = this.proxy.port ? parseInt(this.proxy.port, 10) : this.proxy.protocol === "https:" ? 443 : 80;
        this.connectOpts = {
          ...opts ? omit(opts, "headers") : null,
          host,
          port
        };
      }
      addRequest(req, opts) {
        req._header = null;
        this.setRequestProps(req, opts);
        super.addRequest(req, opts);
      }
      setRequestProps(req, opts) {
        const { proxy } = this;
        const protocol = opts.secureEndpoint ? "https:" : "http:";
        const hostname = req.getHeader("host") || "localhost";
        const base = `${protocol}//${hostname}`;
        const url = new url_1.URL(req.path, base);
        if (opts.port !== 80) {
          url.port = String(opts.port);
        }
        req.path = String(url);
        const headers = typeof this.proxyHeaders === "function" ? this.proxyHeaders() : { ...this.proxyHeaders };
        if (proxy.username || proxy.password) {
          const auth = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
          headers["Proxy-Authorization"] = `Basic ${Buffer.from(auth).toString("base64")}`;
        }
        if (!headers["Proxy-Connection"]) {
          headers["Proxy-Connection"] = this.keepAlive ? "Keep-Alive" : "close";
        }
        for (const name of Object.keys(headers)) {
          const value = headers[name];
          if (value) {
            req.setHeader(name, value);
          }
        }
      }
      async connect(req, opts) {
        req._header = null;
        if (!req.path.includes("://")) {
          this.setRequestProps(req, opts);
        }
        let first;
        let endOfHeaders;
        debug("Regenerating stored HTTP header string for request");
        req._implicitHeader();
        if (req.outputData && req.outputData.length > 0) {
          debug("Patching connection write() output buffer with updated header");
          first = req.outputData[0].data;
          endOfHeaders = first.indexOf("\r\n\r\n") + 4;
          req.outputData[0].data = req._header + first.substring(endOfHeaders);
          debug("Output buffer: %o", req.outputData[0].data);
        }
        let socket;
        if (this.proxy.protocol === "https:") {
          debug("Creating `tls.Socket`: %o", this.connectOpts);
          socket = tls.connect(this.connectOpts);
        } else {
          debug("Creating `net.Socket`: %o", this.connectOpts);
          socket = net.connect(this.connectOpts);
        }
        await (0, events_1.once)(socket, "connect");
        return socket;
      }
    };
    HttpProxyAgent2.protocols = ["http", "https"];
    exports.HttpProxyAgent = HttpProxyAgent2;
    function omit(obj, ...keys) {
      const ret = {};
      let key2;
      for (key2 in obj) {
        if (!keys.includes(key2)) {
          ret[key2] = obj[key2];
        }
      }
      return ret;
    }
  }
});

// node_modules/@azure/core-tracing/dist/commonjs/state.js
var require_state = __commonJS({
  "node_modules/@azure/core-tracing/dist/commonjs/state.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.state = void 0;
    exports.state = {
      instrumenterImplementation: void 0
    };
  }
});

// node_modules/@typespec/ts-http-runtime/dist/esm/abort-controller/AbortError.js
var AbortError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "AbortError";
  }
};

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/log.js
import { EOL } from "node:os";
import util from "node:util";
import process2 from "node:process";
function log(message, ...args) {
  process2.stderr.write(`${util.format(message, ...args)}${EOL}`);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/env.js
import process3 from "node:process";
function getEnvironmentVariable(name) {
  return process3.env[name];
}
function emitNodeWarning(warning2) {
  process3.emitWarning(warning2);
}
var isDeno = typeof process3.versions.deno === "string" && process3.versions.deno.length > 0;
var isBun = typeof process3.versions.bun === "string" && process3.versions.bun.length > 0;
var isNodeLike = true;

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/debug.js
var debugEnvVariable = getEnvironmentVariable("DEBUG");
var enabledString;
var enabledNamespaces = [];
var skippedNamespaces = [];
var debuggers = [];
if (debugEnvVariable) {
  enable(debugEnvVariable);
}
var debugObj = Object.assign((namespace) => {
  return createDebugger(namespace);
}, {
  enable,
  enabled,
  disable,
  log
});
function enable(namespaces) {
  enabledString = namespaces;
  enabledNamespaces = [];
  skippedNamespaces = [];
  const namespaceList = namespaces.split(",").map((ns) => ns.trim());
  for (const ns of namespaceList) {
    if (ns.startsWith("-")) {
      skippedNamespaces.push(ns.substring(1));
    } else {
      enabledNamespaces.push(ns);
    }
  }
  for (const instance of debuggers) {
    instance.enabled = enabled(instance.namespace);
  }
}
function enabled(namespace) {
  if (namespace.endsWith("*")) {
    return true;
  }
  for (const skipped of skippedNamespaces) {
    if (namespaceMatches(namespace, skipped)) {
      return false;
    }
  }
  for (const enabledNamespace of enabledNamespaces) {
    if (namespaceMatches(namespace, enabledNamespace)) {
      return true;
    }
  }
  return false;
}
function namespaceMatches(namespace, patternToMatch) {
  if (patternToMatch.indexOf("*") === -1) {
    return namespace === patternToMatch;
  }
  let pattern = patternToMatch;
  if (patternToMatch.indexOf("**") !== -1) {
    const patternParts = [];
    let lastCharacter = "";
    for (const character of patternToMatch) {
      if (character === "*" && lastCharacter === "*") {
        continue;
      } else {
        lastCharacter = character;
        patternParts.push(character);
      }
    }
    pattern = patternParts.join("");
  }
  let namespaceIndex = 0;
  let patternIndex = 0;
  const patternLength = pattern.length;
  const namespaceLength = namespace.length;
  let lastWildcard = -1;
  let lastWildcardNamespace = -1;
  while (namespaceIndex < namespaceLength && patternIndex < patternLength) {
    if (pattern[patternIndex] === "*") {
      lastWildcard = patternIndex;
      patternIndex++;
      if (patternIndex === patternLength) {
        return true;
      }
      while (namespace[namespaceIndex] !== pattern[patternIndex]) {
        namespaceIndex++;
        if (namespaceIndex === namespaceLength) {
          return false;
        }
      }
      lastWildcardNamespace = namespaceIndex;
      namespaceIndex++;
      patternIndex++;
      continue;
    } else if (pattern[patternIndex] === namespace[namespaceIndex]) {
      patternIndex++;
      namespaceIndex++;
    } else if (lastWildcard >= 0) {
      patternIndex = lastWildcard + 1;
      namespaceIndex = lastWildcardNamespace + 1;
      if (namespaceIndex === namespaceLength) {
        return false;
      }
      while (namespace[namespaceIndex] !== pattern[patternIndex]) {
        namespaceIndex++;
        if (namespaceIndex === namespaceLength) {
          return false;
        }
      }
      lastWildcardNamespace = namespaceIndex;
      namespaceIndex++;
      patternIndex++;
      continue;
    } else {
      return false;
    }
  }
  const namespaceDone = namespaceIndex === namespace.length;
  const patternDone = patternIndex === pattern.length;
  const trailingWildCard = patternIndex === pattern.length - 1 && pattern[patternIndex] === "*";
  return namespaceDone && (patternDone || trailingWildCard);
}
function disable() {
  const result = enabledString || "";
  enable("");
  return result;
}
function createDebugger(namespace) {
  const newDebugger = Object.assign(debug, {
    enabled: enabled(namespace),
    destroy,
    log: debugObj.log,
    namespace,
    extend
  });
  function debug(...args) {
    if (!newDebugger.enabled) {
      return;
    }
    if (args.length > 0) {
      args[0] = `${namespace} ${args[0]}`;
    }
    newDebugger.log(...args);
  }
  debuggers.push(newDebugger);
  return newDebugger;
}
function destroy() {
  const index = debuggers.indexOf(this);
  if (index >= 0) {
    debuggers.splice(index, 1);
    return true;
  }
  return false;
}
function extend(namespace) {
  const newDebugger = createDebugger(`${this.namespace}:${namespace}`);
  newDebugger.log = this.log;
  return newDebugger;
}
var debug_default = debugObj;

// node_modules/@typespec/ts-http-runtime/dist/esm/logger/logger.js
var TYPESPEC_RUNTIME_LOG_LEVELS = ["verbose", "info", "warning", "error"];
var levelMap = {
  verbose: 400,
  info: 300,
  warning: 200,
  error: 100
};
function patchLogMethod(parent, child) {
  child.log = (...args) => {
    parent.log(...args);
  };
}
function isTypeSpecRuntimeLogLevel(level) {
  return TYPESPEC_RUNTIME_LOG_LEVELS.includes(level);
}
function createLoggerContext(options) {
  const registeredLoggers = /* @__PURE__ */ new Set();
  const logLevelFromEnv = getEnvironmentVariable(options.logLevelEnvVarName);
  let logLevel;
  const clientLogger = debug_default(options.namespace);
  clientLogger.log = (...args) => {
    debug_default.log(...args);
  };
  function contextSetLogLevel(level) {
    if (level && !isTypeSpecRuntimeLogLevel(level)) {
      throw new Error(`Unknown log level '${level}'. Acceptable values: ${TYPESPEC_RUNTIME_LOG_LEVELS.join(",")}`);
    }
    logLevel = level;
    const enabledNamespaces2 = [];
    for (const logger3 of registeredLoggers) {
      if (shouldEnable(logger3)) {
        enabledNamespaces2.push(logger3.namespace);
      }
    }
    debug_default.enable(enabledNamespaces2.join(","));
  }
  if (logLevelFromEnv) {
    if (isTypeSpecRuntimeLogLevel(logLevelFromEnv)) {
      contextSetLogLevel(logLevelFromEnv);
    } else {
      console.error(`${options.logLevelEnvVarName} set to unknown log level '${logLevelFromEnv}'; logging is not enabled. Acceptable values: ${TYPESPEC_RUNTIME_LOG_LEVELS.join(", ")}.`);
    }
  }
  function shouldEnable(logger3) {
    return Boolean(logLevel && levelMap[logger3.level] <= levelMap[logLevel]);
  }
  function createLogger(parent, level) {
    const logger3 = Object.assign(parent.extend(level), {
      level
    });
    patchLogMethod(parent, logger3);
    if (shouldEnable(logger3)) {
      const enabledNamespaces2 = debug_default.disable();
      debug_default.enable(enabledNamespaces2 + "," + logger3.namespace);
    }
    registeredLoggers.add(logger3);
    return logger3;
  }
  function contextGetLogLevel() {
    return logLevel;
  }
  function contextCreateClientLogger(namespace) {
    const clientRootLogger = clientLogger.extend(namespace);
    patchLogMethod(clientLogger, clientRootLogger);
    return {
      error: createLogger(clientRootLogger, "error"),
      warning: createLogger(clientRootLogger, "warning"),
      info: createLogger(clientRootLogger, "info"),
      verbose: createLogger(clientRootLogger, "verbose")
    };
  }
  return {
    setLogLevel: contextSetLogLevel,
    getLogLevel: contextGetLogLevel,
    createClientLogger: contextCreateClientLogger,
    logger: clientLogger
  };
}
var context = createLoggerContext({
  logLevelEnvVarName: "TYPESPEC_RUNTIME_LOG_LEVEL",
  namespace: "typeSpecRuntime"
});
var TypeSpecRuntimeLogger = context.logger;
function createClientLogger(namespace) {
  return context.createClientLogger(namespace);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/httpHeaders.js
function normalizeName(name) {
  return name.toLowerCase();
}
function normalizeValue(value) {
  return String(value).trim().replace(/[\r\n]/g, "");
}
function* headerIterator(map) {
  for (const entry of map.values()) {
    yield [entry.name, entry.value];
  }
}
var HttpHeadersImpl = class {
  _headersMap;
  constructor(rawHeaders) {
    this._headersMap = /* @__PURE__ */ new Map();
    if (rawHeaders) {
      for (const headerName of Object.keys(rawHeaders)) {
        this.set(headerName, rawHeaders[headerName]);
      }
    }
  }
  /**
   * Set a header in this collection with the provided name and value. The name is
   * case-insensitive.
   * @param name - The name of the header to set. This value is case-insensitive.
   * @param value - The value of the header to set.
   */
  set(name, value) {
    this._headersMap.set(normalizeName(name), { name, value: normalizeValue(value) });
  }
  /**
   * Get the header value for the provided header name, or undefined if no header exists in this
   * collection with the provided name.
   * @param name - The name of the header. This value is case-insensitive.
   */
  get(name) {
    return this._headersMap.get(normalizeName(name))?.value;
  }
  /**
   * Get whether or not this header collection contains a header entry for the provided header name.
   * @param name - The name of the header to set. This value is case-insensitive.
   */
  has(name) {
    return this._headersMap.has(normalizeName(name));
  }
  /**
   * Remove the header with the provided headerName.
   * @param name - The name of the header to remove.
   */
  delete(name) {
    this._headersMap.delete(normalizeName(name));
  }
  /**
   * Get the JSON object representation of this HTTP header collection.
   */
  toJSON(options = {}) {
    const result = {};
    if (options.preserveCase) {
      for (const entry of this._headersMap.values()) {
        result[entry.name] = entry.value;
      }
    } else {
      for (const [normalizedName, entry] of this._headersMap) {
        result[normalizedName] = entry.value;
      }
    }
    return result;
  }
  /**
   * Get the string representation of this HTTP header collection.
   */
  toString() {
    return JSON.stringify(this.toJSON({ preserveCase: true }));
  }
  /**
   * Iterate over tuples of header [name, value] pairs.
   */
  [Symbol.iterator]() {
    return headerIterator(this._headersMap);
  }
};
function createHttpHeaders(rawHeaders) {
  return new HttpHeadersImpl(rawHeaders);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/uuidUtils.js
function randomUUID() {
  return crypto.randomUUID();
}

// node_modules/@typespec/ts-http-runtime/dist/esm/pipelineRequest.js
var PipelineRequestImpl = class {
  url;
  method;
  headers;
  timeout;
  withCredentials;
  body;
  multipartBody;
  formData;
  streamResponseStatusCodes;
  enableBrowserStreams;
  proxySettings;
  disableKeepAlive;
  abortSignal;
  requestId;
  allowInsecureConnection;
  onUploadProgress;
  onDownloadProgress;
  requestOverrides;
  authSchemes;
  constructor(options) {
    this.url = options.url;
    this.body = options.body;
    this.headers = options.headers ?? createHttpHeaders();
    this.method = options.method ?? "GET";
    this.timeout = options.timeout ?? 0;
    this.multipartBody = options.multipartBody;
    this.formData = options.formData;
    this.disableKeepAlive = options.disableKeepAlive ?? false;
    this.proxySettings = options.proxySettings;
    this.streamResponseStatusCodes = options.streamResponseStatusCodes;
    this.withCredentials = options.withCredentials ?? false;
    this.abortSignal = options.abortSignal;
    this.onUploadProgress = options.onUploadProgress;
    this.onDownloadProgress = options.onDownloadProgress;
    this.requestId = options.requestId || randomUUID();
    this.allowInsecureConnection = options.allowInsecureConnection ?? false;
    this.enableBrowserStreams = options.enableBrowserStreams ?? false;
    this.requestOverrides = options.requestOverrides;
    this.authSchemes = options.authSchemes;
  }
};
function createPipelineRequest(options) {
  return new PipelineRequestImpl(options);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/pipeline.js
var ValidPhaseNames = /* @__PURE__ */ new Set(["Deserialize", "Serialize", "Retry", "Sign"]);
var HttpPipeline = class _HttpPipeline {
  _policies = [];
  _orderedPolicies;
  constructor(policies) {
    this._policies = policies?.slice(0) ?? [];
    this._orderedPolicies = void 0;
  }
  addPolicy(policy, options = {}) {
    if (options.phase && options.afterPhase) {
      throw new Error("Policies inside a phase cannot specify afterPhase.");
    }
    if (options.phase && !ValidPhaseNames.has(options.phase)) {
      throw new Error(`Invalid phase name: ${options.phase}`);
    }
    if (options.afterPhase && !ValidPhaseNames.has(options.afterPhase)) {
      throw new Error(`Invalid afterPhase name: ${options.afterPhase}`);
    }
    this._policies.push({
      policy,
      options
    });
    this._orderedPolicies = void 0;
  }
  removePolicy(options) {
    const removedPolicies = [];
    this._policies = this._policies.filter((policyDescriptor) => {
      if (options.name && policyDescriptor.policy.name === options.name || options.phase && policyDescriptor.options.phase === options.phase) {
        removedPolicies.push(policyDescriptor.policy);
        return false;
      } else {
        return true;
      }
    });
    this._orderedPolicies = void 0;
    return removedPolicies;
  }
  sendRequest(httpClient, request) {
    const policies = this.getOrderedPolicies();
    const pipeline = policies.reduceRight((next, policy) => {
      return (req) => {
        return policy.sendRequest(req, next);
      };
    }, (req) => httpClient.sendRequest(req));
    return pipeline(request);
  }
  getOrderedPolicies() {
    if (!this._orderedPolicies) {
      this._orderedPolicies = this.orderPolicies();
    }
    return this._orderedPolicies;
  }
  clone() {
    return new _HttpPipeline(this._policies);
  }
  static create() {
    return new _HttpPipeline();
  }
  orderPolicies() {
    const result = [];
    const policyMap = /* @__PURE__ */ new Map();
    function createPhase(name) {
      return {
        name,
        policies: /* @__PURE__ */ new Set(),
        hasRun: false,
        hasAfterPolicies: false
      };
    }
    const serializePhase = createPhase("Serialize");
    const noPhase = createPhase("None");
    const deserializePhase = createPhase("Deserialize");
    const retryPhase = createPhase("Retry");
    const signPhase = createPhase("Sign");
    const orderedPhases = [serializePhase, noPhase, deserializePhase, retryPhase, signPhase];
    function getPhase(phase) {
      if (phase === "Retry") {
        return retryPhase;
      } else if (phase === "Serialize") {
        return serializePhase;
      } else if (phase === "Deserialize") {
        return deserializePhase;
      } else if (phase === "Sign") {
        return signPhase;
      } else {
        return noPhase;
      }
    }
    for (const descriptor of this._policies) {
      const policy = descriptor.policy;
      const options = descriptor.options;
      const policyName = policy.name;
      if (policyMap.has(policyName)) {
        throw new Error("Duplicate policy names not allowed in pipeline");
      }
      const node = {
        policy,
        dependsOn: /* @__PURE__ */ new Set(),
        dependants: /* @__PURE__ */ new Set()
      };
      if (options.afterPhase) {
        node.afterPhase = getPhase(options.afterPhase);
        node.afterPhase.hasAfterPolicies = true;
      }
      policyMap.set(policyName, node);
      const phase = getPhase(options.phase);
      phase.policies.add(node);
    }
    for (const descriptor of this._policies) {
      const { policy, options } = descriptor;
      const policyName = policy.name;
      const node = policyMap.get(policyName);
      if (!node) {
        throw new Error(`Missing node for policy ${policyName}`);
      }
      if (options.afterPolicies) {
        for (const afterPolicyName of options.afterPolicies) {
          const afterNode = policyMap.get(afterPolicyName);
          if (afterNode) {
            node.dependsOn.add(afterNode);
            afterNode.dependants.add(node);
          }
        }
      }
      if (options.beforePolicies) {
        for (const beforePolicyName of options.beforePolicies) {
          const beforeNode = policyMap.get(beforePolicyName);
          if (beforeNode) {
            beforeNode.dependsOn.add(node);
            node.dependants.add(beforeNode);
          }
        }
      }
    }
    function walkPhase(phase) {
      phase.hasRun = true;
      for (const node of phase.policies) {
        if (node.afterPhase && (!node.afterPhase.hasRun || node.afterPhase.policies.size)) {
          continue;
        }
        if (node.dependsOn.size === 0) {
          result.push(node.policy);
          for (const dependant of node.dependants) {
            dependant.dependsOn.delete(node);
          }
          policyMap.delete(node.policy.name);
          phase.policies.delete(node);
        }
      }
    }
    function walkPhases() {
      for (const phase of orderedPhases) {
        walkPhase(phase);
        if (phase.policies.size > 0 && phase !== noPhase) {
          if (!noPhase.hasRun) {
            walkPhase(noPhase);
          }
          return;
        }
        if (phase.hasAfterPolicies) {
          walkPhase(noPhase);
        }
      }
    }
    let iteration = 0;
    while (policyMap.size > 0) {
      iteration++;
      const initialResultLength = result.length;
      walkPhases();
      if (result.length <= initialResultLength && iteration > 1) {
        throw new Error("Cannot satisfy policy dependencies due to requirements cycle.");
      }
    }
    return result;
  }
};
function createEmptyPipeline() {
  return HttpPipeline.create();
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/object.js
function isObject(input) {
  return typeof input === "object" && input !== null && !Array.isArray(input) && !(input instanceof RegExp) && !(input instanceof Date);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/error.js
function isError(e) {
  if (isObject(e)) {
    const hasName = typeof e.name === "string";
    const hasMessage = typeof e.message === "string";
    return hasName && hasMessage;
  }
  return false;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/inspect.js
import { inspect } from "node:util";
var custom = inspect.custom;

// node_modules/@typespec/ts-http-runtime/dist/esm/util/sanitizer.js
var RedactedString = "REDACTED";
var defaultAllowedHeaderNames = [
  "x-ms-client-request-id",
  "x-ms-return-client-request-id",
  "x-ms-useragent",
  "x-ms-correlation-request-id",
  "x-ms-request-id",
  "client-request-id",
  "ms-cv",
  "return-client-request-id",
  "traceparent",
  "Access-Control-Allow-Credentials",
  "Access-Control-Allow-Headers",
  "Access-Control-Allow-Methods",
  "Access-Control-Allow-Origin",
  "Access-Control-Expose-Headers",
  "Access-Control-Max-Age",
  "Access-Control-Request-Headers",
  "Access-Control-Request-Method",
  "Origin",
  "Accept",
  "Accept-Encoding",
  "Cache-Control",
  "Connection",
  "Content-Length",
  "Content-Type",
  "Date",
  "ETag",
  "Expires",
  "If-Match",
  "If-Modified-Since",
  "If-None-Match",
  "If-Unmodified-Since",
  "Last-Modified",
  "Pragma",
  "Request-Id",
  "Retry-After",
  "Server",
  "Transfer-Encoding",
  "User-Agent",
  "WWW-Authenticate"
];
var defaultAllowedQueryParameters = ["api-version"];
var Sanitizer = class {
  allowedHeaderNames;
  allowedQueryParameters;
  constructor({ additionalAllowedHeaderNames: allowedHeaderNames = [], additionalAllowedQueryParameters: allowedQueryParameters = [] } = {}) {
    allowedHeaderNames = defaultAllowedHeaderNames.concat(allowedHeaderNames);
    allowedQueryParameters = defaultAllowedQueryParameters.concat(allowedQueryParameters);
    this.allowedHeaderNames = new Set(allowedHeaderNames.map((n) => n.toLowerCase()));
    this.allowedQueryParameters = new Set(allowedQueryParameters.map((p) => p.toLowerCase()));
  }
  /**
   * Sanitizes an object for logging.
   * @param obj - The object to sanitize
   * @returns - The sanitized object as a string
   */
  sanitize(obj) {
    const seen = /* @__PURE__ */ new Set();
    return JSON.stringify(obj, (key2, value) => {
      if (value instanceof Error) {
        return {
          ...value,
          name: value.name,
          message: value.message
        };
      }
      if (key2 === "headers" && isObject(value)) {
        return this.sanitizeHeaders(value);
      } else if (key2 === "url" && typeof value === "string") {
        return this.sanitizeUrl(value);
      } else if (key2 === "query" && isObject(value)) {
        return this.sanitizeQuery(value);
      } else if (key2 === "body") {
        return void 0;
      } else if (key2 === "response") {
        return void 0;
      } else if (key2 === "operationSpec") {
        return void 0;
      } else if (Array.isArray(value) || isObject(value)) {
        if (seen.has(value)) {
          return "[Circular]";
        }
        seen.add(value);
      }
      return value;
    }, 2);
  }
  /**
   * Sanitizes a URL for logging.
   * @param value - The URL to sanitize
   * @returns - The sanitized URL as a string
   */
  sanitizeUrl(value) {
    if (typeof value !== "string" || value === null || value === "") {
      return value;
    }
    const url = new URL(value);
    if (!url.search) {
      return value;
    }
    for (const [key2] of url.searchParams) {
      if (!this.allowedQueryParameters.has(key2.toLowerCase())) {
        url.searchParams.set(key2, RedactedString);
      }
    }
    return url.toString();
  }
  sanitizeHeaders(obj) {
    const sanitized = {};
    for (const key2 of Object.keys(obj)) {
      if (this.allowedHeaderNames.has(key2.toLowerCase())) {
        sanitized[key2] = obj[key2];
      } else {
        sanitized[key2] = RedactedString;
      }
    }
    return sanitized;
  }
  sanitizeQuery(value) {
    if (typeof value !== "object" || value === null) {
      return value;
    }
    const sanitized = {};
    for (const k of Object.keys(value)) {
      if (this.allowedQueryParameters.has(k.toLowerCase())) {
        sanitized[k] = value[k];
      } else {
        sanitized[k] = RedactedString;
      }
    }
    return sanitized;
  }
};

// node_modules/@typespec/ts-http-runtime/dist/esm/restError.js
var errorSanitizer = new Sanitizer();
var RestError = class _RestError extends Error {
  /**
   * Something went wrong when making the request.
   * This means the actual request failed for some reason,
   * such as a DNS issue or the connection being lost.
   */
  static REQUEST_SEND_ERROR = "REQUEST_SEND_ERROR";
  /**
   * This means that parsing the response from the server failed.
   * It may have been malformed.
   */
  static PARSE_ERROR = "PARSE_ERROR";
  /**
   * The code of the error itself (use statics on RestError if possible.)
   */
  code;
  /**
   * The HTTP status code of the request (if applicable.)
   */
  statusCode;
  /**
   * The request that was made.
   * This property is non-enumerable.
   */
  request;
  /**
   * The response received (if any.)
   * This property is non-enumerable.
   */
  response;
  /**
   * Bonus property set by the throw site.
   */
  details;
  constructor(message, options = {}) {
    super(message);
    this.name = "RestError";
    this.code = options.code;
    this.statusCode = options.statusCode;
    Object.defineProperty(this, "request", { value: options.request, enumerable: false });
    Object.defineProperty(this, "response", { value: options.response, enumerable: false });
    const agent = this.request?.agent ? {
      maxFreeSockets: this.request.agent.maxFreeSockets,
      maxSockets: this.request.agent.maxSockets
    } : void 0;
    Object.defineProperty(this, custom, {
      value: () => {
        return `RestError: ${this.message} 
 ${errorSanitizer.sanitize({
          ...this,
          request: { ...this.request, agent },
          response: this.response
        })}`;
      },
      enumerable: false
    });
    Object.setPrototypeOf(this, _RestError.prototype);
  }
};
function isRestError(e) {
  if (e instanceof RestError) {
    return true;
  }
  return isError(e) && e.name === "RestError";
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/bytesEncoding.js
function uint8ArrayToString(bytes, format) {
  return Buffer.from(bytes).toString(format);
}
function stringToUint8Array(value, format) {
  return Buffer.from(value, format);
}

// node_modules/@typespec/ts-http-runtime/dist/esm/nodeHttpClient.js
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";
import { Transform } from "node:stream";

// node_modules/@typespec/ts-http-runtime/dist/esm/log.js
var logger = createClientLogger("ts-http-runtime");

// node_modules/@typespec/ts-http-runtime/dist/esm/nodeHttpClient.js
var DEFAULT_TLS_SETTINGS = {};
function isReadableStream(body) {
  return body && typeof body.pipe === "function";
}
function isStreamComplete(stream) {
  if (stream.readable === false) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const handler = () => {
      resolve();
      stream.removeListener("close", handler);
      stream.removeListener("end", handler);
      stream.removeListener("error", handler);
    };
    stream.on("close", handler);
    stream.on("end", handler);
    stream.on("error", handler);
  });
}
function isArrayBuffer(body) {
  return body && typeof body.byteLength === "number";
}
var ReportTransform = class extends Transform {
  loadedBytes = 0;
  progressCallback;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  _transform(chunk, _encoding, callback) {
    this.push(chunk);
    this.loadedBytes += chunk.length;
    try {
      this.progressCallback({ loadedBytes: this.loadedBytes });
      callback();
    } catch (e) {
      callback(e);
    }
  }
  constructor(progressCallback) {
    super();
    this.progressCallback = progressCallback;
  }
};
var NodeHttpClient = class {
  cachedHttpAgent;
  cachedHttpsAgents = /* @__PURE__ */ new WeakMap();
  /**
   * Makes a request over an underlying transport layer and returns the response.
   * @param request - The request to be made.
   */
  async sendRequest(request) {
    const abortController = new AbortController();
    let abortListener;
    if (request.abortSignal) {
      if (request.abortSignal.aborted) {
        throw new AbortError("The operation was aborted. Request has already been canceled.");
      }
      abortListener = (event) => {
        if (event.type === "abort") {
          abortController.abort();
        }
      };
      request.abortSignal.addEventListener("abort", abortListener);
    }
    let timeoutId;
    if (request.timeout > 0) {
      timeoutId = setTimeout(() => {
        const sanitizer = new Sanitizer();
        logger.info(`request to '${sanitizer.sanitizeUrl(request.url)}' timed out. canceling...`);
        abortController.abort();
      }, request.timeout);
    }
    const acceptEncoding = request.headers.get("Accept-Encoding");
    const shouldDecompress = acceptEncoding?.includes("gzip") || acceptEncoding?.includes("deflate");
    let body = typeof request.body === "function" ? request.body() : request.body;
    if (body && !request.headers.has("Content-Length")) {
      const bodyLength = getBodyLength(body);
      if (bodyLength !== null) {
        request.headers.set("Content-Length", bodyLength);
      }
    }
    let responseStream;
    try {
      if (body && request.onUploadProgress) {
        const onUploadProgress = request.onUploadProgress;
        const uploadReportStream = new ReportTransform(onUploadProgress);
        uploadReportStream.on("error", (e) => {
          logger.error("Error in upload progress", e);
        });
        if (isReadableStream(body)) {
          body.pipe(uploadReportStream);
        } else {
          uploadReportStream.end(body);
        }
        body = uploadReportStream;
      }
      const res = await this.makeRequest(request, abortController, body);
      if (timeoutId !== void 0) {
        clearTimeout(timeoutId);
      }
      const headers = getResponseHeaders(res);
      const status = res.statusCode ?? 0;
      const response = {
        status,
        headers,
        request
      };
      if (request.method === "HEAD") {
        res.resume();
        return response;
      }
      responseStream = shouldDecompress ? getDecodedResponseStream(res, headers) : res;
      const onDownloadProgress = request.onDownloadProgress;
      if (onDownloadProgress) {
        const downloadReportStream = new ReportTransform(onDownloadProgress);
        downloadReportStream.on("error", (e) => {
          logger.error("Error in download progress", e);
        });
        responseStream.pipe(downloadReportStream);
        responseStream = downloadReportStream;
      }
      if (
        // Value of POSITIVE_INFINITY in streamResponseStatusCodes is considered as any status code
        request.streamResponseStatusCodes?.has(Number.POSITIVE_INFINITY) || request.streamResponseStatusCodes?.has(response.status)
      ) {
        response.readableStreamBody = responseStream;
      } else {
        response.bodyAsText = await streamToText(responseStream);
      }
      return response;
    } finally {
      if (request.abortSignal && abortListener) {
        let uploadStreamDone = Promise.resolve();
        if (isReadableStream(body)) {
          uploadStreamDone = isStreamComplete(body);
        }
        let downloadStreamDone = Promise.resolve();
        if (isReadableStream(responseStream)) {
          downloadStreamDone = isStreamComplete(responseStream);
        }
        Promise.all([uploadStreamDone, downloadStreamDone]).then(() => {
          if (abortListener) {
            request.abortSignal?.removeEventListener("abort", abortListener);
          }
        }).catch((e) => {
          logger.warning("Error when cleaning up abortListener on httpRequest", e);
        });
      }
    }
  }
  makeRequest(request, abortController, body) {
    const url = new URL(request.url);
    const isInsecure = url.protocol !== "https:";
    if (isInsecure && !request.allowInsecureConnection) {
      throw new Error(`Cannot connect to ${request.url} while allowInsecureConnection is false.`);
    }
    const agent = request.agent ?? this.getOrCreateAgent(request, isInsecure);
    const options = {
      agent,
      hostname: url.hostname,
      path: `${url.pathname}${url.search}`,
      port: url.port,
      method: request.method,
      headers: request.headers.toJSON({ preserveCase: true }),
      ...request.requestOverrides
    };
    return new Promise((resolve, reject) => {
      const req = isInsecure ? http.request(options, resolve) : https.request(options, resolve);
      req.once("error", (err) => {
        reject(new RestError(err.message, { code: err.code ?? RestError.REQUEST_SEND_ERROR, request }));
      });
      abortController.signal.addEventListener("abort", () => {
        const abortError = new AbortError("The operation was aborted. Rejecting from abort signal callback while making request.");
        req.destroy(abortError);
        reject(abortError);
      });
      if (body && isReadableStream(body)) {
        body.pipe(req);
      } else if (body) {
        if (typeof body === "string" || Buffer.isBuffer(body)) {
          req.end(body);
        } else if (isArrayBuffer(body)) {
          req.end(ArrayBuffer.isView(body) ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : Buffer.from(body));
        } else {
          logger.error("Unrecognized body type", body);
          reject(new RestError("Unrecognized body type"));
        }
      } else {
        req.end();
      }
    });
  }
  getOrCreateAgent(request, isInsecure) {
    const disableKeepAlive = request.disableKeepAlive;
    if (isInsecure) {
      if (disableKeepAlive) {
        return http.globalAgent;
      }
      if (!this.cachedHttpAgent) {
        this.cachedHttpAgent = new http.Agent({ keepAlive: true });
      }
      return this.cachedHttpAgent;
    } else {
      if (disableKeepAlive && !request.tlsSettings) {
        return https.globalAgent;
      }
      const tlsSettings = request.tlsSettings ?? DEFAULT_TLS_SETTINGS;
      let agent = this.cachedHttpsAgents.get(tlsSettings);
      if (agent && agent.options.keepAlive === !disableKeepAlive) {
        return agent;
      }
      logger.info("No cached TLS Agent exist, creating a new Agent");
      agent = new https.Agent({
        // keepAlive is true if disableKeepAlive is false.
        keepAlive: !disableKeepAlive,
        // Since we are spreading, if no tslSettings were provided, nothing is added to the agent options.
        ...tlsSettings
      });
      this.cachedHttpsAgents.set(tlsSettings, agent);
      return agent;
    }
  }
};
function getResponseHeaders(res) {
  const headers = createHttpHeaders();
  for (const header of Object.keys(res.headers)) {
    const value = res.headers[header];
    if (Array.isArray(value)) {
      if (value.length > 0) {
        headers.set(header, value[0]);
      }
    } else if (value) {
      headers.set(header, value);
    }
  }
  return headers;
}
function getDecodedResponseStream(stream, headers) {
  const contentEncoding = headers.get("Content-Encoding");
  if (contentEncoding === "gzip") {
    const unzip = zlib.createGunzip();
    stream.pipe(unzip);
    return unzip;
  } else if (contentEncoding === "deflate") {
    const inflate = zlib.createInflate();
    stream.pipe(inflate);
    return inflate;
  }
  return stream;
}
function streamToText(stream) {
  return new Promise((resolve, reject) => {
    const buffer = [];
    stream.on("data", (chunk) => {
      if (Buffer.isBuffer(chunk)) {
        buffer.push(chunk);
      } else {
        buffer.push(Buffer.from(chunk));
      }
    });
    stream.on("end", () => {
      resolve(Buffer.concat(buffer).toString("utf8"));
    });
    stream.on("error", (e) => {
      if (e && e?.name === "AbortError") {
        reject(e);
      } else {
        reject(new RestError(`Error reading response as text: ${e.message}`, {
          code: RestError.PARSE_ERROR
        }));
      }
    });
  });
}
function getBodyLength(body) {
  if (!body) {
    return 0;
  } else if (Buffer.isBuffer(body)) {
    return body.length;
  } else if (isReadableStream(body)) {
    return null;
  } else if (isArrayBuffer(body)) {
    return body.byteLength;
  } else if (typeof body === "string") {
    return Buffer.from(body).length;
  } else {
    return null;
  }
}
function createNodeHttpClient() {
  return new NodeHttpClient();
}

// node_modules/@typespec/ts-http-runtime/dist/esm/defaultHttpClient.js
function createDefaultHttpClient() {
  return createNodeHttpClient();
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/logPolicy.js
var logPolicyName = "logPolicy";
function logPolicy(options = {}) {
  const logger3 = options.logger ?? logger.info;
  const sanitizer = new Sanitizer({
    additionalAllowedHeaderNames: options.additionalAllowedHeaderNames,
    additionalAllowedQueryParameters: options.additionalAllowedQueryParameters
  });
  return {
    name: logPolicyName,
    async sendRequest(request, next) {
      if (!logger3.enabled) {
        return next(request);
      }
      logger3(`Request: ${sanitizer.sanitize(request)}`);
      const response = await next(request);
      logger3(`Response status code: ${response.status}`);
      logger3(`Headers: ${sanitizer.sanitize(response.headers)}`);
      return response;
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/userAgentPlatform.js
import os from "node:os";
import process4 from "node:process";
function getHeaderName() {
  return "User-Agent";
}
async function setPlatformSpecificData(map) {
  if (process4 && process4.versions) {
    const osInfo = `${os.type()} ${os.release()}; ${os.arch()}`;
    if (process4.versions.bun) {
      map.set("Bun", `${process4.versions.bun} (${osInfo})`);
    } else if (process4.versions.deno) {
      map.set("Deno", `${process4.versions.deno} (${osInfo})`);
    } else if (process4.versions.node) {
      map.set("Node", `${process4.versions.node} (${osInfo})`);
    }
  }
}

// node_modules/@typespec/ts-http-runtime/dist/esm/constants.js
var SDK_VERSION = "0.3.6";
var DEFAULT_RETRY_POLICY_COUNT = 3;

// node_modules/@typespec/ts-http-runtime/dist/esm/util/userAgent.js
function getUserAgentString(telemetryInfo) {
  const parts = [];
  for (const [key2, value] of telemetryInfo) {
    const token = value ? `${key2}/${value}` : key2;
    parts.push(token);
  }
  return parts.join(" ");
}
function getUserAgentHeaderName() {
  return getHeaderName();
}
async function getUserAgentValue(prefix) {
  const runtimeInfo = /* @__PURE__ */ new Map();
  runtimeInfo.set("ts-http-runtime", SDK_VERSION);
  await setPlatformSpecificData(runtimeInfo);
  const defaultAgent = getUserAgentString(runtimeInfo);
  const userAgentValue = prefix ? `${prefix} ${defaultAgent}` : defaultAgent;
  return userAgentValue;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/userAgentPolicy.js
var UserAgentHeaderName = getUserAgentHeaderName();
var userAgentPolicyName = "userAgentPolicy";
function userAgentPolicy(options = {}) {
  const userAgentValue = getUserAgentValue(options.userAgentPrefix);
  return {
    name: userAgentPolicyName,
    async sendRequest(request, next) {
      if (!request.headers.has(UserAgentHeaderName)) {
        request.headers.set(UserAgentHeaderName, await userAgentValue);
      }
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/random.js
function getRandomIntegerInclusive(min, max) {
  min = Math.ceil(min);
  max = Math.floor(max);
  const offset = Math.floor(Math.random() * (max - min + 1));
  return offset + min;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/delay.js
function calculateRetryDelay(retryAttempt, config) {
  const exponentialDelay = config.retryDelayInMs * Math.pow(2, retryAttempt);
  const clampedDelay = Math.min(config.maxRetryDelayInMs, exponentialDelay);
  const retryAfterInMs = clampedDelay / 2 + getRandomIntegerInclusive(0, clampedDelay / 2);
  return { retryAfterInMs };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/helpers.js
var StandardAbortMessage = "The operation was aborted.";
function delay(delayInMs, value, options) {
  return new Promise((resolve, reject) => {
    let timer = void 0;
    let onAborted = void 0;
    const rejectOnAbort = () => {
      return reject(new AbortError(options?.abortErrorMsg ? options?.abortErrorMsg : StandardAbortMessage));
    };
    const removeListeners = () => {
      if (options?.abortSignal && onAborted) {
        options.abortSignal.removeEventListener("abort", onAborted);
      }
    };
    onAborted = () => {
      if (timer) {
        clearTimeout(timer);
      }
      removeListeners();
      return rejectOnAbort();
    };
    if (options?.abortSignal && options.abortSignal.aborted) {
      return rejectOnAbort();
    }
    timer = setTimeout(() => {
      removeListeners();
      resolve(value);
    }, delayInMs);
    if (options?.abortSignal) {
      options.abortSignal.addEventListener("abort", onAborted);
    }
  });
}
function parseHeaderValueAsNumber(response, headerName) {
  const value = response.headers.get(headerName);
  if (!value)
    return;
  const valueAsNum = Number(value);
  if (Number.isNaN(valueAsNum))
    return;
  return valueAsNum;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/retryStrategies/throttlingRetryStrategy.js
var RetryAfterHeader = "Retry-After";
var AllRetryAfterHeaders = ["retry-after-ms", "x-ms-retry-after-ms", RetryAfterHeader];
function getRetryAfterInMs(response) {
  if (!(response && [429, 503].includes(response.status)))
    return void 0;
  try {
    for (const header of AllRetryAfterHeaders) {
      const retryAfterValue = parseHeaderValueAsNumber(response, header);
      if (retryAfterValue === 0 || retryAfterValue) {
        const multiplyingFactor = header === RetryAfterHeader ? 1e3 : 1;
        return retryAfterValue * multiplyingFactor;
      }
    }
    const retryAfterHeader = response.headers.get(RetryAfterHeader);
    if (!retryAfterHeader)
      return;
    const date = Date.parse(retryAfterHeader);
    const diff = date - Date.now();
    return Number.isFinite(diff) ? Math.max(0, diff) : void 0;
  } catch {
    return void 0;
  }
}
function isThrottlingRetryResponse(response) {
  return Number.isFinite(getRetryAfterInMs(response));
}
function throttlingRetryStrategy() {
  return {
    name: "throttlingRetryStrategy",
    retry({ response }) {
      const retryAfterInMs = getRetryAfterInMs(response);
      if (!Number.isFinite(retryAfterInMs)) {
        return { skipStrategy: true };
      }
      return {
        retryAfterInMs
      };
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/retryStrategies/exponentialRetryStrategy.js
var DEFAULT_CLIENT_RETRY_INTERVAL = 1e3;
var DEFAULT_CLIENT_MAX_RETRY_INTERVAL = 1e3 * 64;
function exponentialRetryStrategy(options = {}) {
  const retryInterval = options.retryDelayInMs ?? DEFAULT_CLIENT_RETRY_INTERVAL;
  const maxRetryInterval = options.maxRetryDelayInMs ?? DEFAULT_CLIENT_MAX_RETRY_INTERVAL;
  return {
    name: "exponentialRetryStrategy",
    retry({ retryCount, response, responseError }) {
      const matchedSystemError = isSystemError(responseError);
      const ignoreSystemErrors = matchedSystemError && options.ignoreSystemErrors;
      const isExponential = isExponentialRetryResponse(response);
      const ignoreExponentialResponse = isExponential && options.ignoreHttpStatusCodes;
      const unknownResponse = response && (isThrottlingRetryResponse(response) || !isExponential);
      if (unknownResponse || ignoreExponentialResponse || ignoreSystemErrors) {
        return { skipStrategy: true };
      }
      if (responseError && !matchedSystemError && !isExponential) {
        return { errorToThrow: responseError };
      }
      return calculateRetryDelay(retryCount, {
        retryDelayInMs: retryInterval,
        maxRetryDelayInMs: maxRetryInterval
      });
    }
  };
}
function isExponentialRetryResponse(response) {
  return Boolean(response && response.status !== void 0 && (response.status >= 500 || response.status === 408) && response.status !== 501 && response.status !== 505);
}
function isSystemError(err) {
  if (!err) {
    return false;
  }
  return err.code === "ETIMEDOUT" || err.code === "ESOCKETTIMEDOUT" || err.code === "ECONNREFUSED" || err.code === "ECONNRESET" || err.code === "ENOENT" || err.code === "ENOTFOUND";
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/retryPolicy.js
var retryPolicyLogger = createClientLogger("ts-http-runtime retryPolicy");
var retryPolicyName = "retryPolicy";
function retryPolicy(strategies, options = { maxRetries: DEFAULT_RETRY_POLICY_COUNT }) {
  const logger3 = options.logger || retryPolicyLogger;
  return {
    name: retryPolicyName,
    async sendRequest(request, next) {
      let response;
      let responseError;
      let retryCount = -1;
      retryRequest: while (true) {
        retryCount += 1;
        response = void 0;
        responseError = void 0;
        try {
          logger3.info(`Retry ${retryCount}: Attempting to send request`, request.requestId);
          response = await next(request);
          logger3.info(`Retry ${retryCount}: Received a response from request`, request.requestId);
        } catch (e) {
          logger3.error(`Retry ${retryCount}: Received an error from request`, request.requestId);
          if (!isRestError(e)) {
            throw e;
          }
          responseError = e;
          response = e.response;
        }
        if (request.abortSignal?.aborted) {
          logger3.error(`Retry ${retryCount}: Request aborted.`);
          const abortError = new AbortError();
          throw abortError;
        }
        if (retryCount >= (options.maxRetries ?? DEFAULT_RETRY_POLICY_COUNT)) {
          logger3.info(`Retry ${retryCount}: Maximum retries reached. Returning the last received response, or throwing the last received error.`);
          if (responseError) {
            throw responseError;
          } else if (response) {
            return response;
          } else {
            throw new Error("Maximum retries reached with no response or error to throw");
          }
        }
        logger3.info(`Retry ${retryCount}: Processing ${strategies.length} retry strategies.`);
        strategiesLoop: for (const strategy of strategies) {
          const strategyLogger = strategy.logger || logger3;
          strategyLogger.info(`Retry ${retryCount}: Processing retry strategy ${strategy.name}.`);
          const modifiers = strategy.retry({
            retryCount,
            response,
            responseError
          });
          if (modifiers.skipStrategy) {
            strategyLogger.info(`Retry ${retryCount}: Skipped.`);
            continue strategiesLoop;
          }
          const { errorToThrow, retryAfterInMs, redirectTo } = modifiers;
          if (errorToThrow) {
            strategyLogger.error(`Retry ${retryCount}: Retry strategy ${strategy.name} throws error:`, errorToThrow);
            throw errorToThrow;
          }
          if (retryAfterInMs || retryAfterInMs === 0) {
            strategyLogger.info(`Retry ${retryCount}: Retry strategy ${strategy.name} retries after ${retryAfterInMs}`);
            await delay(retryAfterInMs, void 0, { abortSignal: request.abortSignal });
            continue retryRequest;
          }
          if (redirectTo) {
            strategyLogger.info(`Retry ${retryCount}: Retry strategy ${strategy.name} redirects to ${redirectTo}`);
            request.url = redirectTo;
            continue retryRequest;
          }
        }
        if (responseError) {
          logger3.info(`None of the retry strategies could work with the received error. Throwing it.`);
          throw responseError;
        }
        if (response) {
          logger3.info(`None of the retry strategies could work with the received response. Returning it.`);
          return response;
        }
      }
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/defaultRetryPolicy.js
var defaultRetryPolicyName = "defaultRetryPolicy";
function defaultRetryPolicy(options = {}) {
  return {
    name: defaultRetryPolicyName,
    sendRequest: retryPolicy([throttlingRetryStrategy(), exponentialRetryStrategy(options)], {
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY_COUNT
    }).sendRequest
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/formData.js
function convertBodyToFormDataMap(body) {
  if (typeof FormData !== "undefined" && body instanceof FormData) {
    const formDataMap = {};
    for (const [key2, value] of body.entries()) {
      const existing = formDataMap[key2];
      if (Array.isArray(existing)) {
        existing.push(value);
      } else {
        formDataMap[key2] = existing !== void 0 ? [existing, value] : [value];
      }
    }
    return formDataMap;
  }
  return void 0;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/formDataPolicy.js
var formDataPolicyName = "formDataPolicy";
function formDataPolicy() {
  return {
    name: formDataPolicyName,
    async sendRequest(request, next) {
      const converted = convertBodyToFormDataMap(request.body);
      if (converted) {
        request.formData = converted;
        request.body = void 0;
      }
      if (request.formData) {
        const contentType = request.headers.get("Content-Type");
        if (contentType && contentType.indexOf("application/x-www-form-urlencoded") !== -1) {
          request.body = wwwFormUrlEncode(request.formData);
        } else {
          await prepareFormData(request.formData, request);
        }
        request.formData = void 0;
      }
      return next(request);
    }
  };
}
function wwwFormUrlEncode(formData) {
  const urlSearchParams = new URLSearchParams();
  for (const [key2, value] of Object.entries(formData)) {
    if (Array.isArray(value)) {
      for (const subValue of value) {
        urlSearchParams.append(key2, subValue.toString());
      }
    } else {
      urlSearchParams.append(key2, value.toString());
    }
  }
  return urlSearchParams.toString();
}
async function prepareFormData(formData, request) {
  const contentType = request.headers.get("Content-Type");
  if (contentType && !contentType.startsWith("multipart/form-data")) {
    return;
  }
  request.headers.set("Content-Type", contentType ?? "multipart/form-data");
  const parts = [];
  for (const [fieldName, values] of Object.entries(formData)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value === "string") {
        parts.push({
          headers: createHttpHeaders({
            "Content-Disposition": `form-data; name="${fieldName}"`
          }),
          body: stringToUint8Array(value, "utf-8")
        });
      } else if (value === void 0 || value === null || typeof value !== "object") {
        throw new Error(`Unexpected value for key ${fieldName}: ${value}. Value should be serialized to string first.`);
      } else {
        const fileName = value.name || "blob";
        const headers = createHttpHeaders();
        headers.set("Content-Disposition", `form-data; name="${fieldName}"; filename="${fileName}"`);
        headers.set("Content-Type", value.type || "application/octet-stream");
        parts.push({
          headers,
          body: value
        });
      }
    }
  }
  request.multipartBody = { parts };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/agentPolicy.js
var agentPolicyName = "agentPolicy";
function agentPolicy(agent) {
  return {
    name: agentPolicyName,
    sendRequest: async (req, next) => {
      if (!req.agent) {
        req.agent = agent;
      }
      return next(req);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/tlsPolicy.js
var tlsPolicyName = "tlsPolicy";
function tlsPolicy(tlsSettings) {
  return {
    name: tlsPolicyName,
    sendRequest: async (req, next) => {
      if (!req.tlsSettings) {
        req.tlsSettings = tlsSettings;
      }
      return next(req);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/proxyPolicy.js
var import_https_proxy_agent = __toESM(require_dist2(), 1);
var import_http_proxy_agent = __toESM(require_dist3(), 1);
var HTTPS_PROXY = "HTTPS_PROXY";
var HTTP_PROXY = "HTTP_PROXY";
var ALL_PROXY = "ALL_PROXY";
var NO_PROXY = "NO_PROXY";
var proxyPolicyName = "proxyPolicy";
var globalNoProxyList = [];
var noProxyListLoaded = false;
var globalBypassedMap = /* @__PURE__ */ new Map();
function getEnvironmentValue(name) {
  if (process.env[name]) {
    return process.env[name];
  } else if (process.env[name.toLowerCase()]) {
    return process.env[name.toLowerCase()];
  }
  return void 0;
}
function loadEnvironmentProxyValue() {
  if (!process) {
    return void 0;
  }
  const httpsProxy = getEnvironmentValue(HTTPS_PROXY);
  const allProxy = getEnvironmentValue(ALL_PROXY);
  const httpProxy = getEnvironmentValue(HTTP_PROXY);
  return httpsProxy || allProxy || httpProxy;
}
function isBypassed(uri, noProxyList, bypassedMap) {
  if (noProxyList.length === 0) {
    return false;
  }
  const host = new URL(uri).hostname;
  if (bypassedMap?.has(host)) {
    return bypassedMap.get(host);
  }
  let isBypassedFlag = false;
  for (const pattern of noProxyList) {
    if (pattern[0] === ".") {
      if (host.endsWith(pattern)) {
        isBypassedFlag = true;
      } else {
        if (host.length === pattern.length - 1 && host === pattern.slice(1)) {
          isBypassedFlag = true;
        }
      }
    } else {
      if (host === pattern) {
        isBypassedFlag = true;
      }
    }
  }
  bypassedMap?.set(host, isBypassedFlag);
  return isBypassedFlag;
}
function loadNoProxy() {
  const noProxy = getEnvironmentValue(NO_PROXY);
  noProxyListLoaded = true;
  if (noProxy) {
    return noProxy.split(",").map((item) => item.trim()).filter((item) => item.length);
  }
  return [];
}
function getDefaultProxySettingsInternal() {
  const envProxy = loadEnvironmentProxyValue();
  return envProxy ? new URL(envProxy) : void 0;
}
function getUrlFromProxySettings(settings) {
  let parsedProxyUrl;
  try {
    parsedProxyUrl = new URL(settings.host);
  } catch {
    throw new Error(`Expecting a valid host string in proxy settings, but found "${settings.host}".`);
  }
  parsedProxyUrl.port = String(settings.port);
  if (settings.username) {
    parsedProxyUrl.username = settings.username;
  }
  if (settings.password) {
    parsedProxyUrl.password = settings.password;
  }
  return parsedProxyUrl;
}
function setProxyAgentOnRequest(request, cachedAgents, proxyUrl) {
  if (request.agent) {
    return;
  }
  const url = new URL(request.url);
  const isInsecure = url.protocol !== "https:";
  if (request.tlsSettings) {
    logger.warning("TLS settings are not supported in combination with custom Proxy, certificates provided to the client will be ignored.");
  }
  if (isInsecure) {
    if (!cachedAgents.httpProxyAgent) {
      cachedAgents.httpProxyAgent = new import_http_proxy_agent.HttpProxyAgent(proxyUrl);
    }
    request.agent = cachedAgents.httpProxyAgent;
  } else {
    if (!cachedAgents.httpsProxyAgent) {
      cachedAgents.httpsProxyAgent = new import_https_proxy_agent.HttpsProxyAgent(proxyUrl);
    }
    request.agent = cachedAgents.httpsProxyAgent;
  }
}
function proxyPolicy(proxySettings, options) {
  if (!noProxyListLoaded) {
    globalNoProxyList.push(...loadNoProxy());
  }
  const defaultProxy = proxySettings ? getUrlFromProxySettings(proxySettings) : getDefaultProxySettingsInternal();
  const cachedAgents = {};
  return {
    name: proxyPolicyName,
    async sendRequest(request, next) {
      if (!request.proxySettings && defaultProxy && !isBypassed(request.url, options?.customNoProxyList ?? globalNoProxyList, options?.customNoProxyList ? void 0 : globalBypassedMap)) {
        setProxyAgentOnRequest(request, cachedAgents, defaultProxy);
      } else if (request.proxySettings) {
        setProxyAgentOnRequest(request, cachedAgents, getUrlFromProxySettings(request.proxySettings));
      }
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/decompressResponsePolicy.js
var decompressResponsePolicyName = "decompressResponsePolicy";
function decompressResponsePolicy() {
  return {
    name: decompressResponsePolicyName,
    async sendRequest(request, next) {
      if (request.method !== "HEAD") {
        request.headers.set("Accept-Encoding", "gzip,deflate");
      }
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/redirectPolicy.js
var redirectPolicyName = "redirectPolicy";
var allowedRedirect = ["GET", "HEAD"];
function redirectPolicy(options = {}) {
  const { maxRetries = 20, allowCrossOriginRedirects = false } = options;
  return {
    name: redirectPolicyName,
    async sendRequest(request, next) {
      const response = await next(request);
      return handleRedirect(next, response, maxRetries, allowCrossOriginRedirects);
    }
  };
}
async function handleRedirect(next, response, maxRetries, allowCrossOriginRedirects, currentRetries = 0) {
  const { request, status, headers } = response;
  const locationHeader = headers.get("location");
  if (locationHeader && (status === 300 || status === 301 && allowedRedirect.includes(request.method) || status === 302 && allowedRedirect.includes(request.method) || status === 303 && request.method === "POST" || status === 307) && currentRetries < maxRetries) {
    const url = new URL(locationHeader, request.url);
    if (!allowCrossOriginRedirects) {
      const originalUrl = new URL(request.url);
      if (url.origin !== originalUrl.origin) {
        logger.verbose(`Skipping cross-origin redirect from ${originalUrl.origin} to ${url.origin}.`);
        return response;
      }
    }
    request.url = url.toString();
    if (status === 303) {
      request.method = "GET";
      request.headers.delete("Content-Length");
      delete request.body;
    }
    request.headers.delete("Authorization");
    const res = await next(request);
    return handleRedirect(next, res, maxRetries, allowCrossOriginRedirects, currentRetries + 1);
  }
  return response;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/platformPolicies.js
function addPlatformPolicies(pipeline, options) {
  if (options.agent) {
    pipeline.addPolicy(agentPolicy(options.agent));
  }
  if (options.tlsOptions) {
    pipeline.addPolicy(tlsPolicy(options.tlsOptions));
  }
  pipeline.addPolicy(proxyPolicy(options.proxyOptions));
  pipeline.addPolicy(decompressResponsePolicy());
  pipeline.addPolicy(redirectPolicy(options.redirectOptions), { afterPhase: "Retry" });
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/typeGuards-node.js
import { Readable } from "stream";
function isNodeReadableStream(x) {
  return x instanceof Readable;
}
function isWebReadableStream(x) {
  return x instanceof ReadableStream;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/typeGuards.js
function isBinaryBody(body) {
  return body !== void 0 && (body instanceof Uint8Array || isReadableStream2(body) || typeof body === "function" || body instanceof Blob);
}
function isReadableStream2(x) {
  return isNodeReadableStream(x) || isWebReadableStream(x);
}
function isBlob(x) {
  return x instanceof Blob;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/util/concat.js
import { Readable as Readable2 } from "stream";
async function* streamAsyncIterator() {
  const reader = this.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
function makeAsyncIterable(webStream) {
  if (!webStream[Symbol.asyncIterator]) {
    webStream[Symbol.asyncIterator] = streamAsyncIterator.bind(webStream);
  }
  if (!webStream.values) {
    webStream.values = streamAsyncIterator.bind(webStream);
  }
}
function ensureNodeStream(stream) {
  if (stream instanceof ReadableStream) {
    makeAsyncIterable(stream);
    return Readable2.fromWeb(stream);
  } else {
    return stream;
  }
}
function toStream(source) {
  if (source instanceof Uint8Array) {
    return Readable2.from(Buffer.from(source));
  } else if (isBlob(source)) {
    return ensureNodeStream(source.stream());
  } else {
    return ensureNodeStream(source);
  }
}
async function concat(sources) {
  return function() {
    const streams = sources.map((x) => typeof x === "function" ? x() : x).map(toStream);
    return Readable2.from((async function* () {
      for (const stream of streams) {
        for await (const chunk of stream) {
          yield chunk;
        }
      }
    })());
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/multipartPolicy.js
function generateBoundary() {
  return `----AzSDKFormBoundary${randomUUID()}`;
}
function encodeHeaders(headers) {
  let result = "";
  for (const [key2, value] of headers) {
    result += `${key2}: ${value}\r
`;
  }
  return result;
}
function getLength(source) {
  if (source instanceof Uint8Array) {
    return source.byteLength;
  } else if (isBlob(source)) {
    return source.size === -1 ? void 0 : source.size;
  } else {
    return void 0;
  }
}
function getTotalLength(sources) {
  let total = 0;
  for (const source of sources) {
    const partLength = getLength(source);
    if (partLength === void 0) {
      return void 0;
    } else {
      total += partLength;
    }
  }
  return total;
}
async function buildRequestBody(request, parts, boundary) {
  const sources = [
    stringToUint8Array(`--${boundary}`, "utf-8"),
    ...parts.flatMap((part) => [
      stringToUint8Array("\r\n", "utf-8"),
      stringToUint8Array(encodeHeaders(part.headers), "utf-8"),
      stringToUint8Array("\r\n", "utf-8"),
      part.body,
      stringToUint8Array(`\r
--${boundary}`, "utf-8")
    ]),
    stringToUint8Array("--\r\n\r\n", "utf-8")
  ];
  const contentLength = getTotalLength(sources);
  if (contentLength) {
    request.headers.set("Content-Length", contentLength);
  }
  request.body = await concat(sources);
}
var multipartPolicyName = "multipartPolicy";
var maxBoundaryLength = 70;
var validBoundaryCharacters = new Set(`abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'()+,-./:=?`);
function assertValidBoundary(boundary) {
  if (boundary.length > maxBoundaryLength) {
    throw new Error(`Multipart boundary "${boundary}" exceeds maximum length of 70 characters`);
  }
  if (Array.from(boundary).some((x) => !validBoundaryCharacters.has(x))) {
    throw new Error(`Multipart boundary "${boundary}" contains invalid characters`);
  }
}
function multipartPolicy() {
  return {
    name: multipartPolicyName,
    async sendRequest(request, next) {
      if (!request.multipartBody) {
        return next(request);
      }
      if (request.body) {
        throw new Error("multipartBody and regular body cannot be set at the same time");
      }
      let boundary = request.multipartBody.boundary;
      const contentTypeHeader = request.headers.get("Content-Type") ?? "multipart/mixed";
      const parsedHeader = contentTypeHeader.match(/^(multipart\/[^ ;]+)(?:; *boundary=(.+))?$/);
      if (!parsedHeader) {
        throw new Error(`Got multipart request body, but content-type header was not multipart: ${contentTypeHeader}`);
      }
      const [, contentType, parsedBoundary] = parsedHeader;
      if (parsedBoundary && boundary && parsedBoundary !== boundary) {
        throw new Error(`Multipart boundary was specified as ${parsedBoundary} in the header, but got ${boundary} in the request body`);
      }
      boundary ??= parsedBoundary;
      if (boundary) {
        assertValidBoundary(boundary);
      } else {
        boundary = generateBoundary();
      }
      request.headers.set("Content-Type", `${contentType}; boundary=${boundary}`);
      await buildRequestBody(request, request.multipartBody.parts, boundary);
      request.multipartBody = void 0;
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/createPipelineFromOptions.js
function createPipelineFromOptions(options) {
  const pipeline = createEmptyPipeline();
  addPlatformPolicies(pipeline, options);
  pipeline.addPolicy(formDataPolicy(), { beforePolicies: [multipartPolicyName] });
  pipeline.addPolicy(userAgentPolicy(options.userAgentOptions));
  pipeline.addPolicy(multipartPolicy(), { afterPhase: "Deserialize" });
  pipeline.addPolicy(defaultRetryPolicy(options.retryOptions), { phase: "Retry" });
  pipeline.addPolicy(logPolicy(options.loggingOptions), { afterPhase: "Sign" });
  return pipeline;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/apiVersionPolicy.js
var apiVersionPolicyName = "ApiVersionPolicy";
function apiVersionPolicy(options) {
  return {
    name: apiVersionPolicyName,
    sendRequest: (req, next) => {
      const url = new URL(req.url);
      if (!url.searchParams.get("api-version") && options.apiVersion) {
        req.url = `${req.url}${Array.from(url.searchParams.keys()).length > 0 ? "&" : "?"}api-version=${options.apiVersion}`;
      }
      return next(req);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/auth/credentials.js
function isOAuth2TokenCredential(credential) {
  return "getOAuth2Token" in credential;
}
function isBearerTokenCredential(credential) {
  return "getBearerToken" in credential;
}
function isBasicCredential(credential) {
  return "username" in credential && "password" in credential;
}
function isApiKeyCredential(credential) {
  return "key" in credential;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/auth/checkInsecureConnection.js
var insecureConnectionWarningEmmitted = false;
function allowInsecureConnection(request, options) {
  if (options.allowInsecureConnection && request.allowInsecureConnection) {
    const url = new URL(request.url);
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
      return true;
    }
  }
  return false;
}
function emitInsecureConnectionWarning() {
  const warning2 = "Sending token over insecure transport. Assume any token issued is compromised.";
  logger.warning(warning2);
  if (!insecureConnectionWarningEmmitted) {
    insecureConnectionWarningEmmitted = true;
    emitNodeWarning(warning2);
  }
}
function ensureSecureConnection(request, options) {
  if (!request.url.toLowerCase().startsWith("https://")) {
    if (allowInsecureConnection(request, options)) {
      emitInsecureConnectionWarning();
    } else {
      throw new Error("Authentication is not permitted for non-TLS protected (non-https) URLs when allowInsecureConnection is false.");
    }
  }
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/auth/apiKeyAuthenticationPolicy.js
var apiKeyAuthenticationPolicyName = "apiKeyAuthenticationPolicy";
function apiKeyAuthenticationPolicy(options) {
  return {
    name: apiKeyAuthenticationPolicyName,
    async sendRequest(request, next) {
      ensureSecureConnection(request, options);
      const scheme = (request.authSchemes ?? options.authSchemes)?.find((x) => x.kind === "apiKey");
      if (!scheme) {
        return next(request);
      }
      if (scheme.apiKeyLocation !== "header") {
        throw new Error(`Unsupported API key location: ${scheme.apiKeyLocation}`);
      }
      request.headers.set(scheme.name, options.credential.key);
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/auth/basicAuthenticationPolicy.js
var basicAuthenticationPolicyName = "bearerAuthenticationPolicy";
function basicAuthenticationPolicy(options) {
  return {
    name: basicAuthenticationPolicyName,
    async sendRequest(request, next) {
      ensureSecureConnection(request, options);
      const scheme = (request.authSchemes ?? options.authSchemes)?.find((x) => x.kind === "http" && x.scheme === "basic");
      if (!scheme) {
        return next(request);
      }
      const { username, password } = options.credential;
      const headerValue = uint8ArrayToString(stringToUint8Array(`${username}:${password}`, "utf-8"), "base64");
      request.headers.set("Authorization", `Basic ${headerValue}`);
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/auth/bearerAuthenticationPolicy.js
var bearerAuthenticationPolicyName = "bearerAuthenticationPolicy";
function bearerAuthenticationPolicy(options) {
  return {
    name: bearerAuthenticationPolicyName,
    async sendRequest(request, next) {
      ensureSecureConnection(request, options);
      const scheme = (request.authSchemes ?? options.authSchemes)?.find((x) => x.kind === "http" && x.scheme === "bearer");
      if (!scheme) {
        return next(request);
      }
      const token = await options.credential.getBearerToken({
        abortSignal: request.abortSignal
      });
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/policies/auth/oauth2AuthenticationPolicy.js
var oauth2AuthenticationPolicyName = "oauth2AuthenticationPolicy";
function oauth2AuthenticationPolicy(options) {
  return {
    name: oauth2AuthenticationPolicyName,
    async sendRequest(request, next) {
      ensureSecureConnection(request, options);
      const scheme = (request.authSchemes ?? options.authSchemes)?.find((x) => x.kind === "oauth2");
      if (!scheme) {
        return next(request);
      }
      const token = await options.credential.getOAuth2Token(scheme.flows, {
        abortSignal: request.abortSignal
      });
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/clientHelpers.js
var cachedHttpClient;
function createDefaultPipeline(options = {}) {
  const pipeline = createPipelineFromOptions(options);
  pipeline.addPolicy(apiVersionPolicy(options));
  const { credential, authSchemes, allowInsecureConnection: allowInsecureConnection2 } = options;
  if (credential) {
    if (isApiKeyCredential(credential)) {
      pipeline.addPolicy(apiKeyAuthenticationPolicy({ authSchemes, credential, allowInsecureConnection: allowInsecureConnection2 }));
    } else if (isBasicCredential(credential)) {
      pipeline.addPolicy(basicAuthenticationPolicy({ authSchemes, credential, allowInsecureConnection: allowInsecureConnection2 }));
    } else if (isBearerTokenCredential(credential)) {
      pipeline.addPolicy(bearerAuthenticationPolicy({ authSchemes, credential, allowInsecureConnection: allowInsecureConnection2 }));
    } else if (isOAuth2TokenCredential(credential)) {
      pipeline.addPolicy(oauth2AuthenticationPolicy({ authSchemes, credential, allowInsecureConnection: allowInsecureConnection2 }));
    }
  }
  return pipeline;
}
function getCachedDefaultHttpsClient() {
  if (!cachedHttpClient) {
    cachedHttpClient = createDefaultHttpClient();
  }
  return cachedHttpClient;
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/multipart.js
function getHeaderValue(descriptor, headerName) {
  if (descriptor.headers) {
    const actualHeaderName = Object.keys(descriptor.headers).find((x) => x.toLowerCase() === headerName.toLowerCase());
    if (actualHeaderName) {
      return descriptor.headers[actualHeaderName];
    }
  }
  return void 0;
}
function getPartContentType(descriptor) {
  const contentTypeHeader = getHeaderValue(descriptor, "content-type");
  if (contentTypeHeader) {
    return contentTypeHeader;
  }
  if (descriptor.contentType === null) {
    return void 0;
  }
  if (descriptor.contentType) {
    return descriptor.contentType;
  }
  const { body } = descriptor;
  if (body === null || body === void 0) {
    return void 0;
  }
  if (typeof body === "string" || typeof body === "number" || typeof body === "boolean") {
    return "text/plain; charset=UTF-8";
  }
  if (body instanceof Blob) {
    return body.type || "application/octet-stream";
  }
  if (isBinaryBody(body)) {
    return "application/octet-stream";
  }
  return "application/json";
}
function escapeDispositionField(value) {
  return JSON.stringify(value);
}
function getContentDisposition(descriptor) {
  const contentDispositionHeader = getHeaderValue(descriptor, "content-disposition");
  if (contentDispositionHeader) {
    return contentDispositionHeader;
  }
  if (descriptor.dispositionType === void 0 && descriptor.name === void 0 && descriptor.filename === void 0) {
    return void 0;
  }
  const dispositionType = descriptor.dispositionType ?? "form-data";
  let disposition = dispositionType;
  if (descriptor.name) {
    disposition += `; name=${escapeDispositionField(descriptor.name)}`;
  }
  let filename = void 0;
  if (descriptor.filename) {
    filename = descriptor.filename;
  } else if (typeof File !== "undefined" && descriptor.body instanceof File) {
    const filenameFromFile = descriptor.body.name;
    if (filenameFromFile !== "") {
      filename = filenameFromFile;
    }
  }
  if (filename) {
    disposition += `; filename=${escapeDispositionField(filename)}`;
  }
  return disposition;
}
function normalizeBody(body, contentType) {
  if (body === void 0) {
    return new Uint8Array([]);
  }
  if (isBinaryBody(body)) {
    return body;
  }
  if (typeof body === "string" || typeof body === "number" || typeof body === "boolean") {
    return stringToUint8Array(String(body), "utf-8");
  }
  if (contentType && /application\/(.+\+)?json(;.+)?/i.test(String(contentType))) {
    return stringToUint8Array(JSON.stringify(body), "utf-8");
  }
  throw new RestError(`Unsupported body/content-type combination: ${body}, ${contentType}`);
}
function buildBodyPart(descriptor) {
  const contentType = getPartContentType(descriptor);
  const contentDisposition = getContentDisposition(descriptor);
  const headers = createHttpHeaders(descriptor.headers ?? {});
  if (contentType) {
    headers.set("content-type", contentType);
  }
  if (contentDisposition) {
    headers.set("content-disposition", contentDisposition);
  }
  const body = normalizeBody(descriptor.body, contentType);
  return {
    headers,
    body
  };
}
function buildMultipartBody(parts) {
  return { parts: parts.map(buildBodyPart) };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/sendRequest.js
async function sendRequest(method, url, pipeline, options = {}, customHttpClient) {
  const httpClient = customHttpClient ?? getCachedDefaultHttpsClient();
  const request = buildPipelineRequest(method, url, options);
  try {
    const response = await pipeline.sendRequest(httpClient, request);
    const headers = response.headers.toJSON();
    const stream = response.readableStreamBody ?? response.browserStreamBody;
    const parsedBody = options.responseAsStream || stream !== void 0 ? void 0 : getResponseBody(response);
    const body = stream ?? parsedBody;
    if (options?.onResponse) {
      options.onResponse({ ...response, request, rawHeaders: headers, parsedBody });
    }
    return {
      request,
      headers,
      status: `${response.status}`,
      body
    };
  } catch (e) {
    if (isRestError(e) && e.response && options.onResponse) {
      const { response } = e;
      const rawHeaders = response.headers.toJSON();
      options?.onResponse({ ...response, request, rawHeaders }, e);
    }
    throw e;
  }
}
function getRequestContentType(options = {}) {
  if (options.contentType) {
    return options.contentType;
  }
  const headerContentType = options.headers?.["content-type"];
  if (typeof headerContentType === "string") {
    return headerContentType;
  }
  return getContentType(options.body);
}
function getContentType(body) {
  if (body === void 0) {
    return void 0;
  }
  if (ArrayBuffer.isView(body)) {
    return "application/octet-stream";
  }
  if (isBlob(body) && body.type) {
    return body.type;
  }
  if (typeof body === "string") {
    try {
      JSON.parse(body);
      return "application/json";
    } catch (error2) {
      return void 0;
    }
  }
  return "application/json";
}
function buildPipelineRequest(method, url, options = {}) {
  const requestContentType = getRequestContentType(options);
  const { body, multipartBody } = getRequestBody(options.body, requestContentType);
  const headers = createHttpHeaders({
    ...options.headers ? options.headers : {},
    accept: options.accept ?? options.headers?.accept ?? "application/json",
    ...requestContentType && {
      "content-type": requestContentType
    }
  });
  const { allowInsecureConnection: allowInsecureConnection2, abortSignal, onUploadProgress, onDownloadProgress, timeout, responseAsStream, url: _url, method: _method, body: _body, multipartBody: _multiBody, headers: _headers, ...rest } = options;
  const request = createPipelineRequest({
    url,
    method,
    body,
    multipartBody,
    headers,
    allowInsecureConnection: allowInsecureConnection2,
    abortSignal,
    onUploadProgress,
    onDownloadProgress,
    timeout,
    enableBrowserStreams: true,
    streamResponseStatusCodes: responseAsStream ? /* @__PURE__ */ new Set([Number.POSITIVE_INFINITY]) : void 0
  });
  Object.assign(request, rest);
  return request;
}
function getRequestBody(body, contentType = "") {
  if (body === void 0) {
    return { body: void 0 };
  }
  if (typeof FormData !== "undefined" && body instanceof FormData) {
    return { body };
  }
  if (isBlob(body)) {
    return { body };
  }
  if (isReadableStream2(body)) {
    return { body };
  }
  if (typeof body === "function") {
    return { body };
  }
  if (ArrayBuffer.isView(body)) {
    return {
      body: body instanceof Uint8Array ? body : JSON.stringify(body)
    };
  }
  const firstType = contentType.split(";")[0];
  switch (firstType) {
    case "application/json":
      return { body: JSON.stringify(body) };
    case "multipart/form-data":
      if (Array.isArray(body)) {
        return { multipartBody: buildMultipartBody(body) };
      }
      return { body: JSON.stringify(body) };
    case "text/plain":
      return { body: String(body) };
    default:
      if (typeof body === "string") {
        return { body };
      }
      return { body: JSON.stringify(body) };
  }
}
function getResponseBody(response) {
  const contentType = response.headers.get("content-type") ?? "";
  const firstType = contentType.split(";")[0];
  const bodyToParse = response.bodyAsText ?? "";
  if (firstType === "text/plain") {
    return String(bodyToParse);
  }
  try {
    return bodyToParse ? JSON.parse(bodyToParse) : void 0;
  } catch (error2) {
    if (firstType === "application/json") {
      throw createParseError(response, error2);
    }
    return String(bodyToParse);
  }
}
function createParseError(response, err) {
  const msg = `Error "${err}" occurred while parsing the response body - ${response.bodyAsText}.`;
  const errCode = err.code ?? RestError.PARSE_ERROR;
  return new RestError(msg, {
    code: errCode,
    statusCode: response.status,
    request: response.request,
    response
  });
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/urlHelpers.js
function isQueryParameterWithOptions(x) {
  if (typeof x !== "object" || x === null || !Object.hasOwn(x, "value")) {
    return false;
  }
  const value = x.value;
  return typeof value?.toString === "function";
}
function buildRequestUrl(endpoint, routePath, pathParameters, options = {}) {
  if (routePath.startsWith("https://") || routePath.startsWith("http://")) {
    return routePath;
  }
  endpoint = buildBaseUrl(endpoint, options);
  const updatedRoutePath = buildRoutePath(routePath, pathParameters, options);
  const requestUrl = appendQueryParams(appendPath(endpoint, updatedRoutePath), options);
  const url = new URL(requestUrl);
  return url.toString();
}
function appendPath(endpoint, pathToAppend) {
  const endpointSearchStart = endpoint.indexOf("?");
  const pathSearchStart = pathToAppend.indexOf("?");
  const endpointParts = endpointSearchStart !== -1 ? [endpoint.substring(0, endpointSearchStart), endpoint.substring(endpointSearchStart + 1)] : [endpoint, ""];
  const pathParts = pathSearchStart !== -1 ? [pathToAppend.substring(0, pathSearchStart), pathToAppend.substring(pathSearchStart + 1)] : [pathToAppend, ""];
  const combinedSearch = [endpointParts[1], pathParts[1].replaceAll("?", "&")].filter(Boolean).join("&");
  const baseEndpoint = endpointParts[0].replace(/(^[^:]+:\/\/[^/]+)\/\/+/, "$1/");
  const basePathToAppend = pathParts[0];
  let combinedUrl = baseEndpoint;
  if (!baseEndpoint.endsWith("/") && !basePathToAppend.startsWith("/") && basePathToAppend !== "") {
    combinedUrl += `/${basePathToAppend}`;
  } else if (baseEndpoint.endsWith("/") && basePathToAppend.startsWith("/")) {
    combinedUrl += basePathToAppend.substring(1);
  } else {
    combinedUrl += basePathToAppend;
  }
  if (combinedSearch) {
    combinedUrl += `?${combinedSearch}`;
  }
  return combinedUrl;
}
function getQueryParamValue(key2, allowReserved, style, param) {
  let separator;
  if (style === "pipeDelimited") {
    separator = "|";
  } else if (style === "spaceDelimited") {
    separator = "%20";
  } else {
    separator = ",";
  }
  let paramValues;
  if (Array.isArray(param)) {
    paramValues = param;
  } else if (typeof param === "object" && param.toString === Object.prototype.toString) {
    paramValues = Object.entries(param).flat();
  } else {
    paramValues = [param];
  }
  const value = paramValues.map((p) => {
    if (p === null || p === void 0) {
      return "";
    }
    if (!p.toString || typeof p.toString !== "function") {
      throw new Error(`Query parameters must be able to be represented as string, ${key2} can't`);
    }
    const rawValue = p.toISOString !== void 0 ? p.toISOString() : p.toString();
    return allowReserved ? rawValue : encodeURIComponent(rawValue);
  }).join(separator);
  return `${allowReserved ? key2 : encodeURIComponent(key2)}=${value}`;
}
function simpleParseQueryParams(queryString) {
  const result = /* @__PURE__ */ new Map();
  if (!queryString || queryString[0] !== "?") {
    return result;
  }
  queryString = queryString.slice(1);
  const pairs = queryString.split("&");
  for (const pair of pairs) {
    const eqIndex = pair.indexOf("=");
    const name = eqIndex === -1 ? pair : pair.substring(0, eqIndex);
    const value = eqIndex === -1 ? "" : pair.substring(eqIndex + 1);
    const existingValue = result.get(name);
    if (existingValue !== void 0) {
      if (Array.isArray(existingValue)) {
        existingValue.push(value);
      } else {
        result.set(name, [existingValue, value]);
      }
    } else {
      result.set(name, value);
    }
  }
  return result;
}
function appendQueryParams(url, options = {}) {
  if (!options.queryParameters) {
    return url;
  }
  const parsedUrl = new URL(url);
  const queryParams = options.queryParameters;
  const existingParams = simpleParseQueryParams(parsedUrl.search);
  const newParamStrings = [];
  for (const key2 of Object.keys(queryParams)) {
    const param = queryParams[key2];
    if (param === void 0 || param === null) {
      continue;
    }
    const hasMetadata = isQueryParameterWithOptions(param);
    const rawValue = hasMetadata ? param.value : param;
    const explode = hasMetadata ? param.explode ?? false : false;
    const style = hasMetadata && param.style ? param.style : "form";
    if (explode) {
      if (Array.isArray(rawValue)) {
        for (const item of rawValue) {
          newParamStrings.push(getQueryParamValue(key2, options.skipUrlEncoding ?? false, style, item));
        }
      } else if (rawValue !== null && typeof rawValue === "object") {
        for (const [actualKey, value] of Object.entries(rawValue)) {
          newParamStrings.push(getQueryParamValue(actualKey, options.skipUrlEncoding ?? false, style, value));
        }
      } else {
        throw new Error("explode can only be set to true for objects and arrays");
      }
    } else {
      newParamStrings.push(getQueryParamValue(key2, options.skipUrlEncoding ?? false, style, rawValue));
    }
  }
  for (const paramString of newParamStrings) {
    const eqIndex = paramString.indexOf("=");
    const name = paramString.substring(0, eqIndex);
    const value = paramString.substring(eqIndex + 1);
    const existingValue = existingParams.get(name);
    if (existingValue !== void 0) {
      if (Array.isArray(existingValue)) {
        if (!existingValue.includes(value)) {
          existingValue.push(value);
        }
      } else if (existingValue !== value) {
        existingParams.set(name, [existingValue, value]);
      }
    } else {
      existingParams.set(name, value);
    }
  }
  const searchPieces = [];
  for (const [name, value] of existingParams) {
    if (Array.isArray(value)) {
      for (const subValue of value) {
        searchPieces.push(`${name}=${subValue}`);
      }
    } else {
      searchPieces.push(`${name}=${value}`);
    }
  }
  parsedUrl.search = searchPieces.length ? `?${searchPieces.join("&")}` : "";
  return parsedUrl.toString();
}
function buildBaseUrl(endpoint, options) {
  if (!options.pathParameters) {
    return endpoint;
  }
  const pathParams = options.pathParameters;
  for (const [key2, param] of Object.entries(pathParams)) {
    if (param === void 0 || param === null) {
      throw new Error(`Path parameters ${key2} must not be undefined or null`);
    }
    if (!param.toString || typeof param.toString !== "function") {
      throw new Error(`Path parameters must be able to be represented as string, ${key2} can't`);
    }
    let value = param.toISOString !== void 0 ? param.toISOString() : String(param);
    if (!options.skipUrlEncoding) {
      value = encodeURIComponent(param);
    }
    endpoint = replaceAll(endpoint, `{${key2}}`, value) ?? "";
  }
  return endpoint;
}
function buildRoutePath(routePath, pathParameters, options = {}) {
  for (const pathParam of pathParameters) {
    const allowReserved = typeof pathParam === "object" && (pathParam.allowReserved ?? false);
    let value = typeof pathParam === "object" ? pathParam.value : pathParam;
    if (!options.skipUrlEncoding && !allowReserved) {
      value = encodeURIComponent(value);
    }
    routePath = routePath.replace(/\{[\w-]+\}/, String(value));
  }
  return routePath;
}
function replaceAll(value, searchValue, replaceValue) {
  return !value || !searchValue ? value : value.split(searchValue).join(replaceValue || "");
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/getClient.js
function getClient(endpoint, clientOptions = {}) {
  const pipeline = clientOptions.pipeline ?? createDefaultPipeline(clientOptions);
  if (clientOptions.additionalPolicies?.length) {
    for (const { policy, position } of clientOptions.additionalPolicies) {
      const afterPhase = position === "perRetry" ? "Sign" : void 0;
      pipeline.addPolicy(policy, {
        afterPhase
      });
    }
  }
  const { allowInsecureConnection: allowInsecureConnection2, httpClient } = clientOptions;
  const endpointUrl = clientOptions.endpoint ?? endpoint;
  const client = (path, ...args) => {
    const getUrl = (requestOptions) => buildRequestUrl(endpointUrl, path, args, { allowInsecureConnection: allowInsecureConnection2, ...requestOptions });
    return {
      get: (requestOptions = {}) => {
        return buildOperation("GET", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      post: (requestOptions = {}) => {
        return buildOperation("POST", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      put: (requestOptions = {}) => {
        return buildOperation("PUT", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      patch: (requestOptions = {}) => {
        return buildOperation("PATCH", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      delete: (requestOptions = {}) => {
        return buildOperation("DELETE", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      head: (requestOptions = {}) => {
        return buildOperation("HEAD", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      options: (requestOptions = {}) => {
        return buildOperation("OPTIONS", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      },
      trace: (requestOptions = {}) => {
        return buildOperation("TRACE", getUrl(requestOptions), pipeline, requestOptions, allowInsecureConnection2, httpClient);
      }
    };
  };
  return {
    path: client,
    pathUnchecked: client,
    pipeline
  };
}
function buildOperation(method, url, pipeline, options, allowInsecureConnection2, httpClient) {
  allowInsecureConnection2 = options.allowInsecureConnection ?? allowInsecureConnection2;
  return {
    then: function(onFulfilled, onrejected) {
      return sendRequest(method, url, pipeline, { ...options, allowInsecureConnection: allowInsecureConnection2 }, httpClient).then(onFulfilled, onrejected);
    },
    async asBrowserStream() {
      if (isNodeLike) {
        throw new Error("`asBrowserStream` is supported only in the browser environment. Use `asNodeStream` instead to obtain the response body stream. If you require a Web stream of the response in Node, consider using `Readable.toWeb` on the result of `asNodeStream`.");
      } else {
        return sendRequest(method, url, pipeline, { ...options, allowInsecureConnection: allowInsecureConnection2, responseAsStream: true }, httpClient);
      }
    },
    async asNodeStream() {
      if (isNodeLike) {
        return sendRequest(method, url, pipeline, { ...options, allowInsecureConnection: allowInsecureConnection2, responseAsStream: true }, httpClient);
      } else {
        throw new Error("`isNodeStream` is not supported in the browser environment. Use `asBrowserStream` to obtain the response body stream.");
      }
    }
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/operationOptionHelpers.js
function operationOptionsToRequestParameters(options) {
  return {
    allowInsecureConnection: options.requestOptions?.allowInsecureConnection,
    timeout: options.requestOptions?.timeout,
    skipUrlEncoding: options.requestOptions?.skipUrlEncoding,
    abortSignal: options.abortSignal,
    onUploadProgress: options.requestOptions?.onUploadProgress,
    onDownloadProgress: options.requestOptions?.onDownloadProgress,
    headers: { ...options.requestOptions?.headers },
    onResponse: options.onResponse
  };
}

// node_modules/@typespec/ts-http-runtime/dist/esm/client/restError.js
function createRestError(messageOrResponse, response) {
  const resp = typeof messageOrResponse === "string" ? response : messageOrResponse;
  const internalError = resp.body?.error ?? resp.body;
  const message = typeof messageOrResponse === "string" ? messageOrResponse : internalError?.message ?? `Unexpected status code: ${resp.status}`;
  return new RestError(message, {
    statusCode: statusCodeToNumber(resp.status),
    code: internalError?.code,
    request: resp.request,
    response: toPipelineResponse(resp)
  });
}
function toPipelineResponse(errorResponse) {
  return {
    headers: createHttpHeaders(errorResponse.headers),
    request: errorResponse.request,
    status: statusCodeToNumber(errorResponse.status) ?? -1,
    ...typeof errorResponse.body === "string" ? { bodyAsText: errorResponse.body } : {}
  };
}
function statusCodeToNumber(statusCode) {
  const status = Number.parseInt(statusCode);
  return Number.isNaN(status) ? void 0 : status;
}

// node_modules/@azure/core-rest-pipeline/dist/esm/pipeline.js
function createEmptyPipeline2() {
  return createEmptyPipeline();
}

// node_modules/@azure/logger/dist/esm/index.js
var context2 = createLoggerContext({
  logLevelEnvVarName: "AZURE_LOG_LEVEL",
  namespace: "azure"
});
var AzureLogger = context2.logger;
function getLogLevel2() {
  return context2.getLogLevel();
}
function createClientLogger2(namespace) {
  return context2.createClientLogger(namespace);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/log.js
var logger2 = createClientLogger2("core-rest-pipeline");

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/logPolicy.js
function logPolicy2(options = {}) {
  return logPolicy({
    logger: logger2.info,
    ...options
  });
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/redirectPolicy.js
function redirectPolicy2(options = {}) {
  return redirectPolicy(options);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/util/userAgentPlatform.js
import os2 from "node:os";
import process5 from "node:process";
function getHeaderName2() {
  return "User-Agent";
}
async function setPlatformSpecificData2(map) {
  if (process5 && process5.versions) {
    const osInfo = `${os2.type()} ${os2.release()}; ${os2.arch()}`;
    if (process5.versions.bun) {
      map.set("Bun", `${process5.versions.bun} (${osInfo})`);
    } else if (process5.versions.deno) {
      map.set("Deno", `${process5.versions.deno} (${osInfo})`);
    } else if (process5.versions.node) {
      map.set("Node", `${process5.versions.node} (${osInfo})`);
    }
  }
}

// node_modules/@azure/core-rest-pipeline/dist/esm/constants.js
var SDK_VERSION2 = "1.24.0";
var DEFAULT_RETRY_POLICY_COUNT2 = 3;

// node_modules/@azure/core-rest-pipeline/dist/esm/util/userAgent.js
function getUserAgentString2(telemetryInfo) {
  const parts = [];
  for (const [key2, value] of telemetryInfo) {
    const token = value ? `${key2}/${value}` : key2;
    parts.push(token);
  }
  return parts.join(" ");
}
function getUserAgentHeaderName2() {
  return getHeaderName2();
}
async function getUserAgentValue2(prefix) {
  const runtimeInfo = /* @__PURE__ */ new Map();
  runtimeInfo.set("core-rest-pipeline", SDK_VERSION2);
  await setPlatformSpecificData2(runtimeInfo);
  const defaultAgent = getUserAgentString2(runtimeInfo);
  const userAgentValue = prefix ? `${prefix} ${defaultAgent}` : defaultAgent;
  return userAgentValue;
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/userAgentPolicy.js
var UserAgentHeaderName2 = getUserAgentHeaderName2();
var userAgentPolicyName2 = "userAgentPolicy";
function userAgentPolicy2(options = {}) {
  const userAgentValue = getUserAgentValue2(options.userAgentPrefix);
  return {
    name: userAgentPolicyName2,
    async sendRequest(request, next) {
      if (!request.headers.has(UserAgentHeaderName2)) {
        request.headers.set(UserAgentHeaderName2, await userAgentValue);
      }
      return next(request);
    }
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/util/file.js
var rawContent = /* @__PURE__ */ Symbol("rawContent");
function hasRawContent(x) {
  return typeof x[rawContent] === "function";
}
function getRawContent(blob) {
  if (hasRawContent(blob)) {
    return blob[rawContent]();
  } else {
    return blob;
  }
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/multipartPolicy.js
var multipartPolicyName2 = multipartPolicyName;
function multipartPolicy2() {
  const tspPolicy = multipartPolicy();
  return {
    name: multipartPolicyName2,
    sendRequest: async (request, next) => {
      if (request.multipartBody) {
        for (const part of request.multipartBody.parts) {
          if (hasRawContent(part.body)) {
            part.body = getRawContent(part.body);
          }
        }
      }
      return tspPolicy.sendRequest(request, next);
    }
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/decompressResponsePolicy.js
function decompressResponsePolicy2() {
  return decompressResponsePolicy();
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/defaultRetryPolicy.js
function defaultRetryPolicy2(options = {}) {
  return defaultRetryPolicy(options);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/formDataPolicy.js
function formDataPolicy2() {
  return formDataPolicy();
}

// node_modules/@azure/abort-controller/dist/esm/AbortError.js
var AbortError2 = class extends Error {
  constructor(message) {
    super(message);
    this.name = "AbortError";
  }
};

// node_modules/@azure/core-util/dist/esm/createAbortablePromise.js
function createAbortablePromise(buildPromise, options) {
  const { cleanupBeforeAbort, abortSignal, abortErrorMsg } = options ?? {};
  return new Promise((resolve, reject) => {
    function rejectOnAbort() {
      reject(new AbortError2(abortErrorMsg ?? "The operation was aborted."));
    }
    function removeListeners() {
      abortSignal?.removeEventListener("abort", onAbort);
    }
    function onAbort() {
      cleanupBeforeAbort?.();
      removeListeners();
      rejectOnAbort();
    }
    if (abortSignal?.aborted) {
      return rejectOnAbort();
    }
    try {
      buildPromise((x) => {
        removeListeners();
        resolve(x);
      }, (x) => {
        removeListeners();
        reject(x);
      });
    } catch (err) {
      reject(err);
    }
    abortSignal?.addEventListener("abort", onAbort);
  });
}

// node_modules/@azure/core-util/dist/esm/delay.js
var StandardAbortMessage2 = "The delay was aborted.";
function delay2(timeInMs, options) {
  let token;
  const { abortSignal, abortErrorMsg } = options ?? {};
  return createAbortablePromise((resolve) => {
    token = setTimeout(resolve, timeInMs);
  }, {
    cleanupBeforeAbort: () => clearTimeout(token),
    abortSignal,
    abortErrorMsg: abortErrorMsg ?? StandardAbortMessage2
  });
}

// node_modules/@azure/core-util/dist/esm/error.js
function getErrorMessage(e) {
  if (isError(e)) {
    return e.message;
  } else {
    let stringified;
    try {
      if (typeof e === "object" && e) {
        stringified = JSON.stringify(e);
      } else {
        stringified = String(e);
      }
    } catch (err) {
      stringified = "[unable to stringify input]";
    }
    return `Unknown error ${stringified}`;
  }
}

// node_modules/@azure/core-util/dist/esm/typeGuards.js
function isDefined(thing) {
  return typeof thing !== "undefined" && thing !== null;
}
function isObjectWithProperties(thing, properties) {
  if (!isDefined(thing) || typeof thing !== "object") {
    return false;
  }
  for (const property of properties) {
    if (!objectHasProperty(thing, property)) {
      return false;
    }
  }
  return true;
}
function objectHasProperty(thing, property) {
  return isDefined(thing) && typeof thing === "object" && property in thing;
}

// node_modules/@azure/core-util/dist/esm/index.js
function calculateRetryDelay2(retryAttempt, config) {
  return calculateRetryDelay(retryAttempt, config);
}
function isError2(e) {
  return isError(e);
}
var isNode = isNodeLike;
var isNodeLike2 = isNodeLike;
function uint8ArrayToString2(bytes, format) {
  return uint8ArrayToString(bytes, format);
}
function stringToUint8Array2(value, format) {
  return stringToUint8Array(value, format);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/proxyPolicy.js
function proxyPolicy2(proxySettings, options) {
  return proxyPolicy(proxySettings, options);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/setClientRequestIdPolicy.js
var setClientRequestIdPolicyName = "setClientRequestIdPolicy";
function setClientRequestIdPolicy(requestIdHeaderName = "x-ms-client-request-id") {
  return {
    name: setClientRequestIdPolicyName,
    async sendRequest(request, next) {
      if (!request.headers.has(requestIdHeaderName)) {
        request.headers.set(requestIdHeaderName, request.requestId);
      }
      return next(request);
    }
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/agentPolicy.js
function agentPolicy2(agent) {
  return agentPolicy(agent);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/tlsPolicy.js
function tlsPolicy2(tlsSettings) {
  return tlsPolicy(tlsSettings);
}

// node_modules/@azure/core-tracing/dist/esm/tracingContext.js
var knownContextKeys = {
  span: /* @__PURE__ */ Symbol.for("@azure/core-tracing span"),
  namespace: /* @__PURE__ */ Symbol.for("@azure/core-tracing namespace")
};
function createTracingContext(options = {}) {
  let context3 = new TracingContextImpl(options.parentContext);
  if (options.span) {
    context3 = context3.setValue(knownContextKeys.span, options.span);
  }
  if (options.namespace) {
    context3 = context3.setValue(knownContextKeys.namespace, options.namespace);
  }
  return context3;
}
var TracingContextImpl = class _TracingContextImpl {
  _contextMap;
  constructor(initialContext) {
    this._contextMap = initialContext instanceof _TracingContextImpl ? new Map(initialContext._contextMap) : /* @__PURE__ */ new Map();
  }
  setValue(key2, value) {
    const newContext = new _TracingContextImpl(this);
    newContext._contextMap.set(key2, value);
    return newContext;
  }
  getValue(key2) {
    return this._contextMap.get(key2);
  }
  deleteValue(key2) {
    const newContext = new _TracingContextImpl(this);
    newContext._contextMap.delete(key2);
    return newContext;
  }
};

// node_modules/@azure/core-tracing/dist/esm/state.js
var import_state = __toESM(require_state(), 1);
var state = import_state.state;

// node_modules/@azure/core-tracing/dist/esm/instrumenter.js
function createDefaultTracingSpan() {
  return {
    end: () => {
    },
    isRecording: () => false,
    recordException: () => {
    },
    setAttribute: () => {
    },
    setStatus: () => {
    },
    addEvent: () => {
    }
  };
}
function createDefaultInstrumenter() {
  return {
    createRequestHeaders: () => {
      return {};
    },
    parseTraceparentHeader: () => {
      return void 0;
    },
    startSpan: (_name, spanOptions) => {
      return {
        span: createDefaultTracingSpan(),
        tracingContext: createTracingContext({ parentContext: spanOptions.tracingContext })
      };
    },
    withContext(_context, callback, ...callbackArgs) {
      return callback(...callbackArgs);
    }
  };
}
function getInstrumenter() {
  if (!state.instrumenterImplementation) {
    state.instrumenterImplementation = createDefaultInstrumenter();
  }
  return state.instrumenterImplementation;
}

// node_modules/@azure/core-tracing/dist/esm/tracingClient.js
function createTracingClient(options) {
  const { namespace, packageName, packageVersion } = options;
  function startSpan(name, operationOptions, spanOptions) {
    const startSpanResult = getInstrumenter().startSpan(name, {
      ...spanOptions,
      packageName,
      packageVersion,
      tracingContext: operationOptions?.tracingOptions?.tracingContext
    });
    let tracingContext = startSpanResult.tracingContext;
    const span = startSpanResult.span;
    if (!tracingContext.getValue(knownContextKeys.namespace)) {
      tracingContext = tracingContext.setValue(knownContextKeys.namespace, namespace);
    }
    span.setAttribute("az.namespace", tracingContext.getValue(knownContextKeys.namespace));
    const updatedOptions = Object.assign({}, operationOptions, {
      tracingOptions: { ...operationOptions?.tracingOptions, tracingContext }
    });
    return {
      span,
      updatedOptions
    };
  }
  async function withSpan(name, operationOptions, callback, spanOptions) {
    const { span, updatedOptions } = startSpan(name, operationOptions, spanOptions);
    try {
      const result = await withContext(updatedOptions.tracingOptions.tracingContext, () => Promise.resolve(callback(updatedOptions, span)));
      span.setStatus({ status: "success" });
      return result;
    } catch (err) {
      span.setStatus({ status: "error", error: err });
      throw err;
    } finally {
      span.end();
    }
  }
  function withContext(context3, callback, ...callbackArgs) {
    return getInstrumenter().withContext(context3, callback, ...callbackArgs);
  }
  function parseTraceparentHeader(traceparentHeader) {
    return getInstrumenter().parseTraceparentHeader(traceparentHeader);
  }
  function createRequestHeaders(tracingContext) {
    return getInstrumenter().createRequestHeaders(tracingContext);
  }
  return {
    startSpan,
    withSpan,
    withContext,
    parseTraceparentHeader,
    createRequestHeaders
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/restError.js
var RestError2 = RestError;
function isRestError2(e) {
  return isRestError(e);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/tracingPolicy.js
var tracingPolicyName = "tracingPolicy";
function tracingPolicy(options = {}) {
  const userAgentPromise = getUserAgentValue2(options.userAgentPrefix);
  const sanitizer = new Sanitizer({
    additionalAllowedQueryParameters: options.additionalAllowedQueryParameters
  });
  const tracingClient = tryCreateTracingClient();
  return {
    name: tracingPolicyName,
    async sendRequest(request, next) {
      if (!tracingClient) {
        return next(request);
      }
      const userAgent = await userAgentPromise;
      const spanAttributes = {
        "http.url": sanitizer.sanitizeUrl(request.url),
        "http.method": request.method,
        "http.user_agent": userAgent,
        requestId: request.requestId
      };
      if (userAgent) {
        spanAttributes["http.user_agent"] = userAgent;
      }
      const { span, tracingContext } = tryCreateSpan(tracingClient, request, spanAttributes) ?? {};
      if (!span || !tracingContext) {
        return next(request);
      }
      try {
        const response = await tracingClient.withContext(tracingContext, next, request);
        tryProcessResponse(span, response);
        return response;
      } catch (err) {
        tryProcessError(span, err);
        throw err;
      }
    }
  };
}
function tryCreateTracingClient() {
  try {
    return createTracingClient({
      namespace: "",
      packageName: "@azure/core-rest-pipeline",
      packageVersion: SDK_VERSION2
    });
  } catch (e) {
    logger2.warning(`Error when creating the TracingClient: ${getErrorMessage(e)}`);
    return void 0;
  }
}
function tryCreateSpan(tracingClient, request, spanAttributes) {
  try {
    const { span, updatedOptions } = tracingClient.startSpan(`HTTP ${request.method}`, { tracingOptions: request.tracingOptions }, {
      spanKind: "client",
      spanAttributes
    });
    if (!span.isRecording()) {
      span.end();
      return void 0;
    }
    const headers = tracingClient.createRequestHeaders(updatedOptions.tracingOptions.tracingContext);
    for (const [key2, value] of Object.entries(headers)) {
      request.headers.set(key2, value);
    }
    return { span, tracingContext: updatedOptions.tracingOptions.tracingContext };
  } catch (e) {
    logger2.warning(`Skipping creating a tracing span due to an error: ${getErrorMessage(e)}`);
    return void 0;
  }
}
function tryProcessError(span, error2) {
  try {
    span.setStatus({
      status: "error",
      error: isError2(error2) ? error2 : void 0
    });
    if (isRestError2(error2) && error2.statusCode) {
      span.setAttribute("http.status_code", error2.statusCode);
    }
    span.end();
  } catch (e) {
    logger2.warning(`Skipping tracing span processing due to an error: ${getErrorMessage(e)}`);
  }
}
function tryProcessResponse(span, response) {
  try {
    span.setAttribute("http.status_code", response.status);
    const serviceRequestId = response.headers.get("x-ms-request-id");
    if (serviceRequestId) {
      span.setAttribute("serviceRequestId", serviceRequestId);
    }
    if (response.status >= 400) {
      span.setStatus({
        status: "error"
      });
    }
    span.end();
  } catch (e) {
    logger2.warning(`Skipping tracing span processing due to an error: ${getErrorMessage(e)}`);
  }
}

// node_modules/@azure/core-rest-pipeline/dist/esm/util/wrapAbortSignal.js
function wrapAbortSignalLike(abortSignalLike) {
  if (abortSignalLike instanceof AbortSignal) {
    return { abortSignal: abortSignalLike };
  }
  if (abortSignalLike.aborted) {
    return {
      abortSignal: AbortSignal.abort("reason" in abortSignalLike ? abortSignalLike.reason : void 0)
    };
  }
  const controller = new AbortController();
  let needsCleanup = true;
  function cleanup() {
    if (needsCleanup) {
      abortSignalLike.removeEventListener("abort", listener);
      needsCleanup = false;
    }
  }
  function listener() {
    controller.abort("reason" in abortSignalLike ? abortSignalLike.reason : void 0);
    cleanup();
  }
  abortSignalLike.addEventListener("abort", listener);
  return { abortSignal: controller.signal, cleanup };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/wrapAbortSignalLikePolicy.js
var wrapAbortSignalLikePolicyName = "wrapAbortSignalLikePolicy";
function wrapAbortSignalLikePolicy() {
  return {
    name: wrapAbortSignalLikePolicyName,
    sendRequest: async (request, next) => {
      if (!request.abortSignal) {
        return next(request);
      }
      const { abortSignal, cleanup } = wrapAbortSignalLike(request.abortSignal);
      request.abortSignal = abortSignal;
      try {
        return await next(request);
      } finally {
        cleanup?.();
      }
    }
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/createPipelineFromOptions.js
function createPipelineFromOptions2(options) {
  const pipeline = createEmptyPipeline2();
  if (isNodeLike2) {
    if (options.agent) {
      pipeline.addPolicy(agentPolicy2(options.agent));
    }
    if (options.tlsOptions) {
      pipeline.addPolicy(tlsPolicy2(options.tlsOptions));
    }
    pipeline.addPolicy(proxyPolicy2(options.proxyOptions));
    pipeline.addPolicy(decompressResponsePolicy2());
  }
  pipeline.addPolicy(wrapAbortSignalLikePolicy());
  pipeline.addPolicy(formDataPolicy2(), { beforePolicies: [multipartPolicyName2] });
  pipeline.addPolicy(userAgentPolicy2(options.userAgentOptions));
  pipeline.addPolicy(setClientRequestIdPolicy(options.telemetryOptions?.clientRequestIdHeaderName));
  pipeline.addPolicy(multipartPolicy2(), { afterPhase: "Deserialize" });
  pipeline.addPolicy(defaultRetryPolicy2(options.retryOptions), { phase: "Retry" });
  pipeline.addPolicy(tracingPolicy({ ...options.userAgentOptions, ...options.loggingOptions }), {
    afterPhase: "Retry"
  });
  if (isNodeLike2) {
    pipeline.addPolicy(redirectPolicy2(options.redirectOptions), { afterPhase: "Retry" });
  }
  pipeline.addPolicy(logPolicy2(options.loggingOptions), { afterPhase: "Sign" });
  return pipeline;
}

// node_modules/@azure/core-rest-pipeline/dist/esm/defaultHttpClient.js
function createDefaultHttpClient2() {
  const client = createDefaultHttpClient();
  return {
    async sendRequest(request) {
      const { abortSignal, cleanup } = request.abortSignal ? wrapAbortSignalLike(request.abortSignal) : {};
      try {
        request.abortSignal = abortSignal;
        return await client.sendRequest(request);
      } finally {
        cleanup?.();
      }
    }
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/httpHeaders.js
function createHttpHeaders2(rawHeaders) {
  return createHttpHeaders(rawHeaders);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/pipelineRequest.js
function createPipelineRequest2(options) {
  return createPipelineRequest(options);
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/retryPolicy.js
var retryPolicyLogger2 = createClientLogger2("core-rest-pipeline retryPolicy");
function retryPolicy2(strategies, options = { maxRetries: DEFAULT_RETRY_POLICY_COUNT2 }) {
  return retryPolicy(strategies, {
    logger: retryPolicyLogger2,
    ...options
  });
}

// node_modules/@azure/core-rest-pipeline/dist/esm/util/tokenCycler.js
var DEFAULT_CYCLER_OPTIONS = {
  forcedRefreshWindowInMs: 1e3,
  // Force waiting for a refresh 1s before the token expires
  retryIntervalInMs: 3e3,
  // Allow refresh attempts every 3s
  refreshWindowInMs: 1e3 * 60 * 2
  // Start refreshing 2m before expiry
};
async function beginRefresh(getAccessToken, retryIntervalInMs, refreshTimeout) {
  async function tryGetAccessToken() {
    if (Date.now() < refreshTimeout) {
      try {
        return await getAccessToken();
      } catch {
        return null;
      }
    } else {
      const finalToken = await getAccessToken();
      if (finalToken === null) {
        throw new Error("Failed to refresh access token.");
      }
      return finalToken;
    }
  }
  let token = await tryGetAccessToken();
  while (token === null) {
    await delay2(retryIntervalInMs);
    token = await tryGetAccessToken();
  }
  return token;
}
function createTokenCycler(credential, tokenCyclerOptions) {
  let refreshWorker = null;
  let token = null;
  let tenantId;
  const options = {
    ...DEFAULT_CYCLER_OPTIONS,
    ...tokenCyclerOptions
  };
  const cycler = {
    /**
     * Produces true if a refresh job is currently in progress.
     */
    get isRefreshing() {
      return refreshWorker !== null;
    },
    /**
     * Produces true if the cycler SHOULD refresh (we are within the refresh
     * window and not already refreshing)
     */
    get shouldRefresh() {
      if (token === null) {
        return true;
      }
      if (cycler.isRefreshing) {
        return false;
      }
      if (token.refreshAfterTimestamp && token.refreshAfterTimestamp < Date.now()) {
        return true;
      }
      return token.expiresOnTimestamp - options.refreshWindowInMs < Date.now();
    },
    /**
     * Produces true if the cycler MUST refresh (null or nearly-expired
     * token).
     */
    get mustRefresh() {
      return token === null || token.expiresOnTimestamp - options.forcedRefreshWindowInMs < Date.now();
    }
  };
  function refresh(scopes, getTokenOptions) {
    if (!cycler.isRefreshing) {
      const tryGetAccessToken = () => credential.getToken(scopes, getTokenOptions);
      refreshWorker = beginRefresh(
        tryGetAccessToken,
        options.retryIntervalInMs,
        // If we don't have a token, then we should timeout immediately
        token?.expiresOnTimestamp ?? Date.now()
      ).then((_token) => {
        refreshWorker = null;
        token = _token;
        tenantId = getTokenOptions.tenantId;
        return token;
      }).catch((reason) => {
        refreshWorker = null;
        token = null;
        tenantId = void 0;
        throw reason;
      });
    }
    return refreshWorker;
  }
  return async (scopes, tokenOptions) => {
    const hasClaimChallenge = Boolean(tokenOptions.claims);
    const tenantIdChanged = tenantId !== tokenOptions.tenantId;
    if (hasClaimChallenge) {
      token = null;
    }
    const mustRefresh = tenantIdChanged || hasClaimChallenge || cycler.mustRefresh;
    if (mustRefresh) {
      return refresh(scopes, tokenOptions);
    }
    if (cycler.shouldRefresh) {
      refresh(scopes, tokenOptions);
    }
    return token;
  };
}

// node_modules/@azure/core-rest-pipeline/dist/esm/policies/bearerTokenAuthenticationPolicy.js
var bearerTokenAuthenticationPolicyName = "bearerTokenAuthenticationPolicy";
async function trySendRequest(request, next) {
  try {
    return [await next(request), void 0];
  } catch (e) {
    if (isRestError2(e) && e.response) {
      return [e.response, e];
    } else {
      throw e;
    }
  }
}
async function defaultAuthorizeRequest(options) {
  const { scopes, getAccessToken, request } = options;
  const getTokenOptions = {
    abortSignal: request.abortSignal,
    tracingOptions: request.tracingOptions,
    enableCae: true
  };
  const accessToken = await getAccessToken(scopes, getTokenOptions);
  if (accessToken) {
    options.request.headers.set("Authorization", `Bearer ${accessToken.token}`);
  }
}
function isChallengeResponse(response) {
  return response.status === 401 && response.headers.has("WWW-Authenticate");
}
async function authorizeRequestOnCaeChallenge(onChallengeOptions, caeClaims) {
  const { scopes } = onChallengeOptions;
  const accessToken = await onChallengeOptions.getAccessToken(scopes, {
    enableCae: true,
    claims: caeClaims
  });
  if (!accessToken) {
    return false;
  }
  onChallengeOptions.request.headers.set("Authorization", `${accessToken.tokenType ?? "Bearer"} ${accessToken.token}`);
  return true;
}
function bearerTokenAuthenticationPolicy(options) {
  const { credential, scopes, challengeCallbacks } = options;
  const logger3 = options.logger || logger2;
  const callbacks = {
    authorizeRequest: challengeCallbacks?.authorizeRequest?.bind(challengeCallbacks) ?? defaultAuthorizeRequest,
    authorizeRequestOnChallenge: challengeCallbacks?.authorizeRequestOnChallenge?.bind(challengeCallbacks)
  };
  const getAccessToken = credential ? createTokenCycler(
    credential
    /* , options */
  ) : () => Promise.resolve(null);
  return {
    name: bearerTokenAuthenticationPolicyName,
    /**
     * If there's no challenge parameter:
     * - It will try to retrieve the token using the cache, or the credential's getToken.
     * - Then it will try the next policy with or without the retrieved token.
     *
     * It uses the challenge parameters to:
     * - Skip a first attempt to get the token from the credential if there's no cached token,
     *   since it expects the token to be retrievable only after the challenge.
     * - Prepare the outgoing request if the `prepareRequest` method has been provided.
     * - Send an initial request to receive the challenge if it fails.
     * - Process a challenge if the response contains it.
     * - Retrieve a token with the challenge information, then re-send the request.
     */
    async sendRequest(request, next) {
      if (!request.url.toLowerCase().startsWith("https://")) {
        throw new Error("Bearer token authentication is not permitted for non-TLS protected (non-https) URLs.");
      }
      await callbacks.authorizeRequest({
        scopes: Array.isArray(scopes) ? scopes : [scopes],
        request,
        getAccessToken,
        logger: logger3
      });
      let response;
      let error2;
      let shouldSendRequest;
      [response, error2] = await trySendRequest(request, next);
      if (isChallengeResponse(response)) {
        let claims = getCaeChallengeClaims(response.headers.get("WWW-Authenticate"));
        if (claims) {
          let parsedClaim;
          try {
            parsedClaim = atob(claims);
          } catch (e) {
            logger3.warning(`The WWW-Authenticate header contains "claims" that cannot be parsed. Unable to perform the Continuous Access Evaluation authentication flow. Unparsable claims: ${claims}`);
            return response;
          }
          shouldSendRequest = await authorizeRequestOnCaeChallenge({
            scopes: Array.isArray(scopes) ? scopes : [scopes],
            response,
            request,
            getAccessToken,
            logger: logger3
          }, parsedClaim);
          if (shouldSendRequest) {
            [response, error2] = await trySendRequest(request, next);
          }
        } else if (callbacks.authorizeRequestOnChallenge) {
          shouldSendRequest = await callbacks.authorizeRequestOnChallenge({
            scopes: Array.isArray(scopes) ? scopes : [scopes],
            request,
            response,
            getAccessToken,
            logger: logger3
          });
          if (shouldSendRequest) {
            [response, error2] = await trySendRequest(request, next);
          }
          if (isChallengeResponse(response)) {
            claims = getCaeChallengeClaims(response.headers.get("WWW-Authenticate") ?? "");
            if (claims) {
              let parsedClaim;
              try {
                parsedClaim = atob(claims);
              } catch (e) {
                logger3.warning(`The WWW-Authenticate header contains "claims" that cannot be parsed. Unable to perform the Continuous Access Evaluation authentication flow. Unparsable claims: ${claims}`);
                return response;
              }
              shouldSendRequest = await authorizeRequestOnCaeChallenge({
                scopes: Array.isArray(scopes) ? scopes : [scopes],
                response,
                request,
                getAccessToken,
                logger: logger3
              }, parsedClaim);
              if (shouldSendRequest) {
                [response, error2] = await trySendRequest(request, next);
              }
            }
          }
        }
      }
      if (error2) {
        throw error2;
      } else {
        return response;
      }
    }
  };
}
function parseChallenges(challenges) {
  const challengeRegex = /(\w+)\s+((?:\w+=(?:"[^"]*"|[^,]*),?\s*)+)/g;
  const paramRegex = /(\w+)="([^"]*)"/g;
  const parsedChallenges = [];
  let match;
  while ((match = challengeRegex.exec(challenges)) !== null) {
    const scheme = match[1];
    const paramsString = match[2];
    const params = {};
    let paramMatch;
    while ((paramMatch = paramRegex.exec(paramsString)) !== null) {
      params[paramMatch[1]] = paramMatch[2];
    }
    parsedChallenges.push({ scheme, params });
  }
  return parsedChallenges;
}
function getCaeChallengeClaims(challenges) {
  if (!challenges) {
    return;
  }
  const parsedChallenges = parseChallenges(challenges);
  return parsedChallenges.find((x) => x.scheme === "Bearer" && x.params.claims && x.params.error === "insufficient_claims")?.params.claims;
}

// src/adapters/azure/errors.ts
var NOT_FOUND_CODES = /* @__PURE__ */ new Set(["ResourceNotFound", "NotFound", "ParentResourceNotFound"]);
function describeError(error2) {
  if (isRestError2(error2)) {
    const details2 = error2.details;
    return {
      httpStatus: error2.statusCode,
      code: error2.code ?? details2?.error?.code,
      message: details2?.error?.message ?? error2.message
    };
  }
  if (error2 instanceof Error) {
    const lro = /failed\.\s+([A-Za-z][A-Za-z0-9]*)\.\s*(.*)$/s.exec(error2.message);
    if (lro) return { code: lro[1], message: lro[2] || error2.message };
    if (/long-running operation has failed/i.test(error2.message)) {
      return { code: "LongRunningOperationFailed", message: error2.message };
    }
    return { message: error2.message };
  }
  return { message: String(error2) };
}
function readFailure(error2, target) {
  const described = describeError(error2);
  return {
    resourceId: target.resourceId,
    ...described,
    roleHint: described.httpStatus === 403 ? target.readPermission : void 0
  };
}
async function readOutcome(target, read) {
  try {
    return { status: "ok", value: await read() };
  } catch (error2) {
    const { httpStatus, code } = describeError(error2);
    const absent = code === void 0 || NOT_FOUND_CODES.has(code) || target.missingGroupMeansAbsent === true && code === "ResourceGroupNotFound";
    if (httpStatus === 404 && absent) return { status: "not-found" };
    return { status: "error", error: readFailure(error2, target) };
  }
}

// src/adapters/azure/live-mapping.ts
function lastSegment(id) {
  return id?.split("/").pop() ?? "";
}
function toLiveVault(vault) {
  const properties = vault.properties;
  return {
    id: vault.id ?? "",
    name: vault.name ?? lastSegment(vault.id),
    location: vault.location ?? "",
    network: normalizeLiveNetwork({
      publicNetworkAccess: properties.publicNetworkAccess,
      networkAcls: properties.networkAcls
    }),
    connections: (properties.privateEndpointConnections ?? []).map((connection) => ({
      id: connection.id ?? "",
      name: lastSegment(connection.id),
      privateEndpointId: connection.privateEndpoint?.id ?? "",
      status: connection.privateLinkServiceConnectionState?.status ?? "Unknown",
      description: connection.privateLinkServiceConnectionState?.description ?? "",
      provisioningState: connection.provisioningState
    })),
    usesAccessPolicies: properties.enableRbacAuthorization !== true
  };
}
function toLiveVirtualNetwork(vnet) {
  return {
    id: vnet.id ?? "",
    name: vnet.name ?? lastSegment(vnet.id),
    location: vnet.location ?? "",
    subnets: (vnet.subnets ?? []).map((subnet) => ({
      id: subnet.id ?? "",
      name: subnet.name ?? lastSegment(subnet.id),
      addressPrefixes: subnet.addressPrefixes ?? (subnet.addressPrefix ? [subnet.addressPrefix] : []),
      serviceEndpoints: (subnet.serviceEndpoints ?? []).flatMap(
        (endpoint) => endpoint.service ? [endpoint.service] : []
      ),
      provisioningState: subnet.provisioningState
    }))
  };
}
function endpointNicIds(endpoint) {
  return (endpoint.networkInterfaces ?? []).flatMap((nic) => nic.id ? [nic.id] : []);
}
function nicPrivateIps(nic) {
  return (nic.ipConfigurations ?? []).flatMap(
    (config) => config.privateIPAddress ? [config.privateIPAddress] : []
  );
}
function toLivePrivateEndpoint(endpoint, nicIps = []) {
  const connections = [
    ...(endpoint.privateLinkServiceConnections ?? []).map((connection) => ({
      connection,
      manual: false
    })),
    ...(endpoint.manualPrivateLinkServiceConnections ?? []).map((connection) => ({
      connection,
      manual: true
    }))
  ].map(({ connection, manual }) => ({
    name: connection.name ?? "",
    targetId: connection.privateLinkServiceId ?? "",
    groupIds: connection.groupIds ?? [],
    manual,
    status: connection.privateLinkServiceConnectionState?.status
  }));
  const ips = /* @__PURE__ */ new Set();
  for (const config of endpoint.customDnsConfigs ?? [])
    for (const ip of config.ipAddresses ?? []) ips.add(ip);
  for (const config of endpoint.ipConfigurations ?? [])
    if (config.privateIPAddress) ips.add(config.privateIPAddress);
  for (const ip of nicIps) ips.add(ip);
  return {
    id: endpoint.id ?? "",
    name: endpoint.name ?? lastSegment(endpoint.id),
    location: endpoint.location ?? "",
    subnetId: endpoint.subnet?.id ?? "",
    tags: { ...endpoint.tags ?? {} },
    connections,
    privateIps: [...ips],
    provisioningState: endpoint.provisioningState
  };
}
function toLiveZoneGroup(group) {
  const configs = group.privateDnsZoneConfigs ?? [];
  return {
    id: group.id ?? "",
    name: group.name ?? lastSegment(group.id),
    zoneIds: configs.flatMap(
      (config) => config.privateDnsZoneId ? [config.privateDnsZoneId] : []
    ),
    records: configs.flatMap(
      (config) => (config.recordSets ?? []).map((record) => ({
        zoneId: config.privateDnsZoneId ?? "",
        recordType: record.recordType ?? "",
        recordSetName: record.recordSetName ?? "",
        ...record.fqdn === void 0 ? {} : { fqdn: record.fqdn },
        ipAddresses: [...record.ipAddresses ?? []],
        ...record.provisioningState === void 0 ? {} : { provisioningState: record.provisioningState }
      }))
    ),
    provisioningState: group.provisioningState
  };
}
function toLiveDnsZone(zone, requestedId) {
  return {
    id: zone.id ?? requestedId,
    name: zone.name ?? lastSegment(requestedId),
    provisioningState: zone.provisioningState
  };
}
function toLiveLink(link) {
  return {
    id: link.id ?? "",
    name: link.name ?? lastSegment(link.id),
    virtualNetworkId: link.virtualNetwork?.id ?? "",
    state: link.virtualNetworkLinkState,
    provisioningState: link.provisioningState
  };
}
function toLiveARecordSet(record) {
  return {
    id: record.id ?? "",
    name: record.name ?? lastSegment(record.id),
    ipv4Addresses: (record.aRecords ?? []).flatMap(
      (entry) => entry.ipv4Address ? [entry.ipv4Address] : []
    )
  };
}

// src/adapters/azure/target-operations.ts
async function collect(iterator) {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}
function lastSegment2(id) {
  return id?.split("/").pop() ?? "";
}
function networkAclsBody(network) {
  return {
    defaultAction: network.networkAcls.defaultAction,
    bypass: network.networkAcls.bypass,
    ipRules: network.networkAcls.ipRules.map((value) => ({ value })),
    virtualNetworkRules: network.networkAcls.virtualNetworkRules.map((rule) => ({
      id: rule.id,
      ignoreMissingVnetServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint
    }))
  };
}
function toLiveConnection(connection) {
  return {
    id: connection.id ?? "",
    name: lastSegment2(connection.id),
    privateEndpointId: connection.privateEndpoint?.id ?? "",
    status: connection.privateLinkServiceConnectionState?.status ?? "Unknown",
    description: connection.privateLinkServiceConnectionState?.description ?? "",
    provisioningState: connection.provisioningState
  };
}
function toLiveManagedHsm(hsm) {
  const properties = hsm.properties ?? {};
  return {
    id: hsm.id ?? "",
    name: hsm.name ?? lastSegment2(hsm.id),
    location: hsm.location ?? "",
    network: normalizeLiveNetwork({
      publicNetworkAccess: properties.publicNetworkAccess,
      networkAcls: properties.networkAcls
    }),
    connections: (properties.privateEndpointConnections ?? []).map(toLiveConnection),
    usesAccessPolicies: false
  };
}
var VAULT_OPERATIONS = {
  readPermission: "Reader (Microsoft.KeyVault/vaults/read) on the vault or its resource group",
  async get(clients, subscription, group, name) {
    return toLiveVault(await clients.keyVaultFor(subscription).vaults.get(group, name));
  },
  async listInGroup(clients, subscription, group) {
    return (await collect(clients.keyVaultFor(subscription).vaults.listByResourceGroup(group))).map(
      toLiveVault
    );
  },
  async listInSubscription(clients, subscription) {
    return (await collect(clients.keyVaultFor(subscription).vaults.listBySubscription())).map(
      toLiveVault
    );
  },
  async patchNetwork(clients, target, network) {
    const written = await clients.keyVaultFor(target.subscription).vaults.update(target.group, target.name, {
      properties: {
        publicNetworkAccess: network.publicNetworkAccess,
        networkAcls: networkAclsBody(network)
      }
    });
    return toLiveVault(written);
  },
  async putConnection(clients, target, connectionName, state2) {
    await clients.keyVaultFor(target.subscription).privateEndpointConnections.put(target.group, target.name, connectionName, {
      privateLinkServiceConnectionState: state2
    });
  }
};
var MANAGED_HSM_OPERATIONS = {
  readPermission: "Reader (Microsoft.KeyVault/managedHSMs/read) on the managed HSM or its resource group",
  async get(clients, subscription, group, name) {
    return toLiveManagedHsm(await clients.keyVaultFor(subscription).managedHsms.get(group, name));
  },
  async listInGroup(clients, subscription, group) {
    return (await collect(clients.keyVaultFor(subscription).managedHsms.listByResourceGroup(group))).map(toLiveManagedHsm);
  },
  async listInSubscription(clients, subscription) {
    return (await collect(clients.keyVaultFor(subscription).managedHsms.listBySubscription())).map(
      toLiveManagedHsm
    );
  },
  async patchNetwork(clients, target, network, lro) {
    const written = await clients.keyVaultFor(target.subscription).managedHsms.beginUpdateAndWait(
      target.group,
      target.name,
      {
        properties: {
          publicNetworkAccess: network.publicNetworkAccess,
          networkAcls: networkAclsBody(network)
        }
      },
      lro
    );
    return toLiveManagedHsm(written);
  },
  async putConnection(clients, target, connectionName, state2) {
    await clients.keyVaultFor(target.subscription).mhsmPrivateEndpointConnections.put(target.group, target.name, connectionName, {
      privateLinkServiceConnectionState: state2
    });
  }
};
function operationsFor(kind) {
  return kind === "managedHsm" ? MANAGED_HSM_OPERATIONS : VAULT_OPERATIONS;
}

// src/adapters/azure/reader.ts
var PERMISSION = {
  virtualNetwork: "Reader (Microsoft.Network/virtualNetworks/read) on the virtual network",
  privateEndpoint: "Reader (Microsoft.Network/privateEndpoints/read) on the resource group",
  networkInterface: "Reader (Microsoft.Network/networkInterfaces/read) on the private endpoint's resource group",
  zone: "Reader (Microsoft.Network/privateDnsZones/read) on the private DNS zone, which may live in a hub subscription"
};
async function collect2(iterator) {
  const items = [];
  for await (const item of iterator) items.push(item);
  return items;
}
function parsed(id) {
  const result = parseResourceId(id);
  if (!result.ok) throw new Error(`not a resource id: ${id} (${result.reason})`);
  return result.id;
}
function nameAt(id, index) {
  return id.segments[index]?.[1] ?? "";
}
function readAt(resourceId, readPermission, read, missingGroupMeansAbsent = false) {
  return readOutcome({ resourceId, readPermission, missingGroupMeansAbsent }, () => {
    const id = parsed(resourceId);
    return read(id, (index) => nameAt(id, index));
  });
}
var groupScope = (subscription, resourceGroup) => `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
function absentAsEmpty(outcome) {
  return outcome.status === "not-found" ? { status: "ok", value: [] } : outcome;
}
var SdkAzureReader = class {
  constructor(clients) {
    this.clients = clients;
  }
  clients;
  /** A vault or a managed HSM pool, by the type its id names (target-operations.ts). */
  getVault(vaultId) {
    const operations = operationsFor(targetKindOfId(vaultId).id);
    return readAt(
      vaultId,
      operations.readPermission,
      (id, name) => operations.get(this.clients, id.subscription, id.resourceGroup, name(0)),
      true
    );
  }
  listVaults(subscription, resourceGroup, kind = "vault") {
    const operations = operationsFor(kind);
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: operations.readPermission,
        missingGroupMeansAbsent: true
      },
      () => operations.listInGroup(this.clients, subscription, resourceGroup)
    );
  }
  listVaultsInSubscription(subscription, kind = "vault") {
    const operations = operationsFor(kind);
    return readOutcome(
      { resourceId: `/subscriptions/${subscription}`, readPermission: operations.readPermission },
      () => operations.listInSubscription(this.clients, subscription)
    );
  }
  getVirtualNetwork(virtualNetworkId) {
    return readAt(
      virtualNetworkId,
      PERMISSION.virtualNetwork,
      async (id, name) => toLiveVirtualNetwork(
        await this.clients.networkFor(id.subscription).virtualNetworks.get(id.resourceGroup, name(0))
      )
    );
  }
  listPrivateEndpoints(subscription, resourceGroup) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.privateEndpoint
      },
      async () => {
        const endpoints = await collect2(
          this.clients.networkFor(subscription).privateEndpoints.list(resourceGroup)
        );
        return Promise.all(
          endpoints.map(async (endpoint) => {
            const live = toLivePrivateEndpoint(endpoint);
            if (live.privateIps.length > 0) return live;
            return toLivePrivateEndpoint(endpoint, await this.nicIps(endpointNicIds(endpoint)));
          })
        );
      }
    );
  }
  listPrivateEndpointsWithoutNics(subscription, resourceGroup) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.privateEndpoint
      },
      async () => (await collect2(this.clients.networkFor(subscription).privateEndpoints.list(resourceGroup))).map((endpoint) => ({
        ...toLivePrivateEndpoint(endpoint),
        networkInterfaceIds: endpointNicIds(endpoint)
      }))
    );
  }
  getPrivateEndpoint(privateEndpointId) {
    return readAt(privateEndpointId, PERMISSION.privateEndpoint, async (id, name) => {
      const endpoint = await this.clients.networkFor(id.subscription).privateEndpoints.get(id.resourceGroup, name(0));
      return { ...toLivePrivateEndpoint(endpoint), networkInterfaceIds: endpointNicIds(endpoint) };
    });
  }
  getNetworkInterfaceIps(networkInterfaceId) {
    return readAt(
      networkInterfaceId,
      PERMISSION.networkInterface,
      async (id, name) => nicPrivateIps(
        await this.clients.networkFor(id.subscription).networkInterfaces.get(id.resourceGroup, name(0))
      )
    );
  }
  listVirtualNetworks(subscription, resourceGroup) {
    return readOutcome(
      {
        resourceId: groupScope(subscription, resourceGroup),
        readPermission: PERMISSION.virtualNetwork
      },
      async () => (await collect2(this.clients.networkFor(subscription).virtualNetworks.list(resourceGroup))).map(toLiveVirtualNetwork)
    );
  }
  onReadQuota(listener) {
    this.clients.onReadQuota(listener);
  }
  /**
   * The addresses on an endpoint's NICs. A NIC that cannot be read leaves the address unknown
   * (the zone group's record sets may still carry it); it does not fail the endpoint list.
   */
  async nicIps(nicIds) {
    const ips = [];
    for (const nicId of nicIds) {
      const outcome = await readAt(
        nicId,
        PERMISSION.networkInterface,
        async (id, name) => nicPrivateIps(
          await this.clients.networkFor(id.subscription).networkInterfaces.get(id.resourceGroup, name(0))
        )
      );
      if (outcome.status === "ok") ips.push(...outcome.value);
    }
    return ips;
  }
  getZoneGroup(zoneGroupId) {
    return readAt(
      zoneGroupId,
      PERMISSION.privateEndpoint,
      async (id, name) => toLiveZoneGroup(
        await this.clients.networkFor(id.subscription).privateDnsZoneGroups.get(id.resourceGroup, name(0), name(1))
      )
    );
  }
  async listZoneGroups(privateEndpointId) {
    return absentAsEmpty(
      await readAt(
        privateEndpointId,
        PERMISSION.privateEndpoint,
        async (id, name) => (await collect2(
          // arm-network 36 takes the endpoint's name first (AZURE-FACTS §0, §6.16).
          this.clients.networkFor(id.subscription).privateDnsZoneGroups.list(name(0), id.resourceGroup)
        )).map(toLiveZoneGroup)
      )
    );
  }
  getDnsZone(zoneId) {
    return readAt(
      zoneId,
      PERMISSION.zone,
      async (id, name) => toLiveDnsZone(
        await this.clients.privateDnsFor(id.subscription).privateZones.get(id.resourceGroup, name(0)),
        zoneId
      )
    );
  }
  async listVirtualNetworkLinks(zoneId) {
    return absentAsEmpty(
      await readAt(
        zoneId,
        PERMISSION.zone,
        async (id, name) => (await collect2(
          this.clients.privateDnsFor(id.subscription).virtualNetworkLinks.list(id.resourceGroup, name(0))
        )).map(toLiveLink)
      )
    );
  }
  async listARecordSets(zoneId) {
    return absentAsEmpty(
      await readAt(
        zoneId,
        PERMISSION.zone,
        async (id, name) => (await collect2(
          this.clients.privateDnsFor(id.subscription).recordSets.listByType(id.resourceGroup, name(0), "A")
        )).map(toLiveARecordSet)
      )
    );
  }
};

// src/engine/plan/steps-by-vault.ts
function touchedVaults(step) {
  return [.../* @__PURE__ */ new Set([...step.vaults, ...step.effects.map((effect) => effect.vault)])];
}
var servedVaults = (step) => step.vaults;
function stepsByVault(steps, vaultsOf) {
  const index = /* @__PURE__ */ new Map();
  for (const step of steps)
    for (const name of vaultsOf(step)) {
      const list = index.get(name);
      if (list) list.push(step);
      else index.set(name, [step]);
    }
  return index;
}
var touchedIndexes = /* @__PURE__ */ new WeakMap();
var servedIndexes = /* @__PURE__ */ new WeakMap();
function memoised(cache, steps, vaultsOf) {
  let index = cache.get(steps);
  if (!index) {
    index = stepsByVault(steps, vaultsOf);
    cache.set(steps, index);
  }
  return index;
}
var stepsTouching = (steps, vault) => memoised(touchedIndexes, steps, touchedVaults).get(vault) ?? [];
var stepsServing = (steps, vault) => memoised(servedIndexes, steps, servedVaults).get(vault) ?? [];

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
  get(key2, start) {
    const existing = this.promises.get(key2);
    if (existing) return existing;
    const started = start();
    this.promises.set(key2, started);
    return started;
  }
  has(key2) {
    return this.promises.has(key2);
  }
  keys() {
    return [...this.promises.keys()];
  }
  async settled() {
    const entries = await Promise.all(
      [...this.promises.entries()].map(async ([key2, promise]) => [key2, await promise])
    );
    return new Map(entries);
  }
};

// src/engine/state/read-budget.ts
var ARM_READ_BUCKET = 250;
var ARM_READ_REFILL_PER_SECOND = 25;
var DEFAULT_READ_RESERVE = 25;
var ReadBudget = class {
  constructor(options) {
    this.options = options;
    if (!Number.isInteger(options.perSubscription) || options.perSubscription < 1)
      throw new Error(
        `reads per subscription must be a positive integer, not ${options.perSubscription}`
      );
    this.bucket = options.bucket ?? ARM_READ_BUCKET;
    this.reserve = Math.min(options.reserve ?? DEFAULT_READ_RESERVE, this.bucket - 1);
    this.refillPerSecond = options.refillPerSecond ?? ARM_READ_REFILL_PER_SECOND;
    this.now = options.now ?? Date.now;
  }
  options;
  subscriptions = /* @__PURE__ */ new Map();
  reserve;
  bucket;
  refillPerSecond;
  now;
  state(subscription) {
    const key2 = subscription.toLowerCase();
    let state2 = this.subscriptions.get(key2);
    if (!state2) {
      state2 = {
        tokens: this.bucket,
        at: this.now(),
        inFlight: 0,
        waiting: [],
        timer: void 0
      };
      this.subscriptions.set(key2, state2);
    }
    return state2;
  }
  refill(state2) {
    const now = this.now();
    state2.tokens = Math.min(
      this.bucket,
      state2.tokens + (now - state2.at) / 1e3 * this.refillPerSecond
    );
    state2.at = now;
  }
  canStart(state2) {
    this.refill(state2);
    return state2.inFlight < this.options.perSubscription && state2.tokens - 1 >= this.reserve;
  }
  /** ARM said this many read tokens are left in the subscription (a response header). */
  observe(subscription, remaining) {
    if (!Number.isFinite(remaining) || remaining < 0) return;
    const state2 = this.state(subscription);
    this.refill(state2);
    state2.tokens = Math.min(state2.tokens, remaining);
    this.pump(state2);
  }
  /** Reads in flight for the subscription now (for tests and the bench). */
  inFlight(subscription) {
    return this.subscriptions.get(subscription.toLowerCase())?.inFlight ?? 0;
  }
  async run(subscription, task) {
    const state2 = this.state(subscription);
    if (state2.waiting.length === 0 && this.canStart(state2)) this.take(state2);
    else {
      await new Promise((resolve) => {
        state2.waiting.push(resolve);
        this.schedule(state2);
      });
    }
    try {
      return await task();
    } finally {
      state2.inFlight -= 1;
      this.pump(state2);
    }
  }
  take(state2) {
    state2.inFlight += 1;
    state2.tokens -= 1;
  }
  /** Lets the waiting reads that may start now go, in the order they came. */
  pump(state2) {
    while (state2.waiting.length > 0 && this.canStart(state2)) {
      this.take(state2);
      state2.waiting.shift()?.();
    }
    this.schedule(state2);
  }
  /** Reads wait for tokens, not for a slot: come back when the refill has put one back. */
  schedule(state2) {
    if (state2.timer !== void 0 || state2.waiting.length === 0) return;
    if (state2.inFlight >= this.options.perSubscription) return;
    this.refill(state2);
    const short = this.reserve + 1 - state2.tokens;
    const delayMs = Math.max(1, Math.ceil(short / this.refillPerSecond * 1e3));
    state2.timer = setTimeout(() => {
      state2.timer = void 0;
      this.pump(state2);
    }, delayMs);
  }
};

// src/engine/state/read-live.ts
var DEFAULT_READ_CONCURRENCY = 16;
function resourceGroupKey(subscription, resourceGroup) {
  return `${subscription}/${resourceGroup}`.toLowerCase();
}
function vaultGroupKey(vault) {
  const group = resourceGroupKey(vault.subscription, vault.resourceGroup);
  return vault.kind.id === "vault" ? group : `${group}#${vault.kind.id}`;
}
function subscriptionListKey(vault) {
  const subscription = vault.subscription.toLowerCase();
  return vault.kind.id === "vault" ? subscription : `${subscription}#${vault.kind.id}`;
}
function virtualNetworkOf(subnetId) {
  return subnetId.replace(/\/subnets\/[^/]+\/?$/i, "");
}
function privateEndpointOf(zoneGroupId) {
  return zoneGroupId.replace(/\/privateDnsZoneGroups\/[^/]+\/?$/i, "");
}
function subscriptionScope(id) {
  return (/^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? "").toLowerCase();
}
function subscriptionOf(id) {
  const parsed2 = parseResourceId(id);
  return parsed2.ok ? parsed2.id.subscription.toLowerCase() : void 0;
}
function zoneGroupIps(groups) {
  return [
    ...new Set(
      groups.flatMap(
        (group) => group.records.filter((record) => record.recordType === "" || record.recordType.toUpperCase() === "A").flatMap((record) => record.ipAddresses)
      )
    )
  ];
}
async function readLiveState(desired, reader, concurrency = DEFAULT_READ_CONCURRENCY, started) {
  return (started ?? new LiveReads(reader, concurrency)).finish(desired);
}
var LiveReads = class {
  constructor(reader, concurrency = DEFAULT_READ_CONCURRENCY) {
    this.reader = reader;
    this.budget = new ReadBudget({ perSubscription: concurrency });
    reader.onReadQuota?.((subscription, remaining) => this.budget.observe(subscription, remaining));
  }
  reader;
  // Reads in flight per subscription, within ARM's read budget (read-budget.ts).
  budget;
  vaults = new OnceByKey();
  vaultLists = new OnceByKey();
  subscriptionVaultLists = new OnceByKey();
  subscriptionReads = [];
  virtualNetworks = new OnceByKey();
  virtualNetworkLists = new OnceByKey();
  /** Resource groups whose VNets are listed rather than read one by one. */
  listedGroups = /* @__PURE__ */ new Set();
  /** Endpoint lists as read; `endpointLists` completes them once the set is whole. */
  rawEndpointLists = new OnceByKey();
  endpointLists = new OnceByKey();
  zoneGroupLists = new OnceByKey();
  zones = new OnceByKey();
  links = new OnceByKey();
  aRecordSets = new OnceByKey();
  /**
   * A reader that throws (it should report failures as data) still yields an error outcome,
   * so no read can go missing or crash the run.
   */
  limited(resourceId, read) {
    return () => this.budget.run(subscriptionScope(resourceId), read).catch((error2) => ({
      status: "error",
      error: { resourceId, message: error2 instanceof Error ? error2.message : String(error2) }
    }));
  }
  /**
   * Round one for the vaults of one spec file, as soon as it is parsed. A hint: `finish`
   * reads what the whole set needs, so a file that cannot be resolved alone (a named set
   * defined in a file not parsed yet) starts what it can, or nothing.
   */
  startFile(file, today) {
    let vaults;
    try {
      vaults = resolveDesiredState([file], today).vaults;
    } catch {
      return;
    }
    this.start(vaults);
  }
  /** Round one for these vaults: their vaults, named VNets, endpoint lists and zones. */
  start(vaults) {
    this.startVaults(vaults);
    const named = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      for (const rule of vault.network.virtualNetworkRules) {
        const vnetId = virtualNetworkOf(rule.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
      for (const endpoint of vault.privateEndpoints) {
        const vnetId = virtualNetworkOf(endpoint.subnetId);
        named.set(resourceIdKey(vnetId), vnetId);
      }
    }
    const vnetsByGroup = /* @__PURE__ */ new Map();
    for (const vnetId of named.values()) {
      const parsed2 = parseResourceId(vnetId);
      if (!parsed2.ok) continue;
      const group = resourceGroupKey(parsed2.id.subscription, parsed2.id.resourceGroup);
      vnetsByGroup.set(group, (vnetsByGroup.get(group) ?? 0) + 1);
    }
    for (const [group, count] of vnetsByGroup) if (count > 1) this.listedGroups.add(group);
    for (const vnetId of named.values()) this.readVirtualNetwork(vnetId);
    for (const vault of vaults) {
      for (const endpoint of vault.privateEndpoints) {
        this.listEndpoints(endpoint.subscription, endpoint.resourceGroup);
        const dns = endpoint.dns;
        if (!dns) continue;
        const zoneKey = resourceIdKey(dns.zoneId);
        void this.zones.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.getDnsZone(dns.zoneId))
        );
        void this.links.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listVirtualNetworkLinks(dns.zoneId))
        );
        void this.aRecordSets.get(
          zoneKey,
          this.limited(dns.zoneId, () => this.reader.listARecordSets(dns.zoneId))
        );
      }
    }
  }
  /** The whole desired state: what `start` has not begun, then round two, then the snapshot. */
  async finish(desired) {
    this.start(desired.vaults);
    const completing = this.completion(desired);
    for (const group of this.rawEndpointLists.keys()) this.completeEndpoints(group, completing);
    const specVirtualNetworks = new Set(this.virtualNetworks.keys());
    const specSubscriptions = new Set(
      desired.vaults.map((vault) => vault.subscription.toLowerCase())
    );
    const subnetReadSubscriptions = new Set(specSubscriptions);
    for (const vault of desired.vaults)
      for (const rule of vault.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription) subnetReadSubscriptions.add(subscription);
      }
    await Promise.all(this.subscriptionReads);
    await this.readGroupsOfFailedLists(desired.vaults);
    const vaultOutcomes = await collectVaults(
      desired,
      this.vaults,
      this.vaultLists,
      this.subscriptionVaultLists
    );
    for (const outcome of vaultOutcomes.values()) {
      if (outcome.status !== "ok") continue;
      for (const connection of outcome.value.connections) {
        const parsed2 = parseResourceId(connection.privateEndpointId);
        if (!parsed2.ok || !specSubscriptions.has(parsed2.id.subscription.toLowerCase())) continue;
        const group = this.listEndpoints(parsed2.id.subscription, parsed2.id.resourceGroup);
        this.completeEndpoints(group, completing);
      }
      for (const rule of outcome.value.network.virtualNetworkRules) {
        const subscription = subscriptionOf(rule.subnetId);
        if (subscription && subnetReadSubscriptions.has(subscription))
          this.readVirtualNetwork(virtualNetworkOf(rule.subnetId));
      }
    }
    const liveRuleVirtualNetworks = new Set(
      [...this.virtualNetworks.keys()].filter((key2) => !specVirtualNetworks.has(key2))
    );
    const privateEndpointLists = await this.endpointLists.settled();
    return {
      vaults: vaultOutcomes,
      virtualNetworks: await this.virtualNetworks.settled(),
      liveRuleVirtualNetworks,
      subnetReadSubscriptions,
      privateEndpointLists,
      zoneGroupLists: await this.zoneGroupLists.settled(),
      zones: await this.zones.settled(),
      links: await this.links.settled(),
      aRecordSets: await this.aRecordSets.settled()
    };
  }
  // Vaults: one list per subscription where the vaults sit in several resource groups; else
  // one list per resource group holding several of them, else a GET. (Each kind is listed on
  // its own: managed HSM pools by the managedHSMs lists.)
  startVaults(vaults) {
    const groupsBySubscription = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      if (this.readBegun(vault)) continue;
      const subscription = subscriptionListKey(vault);
      const groups = groupsBySubscription.get(subscription) ?? /* @__PURE__ */ new Map();
      groupsBySubscription.set(subscription, groups);
      const key2 = vaultGroupKey(vault);
      const group = groups.get(key2);
      if (group) group.push(vault);
      else groups.set(key2, [vault]);
    }
    for (const [subscription, groups] of groupsBySubscription) {
      const first = [...groups.values()][0]?.[0];
      if (this.subscriptionVaultLists.has(subscription)) continue;
      if (groups.size < 2 || !first) {
        for (const group of groups.values()) this.readGroup(group);
        continue;
      }
      const scope = `/subscriptions/${first.subscription}`;
      this.subscriptionReads.push(
        this.subscriptionVaultLists.get(
          subscription,
          this.limited(
            scope,
            () => first.kind.id === "vault" ? this.reader.listVaultsInSubscription(first.subscription) : this.reader.listVaultsInSubscription(first.subscription, first.kind.id)
          )
        ).then((outcome) => {
          if (outcome.status !== "ok") for (const group of groups.values()) this.readGroup(group);
        })
      );
    }
  }
  readBegun(vault) {
    return this.vaults.has(resourceIdKey(vault.id)) || this.vaultLists.has(vaultGroupKey(vault)) || this.subscriptionVaultLists.has(subscriptionListKey(vault));
  }
  /**
   * A subscription list that was refused or failed: every group of the whole set in that
   * subscription is read on its own (the list's fallback knew only the vaults of its call).
   */
  async readGroupsOfFailedLists(vaults) {
    const failed = /* @__PURE__ */ new Set();
    for (const [subscription, outcome] of await this.subscriptionVaultLists.settled())
      if (outcome.status !== "ok") failed.add(subscription);
    if (failed.size === 0) return;
    const groups = /* @__PURE__ */ new Map();
    for (const vault of vaults) {
      if (!failed.has(subscriptionListKey(vault))) continue;
      const key2 = vaultGroupKey(vault);
      groups.set(key2, [...groups.get(key2) ?? [], vault]);
    }
    for (const group of groups.values()) this.readGroup(group);
  }
  readGroup(group) {
    const [first] = group;
    if (!first) return;
    if (group.length === 1) {
      void this.vaults.get(
        resourceIdKey(first.id),
        this.limited(first.id, () => this.reader.getVault(first.id))
      );
    } else {
      void this.vaultLists.get(
        vaultGroupKey(first),
        this.limited(
          `/subscriptions/${first.subscription}/resourceGroups/${first.resourceGroup}`,
          () => first.kind.id === "vault" ? this.reader.listVaults(first.subscription, first.resourceGroup) : this.reader.listVaults(first.subscription, first.resourceGroup, first.kind.id)
        )
      );
    }
  }
  virtualNetworkOutcome(vnetId) {
    const parsed2 = parseResourceId(vnetId);
    const group = parsed2.ok ? resourceGroupKey(parsed2.id.subscription, parsed2.id.resourceGroup) : void 0;
    const get = this.limited(vnetId, () => this.reader.getVirtualNetwork(vnetId));
    if (!parsed2.ok || !group || !this.listedGroups.has(group) || !this.reader.listVirtualNetworks)
      return get();
    const list = this.reader.listVirtualNetworks.bind(this.reader);
    return this.virtualNetworkLists.get(
      group,
      this.limited(
        `/subscriptions/${parsed2.id.subscription}/resourceGroups/${parsed2.id.resourceGroup}`,
        () => list(parsed2.id.subscription, parsed2.id.resourceGroup)
      )
    ).then((outcome) => {
      if (outcome.status !== "ok") return get();
      const found = outcome.value.find(
        (candidate) => resourceIdKey(candidate.id) === resourceIdKey(vnetId)
      );
      return found ? { status: "ok", value: found } : { status: "not-found" };
    });
  }
  readVirtualNetwork(vnetId) {
    void this.virtualNetworks.get(resourceIdKey(vnetId), () => this.virtualNetworkOutcome(vnetId));
  }
  /** Starts the list of a group's endpoints (once); returns the group's key. */
  listEndpoints(subscription, resourceGroup) {
    const group = resourceGroupKey(subscription, resourceGroup);
    const scope = `/subscriptions/${subscription}/resourceGroups/${resourceGroup}`;
    const reader = this.reader;
    void this.rawEndpointLists.get(
      group,
      this.limited(
        scope,
        () => reader.listPrivateEndpointsWithoutNics ? reader.listPrivateEndpointsWithoutNics(subscription, resourceGroup) : reader.listPrivateEndpoints(subscription, resourceGroup)
      )
    );
    return group;
  }
  /** A started list, each endpoint completed with its address as soon as the list is read. */
  completeEndpoints(group, complete) {
    const raw = this.rawEndpointLists.get(group, () => {
      throw new Error(`the endpoint list of ${group} was never started`);
    });
    void this.endpointLists.get(
      group,
      () => raw.then(
        async (outcome) => outcome.status === "ok" ? { status: "ok", value: await Promise.all(outcome.value.map(complete)) } : outcome
      )
    );
  }
  /**
   * How an endpoint gets its address: its body, else what its zone group wrote, else its NICs —
   * a NIC is read only when neither gave one (AZURE-FACTS §8: with a zone group Azure leaves
   * customDnsConfigs empty and a dynamic address is only on the NIC). Zone groups are read for
   * the endpoints that matter (declared, or connected to a declared vault): Azure allows one
   * zone group per endpoint, and Azure Policy may have created it under a name the spec does
   * not know. Needs the whole desired state, to know which endpoints matter.
   */
  completion(desired) {
    const declaredVaults = new Set(desired.vaults.map((vault) => resourceIdKey(vault.id)));
    const declaredEndpoints = new Set(
      desired.vaults.flatMap(
        (vault) => vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id))
      )
    );
    const matters = (endpoint) => declaredEndpoints.has(resourceIdKey(endpoint.id)) || endpoint.connections.some(
      (connection) => declaredVaults.has(resourceIdKey(connection.targetId))
    );
    const reader = this.reader;
    const nicIps = async (nicIds) => {
      const ips = [];
      for (const nicId of nicIds) {
        const read = reader.getNetworkInterfaceIps?.bind(reader);
        if (!read) break;
        const outcome = await this.limited(nicId, () => read(nicId))();
        if (outcome.status === "ok") ips.push(...outcome.value);
      }
      return ips;
    };
    return async (endpoint) => {
      const { networkInterfaceIds, ...live } = endpoint;
      const groups = matters(live) ? this.zoneGroupLists.get(
        resourceIdKey(live.id),
        this.limited(live.id, () => reader.listZoneGroups(live.id))
      ) : void 0;
      if (live.privateIps.length > 0 || !networkInterfaceIds?.length) {
        await groups;
        return live;
      }
      const outcome = await groups;
      const written = outcome?.status === "ok" ? zoneGroupIps(outcome.value) : [];
      if (written.length > 0) return { ...live, privateIps: written };
      return { ...live, privateIps: await nicIps(networkInterfaceIds) };
    };
  }
};
async function collectVaults(desired, gets, lists, subscriptionLists) {
  const byId = await gets.settled();
  const byGroup = await lists.settled();
  const inSubscriptions = /* @__PURE__ */ new Map();
  for (const outcome of (await subscriptionLists.settled()).values())
    if (outcome.status === "ok")
      for (const vault of outcome.value) inSubscriptions.set(resourceIdKey(vault.id), vault);
  const listedSubscriptions = new Set(
    [...await subscriptionLists.settled()].filter(([, outcome]) => outcome.status === "ok").map(([subscription]) => subscription)
  );
  const result = /* @__PURE__ */ new Map();
  for (const vault of desired.vaults) {
    const key2 = resourceIdKey(vault.id);
    const direct = byId.get(key2);
    if (direct) {
      result.set(key2, direct);
      continue;
    }
    if (listedSubscriptions.has(subscriptionListKey(vault))) {
      const found = inSubscriptions.get(key2);
      result.set(key2, found ? { status: "ok", value: found } : { status: "not-found" });
      continue;
    }
    const list = byGroup.get(vaultGroupKey(vault));
    if (!list || list.status === "not-found") {
      result.set(key2, { status: "not-found" });
    } else if (list.status === "error") {
      result.set(key2, list);
    } else {
      const found = list.value.find((candidate) => resourceIdKey(candidate.id) === key2);
      result.set(key2, found ? { status: "ok", value: found } : { status: "not-found" });
    }
  }
  return result;
}

// src/engine/plan/basis.ts
import { createHash as createHash2 } from "node:crypto";

// src/engine/plan/fingerprint.ts
import { createHash } from "node:crypto";
function canonicalJson(value) {
  return write(value) ?? "null";
}
function write(value) {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "object":
      break;
    default:
      return void 0;
  }
  const withJson = value;
  if (typeof withJson.toJSON === "function") return write(withJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((entry) => write(entry) ?? "null").join(",")}]`;
  const members = [];
  const record = value;
  for (const key2 of Object.keys(record).sort()) {
    const text = write(record[key2]);
    if (text !== void 0) members.push(`${JSON.stringify(key2)}:${text}`);
  }
  return `{${members.join(",")}}`;
}
function changeSet(steps) {
  return steps.map((step) => ({
    id: step.id,
    action: step.action,
    changes: step.changes,
    payload: step.payload,
    flags: step.flags
  }));
}
function fingerprint(steps, liveBasis) {
  const hash = createHash("sha256");
  hash.update(canonicalJson({ changes: changeSet(steps), live: liveBasis }));
  return `sha256:${hash.digest("hex")}`;
}

// src/engine/plan/basis.ts
var shaOfText = (text) => `sha256:${createHash2("sha256").update(text).digest("hex")}`;
var sha = (value) => shaOfText(canonicalJson(value));
function planBasis(vaults, steps, liveBasis) {
  const resources = {};
  const names = {};
  for (const [resource, value] of Object.entries(liveBasis)) resources[resource] = sha(value);
  for (const step of steps) names[step.id] = `${step.kind} ${step.resourceName}`;
  const stepText = /* @__PURE__ */ new Map();
  for (const step of steps) stepText.set(step, canonicalJson(changeSet([step])[0]));
  const liveEntry = (resource) => JSON.stringify([resource, resources[resource] ?? null]);
  const stepLiveText = /* @__PURE__ */ new Map();
  for (const step of steps) stepLiveText.set(step, liveEntry(step.id));
  const result = {};
  for (const vault of vaults) {
    const own = stepsTouching(steps, vault.name);
    const vaultKey = resourceIdKey(vault.id);
    names[vaultKey] = `vault ${vault.name}`;
    const keys = [vaultKey, ...own.map((step) => step.id)];
    const stepsHash = shaOfText(`[${own.map((step) => stepText.get(step) ?? "null").join(",")}]`);
    const liveHash = shaOfText(
      `[${[liveEntry(vaultKey), ...own.map((step) => stepLiveText.get(step) ?? "null")].join(",")}]`
    );
    result[vault.name] = {
      fingerprint: sha({ steps: stepsHash, live: liveHash }),
      steps: stepsHash,
      live: liveHash,
      resources: keys
    };
  }
  return { vaults: result, resources, names };
}

// src/engine/plan/live-lookup.ts
function toleratedFailure(snapshot, key2, failure) {
  return snapshot.liveRuleVirtualNetworks.has(key2) && (failure.httpStatus === 403 || failure.httpStatus === 404);
}
var LiveLookup = class {
  constructor(snapshot) {
    this.snapshot = snapshot;
  }
  snapshot;
  /** Every read that failed, once each. */
  failures() {
    const virtualNetworks = [...this.snapshot.virtualNetworks.entries()].flatMap(
      ([key2, outcome]) => outcome.status === "error" && toleratedFailure(this.snapshot, key2, outcome.error) ? [] : [outcome]
    );
    const all = [
      ...this.snapshot.vaults.values(),
      ...virtualNetworks,
      ...this.snapshot.privateEndpointLists.values(),
      ...this.snapshot.zoneGroupLists.values(),
      ...this.snapshot.zones.values(),
      ...this.snapshot.links.values(),
      ...this.snapshot.aRecordSets.values()
    ];
    const unique = /* @__PURE__ */ new Map();
    for (const outcome of all) {
      if (outcome.status === "error")
        unique.set(`${outcome.error.resourceId}|${outcome.error.message}`, outcome.error);
    }
    return [...unique.values()];
  }
  vault(id) {
    return this.snapshot.vaults.get(resourceIdKey(id)) ?? { status: "not-found" };
  }
  /** The subnet as read; undefined when it is missing or could not be read (see subnetState). */
  subnet(subnetId) {
    const state2 = this.subnetState(subnetId);
    return state2.status === "ok" ? state2.subnet : void 0;
  }
  /** Whether the subnet exists, is missing, or is unknown to kvnet (and why). */
  subnetState(subnetId) {
    const key2 = resourceIdKey(virtualNetworkOf(subnetId));
    const vnet = this.snapshot.virtualNetworks.get(key2);
    if (!vnet) {
      const parsed2 = parseResourceId(subnetId);
      const subscription = parsed2.ok ? parsed2.id.subscription.toLowerCase() : void 0;
      if (subscription !== void 0 && !this.snapshot.subnetReadSubscriptions.has(subscription))
        return { status: "unknown", reason: { code: "outside-subscriptions", subscription } };
      return { status: "unknown", reason: { code: "not-read" } };
    }
    if (vnet.status === "not-found") return { status: "missing" };
    if (vnet.status === "error")
      return { status: "unknown", reason: { code: "read-failed", failure: vnet.error } };
    const subnet = vnet.value.subnets.find(
      (candidate) => resourceIdKey(candidate.id) === resourceIdKey(subnetId)
    );
    return subnet ? { status: "ok", subnet } : { status: "missing" };
  }
  virtualNetworkLocation(subnetId) {
    const vnet = this.snapshot.virtualNetworks.get(resourceIdKey(virtualNetworkOf(subnetId)));
    return vnet?.status === "ok" ? vnet.value.location : void 0;
  }
  endpointsById;
  privateEndpoint(id) {
    this.endpointsById ??= new Map(
      this.allPrivateEndpoints().map((endpoint) => [resourceIdKey(endpoint.id), endpoint])
    );
    return this.endpointsById.get(resourceIdKey(id));
  }
  endpointsByTarget;
  /** The endpoints read whose private link connection targets a resource (a vault). */
  privateEndpointsTargeting(targetId) {
    if (!this.endpointsByTarget) {
      this.endpointsByTarget = /* @__PURE__ */ new Map();
      for (const endpoint of this.allPrivateEndpoints()) {
        for (const target of new Set(endpoint.connections.map((c) => resourceIdKey(c.targetId)))) {
          const list = this.endpointsByTarget.get(target) ?? [];
          list.push(endpoint);
          this.endpointsByTarget.set(target, list);
        }
      }
    }
    return this.endpointsByTarget.get(resourceIdKey(targetId)) ?? [];
  }
  allPrivateEndpoints() {
    return [...this.snapshot.privateEndpointLists.values()].flatMap(
      (outcome) => outcome.status === "ok" ? outcome.value : []
    );
  }
  /** Whether the endpoint's resource group was listed (so "absent" really means absent). */
  privateEndpointGroupListed(id) {
    const parsed2 = parseResourceId(id);
    if (!parsed2.ok) return false;
    const outcome = this.snapshot.privateEndpointLists.get(
      resourceGroupKey(parsed2.id.subscription, parsed2.id.resourceGroup)
    );
    return outcome?.status === "ok";
  }
  zone(zoneId) {
    return this.snapshot.zones.get(resourceIdKey(zoneId)) ?? { status: "not-found" };
  }
  aRecords(zoneId) {
    const outcome = this.snapshot.aRecordSets.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  zoneExists(zoneId) {
    return this.snapshot.zones.get(resourceIdKey(zoneId))?.status === "ok";
  }
  links(zoneId) {
    const outcome = this.snapshot.links.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  aRecordsByName = /* @__PURE__ */ new Map();
  linkIndexes = /* @__PURE__ */ new Map();
  /** The zone's links by lower-cased name (first wins) and by VNet key, built once per zone. */
  linkIndex(zoneId) {
    const zoneKey = resourceIdKey(zoneId);
    let index = this.linkIndexes.get(zoneKey);
    if (!index) {
      const byName = /* @__PURE__ */ new Map();
      const byVirtualNetwork = /* @__PURE__ */ new Map();
      for (const link of this.links(zoneId)) {
        const name = link.name.toLowerCase();
        if (!byName.has(name)) byName.set(name, link);
        const vnetKey = resourceIdKey(link.virtualNetworkId);
        const list = byVirtualNetwork.get(vnetKey);
        if (list) list.push(link);
        else byVirtualNetwork.set(vnetKey, [link]);
      }
      index = { byName, byVirtualNetwork };
      this.linkIndexes.set(zoneKey, index);
    }
    return index;
  }
  aRecord(zoneId, name) {
    const zoneKey = resourceIdKey(zoneId);
    let byName = this.aRecordsByName.get(zoneKey);
    if (!byName) {
      const outcome = this.snapshot.aRecordSets.get(zoneKey);
      if (outcome?.status !== "ok") return void 0;
      byName = /* @__PURE__ */ new Map();
      for (const record of outcome.value) {
        const recordName = record.name.toLowerCase();
        if (!byName.has(recordName)) byName.set(recordName, record);
      }
      this.aRecordsByName.set(zoneKey, byName);
    }
    return byName.get(name.toLowerCase());
  }
  /**
   * The zone groups of an existing endpoint, whatever their names (Azure allows one; Azure
   * Policy often creates it as `deployedByPolicy`). Empty when it has none, or when its
   * groups were not read (see zoneGroupsRead); a failed read is one of failures().
   */
  zoneGroupsOf(privateEndpointId) {
    const outcome = this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId));
    return outcome?.status === "ok" ? outcome.value : [];
  }
  /** Whether the endpoint's zone groups were read, so an empty zoneGroupsOf means none. */
  zoneGroupsRead(privateEndpointId) {
    return this.snapshot.zoneGroupLists.get(resourceIdKey(privateEndpointId))?.status === "ok";
  }
  /** The zone group with exactly this id (the spec's name), if its endpoint has it. */
  zoneGroup(id) {
    return this.zoneGroupsOf(privateEndpointOf(id)).find(
      (group) => resourceIdKey(group.id) === resourceIdKey(id)
    );
  }
  /** The DNS zone as read (with its provisioning state), if it exists. */
  dnsZone(zoneId) {
    const outcome = this.snapshot.zones.get(resourceIdKey(zoneId));
    return outcome?.status === "ok" ? outcome.value : void 0;
  }
};
function connectionFor(vault, privateEndpointId) {
  return vault.connections.find(
    (connection) => resourceIdKey(connection.privateEndpointId) === resourceIdKey(privateEndpointId)
  );
}

// src/engine/plan/order.ts
var KIND_ORDER = {
  subnet: 0,
  dnsZone: 1,
  virtualNetworkLink: 2,
  privateEndpoint: 3,
  zoneGroup: 4,
  connection: 5,
  vault: 6
};
function priority(step) {
  const phase = step.phase === "open" ? 0 : 1;
  return `${phase}:${KIND_ORDER[step.kind]}:${step.id}`;
}
function insertReady(ready, keys, step) {
  const key2 = keys.get(step) ?? "";
  let low = 0;
  let high = ready.length;
  while (low < high) {
    const middle = low + high >> 1;
    if ((keys.get(ready[middle]) ?? "") > key2) low = middle + 1;
    else high = middle;
  }
  ready.splice(low, 0, step);
}
function orderSteps(steps) {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const keys = new Map(steps.map((step) => [step, priority(step)]));
  const waitingOn = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const step of steps) {
    const known = [...new Set(step.dependsOn)].filter((dependency) => byId.has(dependency));
    waitingOn.set(step.id, known.length);
    for (const dependency of known) {
      const list = dependents.get(dependency);
      if (list) list.push(step.id);
      else dependents.set(dependency, [step.id]);
    }
  }
  const ready = [];
  for (const step of steps) if (waitingOn.get(step.id) === 0) insertReady(ready, keys, step);
  const ordered = [];
  while (ready.length > 0) {
    const next = ready.pop();
    ordered.push(next);
    for (const dependentId of dependents.get(next.id) ?? []) {
      const remaining = (waitingOn.get(dependentId) ?? 0) - 1;
      waitingOn.set(dependentId, remaining);
      if (remaining === 0) insertReady(ready, keys, byId.get(dependentId));
    }
  }
  if (ordered.length !== steps.length) {
    const done = new Set(ordered);
    const stuck = steps.filter((step) => !done.has(step)).map((step) => step.id);
    throw new Error(`the plan's steps depend on each other in a cycle: ${stuck.join(", ")}`);
  }
  return ordered;
}

// src/engine/state/live.ts
function isSucceeded(provisioningState) {
  return provisioningState === void 0 || provisioningState.toLowerCase() === "succeeded";
}
var MANAGED_BY_TAG = "managed-by";
var MANAGED_BY_VALUE = "kvnet";
function isManagedByKvnet(endpoint) {
  return Object.entries(endpoint.tags).some(
    ([key2, value]) => key2.toLowerCase() === MANAGED_BY_TAG && value.toLowerCase() === MANAGED_BY_VALUE
  );
}

// src/engine/plan/private-link-steps.ts
var NO_FLAGS = { destructive: false, lockout: false, blocked: false };
var note = (code, params = {}) => ({ code, params });
function stepId(kind, resourceId, suffix = "") {
  return `${kind}:${resourceIdKey(resourceId)}${suffix}`;
}
function lastSegment3(id) {
  return id.split("/").pop() ?? id;
}
function replaceReasons(live, desired, vault, connection) {
  const reasons = [];
  const link = live.connections.find(
    (candidate) => resourceIdKey(candidate.targetId) === resourceIdKey(vault.id)
  );
  if (resourceIdKey(live.subnetId) !== resourceIdKey(desired.subnetId))
    reasons.push(note("endpoint/subnet-differs", { live: live.subnetId, spec: desired.subnetId }));
  if (!link) {
    reasons.push(note("endpoint/other-target"));
  } else {
    if (link.name !== desired.connectionName)
      reasons.push(
        note("endpoint/connection-name-differs", { live: link.name, spec: desired.connectionName })
      );
    if (link.manual !== desired.manualApproval)
      reasons.push(note(desired.manualApproval ? "endpoint/was-automatic" : "endpoint/was-manual"));
    const expected = vault.kind.privateLinkGroup;
    if (!link.groupIds.some((group) => group.toLowerCase() === expected))
      reasons.push(note("endpoint/group-differs", { groups: [...link.groupIds], expected }));
  }
  if (connection?.status === "Rejected" || connection?.status === "Disconnected")
    reasons.push(note("endpoint/connection-ended", { status: connection.status }));
  if (!isSucceeded(live.provisioningState))
    reasons.push(note("endpoint/not-succeeded", { state: live.provisioningState ?? "" }));
  return reasons;
}
function privateLinkSteps(vault, liveVault, lookup, steps) {
  for (const endpoint of vault.privateEndpoints)
    endpointSteps(endpoint, vault, liveVault, lookup, steps);
  unmanagedConnectionSteps(vault, liveVault, lookup, steps);
}
function error(context3, rule, params) {
  context3.steps.finding({
    level: "error",
    rule,
    params,
    vault: context3.vault.name,
    source: context3.endpoint.source
  });
}
function planZone(context3) {
  const dns = context3.endpoint.dns;
  if (!dns) return void 0;
  const zone = context3.lookup.zone(dns.zoneId);
  const failed = zone.status === "ok" && !isSucceeded(zone.value.provisioningState);
  if (zone.status === "ok" && !failed) return void 0;
  if (!dns.createIfMissing && !failed) {
    error(context3, "dns/zone-missing", { zoneId: dns.zoneId });
    return void 0;
  }
  return context3.steps.add({
    ...context3.base,
    id: stepId("dnsZone", dns.zoneId),
    kind: "dnsZone",
    action: failed ? "update" : "create",
    phase: "open",
    resourceId: dns.zoneId,
    resourceName: dns.zoneName,
    changes: [{ property: "zone", op: "set", after: dns.zoneName }],
    dependsOn: [],
    notes: zone.status === "ok" ? [note("redrive", { state: zone.value.provisioningState ?? "" })] : context3.base.notes,
    payload: { kind: "dnsZone" }
  });
}
function planLinks(context3, zoneStep) {
  const dns = context3.endpoint.dns;
  if (!dns) return [];
  const existing = context3.lookup.linkIndex(dns.zoneId);
  const stepIds = [];
  for (const link of dns.links) {
    const vnetKey = resourceIdKey(link.virtualNetworkId);
    const sameName = existing.byName.get(link.name.toLowerCase());
    if (sameName && resourceIdKey(sameName.virtualNetworkId) !== vnetKey) {
      error(context3, "dns/link-conflict", {
        link: link.name,
        live: sameName.virtualNetworkId,
        spec: link.virtualNetworkId
      });
      continue;
    }
    const toVnet = existing.byVirtualNetwork.get(vnetKey) ?? [];
    const ready = toVnet.some((candidate) => isSucceeded(candidate.provisioningState));
    if (ready) continue;
    const failed = toVnet.find(
      (candidate) => candidate.name.toLowerCase() === link.name.toLowerCase()
    );
    if (toVnet.length > 0 && !failed) continue;
    const step = context3.steps.add({
      ...context3.base,
      id: stepId("virtualNetworkLink", link.id),
      kind: "virtualNetworkLink",
      action: failed ? "update" : "create",
      phase: "open",
      resourceId: link.id,
      resourceName: link.name,
      changes: [{ property: "virtualNetwork", op: "set", after: link.virtualNetworkId }],
      dependsOn: zoneStep ? [zoneStep.id] : [],
      notes: failed ? [note("redrive", { state: failed.provisioningState ?? "" })] : [],
      payload: { kind: "virtualNetworkLink", virtualNetworkId: link.virtualNetworkId }
    });
    stepIds.push(step.id);
  }
  return stepIds;
}
function planEndpoint(context3, dependsOn) {
  const { endpoint, vault, lookup, steps } = context3;
  const live = lookup.privateEndpoint(endpoint.id);
  const subnet = lookup.subnet(endpoint.subnetId);
  if (!subnet)
    error(context3, "subnet/missing", { subnetId: endpoint.subnetId, endpoint: endpoint.name });
  const connection = live ? connectionFor(context3.liveVault, live.id) : void 0;
  const common = {
    ...context3.base,
    id: stepId("privateEndpoint", endpoint.id),
    kind: "privateEndpoint",
    phase: "open",
    resourceId: endpoint.id,
    resourceName: endpoint.name,
    changes: [
      { property: "subnet", op: "set", after: endpoint.subnetId },
      { property: "connection", op: "set", after: `${endpoint.connectionName} → ${vault.name}` },
      { property: `tags.${MANAGED_BY_TAG}`, op: "set", after: MANAGED_BY_VALUE }
    ],
    dependsOn: [...dependsOn],
    payload: {
      kind: "privateEndpoint",
      location: endpoint.location ?? lookup.virtualNetworkLocation(endpoint.subnetId),
      subnetId: endpoint.subnetId,
      vaultId: vault.id,
      connectionName: endpoint.connectionName,
      manualApproval: endpoint.manualApproval,
      requestMessage: endpoint.requestMessage
    }
  };
  if (!live) {
    if (!subnet) return {};
    const notes = endpoint.manualApproval ? [note("endpoint/manual-approval")] : [];
    return { step: steps.add({ ...common, action: "create", notes }) };
  }
  const reasons = replaceReasons(live, endpoint, vault, connection);
  if (reasons.length === 0) return { live, connection };
  if (!isManagedByKvnet(live)) {
    error(context3, "private-endpoint/foreign", {
      endpoint: endpoint.name,
      reasons
    });
    return { live, connection };
  }
  const step = steps.add({
    ...common,
    action: "replace",
    replaceOrder: ["delete", "create"],
    flags: { ...NO_FLAGS, destructive: true },
    notes: [note("endpoint/replaced"), ...reasons]
  });
  return { step, live, connection };
}
function planZoneGroup(context3, endpointPlan, zoneStep) {
  const { endpoint, vault, lookup } = context3;
  const dns = endpoint.dns;
  const group = dns?.zoneGroup;
  if (!dns || !group) return;
  if (!endpointPlan.step && !endpointPlan.live) return;
  const groups = endpointPlan.step ? [] : lookup.zoneGroupsOf(endpoint.id);
  const own = groups.find((candidate) => resourceIdKey(candidate.id) === resourceIdKey(group.id));
  const other = groups.find((candidate) => candidate !== own);
  const servesZone = (zoneIds) => zoneIds.some((zoneId) => resourceIdKey(zoneId) === resourceIdKey(dns.zoneId));
  if (!own && other) {
    if (servesZone(other.zoneIds) && isSucceeded(other.provisioningState)) {
      context3.steps.finding({
        level: "info",
        rule: "dns/zone-group-other",
        params: { endpoint: endpoint.name, group: other.name, spec: group.name },
        vault: vault.name,
        source: endpoint.source
      });
      return;
    }
    error(context3, "dns/zone-group-foreign", {
      endpoint: endpoint.name,
      group: other.name,
      zones: [...other.zoneIds],
      spec: dns.zoneId
    });
    return;
  }
  const record = lookup.aRecord(dns.zoneId, vault.name);
  const endpointIps = [
    .../* @__PURE__ */ new Set([
      ...endpointPlan.live?.privateIps ?? [],
      ...groups.flatMap(
        (candidate) => candidate.records.filter(
          (written) => written.recordType === "" || written.recordType.toUpperCase() === "A"
        ).flatMap((written) => written.ipAddresses)
      )
    ])
  ];
  const recordMatches = record !== void 0 && endpointIps.some((ip) => record.ipv4Addresses.includes(ip));
  let reason;
  if (endpointPlan.step) reason = void 0;
  else if (!own) reason = note("zone-group/missing");
  else if (!isSucceeded(own.provisioningState))
    reason = note("redrive", { state: own.provisioningState ?? "" });
  else if (own.zoneIds.length !== 1 || !servesZone(own.zoneIds))
    reason = note("zone-group/zones-differ", { zones: [...own.zoneIds] });
  else if (!recordMatches && endpointIps.length > 0)
    reason = note("zone-group/record-differs", { record: vault.name, ips: [...endpointIps] });
  if (!endpointPlan.step && reason === void 0) return;
  context3.steps.add({
    ...context3.base,
    id: stepId("zoneGroup", group.id),
    kind: "zoneGroup",
    action: own && !endpointPlan.step ? "update" : "create",
    phase: "open",
    resourceId: group.id,
    resourceName: `${group.name} (${endpoint.name})`,
    changes: [
      { property: "privateDnsZoneConfigs", op: "set", after: dns.zoneName },
      { property: "A record", op: "set", after: `${vault.name}.${dns.zoneName}` }
    ],
    dependsOn: [
      ...endpointPlan.step ? [endpointPlan.step.id] : [],
      ...zoneStep ? [zoneStep.id] : []
    ],
    notes: reason ? [reason] : [],
    payload: { kind: "zoneGroup", privateEndpointId: endpoint.id, zoneIds: [dns.zoneId] }
  });
}
function planApproval(context3, endpointPlan) {
  const { endpoint, vault, steps, base } = context3;
  if (endpointPlan.step) {
    if (endpoint.manualApproval)
      steps.add(approvalStep(vault, endpoint.id, void 0, [endpointPlan.step.id], base.vaults));
    return;
  }
  if (endpointPlan.connection?.status === "Pending")
    steps.add(approvalStep(vault, endpoint.id, endpointPlan.connection.name, [], base.vaults));
}
function endpointSteps(endpoint, vault, liveVault, lookup, steps) {
  const context3 = {
    endpoint,
    vault,
    liveVault,
    lookup,
    steps,
    base: { vaults: [vault.name], notes: [], flags: NO_FLAGS }
  };
  const zoneStep = planZone(context3);
  const linkStepIds = planLinks(context3, zoneStep);
  const endpointPlan = planEndpoint(context3, [...zoneStep ? [zoneStep.id] : [], ...linkStepIds]);
  planZoneGroup(context3, endpointPlan, zoneStep);
  planApproval(context3, endpointPlan);
}
function approvalStep(vault, endpointId, connectionName, dependsOn, vaults) {
  return {
    id: stepId("connection", `${vault.id}/${endpointId}`),
    kind: "connection",
    action: "update",
    phase: "open",
    resourceId: connectionName ? `${vault.id}/privateEndpointConnections/${connectionName}` : `${vault.id}/privateEndpointConnections`,
    resourceName: `${connectionName ?? "connection"} from ${lastSegment3(endpointId)} to ${vault.name}`,
    vaults,
    changes: [{ property: "status", op: "set", before: "Pending", after: "Approved" }],
    dependsOn,
    flags: NO_FLAGS,
    notes: [note("connection/approve-declared", { endpoint: lastSegment3(endpointId) })],
    payload: {
      kind: "connection",
      vaultId: vault.id,
      connectionName,
      privateEndpointId: endpointId,
      status: "Approved"
    }
  };
}
function unmanagedConnectionSteps(vault, liveVault, lookup, steps) {
  const declared = new Set(vault.privateEndpoints.map((endpoint) => resourceIdKey(endpoint.id)));
  const handled = /* @__PURE__ */ new Set();
  const deleteEndpoint = (endpoint) => {
    handled.add(resourceIdKey(endpoint.id));
    steps.add({
      id: stepId("privateEndpoint", endpoint.id, ":delete"),
      kind: "privateEndpoint",
      action: "delete",
      phase: "narrow",
      resourceId: endpoint.id,
      resourceName: endpoint.name,
      vaults: [vault.name],
      changes: [
        { property: "connection", op: "remove", before: `${endpoint.name} → ${vault.name}` }
      ],
      dependsOn: [],
      flags: { ...NO_FLAGS, destructive: true },
      notes: [note("endpoint/no-longer-declared")],
      payload: {
        kind: "privateEndpoint",
        subnetId: endpoint.subnetId,
        vaultId: vault.id,
        connectionName: endpoint.connections[0]?.name ?? "",
        manualApproval: endpoint.connections[0]?.manual ?? false
      }
    });
  };
  for (const connection of liveVault.connections) {
    const endpointKey = resourceIdKey(connection.privateEndpointId);
    if (declared.has(endpointKey)) continue;
    const endpoint = lookup.privateEndpoint(connection.privateEndpointId);
    if (endpoint && isManagedByKvnet(endpoint)) {
      deleteEndpoint(endpoint);
      continue;
    }
    handled.add(endpointKey);
    const settled = connection.status === "Rejected" || connection.status === "Disconnected";
    if (vault.unmanagedConnections === "reject" && !settled) {
      steps.add({
        id: stepId("connection", connection.id),
        kind: "connection",
        action: "update",
        phase: "narrow",
        resourceId: connection.id,
        resourceName: `${connection.name} from ${lastSegment3(connection.privateEndpointId)} to ${vault.name}`,
        vaults: [vault.name],
        changes: [{ property: "status", op: "set", before: connection.status, after: "Rejected" }],
        dependsOn: [],
        flags: { ...NO_FLAGS, destructive: true },
        notes: [note("connection/reject-undeclared", { endpoint: connection.privateEndpointId })],
        payload: {
          kind: "connection",
          vaultId: vault.id,
          connectionName: connection.name,
          privateEndpointId: connection.privateEndpointId,
          status: "Rejected"
        }
      });
    } else {
      steps.finding({
        level: settled ? "info" : "warning",
        rule: "connection/unmanaged",
        vault: vault.name,
        source: settingSource(vault, "unmanagedConnections"),
        params: {
          connection: connection.name,
          status: connection.status,
          endpoint: connection.privateEndpointId,
          suggestReject: vault.unmanagedConnections === "report" && !settled
        }
      });
    }
  }
  for (const endpoint of lookup.privateEndpointsTargeting(vault.id)) {
    const key2 = resourceIdKey(endpoint.id);
    if (declared.has(key2) || handled.has(key2) || !isManagedByKvnet(endpoint)) continue;
    deleteEndpoint(endpoint);
  }
}

// src/engine/plan/set-changes.ts
var PROPERTY_KIND = {
  "networkAcls.ipRules": "ipSet",
  "networkAcls.virtualNetworkRules": "subnetSet"
};
var valueKey = (kind, value) => kind === "ipSet" ? value : String(resourceIdKey(value));
function deriveSetChanges(vaults, steps) {
  const groups = /* @__PURE__ */ new Map();
  const untraced = [];
  const add = (kind, set, op, value, vault, evidence, reason) => {
    const id = JSON.stringify([kind, set, op, valueKey(kind, value)]);
    const group = groups.get(id) ?? {
      kind,
      set,
      op,
      value,
      vaults: /* @__PURE__ */ new Set(),
      evidence,
      ...reason ? { reason } : {}
    };
    group.vaults.add(vault);
    groups.set(id, group);
  };
  for (const step of steps) {
    if (step.kind !== "vault" || step.action !== "update") continue;
    const vault = step.vaults[0];
    if (vault === void 0) continue;
    for (const change of step.changes) {
      const kind = PROPERTY_KIND[change.property];
      if (kind === void 0 || change.op === "set") continue;
      const value = String(change.op === "add" ? change.after : change.before);
      if (change.sets && change.sets.length > 0) {
        for (const set of change.sets)
          add(kind, set, change.op, value, vault, "spec", change.reason);
      } else if (change.op === "remove") {
        untraced.push({ vault, kind, value, change });
      }
    }
  }
  traceRemovals(vaults, untraced, add);
  return [...groups.values()].map((group) => ({
    kind: group.kind,
    set: group.set,
    op: group.op,
    value: group.value,
    vaults: [...group.vaults].sort(),
    ...group.reason ? { reason: group.reason } : {},
    evidence: group.evidence
  })).sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.set.localeCompare(b.set) || (a.op === b.op ? 0 : a.op === "remove" ? -1 : 1) || a.value.localeCompare(b.value)
  );
}
function traceRemovals(vaults, untraced, add) {
  if (untraced.length === 0) return;
  const users = /* @__PURE__ */ new Map();
  for (const vault of vaults) {
    for (const kind of ["ipSet", "subnetSet"]) {
      for (const set of vault.sets?.[kind] ?? []) {
        const id = `${kind}:${set}`;
        users.set(id, [...users.get(id) ?? [], vault.name]);
      }
    }
  }
  const losers = /* @__PURE__ */ new Map();
  for (const entry of untraced) {
    const id = `${entry.kind}:${valueKey(entry.kind, entry.value)}`;
    const set = losers.get(id) ?? /* @__PURE__ */ new Set();
    set.add(entry.vault);
    losers.set(id, set);
  }
  const byName = new Map(vaults.map((vault) => [vault.name, vault]));
  for (const entry of untraced) {
    const lost = losers.get(`${entry.kind}:${valueKey(entry.kind, entry.value)}`);
    let best;
    for (const set of byName.get(entry.vault)?.sets?.[entry.kind] ?? []) {
      const using = users.get(`${entry.kind}:${set}`) ?? [];
      if (using.length < 2 || !using.every((name) => lost?.has(name))) continue;
      if (!best || using.length > best.users) best = { set, users: using.length };
    }
    if (best)
      add(
        entry.kind,
        best.set,
        "remove",
        entry.value,
        entry.vault,
        "every-user",
        entry.change.reason
      );
  }
}

// src/engine/plan/world-of.ts
function endpointFact(endpoint, lookup) {
  return {
    id: endpoint.id,
    name: endpoint.name,
    ready: isSucceeded(endpoint.provisioningState),
    provisioningState: endpoint.provisioningState,
    subnetId: endpoint.subnetId,
    virtualNetwork: key(virtualNetworkOf(endpoint.subnetId)),
    ips: endpoint.privateIps,
    zoneGroups: lookup.zoneGroupsOf(endpoint.id).map((group) => ({
      id: group.id,
      name: group.name,
      zones: group.zoneIds.map(key),
      ready: isSucceeded(group.provisioningState)
    }))
  };
}
function subnetFact(subnetId, lookup) {
  const state2 = lookup.subnetState(subnetId);
  if (state2.status === "missing") return state2;
  if (state2.status === "unknown") return { status: "unknown", reason: state2.reason.code };
  return {
    status: "ok",
    id: state2.subnet.id,
    keyVaultEndpoint: state2.subnet.serviceEndpoints.some(
      (service) => service.toLowerCase() === "microsoft.keyvault"
    ),
    ready: isSucceeded(state2.subnet.provisioningState)
  };
}
function liveWorld(desired, lookup, switchingSubnets) {
  const vaults = /* @__PURE__ */ new Map();
  const subnetIds = /* @__PURE__ */ new Map();
  const declaredZoneOf = /* @__PURE__ */ new Map();
  const zoneIds = /* @__PURE__ */ new Map();
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== "ok") continue;
    vaults.set(key(vault.id), {
      id: vault.id,
      name: vault.name,
      privateLinkZone: vault.kind.privateLinkZones[vault.cloud.name],
      network: live.value.network,
      connections: new Map(
        live.value.connections.map((connection) => [
          key(connection.privateEndpointId),
          {
            endpointId: connection.privateEndpointId,
            name: connection.name,
            status: connection.status
          }
        ])
      ),
      declaredEndpoints: new Map(
        vault.privateEndpoints.map((endpoint) => [key(endpoint.id), endpoint.id])
      )
    });
    for (const rule of [
      ...live.value.network.virtualNetworkRules,
      ...vault.network.virtualNetworkRules
    ])
      subnetIds.set(key(rule.subnetId), rule.subnetId);
    for (const endpoint of vault.privateEndpoints) {
      subnetIds.set(key(endpoint.subnetId), endpoint.subnetId);
      if (!endpoint.dns) continue;
      declaredZoneOf.set(key(endpoint.id), key(endpoint.dns.zoneId));
      zoneIds.set(key(endpoint.dns.zoneId), endpoint.dns.zoneId);
    }
  }
  const subnets = /* @__PURE__ */ new Map();
  for (const [subnetKey, id] of subnetIds) subnets.set(subnetKey, subnetFact(id, lookup));
  const endpoints = /* @__PURE__ */ new Map();
  const endpointByIp = /* @__PURE__ */ new Map();
  for (const endpoint of lookup.allPrivateEndpoints()) {
    endpoints.set(key(endpoint.id), endpointFact(endpoint, lookup));
    for (const ip of endpoint.privateIps) endpointByIp.set(ip, key(endpoint.id));
  }
  const zones = /* @__PURE__ */ new Map();
  const links = /* @__PURE__ */ new Map();
  const records = /* @__PURE__ */ new Map();
  for (const [zoneKey, zoneId] of zoneIds) {
    const zone = lookup.zone(zoneId);
    if (zone.status === "error") continue;
    if (zone.status === "not-found") {
      zones.set(zoneKey, "missing");
      continue;
    }
    zones.set(zoneKey, { name: zone.value.name, ready: isSucceeded(zone.value.provisioningState) });
    links.set(
      zoneKey,
      new Map(
        lookup.links(zoneId).map((link) => [
          key(link.virtualNetworkId),
          {
            ready: isSucceeded(link.provisioningState) && (link.state === void 0 || link.state.toLowerCase() === "completed")
          }
        ])
      )
    );
    for (const record of lookup.aRecords(zoneId)) {
      const endpoint = record.ipv4Addresses.map((ip) => endpointByIp.get(ip)).find(Boolean);
      records.set(
        recordKey(zoneKey, record.name),
        endpoint ? { kind: "endpoint", endpoint } : { kind: "other", ips: record.ipv4Addresses }
      );
    }
  }
  return { vaults, subnets, endpoints, zones, links, records, declaredZoneOf, switchingSubnets };
}
function networkOfPayload(payload) {
  return {
    publicNetworkAccess: payload.publicNetworkAccess,
    defaultAction: payload.networkAcls.defaultAction === "Allow" ? "Allow" : "Deny",
    bypass: payload.networkAcls.bypass === "AzureServices" ? "AzureServices" : "None",
    ipRules: normalizeIpRules(payload.networkAcls.ipRules),
    virtualNetworkRules: normalizeVirtualNetworkRules(
      payload.networkAcls.virtualNetworkRules.map((rule) => ({
        subnetId: rule.id,
        ignoreMissingServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint
      }))
    ),
    defaulted: []
  };
}
function removeEndpoint(world, endpointKey, vaultKey) {
  const undos = [setWithUndo(world.endpoints, endpointKey, void 0)];
  const vault = world.vaults.get(vaultKey);
  if (vault) undos.push(setWithUndo(vault.connections, endpointKey, void 0));
  for (const [recordId, target] of world.records)
    if (target.kind === "endpoint" && target.endpoint === endpointKey)
      undos.push(setWithUndo(world.records, recordId, void 0));
  return undoAll(undos);
}
function applyStep(world, step, half) {
  const payload = step.payload;
  switch (payload.kind) {
    case "vault": {
      const vault = world.vaults.get(key(step.resourceId));
      if (!vault) return () => void 0;
      const previous = vault.network;
      vault.network = networkOfPayload(payload.network);
      return () => {
        vault.network = previous;
      };
    }
    case "subnet": {
      const subnetKey = key(step.resourceId);
      const fact = world.subnets.get(subnetKey);
      const id = fact?.status === "ok" ? fact.id : step.resourceId;
      return setSubnetWithUndo(world, subnetKey, {
        status: "ok",
        id,
        keyVaultEndpoint: true,
        ready: true
      });
    }
    case "dnsZone":
      return setWithUndo(world.zones, key(step.resourceId), {
        name: step.resourceName,
        ready: true
      });
    case "virtualNetworkLink": {
      const zoneKey = key(step.resourceId.replace(/\/virtualNetworkLinks\/[^/]+$/i, ""));
      const undos = [];
      let links = world.links.get(zoneKey);
      if (!links) {
        links = /* @__PURE__ */ new Map();
        undos.push(setWithUndo(world.links, zoneKey, links));
      }
      undos.push(setWithUndo(links, key(payload.virtualNetworkId), { ready: true }));
      return undoAll(undos);
    }
    case "privateEndpoint": {
      const endpointKey = key(step.resourceId);
      const vaultKey = key(payload.vaultId);
      if (step.action === "delete" || half === "delete")
        return removeEndpoint(world, endpointKey, vaultKey);
      const undos = step.action === "replace" && half === void 0 ? [removeEndpoint(world, endpointKey, vaultKey)] : [];
      undos.push(
        setWithUndo(world.endpoints, endpointKey, {
          id: step.resourceId,
          name: step.resourceName,
          ready: true,
          subnetId: payload.subnetId,
          virtualNetwork: key(virtualNetworkOf(payload.subnetId)),
          ips: [],
          zoneGroups: []
        })
      );
      const vault = world.vaults.get(vaultKey);
      if (vault)
        undos.push(
          setWithUndo(vault.connections, endpointKey, {
            endpointId: step.resourceId,
            name: payload.connectionName,
            status: payload.manualApproval ? "Pending" : "Approved"
          })
        );
      return undoAll(undos);
    }
    case "zoneGroup": {
      const endpointKey = key(payload.privateEndpointId);
      const endpoint = world.endpoints.get(endpointKey);
      if (!endpoint) return () => void 0;
      const previous = endpoint.zoneGroups;
      endpoint.zoneGroups = [
        {
          id: step.resourceId,
          name: step.resourceName,
          zones: payload.zoneIds.map(key),
          ready: true
        }
      ];
      const undos = [
        () => {
          endpoint.zoneGroups = previous;
        }
      ];
      for (const zoneId of payload.zoneIds)
        for (const name of step.vaults)
          undos.push(
            setWithUndo(world.records, recordKey(key(zoneId), name), {
              kind: "endpoint",
              endpoint: endpointKey
            })
          );
      return undoAll(undos);
    }
    case "connection": {
      const vault = world.vaults.get(key(payload.vaultId));
      const endpointKey = key(payload.privateEndpointId);
      const current = vault?.connections.get(endpointKey);
      if (!vault || !current) return () => void 0;
      return setWithUndo(vault.connections, endpointKey, { ...current, status: payload.status });
    }
  }
}

// src/engine/plan/simulate.ts
function subnetIndex(world, desired) {
  const bySubnet = /* @__PURE__ */ new Map();
  const withIpRules = /* @__PURE__ */ new Set();
  const note2 = (vaultKey, network) => {
    if (network.ipRules.length > 0) withIpRules.add(vaultKey);
    for (const rule of network.virtualNetworkRules) {
      const subnetKey = key(rule.subnetId);
      const set = bySubnet.get(subnetKey) ?? /* @__PURE__ */ new Set();
      set.add(vaultKey);
      bySubnet.set(subnetKey, set);
    }
  };
  for (const vault of desired) {
    const vaultKey = key(vault.id);
    const live = world.vaults.get(vaultKey);
    if (!live) continue;
    note2(vaultKey, live.network);
    note2(vaultKey, vault.network);
  }
  return { bySubnet, withIpRules };
}
function fresh(step) {
  if (step.bystanders === void 0) return step;
  const { bystanders: _earlier, ...rest } = step;
  return rest;
}
function outside(vaults, reached) {
  let inside = 0;
  for (const vaultKey of reached) if (vaults.has(vaultKey)) inside += 1;
  return vaults.size - inside;
}
function isEgressOnly(change, egress) {
  const [path, ...rest] = change.possiblyLost;
  return change.gained.length + change.lost.length + rest.length === 0 && path?.kind === "switching-subnets-egress" && path.subnetIds.length === 1 && key(path.subnetIds[0] ?? "") === key(egress.subnetIds[0] ?? "");
}
var coded = (code, params = {}) => ({ code, params });
function privateGaps(access) {
  const gaps = [...access.inactive, ...access.unknown].filter((entry) => entry.path.kind === "private-endpoint").map(
    (entry) => entry.path.kind === "private-endpoint" ? `${entry.path.name}:${entry.reason.code}` : ""
  );
  return gaps.length > 0 ? gaps : ["no-endpoint-declared"];
}
function simulate(ordered, world, desired, options = {}) {
  const vaultKeyByName = new Map(desired.map((vault) => [vault.name, key(vault.id)]));
  const desiredByKey = new Map(desired.map((vault) => [key(vault.id), vault]));
  const { bySubnet, withIpRules } = subnetIndex(world, desired);
  const before = /* @__PURE__ */ new Map();
  for (const vaultKey of world.vaults.keys()) before.set(vaultKey, accessOf(world, vaultKey));
  const current = new Map(before);
  let egressEpoch = 0;
  const seenAt = /* @__PURE__ */ new Map();
  const refresh = (vaultKey) => {
    if ((seenAt.get(vaultKey) ?? 0) === egressEpoch) return;
    current.set(vaultKey, accessOf(world, vaultKey));
    seenAt.set(vaultKey, egressEpoch);
  };
  const admitting = /* @__PURE__ */ new Set();
  for (const [vaultKey, vault] of world.vaults)
    if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
  const findings = [];
  const blockedIds = /* @__PURE__ */ new Set();
  const result = [];
  for (const step of ordered) {
    const affected = new Set(
      step.vaults.flatMap((name) => {
        const found = vaultKeyByName.get(name);
        return found ? [found] : [];
      })
    );
    const subnetKey = step.kind === "subnet" ? key(step.resourceId) : void 0;
    let bystanderCount = 0;
    if (subnetKey !== void 0) {
      for (const vaultKey of bySubnet.get(subnetKey) ?? []) affected.add(vaultKey);
    }
    const direct = new Set(affected);
    if (subnetKey !== void 0) {
      const shortcut = !options.exhaustive && step.phase !== "narrow" && step.action !== "replace";
      if (!shortcut) for (const vaultKey of withIpRules) affected.add(vaultKey);
      else if (isPendingSwitch(world, subnetKey)) bystanderCount = outside(admitting, direct);
    }
    for (const vaultKey of affected) refresh(vaultKey);
    const blockingDependency = step.dependsOn.find((id) => blockedIds.has(id));
    if (blockingDependency) {
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true },
        notes: [...step.notes, coded("depends-on-blocked", { step: blockingDependency })]
      });
      continue;
    }
    const notes = [];
    let lockout = false;
    let blocked = false;
    const refuse = (vault, note2, finding) => {
      if (vault.acknowledgeLockout) {
        notes.push(coded(`${note2.code}-accepted`, note2.params));
        if (finding) findings.push({ ...finding, level: "warning" });
        return;
      }
      blocked = true;
      notes.push(note2);
      if (finding) findings.push(finding);
    };
    const networkBefore = new Map(
      [...affected].map((vaultKey) => [vaultKey, world.vaults.get(vaultKey)?.network])
    );
    if (step.action === "replace") {
      const undoDelete = applyStep(world, step, "delete");
      for (const vaultKey of affected) {
        const vault = desiredByKey.get(vaultKey);
        const interim = accessOf(world, vaultKey);
        if (vault && isLockedOut(interim) && !isLockedOut(before.get(vaultKey) ?? interim)) {
          lockout = true;
          refuse(vault, coded("replace-locks-out", { vault: vault.name }));
        }
      }
      undoDelete();
    }
    const egressPending = subnetKey !== void 0 && isPendingSwitch(world, subnetKey);
    const undo = applyStep(world, step);
    const egressGone = egressPending && subnetKey !== void 0 && !isPendingSwitch(world, subnetKey);
    if (!egressGone) bystanderCount = 0;
    const post = new Map([...affected].map((vaultKey) => [vaultKey, accessOf(world, vaultKey)]));
    for (const [vaultKey, access] of post) {
      const vault = desiredByKey.get(vaultKey);
      const start = before.get(vaultKey);
      if (!vault || !start) continue;
      if (isLockedOut(access) && !isLockedOut(start)) {
        lockout = true;
        refuse(vault, coded("would-lock-out", { vault: vault.name }), {
          level: "error",
          rule: "lockout",
          vault: vault.name,
          source: vault.source,
          params: { vault: vault.name, unverified: access.unknown.length }
        });
      }
      const was = networkBefore.get(vaultKey);
      const now = world.vaults.get(vaultKey)?.network;
      const disabling = step.kind === "vault" && was?.publicNetworkAccess !== "Disabled" && now?.publicNetworkAccess === "Disabled";
      if (disabling && !hasPrivatePath(access))
        refuse(
          vault,
          coded("private-path-missing", { vault: vault.name, gaps: privateGaps(access) })
        );
    }
    if (blocked) {
      undo();
      blockedIds.add(step.id);
      result.push({
        ...fresh(step),
        flags: { ...step.flags, blocked: true, lockout },
        notes: [...step.notes, ...notes]
      });
      continue;
    }
    if (egressGone) egressEpoch += 1;
    const subnet = subnetKey !== void 0 ? world.subnets.get(subnetKey) : void 0;
    const egress = egressGone && subnet?.status === "ok" ? egressPath([subnet.id]) : void 0;
    const effects = [];
    for (const [vaultKey, access] of post) {
      const previous = current.get(vaultKey);
      const vault = world.vaults.get(vaultKey);
      if (!previous || !vault) continue;
      const change = diffAccess(previous, access);
      current.set(vaultKey, access);
      seenAt.set(vaultKey, egressEpoch);
      if (admitsPublicEgress(vault.network)) admitting.add(vaultKey);
      else admitting.delete(vaultKey);
      if (isEmptyChange(change)) continue;
      if (egress && !direct.has(vaultKey) && isEgressOnly(change, egress)) bystanderCount += 1;
      else effects.push({ vault: vault.name, ...change });
    }
    const bystanders = egress && bystanderCount > 0 ? { count: bystanderCount, possiblyLost: egress } : void 0;
    const bystanderChange = egress ? [{ gained: [], lost: [], possiblyLost: bystanders ? [egress] : [] }] : [];
    const requires = step.phase === "narrow" ? [...post].flatMap(([vaultKey, access]) => {
      const vault = world.vaults.get(vaultKey);
      return vault && access.open.length > 0 ? [{ vault: vault.name, paths: access.open }] : [];
    }) : [];
    result.push({
      ...fresh(step),
      effects,
      ...bystanders ? { bystanders } : {},
      impact: impactOf([...effects, ...bystanderChange]),
      requires,
      flags: { ...step.flags, lockout },
      notes: [...step.notes, ...notes]
    });
  }
  for (const vaultKey of world.vaults.keys()) refresh(vaultKey);
  return { steps: result, before, after: current, findings };
}

// src/engine/plan/step-collector.ts
var StepCollector = class {
  steps = /* @__PURE__ */ new Map();
  idsByVault = /* @__PURE__ */ new Map();
  findings = [];
  add(draft) {
    const step = { ...draft, impact: "none", effects: [], requires: [] };
    const existing = this.steps.get(step.id);
    const stored = existing ? {
      ...existing,
      vaults: [.../* @__PURE__ */ new Set([...existing.vaults, ...step.vaults])],
      dependsOn: [.../* @__PURE__ */ new Set([...existing.dependsOn, ...step.dependsOn])],
      notes: uniqueNotes([...existing.notes, ...step.notes])
    } : step;
    this.steps.set(step.id, stored);
    for (const vault of stored.vaults) {
      let ids = this.idsByVault.get(vault);
      if (!ids) this.idsByVault.set(vault, ids = /* @__PURE__ */ new Set());
      ids.add(step.id);
    }
    return stored;
  }
  all() {
    return [...this.steps.values()];
  }
  /** The steps that serve a vault (by name), in the order they were first added. */
  forVault(vault) {
    return [...this.idsByVault.get(vault) ?? []].flatMap((id) => {
      const step = this.steps.get(id);
      return step ? [step] : [];
    });
  }
  finding(finding) {
    this.findings.push(finding);
  }
};
function uniqueNotes(notes) {
  const seen = new Map(notes.map((note2) => [JSON.stringify(note2), note2]));
  return [...seen.values()];
}

// src/engine/plan/types.ts
var PLAN_SCHEMA_VERSION = 3;

// src/engine/plan/vault-steps.ts
var ruleKey = (rule) => resourceIdKey(rule.subnetId);
function openingNetwork(before, after) {
  const afterRuleKeys = new Map(after.virtualNetworkRules.map((rule) => [ruleKey(rule), rule]));
  const scalars = {
    publicNetworkAccess: after.publicNetworkAccess === "Enabled" ? "Enabled" : before.publicNetworkAccess,
    defaultAction: after.defaultAction === "Allow" ? "Allow" : before.defaultAction,
    bypass: after.bypass === "AzureServices" ? "AzureServices" : before.bypass
  };
  return {
    ...scalars,
    ipRules: normalizeIpRules([...before.ipRules, ...after.ipRules]),
    // Rules kept from before take after's ignore flag when after also has them.
    virtualNetworkRules: normalizeVirtualNetworkRules([
      ...before.virtualNetworkRules.map((rule) => afterRuleKeys.get(ruleKey(rule)) ?? rule),
      ...after.virtualNetworkRules
    ]),
    // A value the opening step leaves alone is still Azure's default, and is shown as such.
    defaulted: before.defaulted.filter((property) => scalars[property] === before[property])
  };
}
function admissibleOpening(desired, opening) {
  if (!desired.kind.firewall.ipRulesNeedDeny || opening.defaultAction !== "Allow") return opening;
  return { ...opening, ipRules: [] };
}
function scalarChange(property, before, after, beforeIsDefault) {
  if (before === after) return [];
  return [{ property, op: "set", before, after, beforeIsDefault }];
}
function networkChanges(before, after, reasons = /* @__PURE__ */ new Map(), origins = NO_ORIGINS) {
  const ipSets = (cidr) => setsField(origins.ipRules.get(cidr));
  const subnetSets = (id) => setsField(origins.virtualNetworkRules.get(resourceIdKey(id)));
  const changes = [
    ...scalarChange(
      "publicNetworkAccess",
      before.publicNetworkAccess,
      after.publicNetworkAccess,
      before.defaulted.includes("publicNetworkAccess")
    ),
    ...scalarChange(
      "networkAcls.defaultAction",
      before.defaultAction,
      after.defaultAction,
      before.defaulted.includes("defaultAction")
    ),
    ...scalarChange(
      "networkAcls.bypass",
      before.bypass,
      after.bypass,
      before.defaulted.includes("bypass")
    )
  ];
  const beforeIps = new Set(before.ipRules);
  const afterIps = new Set(after.ipRules);
  for (const cidr of after.ipRules) {
    if (!beforeIps.has(cidr))
      changes.push({
        property: "networkAcls.ipRules",
        op: "add",
        after: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr)
      });
  }
  for (const cidr of before.ipRules) {
    if (!afterIps.has(cidr)) {
      changes.push({
        property: "networkAcls.ipRules",
        op: "remove",
        before: cidr,
        reason: reasons.get(cidr),
        ...ipSets(cidr)
      });
    }
  }
  const beforeRules = new Set(before.virtualNetworkRules.map(ruleKey));
  const afterRules = new Set(after.virtualNetworkRules.map(ruleKey));
  for (const rule of after.virtualNetworkRules) {
    if (!beforeRules.has(ruleKey(rule))) {
      changes.push({
        property: "networkAcls.virtualNetworkRules",
        op: "add",
        after: rule.subnetId,
        ...subnetSets(rule.subnetId)
      });
    }
  }
  for (const rule of before.virtualNetworkRules) {
    if (!afterRules.has(ruleKey(rule))) {
      changes.push({
        property: "networkAcls.virtualNetworkRules",
        op: "remove",
        before: rule.subnetId,
        ...subnetSets(rule.subnetId)
      });
    }
  }
  return changes;
}
var NO_ORIGINS = { ipRules: /* @__PURE__ */ new Map(), virtualNetworkRules: /* @__PURE__ */ new Map() };
function setsField(sets) {
  return sets && sets.length > 0 ? { sets } : {};
}
function ruleOrigins(desired) {
  const ipRules = /* @__PURE__ */ new Map();
  for (const rule of [...desired.ipRules]) {
    if (rule.set === void 0) continue;
    const list = ipRules.get(rule.cidr) ?? [];
    if (!list.includes(rule.set)) ipRules.set(rule.cidr, [...list, rule.set].sort());
  }
  return { ipRules, virtualNetworkRules: desired.virtualNetworkRuleSets ?? /* @__PURE__ */ new Map() };
}
function toPayload(network) {
  return {
    publicNetworkAccess: network.publicNetworkAccess,
    networkAcls: {
      defaultAction: network.defaultAction,
      bypass: network.bypass,
      ipRules: [...network.ipRules],
      virtualNetworkRules: network.virtualNetworkRules.map((rule) => ({
        id: rule.subnetId,
        ignoreMissingVnetServiceEndpoint: rule.ignoreMissingServiceEndpoint
      }))
    }
  };
}
function vaultNetworkSteps(desired, liveNetwork) {
  const after = desired.network;
  if (sameNetwork(liveNetwork, after)) return {};
  const live = visibleBasis(liveNetwork, after);
  const reasons = /* @__PURE__ */ new Map();
  for (const rule of desired.ipRules) {
    if (rule.note === void 0 && rule.expires === void 0) continue;
    reasons.set(rule.cidr, {
      code: "ip-rule/annotated",
      params: {
        ...rule.note === void 0 ? {} : { note: rule.note },
        ...rule.expires === void 0 ? {} : { expires: rule.expires }
      }
    });
  }
  for (const rule of desired.expiredRules)
    reasons.set(rule.cidr, { code: "ip-rule/expired", params: { expires: rule.expires ?? "" } });
  const opening = admissibleOpening(desired, openingNetwork(live, after));
  const base = {
    kind: "vault",
    action: "update",
    resourceId: desired.id,
    resourceName: desired.name,
    vaults: [desired.name],
    dependsOn: [],
    flags: { destructive: false, lockout: false, blocked: false },
    notes: live.firewallHidden ? [{ code: "vault/firewall-sent-whole", params: {} }] : []
  };
  const origins = ruleOrigins(desired);
  const openChanges = networkChanges(live, opening, reasons, origins);
  const narrowChanges = networkChanges(opening, after, reasons, origins);
  const open = openChanges.length > 0 ? {
    ...base,
    id: `vault:${resourceIdKey(desired.id)}:open`,
    phase: "open",
    changes: openChanges,
    payload: { kind: "vault", network: toPayload(opening) }
  } : void 0;
  const narrow = narrowChanges.length > 0 ? {
    ...base,
    id: `vault:${resourceIdKey(desired.id)}:narrow`,
    phase: "narrow",
    changes: narrowChanges,
    dependsOn: open ? [open.id] : [],
    payload: { kind: "vault", network: toPayload(after) }
  } : void 0;
  return { open, narrow };
}

// src/engine/plan/build-plan.ts
var KEY_VAULT_SERVICE = "Microsoft.KeyVault";
function buildPlan(desired, snapshot, options = {}) {
  const lookup = new LiveLookup(snapshot);
  const readErrors = lookup.failures();
  if (readErrors.length > 0) {
    return {
      schemaVersion: PLAN_SCHEMA_VERSION,
      outcome: "error",
      fingerprint: fingerprint([], { readErrors }),
      vaults: [],
      steps: [],
      findings: [],
      readErrors
    };
  }
  const steps = new StepCollector();
  const present = [];
  const liveBasis = {};
  for (const vault of desired.vaults) {
    const live = lookup.vault(vault.id);
    if (live.status !== "ok") {
      steps.finding({
        level: "error",
        rule: "vault/missing",
        vault: vault.name,
        source: vault.source,
        params: {
          vault: vault.name,
          resourceGroup: vault.resourceGroup,
          subscription: vault.subscription,
          ...vault.kind.id === "vault" ? {} : { kind: vault.kind.label }
        }
      });
      continue;
    }
    present.push(vault);
    planVaultSteps(vault, live.value, lookup, steps);
    liveBasis[resourceIdKey(vault.id)] = {
      network: comparableNetwork(live.value.network),
      connections: live.value.connections.map((connection) => [
        resourceIdKey(connection.privateEndpointId),
        connection.status
      ])
    };
  }
  const ordered = orderSteps(narrowAfterOpening(steps.all()));
  const switching = new Set(
    ordered.filter((step) => step.kind === "subnet").map((step) => key(step.resourceId))
  );
  const simulation = simulate(ordered, liveWorld(desired, lookup, switching), present, options);
  for (const step of simulation.steps) liveBasis[step.id] ??= basisOf(step, lookup);
  const findings = [...steps.findings, ...simulation.findings];
  const vaultPlans = present.map((vault) => {
    const vaultKey = key(vault.id);
    const before = simulation.before.get(vaultKey) ?? EMPTY_ACCESS;
    const after = simulation.after.get(vaultKey) ?? before;
    findings.push(...deadConfigFindings(vault, after), ...bestPracticeFindings(vault, after));
    return vaultSummary(vault, before, after, stepsServing(simulation.steps, vault.name));
  });
  const hasError = findings.some((finding) => finding.level === "error");
  const setChanges = deriveSetChanges(present, simulation.steps);
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    outcome: hasError ? "error" : simulation.steps.length > 0 ? "changes" : "no-changes",
    fingerprint: fingerprint(simulation.steps, liveBasis),
    vaults: vaultPlans,
    steps: simulation.steps,
    findings,
    readErrors: [],
    ...setChanges.length > 0 ? { setChanges } : {},
    basis: planBasis(present, simulation.steps, liveBasis)
  };
}
var EMPTY_ACCESS = { open: [], unknown: [], inactive: [] };
function planVaultSteps(vault, live, lookup, steps) {
  const subnetStepIds = subnetSteps(vault, lookup, steps);
  privateLinkSteps(vault, live, lookup, steps);
  const { open, narrow } = vaultNetworkSteps(vault, live.network);
  if (open) steps.add({ ...open, dependsOn: [...open.dependsOn, ...subnetStepIds] });
  if (narrow) steps.add(narrow);
  vaultFindings(vault, live, steps);
}
function narrowAfterOpening(steps) {
  const openingByVault = /* @__PURE__ */ new Map();
  for (const step of steps) {
    if (step.phase !== "open") continue;
    for (const vault of step.vaults) {
      const list = openingByVault.get(vault);
      if (list) list.push(step.id);
      else openingByVault.set(vault, [step.id]);
    }
  }
  return steps.map((step) => {
    if (step.phase !== "narrow") return step;
    const opening = step.vaults.flatMap((vault) => openingByVault.get(vault) ?? []);
    return { ...step, dependsOn: [.../* @__PURE__ */ new Set([...step.dependsOn, ...opening])] };
  });
}
function basisOf(step, lookup) {
  switch (step.kind) {
    case "subnet":
      return lookup.subnet(step.resourceId)?.serviceEndpoints.map((service) => service.toLowerCase()).sort() ?? null;
    case "privateEndpoint": {
      const endpoint = lookup.privateEndpoint(step.resourceId);
      return endpoint ? {
        subnet: resourceIdKey(endpoint.subnetId),
        connections: endpoint.connections,
        provisioningState: endpoint.provisioningState ?? null
      } : null;
    }
    case "zoneGroup": {
      const group = lookup.zoneGroup(step.resourceId);
      return group ? { zones: group.zoneIds.map(resourceIdKey), state: group.provisioningState ?? null } : null;
    }
    case "dnsZone": {
      const zone = lookup.zone(step.resourceId);
      return zone.status === "ok" ? zone.value.provisioningState ?? "present" : null;
    }
    default:
      return null;
  }
}
function subnetSteps(vault, lookup, steps) {
  const planned = [];
  for (const subnetId of vault.ensureServiceEndpointOn) {
    const subnet = lookup.subnet(subnetId);
    if (!subnet) {
      steps.finding({
        level: "error",
        rule: "subnet/missing",
        vault: vault.name,
        source: vnetRuleSource(vault, subnetId),
        params: { subnetId }
      });
      continue;
    }
    if (subnet.serviceEndpoints.some((s) => s.toLowerCase() === KEY_VAULT_SERVICE.toLowerCase()))
      continue;
    const vnetName = subnetId.split("/").at(-3) ?? "";
    const step = steps.add({
      id: stepId("subnet", subnetId),
      kind: "subnet",
      action: "update",
      phase: "open",
      resourceId: subnet.id,
      resourceName: `${vnetName}/${subnet.name}`,
      vaults: [vault.name],
      changes: [{ property: "serviceEndpoints", op: "add", after: KEY_VAULT_SERVICE }],
      dependsOn: [],
      flags: { destructive: false, lockout: false, blocked: false },
      notes: [
        { code: "subnet/others-kept", params: {} },
        { code: "subnet/source-switch", params: {} }
      ],
      payload: { kind: "subnet", addServiceEndpoint: "Microsoft.KeyVault" }
    });
    planned.push(step.id);
  }
  return planned;
}
function vaultFindings(vault, live, steps) {
  for (const rule of vault.expiringRules) {
    steps.finding({
      level: "warning",
      rule: "ip/expires-soon",
      vault: vault.name,
      source: rule.source,
      params: { cidr: rule.cidr, expires: rule.expires ?? "" }
    });
  }
  if (live.network.firewallHidden) {
    steps.finding({
      level: "info",
      rule: "vault/firewall-not-visible",
      vault: vault.name,
      source: settingSource(vault, "publicNetworkAccess"),
      params: { vault: vault.name }
    });
  }
  if (live.usesAccessPolicies) {
    steps.finding({
      level: "info",
      rule: "vault/access-policies",
      vault: vault.name,
      source: vault.source,
      params: { vault: vault.name }
    });
  }
}
function deadConfigFindings(vault, after) {
  const declared = new Set(
    vault.network.virtualNetworkRules.map((rule) => key(rule.subnetId))
  );
  return [...after.inactive, ...after.unknown].flatMap((entry) => {
    if (entry.path.kind !== "subnet" || !declared.has(key(entry.path.subnetId))) return [];
    if (!entry.reason.code.startsWith("subnet-")) return [];
    return [
      {
        level: "warning",
        rule: "vnet-rule/no-effect",
        vault: vault.name,
        source: vnetRuleSource(vault, entry.path.subnetId),
        params: { subnetId: entry.path.subnetId, reason: entry.reason.code }
      }
    ];
  });
}
function vaultSummary(vault, before, after, vaultSteps) {
  const inPlace = vaultSteps.filter((step) => step.action === "update" || step.action === "replace").flatMap((step) => step.changes);
  const net = diffAccess(before, after);
  return {
    id: vault.id,
    name: vault.name,
    source: vault.source,
    before,
    after,
    net,
    impact: impactOf([net]),
    adds: vaultSteps.filter((step) => step.action === "create").length + inPlace.filter((change) => change.op === "add").length,
    changes: inPlace.filter((change) => change.op === "set").length,
    removals: vaultSteps.filter((step) => step.action === "delete").length + inPlace.filter((change) => change.op === "remove").length
  };
}

// src/engine/plan/make-plan.ts
async function makePlan(desired, reader, options = {}) {
  const snapshot = await readLiveState(
    desired,
    reader,
    options.concurrency ?? DEFAULT_READ_CONCURRENCY,
    options.reads
  );
  return buildPlan(desired, snapshot);
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

// src/engine/render/access-lines.ts
var PUBLIC_KINDS = /* @__PURE__ */ new Set(["public-all", "ip-range", "subnet"]);
var plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;
function publicSummary(access) {
  const open = access.open.filter((path) => PUBLIC_KINDS.has(path.kind));
  if (open.some((path) => path.kind === "public-all")) return "all";
  const ranges = open.filter((path) => path.kind === "ip-range").length;
  const subnets = open.filter((path) => path.kind === "subnet").length;
  const parts = [
    ranges > 0 ? plural(ranges, "range") : "",
    subnets > 0 ? plural(subnets, "subnet") : ""
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "none";
}
function rangeNotes(steps) {
  const notes = /* @__PURE__ */ new Map();
  for (const step of steps) {
    for (const change of step.changes) {
      if (change.property !== "networkAcls.ipRules" || change.reason === void 0) continue;
      if (change.reason.code !== "ip-rule/annotated") continue;
      const cidr = String(change.after ?? change.before ?? "");
      const note2 = noteText(change.reason);
      if (cidr && note2) notes.set(cidr, note2);
    }
  }
  return notes;
}
function withNote(path, notes) {
  const note2 = path.kind === "ip-range" ? notes.get(path.cidr) : void 0;
  return note2 ? `${pathText(path)} — ${note2}` : pathText(path);
}
var weight = (path) => path.kind === "switching-subnets-egress" ? path.subnetIds.length : 1;
function vaultChange(plan, vault) {
  const steps = stepsServing(plan.steps, vault.name);
  const notes = rangeNotes(steps);
  const before = publicSummary(vault.before);
  const after = publicSummary(vault.after);
  const lines = [
    ...before !== after ? [{ sign: "#", text: `public network: ${before} → ${after}` }] : [],
    ...vault.net.lost.map((path) => ({ sign: "-", text: withNote(path, notes) })),
    ...vault.net.possiblyLost.map((path) => ({
      sign: "!",
      text: `may lose ${withNote(path, notes)}`
    })),
    ...vault.net.gained.map((path) => ({ sign: "+", text: withNote(path, notes) })),
    ...vault.net.lost.some((path) => path.kind === "public-all") ? vault.after.open.filter((path) => path.kind === "ip-range" || path.kind === "subnet").map((path) => ({ sign: "=", text: `still admits ${withNote(path, notes)}` })) : []
  ];
  return {
    vault,
    steps,
    lines,
    loses: vault.net.lost.length + vault.net.possiblyLost.reduce((sum, path) => sum + weight(path), 0),
    gains: vault.net.gained.length
  };
}
function isChanged(change) {
  return change.steps.length > 0 || change.loses + change.gains > 0;
}
function changedVaults(plan) {
  const rank = (change) => change.loses > 0 ? 0 : change.gains > 0 ? 1 : 2;
  return plan.vaults.map((vault) => vaultChange(plan, vault)).filter(isChanged).sort(
    (a, b) => rank(a) - rank(b) || b.loses - a.loses || b.gains - a.gains || (a.vault.name < b.vault.name ? -1 : a.vault.name > b.vault.name ? 1 : 0)
  );
}
function changeCounts(change) {
  const parts = [
    change.loses > 0 ? `loses ${change.loses}` : "",
    change.gains > 0 ? `gains ${change.gains}` : ""
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "no change in who can reach it";
}

// src/engine/render/finding-groups.ts
var HOLE = "\0";
var LEVEL_RANK = { error: 0, warning: 1, info: 2 };
var NAMED_VAULTS = 5;
function sharedMessage(finding) {
  if (finding.params.vault === void 0) return findingMessage(finding);
  return findingMessage({ ...finding, params: { ...finding.params, vault: HOLE } }).replaceAll(`vault "${HOLE}": `, "").replaceAll(`vault "${HOLE}"`, "the vault").replaceAll(HOLE, "the vault");
}
function groupFindings(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const key2 = `${finding.level}${finding.rule}${sharedMessage(finding)}`;
    const list = groups.get(key2) ?? [];
    list.push(finding);
    groups.set(key2, list);
  }
  return [...groups.values()].map((list) => {
    const first = list[0];
    const vaults = [
      ...new Set(list.flatMap((finding) => finding.vault ? [finding.vault] : []))
    ];
    return {
      level: first.level,
      rule: first.rule,
      message: list.length > 1 ? sharedMessage(first) : findingMessage(first),
      where: findingWhere(first),
      vaults,
      findings: list
    };
  }).sort(
    (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.findings.length - a.findings.length
  );
}
function groupVaults(group) {
  if (group.findings.length < 2) return "";
  const named = group.vaults.slice(0, NAMED_VAULTS).join(", ");
  const more = group.vaults.length - NAMED_VAULTS;
  const also = group.findings.length > 1 && group.vaults.length < 2 ? ` (${group.findings.length} times)` : ` (${group.vaults.length} vaults: ${named}${more > 0 ? `, and ${more} more` : ""})`;
  return also;
}
function groupLine(group) {
  return `${group.where}  ${group.level}  ${group.message}${groupVaults(group)}  [${group.rule}]`;
}
function splitByChange(findings, changedVaults2) {
  const changed = [];
  const unchanged = [];
  for (const finding of findings) {
    if (finding.level === "error" || !finding.vault || changedVaults2.has(finding.vault))
      changed.push(finding);
    else unchanged.push(finding);
  }
  return { changed, unchanged };
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
  const state2 = readiness(plan);
  const icon = state2 === "error" ? "❌" : state2 === "no-changes" ? "✅" : state2 === "blocked" ? "⛔" : counts.narrowing > 0 || counts.destructive > 0 ? "⚠️" : "📝";
  return `## ${icon} kvnet plan: ${verdict(plan)}`;
}
var plural2 = (count, word) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
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
  const steps = plural2(change.steps.length, "step");
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
function details(summary2, body) {
  return [`<details><summary>${summary2}</summary>`, "", body, "", "</details>", ""].join("\n");
}
function orderBlock(plan) {
  const lines = plan.steps.flatMap((step, index) => {
    const [title = "", ...rest] = stepLines(step);
    return [`${String(index + 1).padStart(3)}. ${title}`, ...rest.map((line) => `     ${line}`)];
  });
  return details(
    `Execution order: ${htmlText(plural2(plan.steps.length, "step"))}, opening first, narrowing last, with their changes and notes`,
    fence(lines, "diff")
  );
}
function renderMarkdownReport(plan, options = {}) {
  const limit = options.limit ?? COMMENT_LIMIT;
  const encoder = new TextEncoder();
  const size = (text2) => options.unit === "bytes" ? encoder.encode(text2).length : text2.length;
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
      plural2(
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
    if (errorsLeft > 0) out.push(`- … and ${plural2(errorsLeft, "more error")}`);
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
        `… and ${plural2(hidden.length, "more vault")} (${lose.toLocaleString("en-US")} ${lose === 1 ? "loses" : "lose"} access, ${gain.toLocaleString("en-US")} only ${gain === 1 ? "gains" : "gain"}, ${(hidden.length - lose - gain).toLocaleString("en-US")} with no change in who can reach ${hidden.length - lose - gain === 1 ? "it" : "them"}).`,
        ""
      );
    }
    if (compacted.length > 0)
      out.push(
        `${plural2(compacted.length, "vault")} in short form (at most two of their changes): the size limit leaves no room for more.`,
        ""
      );
  }
  const untouched = plan.vaults.length - changes.length;
  if (plan.outcome === "changes" && untouched > 0)
    out.push(
      `${plural2(untouched, "other vault")} of the spec set ${untouched === 1 ? "is" : "are"} unchanged.`,
      ""
    );
  if (showSets) out.push(setsBlock);
  if (noticePieces.length > 0 || noticesLeft > 0) {
    out.push(noticeHeading, ...noticePieces.map((piece) => piece.text));
    if (noticesLeft > 0) out.push(`- … and ${plural2(noticesLeft, "more finding")}`);
    out.push("");
  }
  if (showUnchanged) out.push(unchangedDetails);
  if (showOrder) out.push(order);
  const left = [];
  const hiddenVaults = changes.filter((change) => form.get(change) !== "full").length;
  if (hiddenVaults > 0) left.push(`the changes of ${plural2(hiddenVaults, "vault")}`);
  if (errorsLeft > 0) left.push(plural2(errorsLeft, "error"));
  if (setsBlock !== "" && !showSets) left.push("the changes to named sets");
  if (noticesLeft > 0) left.push(plural2(noticesLeft, "finding"));
  if (!showUnchanged && unchangedItems.length > 0) left.push("the findings about unchanged vaults");
  if (!showOrder && order !== "")
    left.push(`the execution order (${plural2(counts.steps, "step")})`);
  const complete = left.length === 0;
  if (!complete) out.push(`> **Not shown here** (size limit): ${left.join(", ")}. ${fullPlanAt}`);
  const text = `${out.join("\n").replace(/\n+$/, "")}
${tail}`;
  return { text: size(text) <= limit ? text : text.slice(0, limit), complete };
}
function renderMarkdown(plan, options = {}) {
  return renderMarkdownReport(plan, options).text;
}

// src/action/bodies.ts
import { gunzipSync, gzipSync } from "node:zlib";

// src/version.ts
var KVNET_VERSION = "0.1.0";

// src/engine/render/json.ts
var isEgress = (value) => typeof value === "object" && value !== null && value.kind === "switching-subnets-egress";
function planJson(plan, options = {}) {
  const sets = [];
  const indexOf = /* @__PURE__ */ new Map();
  const replacer = (_key, value) => {
    if (!isEgress(value)) return value;
    let index = indexOf.get(value.subnetIds);
    if (index === void 0) {
      index = sets.push(value.subnetIds) - 1;
      indexOf.set(value.subnetIds, index);
    }
    return { kind: value.kind, subnetSet: index };
  };
  const table = { toJSON: () => sets };
  const body = {
    ...plan,
    ...options.generator ? { generator: options.generator } : {},
    egressSubnetSets: table
  };
  return JSON.stringify(body, replacer, options.indent);
}
function renderJson(plan) {
  return `${planJson(plan, { generator: `kvnet/${KVNET_VERSION}`, indent: 2 })}
`;
}
function parsePlanJson(text) {
  const raw = JSON.parse(text);
  const sets = Array.isArray(raw.egressSubnetSets) ? raw.egressSubnetSets : [];
  delete raw.egressSubnetSets;
  const revive = (value) => {
    if (Array.isArray(value)) {
      for (const [index, entry] of value.entries()) value[index] = revive(entry);
      return value;
    }
    if (typeof value !== "object" || value === null) return value;
    const record = value;
    if (record.kind === "switching-subnets-egress" && typeof record.subnetSet === "number") {
      const ids = sets[record.subnetSet];
      return { kind: record.kind, subnetIds: Array.isArray(ids) ? ids : [] };
    }
    for (const key2 of Object.keys(record)) record[key2] = revive(record[key2]);
    return record;
  };
  return revive(raw);
}

// src/action/bodies.ts
function safeSetId(specSetId) {
  return specSetId.replace(/[^A-Za-z0-9._/-]/g, "_");
}
function planMarkerPrefix(specSetId) {
  return `<!-- kvnet:plan spec-set=${safeSetId(specSetId)} `;
}
function driftMarker(specSetId) {
  return `<!-- kvnet:drift spec-set=${safeSetId(specSetId)} -->`;
}
function statusMarker(specSetId, status) {
  return `${planMarkerPrefix(specSetId)}fingerprint=none status=${status} -->`;
}
function readMarker(body, specSetId) {
  const prefix = planMarkerPrefix(specSetId);
  const start = body.indexOf(prefix);
  if (start < 0) return void 0;
  const end = body.indexOf("-->", start);
  if (end < 0) return void 0;
  const fields = new Map(
    body.slice(start + prefix.length, end).trim().split(/\s+/).map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), pair.slice(at + 1)];
    })
  );
  const fingerprint2 = fields.get("fingerprint");
  return {
    fingerprint: fingerprint2 && fingerprint2 !== "none" ? fingerprint2 : void 0,
    status: fields.get("status")
  };
}
var EMBED_OPEN = "<!-- kvnet:reviewed-plan ";
var EMBED_LIMIT = 2e4;
function embedPlan(plan) {
  const encoded = gzipSync(Buffer.from(planJson(plan), "utf8")).toString("base64");
  return encoded.length <= EMBED_LIMIT ? `${EMBED_OPEN}${encoded} -->` : "";
}
function readEmbeddedPlan(body, fingerprint2) {
  const start = body.indexOf(EMBED_OPEN);
  if (start < 0) return void 0;
  const end = body.indexOf(" -->", start);
  try {
    const json = gunzipSync(
      Buffer.from(body.slice(start + EMBED_OPEN.length, end), "base64")
    ).toString("utf8");
    const plan = parsePlanJson(json);
    return plan.schemaVersion === PLAN_SCHEMA_VERSION && plan.fingerprint === fingerprint2 ? plan : void 0;
  } catch {
    return void 0;
  }
}
function withoutMarkerLine(markdown) {
  return markdown.replace(/^<!-- kvnet:plan [^\n]*-->\n/, "");
}
function planCommentBody(plan, specSetId, headSha, where = {}) {
  const embedded = embedPlan(plan);
  const footer = headSha ? `
<sub>planned at ${inlineCode(headSha.slice(0, 12))}</sub>` : "";
  const limit = COMMENT_LIMIT - embedded.length - footer.length - 2;
  return [renderMarkdown(plan, { specSetId, limit, ...where }) + footer, embedded].filter(Boolean).join("\n");
}
var SUMMARY_FULL_PLAN_AT = "The whole plan is in the JSON file named by this step's `plan-json` output, written on the runner; kvnet does not upload it: keep it with `actions/upload-artifact` (examples/workflows/kvnet-plan.yml does).";
function commentFullPlanAt(runUrl) {
  return runUrl ? `The whole plan is in the [job summary of this run](${runUrl}).` : "The whole plan is in the job summary of the run that made this comment.";
}
function rulesUrlOf(env) {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  const ref = env.GITHUB_ACTION_REF;
  if (!repository || !ref || !/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[\w./-]+$/.test(ref))
    return void 0;
  const server = /^https:\/\/[\w.-]+$/.test(env.GITHUB_SERVER_URL ?? "") ? env.GITHUB_SERVER_URL : "https://github.com";
  return `${server}/${repository}/blob/${ref}/docs/rules.md`;
}
function validateOnlyBody(specSetId, reason, summary2) {
  return [
    statusMarker(specSetId, "validate-only"),
    "## ⏸️ kvnet: validated only, no plan was made",
    "",
    'The spec set is valid, but kvnet did not read Azure in this run, so it **cannot say whether anything would change**. This is not "no changes".',
    "",
    fence([reason, summary2], "text"),
    "",
    'A maintainer can re-run the plan from a branch of this repository; see docs/troubleshooting.md ("fork pull requests").'
  ].join("\n");
}
function invalidBody(specSetId, findings, summary2) {
  const text = renderFindingsText(findings).split("\n");
  const shown = text.length > 200 ? [...text.slice(0, 200), `… ${text.length - 200} more`] : text;
  return [
    statusMarker(specSetId, "invalid"),
    `## ❌ kvnet: the spec set is invalid, no plan was made`,
    "",
    fence([...shown, "", summary2], "text"),
    "",
    'Each finding is also annotated on its line in the "Files changed" tab.'
  ].join("\n").slice(0, COMMENT_LIMIT);
}
function failureBody(specSetId, title, detail) {
  return [
    statusMarker(specSetId, "error"),
    `## ❌ kvnet: ${title}`,
    "",
    fence(detail.split("\n"), "text")
  ].join("\n").slice(0, COMMENT_LIMIT);
}
var APPLY_ICON = {
  applied: "✅",
  "no-changes": "✅",
  refused: "⛔",
  partial: "⚠️",
  failed: "❌",
  "not-converged": "⚠️",
  interrupted: "⏹️"
};
var APPLY_VERDICT = {
  applied: "applied; live state now matches the spec",
  "no-changes": "nothing to apply; live state already matches the spec",
  refused: "refused, nothing was written",
  partial: "applied the vaults whose reviewed basis held; refused the others",
  failed: "failed part-way; re-running converges",
  "not-converged": "all steps ran, but live state still differs from the spec",
  interrupted: "interrupted part-way; re-running converges"
};
function resultLine(result) {
  const detail = result.status === "failed" ? `  (${[result.code, result.message].filter(Boolean).join(": ")})` : result.status === "not-started" && result.reason ? `  (${result.reason})` : "";
  return `${result.status.padEnd(11)} ${stepTitle(result.step)}${detail}`;
}
function applyResultLines(report) {
  return [
    ...report.messages,
    ...report.results.length > 0 ? ["", ...report.results.map(resultLine)] : []
  ];
}
function applyCommentBody(report, specSetId, reviewed, commitSha, runUrl) {
  const done = report.results.filter((result2) => result2.status === "done").length;
  const head = [
    `${planMarkerPrefix(specSetId)}fingerprint=${reviewed.fingerprint} schema=1 status=apply-${report.outcome} -->`,
    `## ${APPLY_ICON[report.outcome]} kvnet apply: ${APPLY_VERDICT[report.outcome]}`,
    "",
    `Merge commit ${inlineCode(commitSha.slice(0, 12))}: ${done} of ${report.results.length} step${report.results.length === 1 ? "" : "s"} done.${runUrl ? ` [Run log](${runUrl}).` : ""}`,
    ""
  ];
  const lines = applyResultLines(report);
  const result = lines.length > 0 ? [fence(lines, "text"), ""] : [];
  const embedded = reviewed.embedded ? embedPlan(reviewed.embedded) : "";
  const budget = COMMENT_LIMIT - head.join("\n").length - result.join("\n").length - embedded.length - 200;
  const plan = budget > 2e3 ? [
    "### The plan that was executed",
    "",
    withoutMarkerLine(renderMarkdown(report.plan, { specSetId, limit: budget }))
  ] : [];
  return [...head, ...result, ...plan, embedded].filter((part) => part !== "").join("\n").slice(0, COMMENT_LIMIT);
}
function applyRefusedBody(specSetId, fingerprint2, reason) {
  return [
    `${planMarkerPrefix(specSetId)}fingerprint=${fingerprint2 ?? "none"} schema=1 status=apply-refused -->`,
    "## ⛔ kvnet apply: refused, nothing was written",
    "",
    fence(reason.split("\n"), "text")
  ].join("\n");
}
function driftIssueBody(plan, specSetId, runUrl, extra = "") {
  const marker = driftMarker(specSetId);
  const intro = [
    marker,
    "## Live network state departs from the spec",
    "",
    `The scheduled drift check found changes that kvnet would make to bring Azure back to the spec${runUrl ? ` ([run](${runUrl}))` : ""}. Either someone changed Azure outside the spec (revert it by re-applying, or adopt the change in the spec through a pull request), or the spec changed without an apply. This issue is updated on every check and closed once live state matches again.`,
    ""
  ].join("\n");
  const sections = extra.length > COMMENT_LIMIT / 4 ? `${extra.slice(0, COMMENT_LIMIT / 4)}

(cut: see the job summary)
` : extra;
  const limit = COMMENT_LIMIT - intro.length - sections.length;
  return intro + sections + withoutMarkerLine(renderMarkdown(plan, { specSetId, limit }));
}
function driftClosedComment(runUrl) {
  return `✅ kvnet: live state matches the spec again${runUrl ? ` ([run](${runUrl}))` : ""}. Closing.`;
}

// src/action/widening-approval.ts
var STATUS_CONTEXT = "kvnet/widening-approval";
var SHOWN_VAULTS = 10;
var USER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
var TEAM = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9](?:[A-Za-z0-9._-]{0,99}))$/;
var reviewersInput = external_exports.string().transform((value, context3) => {
  const reviewers = [];
  for (const raw of value.split(/[\s,]+/)) {
    const entry = raw.trim().replace(/^@/, "");
    if (entry === "") continue;
    const team = TEAM.exec(entry);
    if (team) reviewers.push({ kind: "team", org: team[1], slug: team[2] });
    else if (USER.test(entry)) reviewers.push({ kind: "user", login: entry });
    else
      context3.addIssue({
        code: "custom",
        message: `names "${entry.slice(0, 60)}", which is neither a GitHub user nor an org/team slug: write users as octocat and teams as my-org/network-admins`
      });
  }
  return reviewers;
});
function reviewerText(reviewer) {
  return reviewer.kind === "user" ? `@${reviewer.login}` : `@${reviewer.org}/${reviewer.slug}`;
}
function wideningOf(plan) {
  return plan.vaults.filter((vault) => vault.net.gained.length > 0).map((vault) => ({ vault: vault.name, gained: vault.net.gained.map(pathText) }));
}
function standingReviews(reviews) {
  const standing = /* @__PURE__ */ new Map();
  for (const review of reviews) {
    if (!["APPROVED", "CHANGES_REQUESTED", "DISMISSED"].includes(review.state)) continue;
    standing.set(review.login.toLowerCase(), review);
  }
  return [...standing.values()];
}
async function listedAs(ctx, login, reviewers) {
  const user = reviewers.find(
    (reviewer) => reviewer.kind === "user" && reviewer.login.toLowerCase() === login.toLowerCase()
  );
  if (user) return reviewerText(user);
  for (const reviewer of reviewers) {
    if (reviewer.kind !== "team") continue;
    const state2 = await teamMembership(ctx.github(), reviewer.org, reviewer.slug, login);
    if (state2 === "active") return reviewerText(reviewer);
  }
  return void 0;
}
async function evaluateWidening(ctx, plan, pullNumber) {
  const reviewers = ctx.inputs.wideningReviewers;
  const widening = wideningOf(plan);
  const headSha = await pullHeadSha(ctx.github(), ctx.repo, pullNumber);
  if (widening.length === 0)
    return { widening, reviewers, headSha, notCounted: [], satisfied: true };
  const notCounted = [];
  let approvedBy;
  for (const review of standingReviews(await listPullReviews(ctx.github(), ctx.repo, pullNumber))) {
    if (review.state === "DISMISSED") {
      notCounted.push({ login: review.login, why: "the approval was dismissed" });
      continue;
    }
    if (review.state !== "APPROVED") continue;
    const as = await listedAs(ctx, review.login, reviewers);
    if (!as) {
      notCounted.push({ login: review.login, why: "not one of the widening reviewers" });
      continue;
    }
    if (review.commitId !== headSha) {
      notCounted.push({
        login: review.login,
        why: `approved commit ${review.commitId.slice(0, 12)}, not the head ${headSha.slice(0, 12)} (pushed after the approval)`
      });
      continue;
    }
    approvedBy ??= { login: review.login, as };
  }
  return {
    widening,
    reviewers,
    headSha,
    approvedBy,
    notCounted,
    satisfied: approvedBy !== void 0
  };
}
function wideningSection(verdict2) {
  if (verdict2.widening.length === 0) return "";
  const who = verdict2.reviewers.map(reviewerText);
  const shown = verdict2.widening.slice(0, SHOWN_VAULTS);
  const lines = [
    ...shown.map(
      (entry) => `${entry.vault} gains: ${entry.gained.slice(0, 5).join(", ")}${entry.gained.length > 5 ? ` and ${entry.gained.length - 5} more` : ""}`.slice(
        0,
        300
      )
    ),
    ...verdict2.widening.length > shown.length ? [`… and ${verdict2.widening.length - shown.length} more vaults widen (see the plan)`] : [],
    ...verdict2.notCounted.slice(0, 20).map((entry) => `not counted: ${entry.login}: ${entry.why}`)
  ];
  const head = verdict2.approvedBy ? `✅ **Widening approved** by ${inlineCode(verdict2.approvedBy.login)} (as ${inlineCode(verdict2.approvedBy.as)}) on the head commit ${inlineCode(verdict2.headSha.slice(0, 12))}.` : `⛔ **This plan widens access and needs an approval** on the head commit ${inlineCode(verdict2.headSha.slice(0, 12))} from one of: ${who.map(inlineCode).join(", ")}. The plan check stays failing until then; a push after the approval needs a new one.`;
  return ["", "### Widening needs its reviewer", "", head, "", fence(lines, "text"), ""].join("\n");
}
async function publishWideningStatus(ctx, verdict2) {
  const description = verdict2.widening.length === 0 ? "the plan widens no access: no approval needed" : verdict2.approvedBy ? `widening approved by ${verdict2.approvedBy.login}` : `widening needs an approval from ${verdict2.reviewers.map(reviewerText).join(", ")}`;
  try {
    await setCommitStatus(ctx.github(), ctx.repo, verdict2.headSha, {
      state: verdict2.satisfied ? "success" : "failure",
      context: STATUS_CONTEXT,
      description,
      targetUrl: ctx.event.runUrl
    });
  } catch (error2) {
    warning(
      neutralizeForLog(`could not set the ${STATUS_CONTEXT} status: ${errorText(error2)}`)
    );
  }
}

// src/action/outputs.ts
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
function setOutcome(outcome) {
  setOutput("outcome", outcome);
}
function setPlanOutputs(plan, specSetId, env) {
  const folder = env.RUNNER_TEMP || tmpdir();
  const file = join(folder, `kvnet-plan-${specSetId.replace(/[^A-Za-z0-9._-]/g, "_")}.json`);
  writeFileSync(file, renderJson(plan));
  const counts = countPlan(plan);
  setOutput(
    "has-changes",
    plan.outcome === "changes" ? "true" : plan.outcome === "no-changes" ? "false" : ""
  );
  setOutput("fingerprint", plan.fingerprint);
  setOutput("plan-json", file);
  setOutput("steps", String(counts.steps));
  setOutput("widening", String(counts.widening));
  setOutput("narrowing", String(counts.narrowing));
  setOutput("destructive", String(counts.destructive));
  setOutput("blocked", String(counts.blocked));
  setOutput("vaults-changed", String(counts.vaultsChanged));
  return file;
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
  } catch (error2) {
    warning(`could not write the job summary: ${error2.message}`);
    return false;
  }
}

// src/adapters/azure/attempt-policy.ts
var DEFAULT_RETRY_AFTER_CAP_MS = 12e4;
var DEFAULT_RETRY_AFTER_FLOOR_MS = 1e3;
var BEYOND_CAP = "kvnetRetryAfterSeconds";
function throttledBeyondCap(message, retryAfterSeconds, options) {
  return Object.assign(new RestError2(message, options), { [BEYOND_CAP]: retryAfterSeconds });
}
function retryAfterBeyondCap(error2) {
  const value = error2?.[BEYOND_CAP];
  return typeof value === "number" ? value : void 0;
}
var MS_HEADERS = ["retry-after-ms", "x-ms-retry-after-ms"];
function askedWaitMs(response) {
  if (response.status !== 429 && response.status !== 503) return void 0;
  for (const header of MS_HEADERS) {
    const value = Number(response.headers.get(header) ?? Number.NaN);
    if (Number.isFinite(value)) return value;
  }
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter === void 0) return void 0;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return seconds * 1e3;
  const date = Date.parse(retryAfter);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : void 0;
}
function azureError(response) {
  try {
    const body = JSON.parse(response.bodyAsText ?? "{}");
    return { code: body.error?.code, message: body.error?.message };
  } catch {
    return {};
  }
}
function attemptPolicy(bounds) {
  return {
    name: "kvnetAttempt",
    sendRequest: async (request, next) => {
      const outer = request.abortSignal;
      const controller = new AbortController();
      const abandon = () => controller.abort();
      if (outer?.aborted) controller.abort();
      outer?.addEventListener("abort", abandon, { once: true });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, bounds.timeoutMs);
      request.abortSignal = controller.signal;
      let response;
      try {
        response = await next(request);
      } catch (error2) {
        if (!timedOut || outer?.aborted === true) throw error2;
        throw new RestError2(
          `${request.method} ${request.url.split("?")[0] ?? ""} timed out: no answer within ${Math.round(bounds.timeoutMs / 1e3)} s`,
          { code: "ETIMEDOUT", request }
        );
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener("abort", abandon);
        request.abortSignal = outer;
      }
      const asked = askedWaitMs(response);
      if (asked === void 0) return response;
      if (asked > bounds.retryAfterCapMs) {
        const { code, message } = azureError(response);
        const seconds = Math.ceil(asked / 1e3);
        throw throttledBeyondCap(
          `${message ?? `HTTP ${response.status}`} (Azure asked to wait ${seconds} s before retrying, longer than the ${Math.round(bounds.retryAfterCapMs / 1e3)} s kvnet waits at once: re-run later)`,
          seconds,
          {
            code: code ?? (response.status === 429 ? "TooManyRequests" : "ServiceUnavailable"),
            statusCode: response.status
          }
        );
      }
      if (asked < bounds.retryAfterFloorMs) {
        response.headers.set("retry-after-ms", String(bounds.retryAfterFloorMs));
        response.headers.delete("x-ms-retry-after-ms");
      }
      return response;
    }
  };
}

export {
  MAX_PARALLEL,
  BoundedRunner,
  require_ms,
  require_dist2 as require_dist,
  require_dist3 as require_dist2,
  getClient,
  operationOptionsToRequestParameters,
  createRestError,
  getLogLevel2 as getLogLevel,
  createClientLogger2 as createClientLogger,
  AbortError2 as AbortError,
  delay2 as delay,
  isObjectWithProperties,
  calculateRetryDelay2 as calculateRetryDelay,
  isError2 as isError,
  isNode,
  isNodeLike2 as isNodeLike,
  uint8ArrayToString2 as uint8ArrayToString,
  stringToUint8Array2 as stringToUint8Array,
  require_state,
  createTracingClient,
  RestError2 as RestError,
  isRestError2 as isRestError,
  createPipelineFromOptions2 as createPipelineFromOptions,
  createDefaultHttpClient2 as createDefaultHttpClient,
  createHttpHeaders2 as createHttpHeaders,
  createPipelineRequest2 as createPipelineRequest,
  retryPolicy2 as retryPolicy,
  bearerTokenAuthenticationPolicyName,
  bearerTokenAuthenticationPolicy,
  describeError,
  operationsFor,
  SdkAzureReader,
  DEFAULT_READ_CONCURRENCY,
  virtualNetworkOf,
  readLiveState,
  DEFAULT_RETRY_AFTER_CAP_MS,
  DEFAULT_RETRY_AFTER_FLOOR_MS,
  retryAfterBeyondCap,
  attemptPolicy,
  canonicalJson,
  changeSet,
  fingerprint,
  touchedVaults,
  stepsTouching,
  LiveLookup,
  isSucceeded,
  MANAGED_BY_TAG,
  MANAGED_BY_VALUE,
  liveWorld,
  applyStep,
  simulate,
  buildPlan,
  makePlan,
  fence,
  inlineCode,
  changedVaults,
  changeCounts,
  groupFindings,
  groupLine,
  splitByChange,
  COMMENT_LIMIT,
  renderMarkdownReport,
  KVNET_VERSION,
  safeSetId,
  planMarkerPrefix,
  driftMarker,
  readMarker,
  readEmbeddedPlan,
  planCommentBody,
  SUMMARY_FULL_PLAN_AT,
  commentFullPlanAt,
  rulesUrlOf,
  validateOnlyBody,
  invalidBody,
  failureBody,
  applyResultLines,
  applyCommentBody,
  applyRefusedBody,
  driftIssueBody,
  driftClosedComment,
  reviewersInput,
  evaluateWidening,
  wideningSection,
  publishWideningStatus,
  setOutcome,
  setPlanOutputs,
  setCommentUrl,
  SUMMARY_LIMIT_BYTES,
  writeSummary
};
