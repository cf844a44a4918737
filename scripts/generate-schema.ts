// Writes schema/kvnet.schema.json from the zod spec schema, so editors can validate specs
// through a "# yaml-language-server: $schema=" header. CI regenerates it and fails on drift.
import { mkdirSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { specSchema } from '../src/engine/spec/schema.js';

const jsonSchema = {
  ...z.toJSONSchema(specSchema, { io: 'input', target: 'draft-2020-12' }),
  title: 'kvnet spec v1',
};

mkdirSync('schema', { recursive: true });
writeFileSync('schema/kvnet.schema.json', `${JSON.stringify(jsonSchema, null, 2)}\n`);
