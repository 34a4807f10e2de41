import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** Provides the wall clock; tests and demos override `Clock` to move time. */
@Global()
@Module({ providers: [{ provide: Clock, useClass: SystemClock }], exports: [Clock] })
export class ClockModule {}
