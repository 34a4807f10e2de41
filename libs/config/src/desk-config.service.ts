import type { DeskConfig } from './configuration';

/** The validated configuration, as an injectable. Its fields are the `DeskConfig`. */
export class DeskConfigService {
  constructor(readonly values: DeskConfig) {}

  get<K extends keyof DeskConfig>(key: K): DeskConfig[K] {
    return this.values[key];
  }
}
