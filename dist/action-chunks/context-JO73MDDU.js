import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
} from "./chunk-5RNMGPRU.js";
import "./chunk-QTB6K6WF.js";
import "./chunk-7RRVYOQZ.js";
export {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
};
