import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-XNCONX6Z.js";
import "./chunk-UORQBAO6.js";
import "./chunk-EXRUMCH2.js";
import "./chunk-ENCI5V77.js";
import "./chunk-J2VWEGGM.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
