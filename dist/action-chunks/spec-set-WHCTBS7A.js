import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
} from "./chunk-VKVPVNY3.js";
import "./chunk-I34TPNIT.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  loadSpecSet,
  todayFrom
};
