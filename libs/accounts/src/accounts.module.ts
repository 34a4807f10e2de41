import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { AccountsService } from './accounts.service';
import { EndedSessions } from './ended-sessions';
import { LoginAttempts } from './login-attempts';
import { User } from './user.entity';
import { UsersService } from './users.service';
import { ViewerCache } from './viewer-cache';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [DeskConfigService],
      useFactory: (config: DeskConfigService) => {
        // A KeyObject made once: given the secret as a string, jsonwebtoken 9 first tries to read
        // it as a public key on every verify (it fails, expensively): 7 % of the API's CPU samples
        // in bench:workflow with 50 clients (auth0/node-jsonwebtoken#1046).
        const key = createSecretKey(Buffer.from(config.values.token.secret));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { expiresIn: config.values.token.ttl as `${number}h`, issuer: 'question-desk' },
          verifyOptions: { issuer: 'question-desk', algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [AccountsService, EndedSessions, LoginAttempts, UsersService, ViewerCache],
  exports: [AccountsService, UsersService],
})
export class AccountsModule {}
