import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-ZD3AUL2G.js";
import "./chunk-J6YZOXJI.js";
import "./chunk-Y654CXHV.js";
import "./chunk-I2DMUX3B.js";
import "./chunk-5RNMGPRU.js";
import "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
