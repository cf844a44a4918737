import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
} from "./chunk-ENCI5V77.js";
import "./chunk-J2VWEGGM.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
};
