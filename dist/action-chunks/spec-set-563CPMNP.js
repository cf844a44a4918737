import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  cloudsOf,
  loadSpecSet,
  todayFrom
} from "./chunk-Y654CXHV.js";
import "./chunk-I2DMUX3B.js";
import "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  cloudsOf,
  loadSpecSet,
  todayFrom
};
