// One lint configuration for the whole tree: typescript-eslint's type-aware rules (floating and
// misused promises, unsafe `any`) over apps, libs, tests and benches; Prettier owns the layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // apps/web is a React app with a configuration of its own to come; the rest is not ours to lint.
  { ignores: ['apps/web/**', 'dist/**', 'node_modules/**', 'vendor/**', 'reports/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Nest's decorators and DI classes are empty on purpose (modules, DTO bases).
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests and benches read HTTP response bodies, which supertest and fetch type as `any`: the
    // assertions are their type check. Fakes implement async interfaces without awaiting.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  prettier,
);
