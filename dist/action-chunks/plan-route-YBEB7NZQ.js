import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-QINUQQW3.js";
import "./chunk-UCFZQ4OY.js";
import "./chunk-ENMDWJTH.js";
import "./chunk-7CXZDU2R.js";
import "./chunk-PSDJQE42.js";
import "./chunk-OR57H7DE.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
