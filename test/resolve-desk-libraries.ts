// Jest's global setup and teardown run outside the test sandbox, where `moduleNameMapper` does not
// apply: resolve the @question-desk/* paths of tsconfig.json here.
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../tsconfig.json';

register({ baseUrl: `${__dirname}/..`, paths: compilerOptions.paths });
