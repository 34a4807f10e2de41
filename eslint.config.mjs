// One lint configuration for the whole tree: typescript-eslint's type-aware rules (floating and
// misused promises, unsafe `any`) over apps, libs, tests and benches; Prettier owns the layout.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'vendor/**', 'reports/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The web app's specs and Vite's config sit outside apps/web/tsconfig.json (they run in Node).
        projectService: { allowDefaultProject: ['apps/web/vite.config.ts', 'apps/web/src/*.spec.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
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
  // The web app: the rules of hooks (and React's own checks of what a component may do while rendering).
  { files: ['apps/web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  // Vite's config runs in Node with Vite's own types, which the default project cannot resolve.
  { files: ['apps/web/vite.config.ts'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
