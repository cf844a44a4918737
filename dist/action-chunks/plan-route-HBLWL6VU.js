import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
} from "./chunk-BE4TDLQS.js";
import "./chunk-H72JU2T6.js";
import "./chunk-KLKWPYBU.js";
import "./chunk-I2DMUX3B.js";
import "./chunk-MH4AOWL2.js";
import "./chunk-Y4FF344V.js";
import "./chunk-7RRVYOQZ.js";
export {
  logPlan,
  planRoute,
  publishPlan,
  reportInvalid,
  validateOnly
};
