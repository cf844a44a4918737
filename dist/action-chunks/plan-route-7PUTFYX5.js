import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-574GKMZ7.js";
import "./chunk-XLTYFQES.js";
import "./chunk-ENMDWJTH.js";
import "./chunk-AEEXIISY.js";
import "./chunk-STE5ULIU.js";
import "./chunk-OR57H7DE.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
