import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);
import {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
} from "./chunk-MH4AOWL2.js";
import "./chunk-Y4FF344V.js";
import "./chunk-7RRVYOQZ.js";
export {
  createContext,
  errorText,
  logUntrusted,
  logUntrustedBlock
};
