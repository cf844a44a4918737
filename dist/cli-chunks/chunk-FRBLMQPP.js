#!/usr/bin/env node
import { createRequire as __kvnetCreateRequire } from 'node:module';
const require = __kvnetCreateRequire(import.meta.url);

// src/version.ts
var KVNET_VERSION = "0.1.0";

export {
  KVNET_VERSION
};
