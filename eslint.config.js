// Lint rules, including the import boundaries of DESIGN.md §2: each folder may only
// reach the rooms it is allowed to, so the pure engine stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (name) => ({
  group: [`**/${name}/**`, `**/${name}`, `../${name}/**`, `../../${name}/**`],
  message: `this folder must not import from src/${name} (DESIGN.md §2)`,
});
const azureSdk = { group: ['@azure/*'], message: 'only src/adapters/azure talks to Azure' };
const actionsSdk = {
  group: ['@actions/*'],
  message: 'only src/action and src/adapters/github use the Actions toolkit',
};
const fsModules = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
  name,
  message: 'the engine is pure: read files at the edges (cli, action) and pass text in',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'schema/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: fsModules,
          patterns: [
            azureSdk,
            actionsSdk,
            layer('adapters'),
            layer('action'),
            layer('cli'),
            layer('emulator'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            azureSdk,
            actionsSdk,
            layer('adapters'),
            layer('action'),
            layer('cli'),
            layer('emulator'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/adapters/azure/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [actionsSdk, layer('action'), layer('cli'), layer('emulator')] },
      ],
    },
  },
  {
    files: ['src/adapters/github/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [azureSdk, layer('action'), layer('cli'), layer('emulator')] },
      ],
    },
  },
  {
    files: ['src/action/**/*.ts', 'src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [azureSdk, layer('cli'), layer('emulator')] }],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/cli.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [actionsSdk, layer('action')] }],
    },
  },
  {
    files: ['src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            azureSdk,
            actionsSdk,
            layer('engine'),
            layer('adapters'),
            layer('action'),
            layer('cli'),
          ],
        },
      ],
    },
  },
);
