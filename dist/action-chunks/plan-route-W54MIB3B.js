import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-LSALXN6Q.js";
import "./chunk-FN4FJALW.js";
import "./chunk-EXRUMCH2.js";
import "./chunk-VKVPVNY3.js";
import "./chunk-I34TPNIT.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
