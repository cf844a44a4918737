import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  annotatePlanFindings,
  cloudsOf,
  loadSpecSet,
  todayFrom
} from "./chunk-KLKWPYBU.js";
import "./chunk-I2DMUX3B.js";
import "./chunk-Y4FF344V.js";
import "./chunk-7RRVYOQZ.js";
export {
  annotatePlanFindings,
  cloudsOf,
  loadSpecSet,
  todayFrom
};
