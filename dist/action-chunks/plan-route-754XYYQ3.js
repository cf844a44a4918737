import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-MSF4YDXR.js";
import "./chunk-5TGWZXBQ.js";
import "./chunk-EXRUMCH2.js";
import "./chunk-7OOHCMP6.js";
import "./chunk-JFWSYJK2.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
