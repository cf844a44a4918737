import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
} from "./chunk-EXRUMCH2.js";
import "./chunk-FVRPGLV3.js";
import "./chunk-7RRVYOQZ.js";
export {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
};
