import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
} from "./chunk-5GW7YFEB.js";
import "./chunk-B6SJDPMF.js";
import "./chunk-OR57H7DE.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
};
