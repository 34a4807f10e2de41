import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@question-desk/audit';
import { DeskConfigService } from '@question-desk/config';
import { AccountsService } from './accounts.service';
import { LoginAttempts } from './login-attempts';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    AuditModule,
    JwtModule.registerAsync({
      inject: [DeskConfigService],
      useFactory: (config: DeskConfigService) => ({
        secret: config.values.token.secret,
        signOptions: { expiresIn: config.values.token.ttl as `${number}h`, issuer: 'question-desk' },
        verifyOptions: { issuer: 'question-desk', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AccountsService, LoginAttempts, UsersService],
  exports: [AccountsService, UsersService],
})
export class AccountsModule {}
