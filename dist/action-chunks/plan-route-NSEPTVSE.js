import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-DWURXAIY.js";
import "./chunk-Q4XHWTJS.js";
import "./chunk-ENMDWJTH.js";
import "./chunk-5GW7YFEB.js";
import "./chunk-B6SJDPMF.js";
import "./chunk-OR57H7DE.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
