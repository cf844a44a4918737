import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
} from "./chunk-ENMDWJTH.js";
import "./chunk-OR57H7DE.js";
import "./chunk-7RRVYOQZ.js";
export {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
};
