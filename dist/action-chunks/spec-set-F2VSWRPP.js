import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
} from "./chunk-7OOHCMP6.js";
import "./chunk-JFWSYJK2.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
};
